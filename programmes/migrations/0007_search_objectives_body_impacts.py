"""Site search also reads a programme's objectives, body, impact statements and team,
and a good practice's body: the trigram indexes over the new columns (PostgreSQL only)."""

from django.db import migrations

from portal.migrations.operations import CreateSearchIndex, RemoveSearchIndex


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("programmes", "0006_iati_sector_and_parent"),
    ]

    operations = [
        RemoveSearchIndex(model_name="programme", columns=["title_th", "title_en", "acronym_th", "acronym_en", "summary_th", "summary_en"]),
        CreateSearchIndex(model_name="programme", columns=["title_th", "title_en", "acronym_th", "acronym_en", "summary_th", "summary_en", "objectives_th", "objectives_en", "body_th", "body_en"]),
        RemoveSearchIndex(model_name="goodpractice", columns=["title_th", "title_en", "summary_th", "summary_en"]),
        CreateSearchIndex(model_name="goodpractice", columns=["title_th", "title_en", "summary_th", "summary_en", "body_th", "body_en"]),
        CreateSearchIndex(model_name="impactstatement", columns=["text_th", "text_en"]),
    ]
