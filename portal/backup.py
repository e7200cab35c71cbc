"""Backups that restore exactly: every row of every table and every stored file.

`manage.py backup` writes one `.tar.gz`:

    manifest.json      format, when, the applied migrations, rows per table, and the
                       size and SHA-256 of every file
    data/<table>.jsonl one line naming the columns, then one JSON array per row
    media/…            MEDIA_ROOT (public images and their renditions)
    protected/…        PROTECTED_MEDIA_ROOT (every publication file)

`manage.py restore <file>` checks every file of the archive against the manifest,
requires a database migrated to the same migrations and (unless `--force`) holding
no records and empty media folders, then in one transaction deletes the rows that
`migrate` made (content types, permissions, groups) and inserts every row with its
own primary key, resets the sequences, and writes the files back.

Why our own and not django-dbbackup: it backs the database up with the server's
own tools (`pg_dump`, which must match the server's version, or a copy of the
SQLite file), so a backup cannot move between PostgreSQL and SQLite and needs
those tools installed wherever it runs; and Django's `dumpdata`, the other
portable way, cuts microseconds to milliseconds and, with django-modeltranslation,
reads a translated field through its language fallback instead of its column.
Here rows are read with a plain QuerySet's `values_list()` (the columns as stored,
no translation rewriting, no descriptors), written with full-precision ISO dates,
and put back with plain `INSERT`s, so what comes back is what was there, byte for
byte, on either database.
"""

import base64
import datetime
import decimal
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import uuid
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime, parse_duration, parse_time
from django.utils.duration import duration_iso_string

FORMAT = "phakhi-backup-1"
BATCH = 1000
# Rows `migrate` itself creates; a database holding only these counts as empty.
MADE_BY_MIGRATE = {
    "contenttypes.contenttype",
    "auth.permission",
    "auth.group",
    "auth.group_permissions",
}


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why."""


def _encode(value):
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()  # all six digits of microseconds, and the offset
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


_DECODERS = {
    "DateTimeField": parse_datetime,
    "DateField": parse_date,
    "TimeField": parse_time,
    "DurationField": parse_duration,
    "DecimalField": decimal.Decimal,
    "UUIDField": uuid.UUID,
    "BinaryField": base64.b64decode,
}


def _decode(field, value):
    """The Python value `_encode` wrote, by the column's type (never through a field's own
    to_python, which may reinterpret, as a Buddhist-Era year field does)."""
    if value is None:
        return None
    target = field.target_field if field.is_relation else field
    decoder = next(
        (_DECODERS[t] for t in (target.get_internal_type(),) if t in _DECODERS),
        None,
    )
    if decoder is None:
        for base in type(target).__mro__:
            if base.__name__ in _DECODERS and base.__module__.startswith("django.db.models"):
                decoder = _DECODERS[base.__name__]
                break
    return decoder(value) if decoder else value


def _models():
    """Every table Django manages, many-to-many tables included, in a stable order."""
    installed = {config.label for config in apps.get_app_configs()}
    found = [
        model
        for label, models in apps.all_models.items()
        if label in installed
        for model in models.values()
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    return sorted(found, key=lambda m: m._meta.label_lower)


def _roots() -> dict[str, Path]:
    return {"media": Path(settings.MEDIA_ROOT), "protected": Path(settings.PROTECTED_MEDIA_ROOT)}


def _files(root: Path):
    if root.is_dir():
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.is_symlink():
                yield path


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _applied_migrations() -> list[list[str]]:
    recorder = MigrationRecorder(connection)
    return sorted([list(key) for key in recorder.applied_migrations()])


@contextmanager
def _snapshot():
    """One consistent view of the database for the whole backup."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


def _rows(model):
    fields = model._meta.concrete_fields
    queryset = QuerySet(model=model).order_by("pk").values_list(*[f.attname for f in fields])
    for row in queryset.iterator(chunk_size=BATCH):
        yield [_encode(value) for value in row]


def write_backup(path: Path) -> dict:
    """Write the archive to `path`; returns its manifest."""
    path.parent.mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": FORMAT,
        "created": timezone.now().isoformat(),
        "database": connection.vendor,
        "migrations": [],
        "tables": {},
        "files": {},
    }
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch) / "data"
        data_dir.mkdir()
        with _snapshot():
            manifest["migrations"] = _applied_migrations()
            for model in _models():
                table = model._meta.db_table
                count = 0
                with (data_dir / f"{table}.jsonl").open("w", encoding="utf-8") as out:
                    header = {
                        "model": model._meta.label_lower,
                        "columns": [f.attname for f in model._meta.concrete_fields],
                    }
                    out.write(json.dumps(header) + "\n")
                    for row in _rows(model):
                        out.write(json.dumps(row, ensure_ascii=False) + "\n")
                        count += 1
                manifest["tables"][table] = count
        for prefix, root in _roots().items():
            for file in _files(root):
                name = f"{prefix}/{file.relative_to(root).as_posix()}"
                manifest["files"][name] = {"size": file.stat().st_size, "sha256": _sha256(file)}
        with tarfile.open(path, "w:gz") as archive:
            body = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            info.mtime = int(timezone.now().timestamp())
            archive.addfile(info, io.BytesIO(body))
            for file in sorted(data_dir.iterdir()):
                archive.add(file, arcname=f"data/{file.name}")
            for prefix, root in _roots().items():
                for file in _files(root):
                    name = f"{prefix}/{file.relative_to(root).as_posix()}"
                    if name in manifest["files"]:
                        archive.add(file, arcname=name)
    return manifest


