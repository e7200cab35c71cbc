"""Site search finds programmes and events by the names of people in public roles there:
a trigram index on people's names (PostgreSQL only; never their contact details)."""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("networks", "0004_history"),
    ]

    operations = [
        CreateSearchIndex(model_name="person", columns=["given_name_th", "given_name_en", "family_name_th", "family_name_en"]),
    ]
