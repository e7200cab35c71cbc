"""`manage.py backup` and `manage.py restore`: everything comes back, byte for byte."""

import datetime
import io
import tarfile
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from PIL import Image

from portal.backup import _models
from tests.networks.factories import OrganisationFactory
from tests.publications.factories import PublicationFactory, pdf_bytes, with_file


def database_snapshot() -> dict:
    """Every row of every table as the database returns it, ordered."""
    snapshot = {}
    with connection.cursor() as cursor:
        for model in _models():
            table = model._meta.db_table
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            columns = [c[0] for c in cursor.description]
            rows = [
                tuple(bytes(v) if isinstance(v, memoryview) else v for v in row)
                for row in cursor.fetchall()
            ]
            snapshot[table] = (columns, sorted(rows, key=repr))
    return snapshot


def files_snapshot(settings) -> dict:
    found = {}
    for root in (Path(settings.MEDIA_ROOT), Path(settings.PROTECTED_MEDIA_ROOT)):
        for path in root.rglob("*"):
            if path.is_file():
                found[(root.name, path.relative_to(root).as_posix())] = path.read_bytes()
    return found


def empty_folders(settings) -> None:
    import shutil

    for root in (Path(settings.MEDIA_ROOT), Path(settings.PROTECTED_MEDIA_ROOT)):
        shutil.rmtree(root, ignore_errors=True)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (500, 300), "olive").save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def archive_content(settings):
    """The demo site plus records that are easy to get wrong: microseconds, a Thai-only
    title, an image with renditions, a partners-only file."""
    settings.DEBUG = True  # the demo partner account is made only in debug
    call_command("load_demo", stdout=io.StringIO())
    settings.DEBUG = False
    moment = datetime.datetime(2024, 1, 2, 3, 4, 5, 123456, tzinfo=datetime.UTC)
    publication = PublicationFactory(
        title_th="รายงานภาษาไทยเท่านั้น", title_en="", access="partners", published_at=moment
    )
    with_file(publication, pdf_bytes(2), "รายงาน ฉบับเต็ม.pdf")
    organisation = OrganisationFactory(name_en="")
    organisation.logo.save("โลโก้.jpg", ContentFile(_jpeg()))
    return moment


@pytest.mark.django_db(transaction=True)
def test_a_restore_into_an_empty_database_and_empty_folders_gives_back_everything(
    settings, tmp_path, archive_content
):
    before_rows = database_snapshot()
    before_files = files_snapshot(settings)
    assert sum(len(rows) for _, rows in before_rows.values()) > 200
    assert any(root == "protected" for root, _ in before_files)
    assert any(name.endswith(".webp") for _, name in before_files)

    archive = tmp_path / "phakhi.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "rows in" in out.getvalue()

    # An empty database, as `migrate` leaves one (content types, permissions and groups made
    # anew), and empty media folders.
    call_command("flush", "--noinput")
    empty_folders(settings)
    assert database_snapshot() != before_rows

    call_command("restore", str(archive), stdout=io.StringIO())

    after_rows = database_snapshot()
    assert after_rows.keys() == before_rows.keys()
    for table in before_rows:
        assert after_rows[table] == before_rows[table], table
    assert files_snapshot(settings) == before_files

    from publications.models import Publication

    restored = Publication.objects.get(title_th="รายงานภาษาไทยเท่านั้น")
    assert restored.published_at == archive_content  # microseconds kept
    assert restored.published_at.microsecond == 123456
    # Sequences follow the restored keys: new records get new numbers.
    OrganisationFactory()
    with_file(PublicationFactory(), pdf_bytes(1), "new.pdf")


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_with_records_and_leaves_it_alone(settings, tmp_path):
    OrganisationFactory(name_en="Kept")
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="already holds records"):
        call_command("restore", str(archive), stdout=io.StringIO())
    from networks.models import Organisation

    assert Organisation.objects.filter(name_en="Kept").exists()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_damaged_archive(settings, tmp_path):
    organisation = OrganisationFactory()
    organisation.logo.save("logo.jpg", ContentFile(_jpeg()))
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/") and member.name.endswith(".jpg"):
                data = data[:-10] + b"0123456789"
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    call_command("flush", "--noinput")
    empty_folders(settings)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(damaged), stdout=io.StringIO())


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_paths_outside_the_media_folders(settings, tmp_path):
    archive = tmp_path / "b.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    hostile = tmp_path / "hostile.tar.gz"
    import json

    with tarfile.open(archive) as source, tarfile.open(hostile, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["files"]["media/../../escaped.txt"] = {"size": 1, "sha256": "0"}
                data = json.dumps(manifest).encode()
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    call_command("flush", "--noinput")
    with pytest.raises(CommandError, match="unsafe path"):
        call_command("restore", str(hostile), stdout=io.StringIO())
    assert not (Path(settings.MEDIA_ROOT).parent.parent / "escaped.txt").exists()


def test_times_keep_their_microseconds_in_the_archive_format():
    from portal.backup import _decode, _encode
    from publications.models import Publication

    field = Publication._meta.get_field("published_at")
    moment = timezone.make_aware(datetime.datetime(2024, 1, 2, 3, 4, 5, 6))
    assert _decode(field, _encode(moment)) == moment
