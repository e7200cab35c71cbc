"""Trigram indexes for site search on PostgreSQL (nothing on other databases).

The columns are those of the app's registered search sources, in the same order
(a PostgreSQL test checks that the search queries use these indexes).
"""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("publications", "0001_initial"),
    ]

    operations = [
        CreateSearchIndex(model_name="publication", columns=["title_th", "title_en", "authors_th", "authors_en", "abstract_th", "abstract_en"]),
    ]
