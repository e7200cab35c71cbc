import importlib

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_APPS = ("networks", "programmes", "events")


class Command(BaseCommand):
    help = (
        "Load the demo content from the three source records (shared/seeds). "
        "Each app adds its records through its `demo.load()`; running it twice changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for label in DEMO_APPS:
                module_name = f"{apps.get_app_config(label).name}.demo"
                try:
                    module = importlib.import_module(module_name)
                except ModuleNotFoundError as exc:
                    if exc.name != module_name:
                        raise
                    continue
                summary = module.load()
                self.stdout.write(f"{label}: {summary or 'loaded'}")
