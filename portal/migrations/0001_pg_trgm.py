from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    """Trigram matching for Thai search on PostgreSQL (a no-op on SQLite)."""

    dependencies = []

    operations = [TrigramExtension()]
