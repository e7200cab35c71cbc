"""Trigram indexes for site search on PostgreSQL (nothing on other databases).

Django's `icontains` on PostgreSQL is `UPPER(x::text) LIKE UPPER('%q%')`, so
only an expression index on `UPPER(x)` with `gin_trgm_ops` serves it. The search
filters on one expression per table, `portal.search.document(columns)`: all
searched columns in both languages, joined. That one index per table is what
the planner uses; an OR over a dozen per-column indexes it does not (it scans
the status index or the table instead, measured on 20,000 rows).

Not expressible as `Meta.indexes` (the opclass breaks `migrate` on SQLite), so
it is created here only on PostgreSQL. Keep the column lists in step with
`portal.search.SOURCES`, in the same order (a test checks it).
"""

from django.db import migrations
from django.db.models.functions import Upper
from django.db.models.sql import Query

from portal.search import document

LANGS = ("th", "en")
SEARCHED = {
    ("programmes", "Programme"): ("title", "acronym", "summary"),
    ("events", "Event"): ("title", "summary", "venue_city"),
    ("networks", "Organisation"): ("name", "acronym", "description", "city"),
    ("networks", "Network"): ("name", "acronym", "description"),
    ("programmes", "GoodPractice"): ("title", "summary"),
    ("programmes", "Publication"): ("title", "authors", "abstract"),
}


def columns(fields):
    return [f"{field}_{lang}" for field in fields for lang in LANGS]


def _indexes(apps):
    for (app_label, model_name), fields in SEARCHED.items():
        model = apps.get_model(app_label, model_name)
        yield model, f"search_trgm_{model._meta.db_table}", Upper(document(columns(fields)))


def _expression_sql(model, expression, schema_editor) -> str:
    """The expression as Django writes it in queries, with unqualified column names."""
    query = Query(model, alias_cols=False)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(expression.resolve_expression(query))
    return sql % tuple(schema_editor.quote_value(param) for param in params)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for model, name, expression in _indexes(apps):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON {quote(model._meta.db_table)} "
            f"USING gin (({_expression_sql(model, expression, schema_editor)}) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _model, name, _expression in _indexes(apps):
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_pg_trgm"),
        ("networks", "0001_initial"),
        ("programmes", "0001_initial"),
        ("events", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
