"""Open data: the machinery every app's datasets share (exports, data page, data package).

Each app describes its own datasets in `<app>/exports.py` as `Dataset`s (columns, the
published queryset the public list's filters select, and a function that turns such a
queryset into rows) and registers them with `portal.registry.register_dataset` from its
`AppConfig.ready()`; portal never names an app's fields. This module writes any dataset as
CSV (UTF-8 with a byte-order mark, for Excel), JSON or XLSX, describes them all on the data
page (`/<lang>/data/`) and in one Frictionless Data Package (`/<lang>/data/datapackage.json`,
a Table Schema per dataset, each resource the dataset's full CSV).

Exports honour the filters of the public list they come from: the export view binds the
list view's own filter form to the query string, so `/<lang>/events/export.csv?year=2022`
holds exactly the events `/<lang>/events/?year=2022` lists (every page of them). They stream:
CSV and JSON are written row by row while the database is read in chunks, and XLSX goes
through openpyxl's write-only mode into a temporary file, so 10,000 events take a handful of
queries and little memory. Only public fields are ever listed in a dataset's columns.
"""

import csv
import datetime
import io
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import FileResponse, Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from portal import registry

FORMATS = ("csv", "json", "xlsx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# Rows read from the database at a time, and rows whose related records are fetched together.
CHUNK = 1000

# Table Schema field types a column may have (https://specs.frictionlessdata.io/table-schema/).
TYPES = {"string", "integer", "number", "boolean", "date", "datetime", "year"}


@dataclass(frozen=True)
class Column:
    """One field of a dataset: its stable name, Table Schema type and what it means."""

    name: str
    type: str
    description: Any  # a lazy translated string
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] = ()

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"Unknown Table Schema type {self.type!r} of column {self.name!r}")


# The first column of every dataset: the record's slug, its key in the data package.
SLUG_COLUMN = Column(
    "slug",
    "string",
    gettext_lazy("Stable identifier of the record, the last part of its web address."),
    required=True,
    unique=True,
)


@dataclass(frozen=True)
class ForeignKey:
    """A column that names a row of another dataset (`reference` dataset, `field`)."""

    column: str
    reference: str
    field: str = "slug"


@dataclass(frozen=True)
class Dataset:
    """An app's open dataset.

    `queryset(filters)` returns the published records the cleaned filters of `list_view`
    (a `portal.lists.FilteredListView`) select, every page of them; `rows(queryset)` yields
    one dict per row, keyed by the columns' names, reading the database in chunks (related
    records fetched once per chunk, aggregates computed by the database).
    """

    key: str
    title: Any
    description: Any
    columns: tuple[Column, ...]
    queryset: Callable[[dict], Any]
    rows: Callable[[Any], Iterable[dict]]
    list_url_name: str
    export_url_name: str
    list_view: type | None = None
    primary_key: tuple[str, ...] = ()
    foreign_keys: tuple[ForeignKey, ...] = ()
    order: int = 100
    notes: Any = ""
    extra_kwargs: dict = field(default_factory=dict)

    def export_url(self, fmt: str) -> str:
        return reverse(self.export_url_name, kwargs={"fmt": fmt, **self.extra_kwargs})

    def list_url(self) -> str:
        return reverse(self.list_url_name)

    def read_filters(self, request) -> dict:
        """The valid filters of the query string, read by the public list's own form."""
        if self.list_view is None:
            return {}
        view = self.list_view()
        view.setup(request)
        form = view.get_form()
        return form.filters() if form is not None else {}


def batched(iterable: Iterable, size: int = CHUNK) -> Iterator[list]:
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def public_slug(row: dict, prefix: str, now=None) -> str:
    """The slug of a related record in a `.values()` row, only when that record is public
    (published, its time come): a dataset never names a draft, even by its slug."""
    if row.get(f"{prefix}__status") != "published":
        return ""
    published_at = row.get(f"{prefix}__published_at")
    if published_at is None or published_at > (now or timezone.now()):
        return ""
    return row.get(f"{prefix}__slug") or ""


def path_for(url_name: str) -> Callable[[str], str]:
    """`slug → path` of a record page, reversing the URL once rather than once per row."""
    marker = "slug-placeholder-0"
    template = reverse(url_name, kwargs={"slug": marker})
    head, _marker, tail = template.partition(marker)
    return lambda slug: f"{head}{slug}{tail}"


def public_values(prefix: str) -> tuple[str, str, str]:
    """The `.values()` names `public_slug(row, prefix)` reads."""
    return (f"{prefix}__slug", f"{prefix}__status", f"{prefix}__published_at")


def licence() -> dict:
    return {
        "name": settings.PHAKHI_DATA_LICENSE_NAME,
        "title": settings.PHAKHI_DATA_LICENSE_TITLE,
        "path": settings.PHAKHI_DATA_LICENSE_URL,
    }


