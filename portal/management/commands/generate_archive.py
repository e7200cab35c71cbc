"""Build (or remove) a generated archive the size of a real one, for measuring.

    manage.py generate_archive --scale 1 --seed 1    # 10,000 events, 20,000 publications, …
    manage.py generate_archive --scale 0.1           # one tenth
    manage.py generate_archive --remove              # delete exactly the generated rows

Each app adds its part through the generator it registered with
`portal.registry.register_archive_generator` (in dependency order, so higher apps
find the rows lower ones made). Every generated record has a slug starting with
`gen-` and a title or name marked "(generated)" / "(ข้อมูลจำลอง)"; the command
refuses a database that holds other records (the demo, or real ones) unless
`--force`, so generated rows are never mixed in by accident. Inserts are bulk
inserts; on PostgreSQL the tables are analysed afterwards.
"""

import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from portal import pagecache, registry
from portal.archive import PREFIX


def slugged_models():
    """The models of the apps that generate rows, which carry a slug (the `gen-` mark)."""
    for generator in registry.archive_generators:
        for model in generator.models():
            if any(field.name == "slug" for field in model._meta.get_fields()):
                yield model


def other_records() -> dict[str, int]:
    """Records that are not generated (the demo's or real ones), by model."""
    found = {}
    for model in slugged_models():
        count = (
            model._base_manager.exclude(slug__startswith=PREFIX).exclude(slug__isnull=True).count()
        )
        if count:
            found[model._meta.label] = count
    return found


def generated_records() -> dict[str, int]:
    found = {}
    for model in slugged_models():
        count = model._base_manager.filter(slug__startswith=PREFIX).count()
        if count:
            found[model._meta.label] = count
    return found


def analyze() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


class Command(BaseCommand):
    help = (
        "Generate an archive of marked records (gen- slugs) for benchmarks, or remove it. "
        "Never run it on a database with real content."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=float, default=1.0, help="1 = 10,000 events (default); 0.1 = a tenth"
        )
        parser.add_argument("--seed", type=int, default=1, help="same seed, same rows")
        parser.add_argument(
            "--force",
            action="store_true",
            help="generate even though the database holds other (demo or real) records",
        )
        parser.add_argument(
            "--remove", action="store_true", help="delete the generated rows and nothing else"
        )

    def handle(self, *args, scale, seed, force, remove, **options):
        if not registry.archive_generators:
            raise CommandError("No app registered an archive generator.")
        started = time.perf_counter()
        if remove:
            self.remove()
        else:
            self.generate(scale=scale, seed=seed, force=force)
        # Bulk inserts and deletes send no signals: make every cached page stale here.
        pagecache.bump()
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s ({connection.vendor}).")

    def remove(self):
        with transaction.atomic():
            for generator in reversed(registry.archive_generators):
                if generator.remove is None:
                    continue
                started = time.perf_counter()
                summary = generator.remove()
                self.stdout.write(
                    f"{generator.label}: removed {summary} ({time.perf_counter() - started:.1f} s)"
                )
        analyze()

    def generate(self, *, scale: float, seed: int, force: bool):
        if scale <= 0:
            raise CommandError("--scale must be above 0.")
        if existing := generated_records():
            raise CommandError(
                f"The database already holds a generated archive ({self.describe(existing)}); "
                "remove it first with --remove."
            )
        others = other_records()
        if others and not force:
            raise CommandError(
                f"The database holds records that are not generated ({self.describe(others)}), "
                "the demo's or real ones. Use an empty database, or --force to add the "
                "generated archive beside them."
            )
        self.stdout.write(f"Generating the archive at scale {scale:g}, seed {seed} …")
        with transaction.atomic():
            for generator in registry.archive_generators:
                started = time.perf_counter()
                # One stream per app: an app's rows do not depend on what the others draw.
                rng = random.Random(f"{seed}:{generator.label}")
                summary = generator.generate(scale=scale, rng=rng, stdout=self.stdout)
                self.stdout.write(
                    f"{generator.label}: {summary} ({time.perf_counter() - started:.1f} s)"
                )
        started = time.perf_counter()
        analyze()
        if connection.vendor == "postgresql":
            self.stdout.write(f"ANALYZE ({time.perf_counter() - started:.1f} s)")

    @staticmethod
    def describe(counts: dict[str, int]) -> str:
        return ", ".join(f"{count} {label}" for label, count in sorted(counts.items()))
