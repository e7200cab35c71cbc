"""Trigram indexes for site search on PostgreSQL (nothing on other databases).

The columns are those of the app's registered search sources, in the same order
(a PostgreSQL test checks that the search queries use these indexes).
"""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("networks", "0001_initial"),
    ]

    operations = [
        CreateSearchIndex(model_name="organisation", columns=["name_th", "name_en", "acronym_th", "acronym_en", "description_th", "description_en", "city_th", "city_en"]),
        CreateSearchIndex(model_name="network", columns=["name_th", "name_en", "acronym_th", "acronym_en", "description_th", "description_en"]),
    ]
