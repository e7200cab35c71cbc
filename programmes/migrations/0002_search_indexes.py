"""Trigram indexes for site search on PostgreSQL (nothing on other databases).

The columns are those of the app's registered search sources, in the same order
(a PostgreSQL test checks that the search queries use these indexes).
"""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("programmes", "0001_initial"),
    ]

    operations = [
        CreateSearchIndex(model_name="programme", columns=["title_th", "title_en", "acronym_th", "acronym_en", "summary_th", "summary_en"]),
        CreateSearchIndex(model_name="goodpractice", columns=["title_th", "title_en", "summary_th", "summary_en"]),
    ]
