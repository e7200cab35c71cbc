"""Site search also reads an event's objectives and report and its sessions' topics:
the trigram indexes over the new columns (PostgreSQL only)."""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex, RemoveSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("events", "0006_transfers"),
    ]

    operations = [
        RemoveSearchIndex(model_name="event", columns=["title_th", "title_en", "summary_th", "summary_en", "venue_city_th", "venue_city_en"]),
        CreateSearchIndex(model_name="event", columns=["title_th", "title_en", "summary_th", "summary_en", "venue_city_th", "venue_city_en", "objectives_th", "objectives_en", "body_th", "body_en"]),
        CreateSearchIndex(model_name="session", columns=["title_th", "title_en"]),
    ]