# --- restore ---------------------------------------------------------------------------


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or "\\" in name or "\x00" in name:
        raise BackupError(f"The archive holds an unsafe path: {name!r}")
    return path


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
    except (KeyError, AttributeError, ValueError) as exc:
        raise BackupError("This is not a Phakhi backup (no readable manifest.json).") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    return manifest


def _check_target(manifest: dict, force: bool) -> None:
    applied = _applied_migrations()
    if not applied:
        raise BackupError("The database has no tables yet: run `manage.py migrate` first.")
    if applied != manifest["migrations"]:
        ours, theirs = {tuple(m) for m in applied}, {tuple(m) for m in manifest["migrations"]}
        raise BackupError(
            "The database is not at the backup's migrations: "
            f"{len(theirs - ours)} missing, {len(ours - theirs)} newer. Migrate to the same "
            "code version as the backup first, restore, then migrate onwards."
        )
    if force:
        return
    busy = [
        model._meta.label_lower
        for model in _models()
        if model._meta.label_lower not in MADE_BY_MIGRATE and QuerySet(model=model).exists()
    ]
    if busy:
        raise BackupError(
            "The database already holds records ("
            + ", ".join(busy[:5])
            + ("…" if len(busy) > 5 else "")
            + "). Restore into an empty database, or pass --force to replace everything."
        )
    for prefix, root in _roots().items():
        if next(_files(root), None) is not None:
            raise BackupError(
                f"{root} ({prefix}) is not empty. Restore into empty folders, or pass --force."
            )


def _verify_members(archive: tarfile.TarFile, manifest: dict) -> None:
    for name, facts in manifest["files"].items():
        _safe_name(name)
        try:
            member = archive.extractfile(name)
        except KeyError as exc:
            raise BackupError(f"The archive lacks {name}.") from exc
        digest = hashlib.sha256()
        while chunk := member.read(1024 * 1024):
            digest.update(chunk)
        if digest.hexdigest() != facts["sha256"]:
            raise BackupError(f"{name} in the archive is damaged (its SHA-256 differs).")


def _insert_table(archive: tarfile.TarFile, model, table: str) -> int:
    member = archive.extractfile(f"data/{table}.jsonl")
    lines = io.TextIOWrapper(member, encoding="utf-8")
    header = json.loads(next(lines))
    fields = {f.attname: f for f in model._meta.concrete_fields}
    missing = [c for c in header["columns"] if c not in fields]
    if missing:
        raise BackupError(f"{table}: the backup has columns this code does not know: {missing}")
    columns = [fields[name] for name in header["columns"]]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(table),
        ", ".join(quote(f.column) for f in columns),
        ", ".join(["%s"] * len(columns)),
    )
    count, batch = 0, []
    with connection.cursor() as cursor:
        for line in lines:
            row = json.loads(line)
            batch.append(
                [
                    field.get_db_prep_save(_decode(field, value), connection)
                    for field, value in zip(columns, row, strict=True)
                ]
            )
            if len(batch) >= BATCH:
                cursor.executemany(sql, batch)
                count, batch = count + len(batch), []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


@contextmanager
def _quiet_page_cache():
    """Restoring rows must not touch the cache once per row; it is made stale once at the end."""
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from portal import pagecache

    for signal in (post_save, post_delete, m2m_changed):
        signal.disconnect(dispatch_uid=f"portal.pagecache.{signal!r}")
    try:
        yield
    finally:
        pagecache.connect_signals()
        pagecache.bump()


def _write_files(archive: tarfile.TarFile, manifest: dict, force: bool) -> None:
    roots = _roots()
    for root in roots.values():
        if force and root.is_dir():
            shutil.rmtree(root)
        root.mkdir(parents=True, exist_ok=True)
    for name in manifest["files"]:
        path = _safe_name(name)
        prefix, rest = path.parts[0], PurePosixPath(*path.parts[1:])
        if prefix not in roots:
            raise BackupError(f"The archive holds a file outside the media folders: {name!r}")
        target = (roots[prefix] / rest).resolve()
        if not target.is_relative_to(roots[prefix].resolve()):
            raise BackupError(f"The archive holds an unsafe path: {name!r}")
        member = archive.getmember(name)
        target.parent.mkdir(parents=True, exist_ok=True)
        with archive.extractfile(member) as source, target.open("wb") as out:
            shutil.copyfileobj(source, out)
        target.chmod(settings.FILE_UPLOAD_PERMISSIONS or 0o640)
        # Keep the stored time: media answers Last-Modified from it.
        os.utime(target, (member.mtime, member.mtime))


def restore_backup(path: Path, *, force: bool = False) -> dict:
    """Restore the archive at `path` (see the module docstring); returns its manifest."""
    with tarfile.open(path, "r:gz") as archive:
        manifest = _read_manifest(archive)
        _check_target(manifest, force)
        _verify_members(archive, manifest)
        models = {m._meta.db_table: m for m in _models()}
        unknown = [t for t in manifest["tables"] if t not in models]
        if unknown:
            raise BackupError(f"The backup has tables this code does not know: {unknown}")
        with _quiet_page_cache(), transaction.atomic():
            with connection.cursor() as cursor:
                for table in models:
                    cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
            for table, expected in manifest["tables"].items():
                restored = _insert_table(archive, models[table], table)
                if restored != expected:
                    raise BackupError(
                        f"{table}: {restored} rows read, the manifest says {expected}."
                    )
            statements = connection.ops.sequence_reset_sql(no_style(), list(models.values()))
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
            connection.check_constraints(table_names=list(models))
        _write_files(archive, manifest, force)
    return manifest
