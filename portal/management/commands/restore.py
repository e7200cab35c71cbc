"""`manage.py restore FILE`: put a backup back into a migrated, empty database and empty
media folders (portal/backup.py says what is checked first)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `backup` into a migrated, empty database and media folders."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the archive `backup` wrote")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace whatever the database and the media folders hold now",
        )

    def handle(self, *args, path, force=False, **options):
        try:
            manifest = restore_backup(Path(path), force=force)
        except (BackupError, FileNotFoundError) as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Restored {rows} rows in {len(manifest['tables'])} tables and "
            f"{len(manifest['files'])} files from {path} (made {manifest['created']})."
        )
