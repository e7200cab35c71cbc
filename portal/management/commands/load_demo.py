from django.core.management.base import BaseCommand
from django.db import transaction

from portal import history, registry


class Command(BaseCommand):
    help = (
        "Load the demo content from the three source records (shared/seeds). "
        "Each app registers its demo loader from its AppConfig.ready(); they run in "
        "INSTALLED_APPS order (lower apps first), and running them twice changes nothing."
    )

    def handle(self, *args, **options):
        # Every record the demo creates or changes gets a history entry saying so.
        with transaction.atomic(), history.recorded(history.DEMO_MARK):
            for loader in registry.demo_loaders:
                summary = loader.load()
                self.stdout.write(f"{loader.label}: {summary or 'loaded'}")
