from django.core.management.base import BaseCommand
from django.db import transaction

from portal import registry


class Command(BaseCommand):
    help = (
        "Load the demo content from the three source records (shared/seeds). "
        "Each app registers its demo loader from its AppConfig.ready(); they run in "
        "INSTALLED_APPS order (lower apps first), and running them twice changes nothing."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in registry.demo_loaders:
                summary = loader.load()
                self.stdout.write(f"{loader.label}: {summary or 'loaded'}")
