"""The searched text of a record, as site search filters on it.

Thai is written without spaces between words, so site search is substring
matching: `document__icontains=term`, which Django writes on PostgreSQL as
`UPPER(document::text) LIKE UPPER('%term%')`. On PostgreSQL a trigram index on
`UPPER(document)` per table serves it; each app creates the index of its own
searchable models in its own migrations with
`portal.migrations.operations.CreateSearchIndex`, which builds the same
expression from its own frozen copy, so changing this module never rewrites
migration history. A PostgreSQL test checks that every registered search
source's query is served by the index its app created.
"""

from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Concat


class _FlatConcat(Func):
    """`a || b || c`, flat: Django's `Concat` nests a pair per argument, which overflows
    SQLite's parser stack once a dozen columns are joined (SQLite has no index to match)."""

    template = "(%(expressions)s)"
    arg_joiner = " || "
    output_field = TextField()


def document(columns) -> Concat:
    """All searched columns of a record as one text, words kept apart by a space.

    Terms hold no spaces, so a match never spans two columns.
    """
    if connection.vendor != "postgresql":
        parts = []
        for column in columns:
            parts += [Coalesce(F(column), Value("")), Value(" ")]
        return _FlatConcat(*parts[:-1])
    parts = []
    for column in columns:
        parts += [F(column), Value(" ")]
    return Concat(*parts[:-1], output_field=TextField())
