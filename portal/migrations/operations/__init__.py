"""Migration operations of portal, for the apps' own migrations.

`CreateSearchIndex` makes the PostgreSQL trigram index that serves site search
(see `portal.searchindex`). Django's search needs `UPPER(document)` with
`gin_trgm_ops`: one index per table over all its searched columns, because the
planner does not combine a dozen per-column index scans for an OR (it scans the
table instead, measured on 20,000 rows). Not expressible as `Meta.indexes`: the
operator class breaks `migrate` on SQLite, where search scans the table.

The expression is built here from a frozen copy of the search's document, so a
later change to run-time code never changes what an old migration did; a
PostgreSQL test checks that the search's queries still use these indexes. This
package is not a migration (the loader skips packages inside `migrations/`).
"""

from django.db.migrations.operations.base import Operation
from django.db.models import F, TextField, Value
from django.db.models.functions import Concat, Upper
from django.db.models.sql import Query


def _document(columns) -> Concat:
    """Frozen: the searched columns joined by a space, as `portal.searchindex.document`."""
    parts = []
    for column in columns:
        parts += [F(column), Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())


def index_name(db_table: str) -> str:
    return f"search_trgm_{db_table}"


class CreateSearchIndex(Operation):
    """A trigram index on `UPPER(document(columns))`, on PostgreSQL only.

    Not expressible as `Meta.indexes`: the operator class breaks `migrate` on
    SQLite, where search scans the table (small databases only).
    """

    reversible = True
    reduces_to_sql = False

    def __init__(self, model_name: str, columns: list[str]):
        self.model_name = model_name
        self.columns = list(columns)

    def deconstruct(self):
        return (
            self.__class__.__qualname__,
            [],
            {"model_name": self.model_name, "columns": self.columns},
        )

    def state_forwards(self, app_label, state):
        pass

    def _model(self, app_label, state):
        return state.apps.get_model(app_label, self.model_name)

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = self._model(app_label, to_state)
        quote = schema_editor.quote_name
        table = model._meta.db_table
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(index_name(table))} ON {quote(table)} "
            f"USING gin (({expression_sql(model, self.columns, schema_editor)}) gin_trgm_ops)"
        )

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = self._model(app_label, from_state)._meta.db_table
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(index_name(table))}")

    def describe(self):
        return f"Trigram search index on {self.model_name} ({', '.join(self.columns)})"

    @property
    def migration_name_fragment(self):
        return f"search_index_{self.model_name.lower()}"


def expression_sql(model, columns, schema_editor) -> str:
    """`UPPER(document(columns))` as Django writes it in queries, with unqualified columns."""
    query = Query(model, alias_cols=False)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(Upper(_document(columns)).resolve_expression(query))
    return sql % tuple(schema_editor.quote_value(param) for param in params)


class RemoveSearchIndex(CreateSearchIndex):
    """Drops a table's search index (before `CreateSearchIndex` makes it over more columns).

    `columns` are those of the index dropped, so that the migration can be reversed.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        super().database_backwards(app_label, schema_editor, to_state, from_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        super().database_forwards(app_label, schema_editor, to_state, from_state)

    def describe(self):
        return f"Remove trigram search index on {self.model_name}"

    @property
    def migration_name_fragment(self):
        return f"remove_search_index_{self.model_name.lower()}"
