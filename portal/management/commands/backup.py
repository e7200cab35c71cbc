"""`manage.py backup [FILE]`: the database and both media folders in one archive (portal/backup.py)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.backup import write_backup


class Command(BaseCommand):
    help = "Back up every table and both media folders into one .tar.gz (restore with `restore`)."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            help="the archive to write (default: var/backups/phakhi-<UTC time>.tar.gz)",
        )

    def handle(self, *args, path=None, **options):
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        target = Path(path) if path else settings.VAR_DIR / "backups" / f"phakhi-{stamp}.tar.gz"
        manifest = write_backup(target)
        rows = sum(manifest["tables"].values())
        size = sum(f["size"] for f in manifest["files"].values())
        self.stdout.write(
            f"{target}: {rows} rows in {len(manifest['tables'])} tables, "
            f"{len(manifest['files'])} files ({size:,} bytes)"
        )