# Cells ---------------------------------------------------------------------------------


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def json_value(value):
    if isinstance(value, datetime.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if value == "":
        return None
    return value


# Writers -------------------------------------------------------------------------------


def csv_chunks(names: list[str], rows: Iterable[dict]) -> Iterator[bytes]:
    """CSV bytes, a few hundred rows at a time, starting with a byte-order mark."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    yield b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")
    for batch in batched(rows, 500):
        buffer.seek(0)
        buffer.truncate()
        for row in batch:
            writer.writerow([csv_cell(row.get(name)) for name in names])
        yield buffer.getvalue().encode("utf-8")


def json_chunks(dataset: Dataset, rows: Iterable[dict], *, source: str) -> Iterator[bytes]:
    """`{"name", "title", "licenses", "source", "fields", "data": [row, …]}`, streamed."""
    names = [c.name for c in dataset.columns]
    head = {
        "name": dataset.key,
        "title": str(dataset.title),
        "licenses": [licence()],
        "source": source,
        "fields": [c.name for c in dataset.columns],
    }
    opening = json.dumps(head, ensure_ascii=False, cls=DjangoJSONEncoder)[:-1]
    yield (opening + ', "data": [').encode("utf-8")
    first = True
    for batch in batched(rows, 500):
        parts = []
        for row in batch:
            item = {name: json_value(row.get(name)) for name in names}
            text = json.dumps(item, ensure_ascii=False, cls=DjangoJSONEncoder)
            parts.append(text if first else "," + text)
            first = False
        yield "\n".join(parts).encode("utf-8")
    yield b"]}\n"


def xlsx_file(names: list[str], rows: Iterable[dict], *, title: str):
    """A temporary file holding the XLSX workbook (openpyxl's write-only mode)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet((title or "data").replace("/", "-")[:31])
    sheet.append(names)
    for row in rows:
        cells = []
        for name in names:
            value = row.get(name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                value = csv_cell(value)
            cells.append(value)
        sheet.append(cells)
    out = tempfile.TemporaryFile()
    book.save(out)
    out.seek(0)
    return out


# Views ---------------------------------------------------------------------------------


def _filename(dataset: Dataset, fmt: str) -> str:
    return f"phakhi-{dataset.key}-{timezone.localdate().isoformat()}.{fmt}"


@require_safe
def export_view(request, key: str, fmt: str):
    """A dataset as CSV, JSON or XLSX, narrowed by the public list's filters."""
    dataset = registry.dataset(key)
    if dataset is None or fmt not in FORMATS:
        raise Http404(_("There is no such export."))
    queryset = dataset.queryset(dataset.read_filters(request))
    rows = dataset.rows(queryset)
    names = [c.name for c in dataset.columns]
    filename = _filename(dataset, fmt)
    if fmt == "xlsx":
        response = FileResponse(
            xlsx_file(names, rows, title=dataset.key),
            as_attachment=True,
            filename=filename,
            content_type=CONTENT_TYPES["xlsx"],
        )
    else:
        chunks = (
            csv_chunks(names, rows)
            if fmt == "csv"
            else json_chunks(dataset, rows, source=request.build_absolute_uri())
        )
        response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[fmt])
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Access-Control-Allow-Origin"] = "*"
    return response


def table_schema(dataset: Dataset) -> dict:
    fields = []
    for column in dataset.columns:
        item = {"name": column.name, "type": column.type, "description": str(column.description)}
        if column.type == "boolean":
            item["trueValues"], item["falseValues"] = ["true"], ["false"]
        constraints = {}
        if column.required:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        if column.enum:
            constraints["enum"] = list(column.enum)
        if constraints:
            item["constraints"] = constraints
        fields.append(item)
    schema: dict = {"fields": fields, "missingValues": [""]}
    if dataset.primary_key:
        schema["primaryKey"] = list(dataset.primary_key)
    if dataset.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": fk.column,
                "reference": {
                    "resource": "" if fk.reference == dataset.key else fk.reference,
                    "fields": fk.field,
                },
            }  # fmt: skip
            for fk in dataset.foreign_keys
        ]
    return schema


def data_package(build_url: Callable[[str], str]) -> dict:
    """The Frictionless Data Package of every registered dataset (each its full CSV)."""
    return {
        "profile": "tabular-data-package",
        "name": "phakhi",
        "title": str(gettext_lazy("Phakhi: programmes, events, networks and publications")),
        "homepage": build_url(reverse("data")),
        "licenses": [licence()],
        "created": timezone.now().isoformat(timespec="seconds"),
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": dataset.key,
                "title": str(dataset.title),
                "description": str(dataset.description),
                "path": build_url(dataset.export_url("csv")),
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8-sig",
                "dialect": {"delimiter": ",", "quoteChar": '"', "header": True},
                "schema": table_schema(dataset),
            }
            for dataset in registry.datasets
        ],
    }


@require_safe
def datapackage_view(request):
    response = JsonResponse(
        data_package(request.build_absolute_uri), json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def data_page(request):
    """What each dataset holds, its fields, formats and licence, in the page's language."""
    return render(
        request,
        "portal/data.html",
        {
            "datasets": registry.datasets,
            "data_links": registry.data_links,
            "licence": licence(),
            "formats": FORMATS,
        },
    )
