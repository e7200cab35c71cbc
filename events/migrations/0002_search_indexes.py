"""Trigram indexes for site search on PostgreSQL (nothing on other databases).

The columns are those of the app's registered search sources, in the same order
(a PostgreSQL test checks that the search queries use these indexes).
"""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("events", "0001_initial"),
    ]

    operations = [
        CreateSearchIndex(model_name="event", columns=["title_th", "title_en", "summary_th", "summary_en", "venue_city_th", "venue_city_en"]),
    ]
