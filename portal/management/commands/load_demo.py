import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# In dependency order: events point at programmes, the library at programmes and events.
DEMO_MODULES = ("networks.demo", "programmes.demo", "publications.demo", "events.demo")


class Command(BaseCommand):
    help = (
        "Load the demo content from the three source records (shared/seeds). "
        "Each app adds its records through its `demo.load()`; running it twice changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for module_name in DEMO_MODULES:
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                summary = module.load()
                self.stdout.write(f"{module_name}: {summary or 'loaded'}")
