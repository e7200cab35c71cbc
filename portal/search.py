"""Site-wide search over the published records of every app: the machinery only.

Each app declares what it searches (a `Source` in its `search.py`) and registers
it from its `AppConfig.ready()`; this module never names an app or its fields.

Thai is written without spaces between words, so search is substring matching
(`icontains`, which PostgreSQL serves from the trigram index of migration
`<app>.0002_search_indexes`, one per table, on all its searched columns). modeltranslation does not fall back in queries,
so both language columns of every field are searched explicitly.

Each source costs one query: the page of results and, through a window count,
the number of all matches.
"""

from dataclasses import dataclass

from django import forms
from django.db.models import Case, Count, F, IntegerField, Model, Q, Value, When, Window
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.i18n import OTHER, page_language
from portal.searchindex import document

LANGS = ("th", "en")
GROUP_SIZE = 8
MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_TERMS = 10  # words of a query used; keeps the SQL small


@dataclass(frozen=True)
class Source:
    """One kind of record the search looks through."""

    key: str
    model: type[Model]
    label: str  # the group heading (plural)
    type_label: str  # the label of one result (singular)
    title: str  # the translated field shown as the result's title
    title_fields: tuple[str, ...]  # translated fields that rank as a title match
    other_fields: tuple[str, ...]  # further translated fields searched
    snippet: str  # the translated field shown under the title
    newest: tuple[str, ...]  # tie-break order (newest first)
    date_kind: str = ""  # "days" (start/end dates), "years" (start/end years) or ""
    date_fields: tuple[str, ...] = ()
    order: int = 100  # place of its group on the results page

    @property
    def searched_fields(self) -> tuple[str, ...]:
        return self.title_fields + self.other_fields

    def columns(self) -> list[str]:
        """The database columns searched: every field in both languages."""
        return [f"{field}_{lang}" for field in self.searched_fields for lang in LANGS]


class SearchQueryField(forms.CharField):
    """Free text with runs of whitespace (spaces, tabs, newlines) collapsed to one space."""

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(value.split())


class SearchForm(forms.Form):
    q = SearchQueryField(
        label=_("Search"),
        min_length=MIN_LENGTH,
        max_length=MAX_LENGTH,
        error_messages={
            "required": _("Type a word or a name to search for."),
            "min_length": _("Type at least %(limit_value)d characters to search for."),
            "max_length": _(
                "A search can be at most %(limit_value)d characters long "
                "(this one has %(show_value)d)."
            ),
            "null_characters_not_allowed": _("The search contains characters that are not text."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields["q"].widget
        widget.input_type = "search"
        # Let an over-long query reach the server and get a clear message rather than be cut.
        widget.attrs.pop("maxlength", None)


@dataclass(frozen=True)
class Result:
    obj: object
    source: Source

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()

    @property
    def dates(self) -> tuple:
        return tuple(getattr(self.obj, name) for name in self.source.date_fields)


@dataclass(frozen=True)
class Group:
    source: Source
    results: list[Result]
    total: int


def terms_of(query: str) -> list[str]:
    """The words of a query (Thai users may put spaces between words the records run together)."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def _matches(fields, langs, terms) -> Q:
    """Every term found in one of the fields, in one of the languages."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for field in fields:
            for lang in langs:
                any_field |= Q(**{f"{field}_{lang}__icontains": term})
        condition &= any_field
    return condition


def source_queryset(source: Source, query: str, lang: str):
    """Published records of one source matching every word of the query, most relevant first.

    Relevance: a title match in the page's language, then a title match in the
    other language, then a match in any other field; newest first within each.
    """
    lang = page_language(lang)
    other = OTHER[lang]
    terms = terms_of(query)
    rank = Case(
        When(_matches(source.title_fields, (lang,), terms), then=Value(0)),
        When(_matches(source.title_fields, (other,), terms), then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    matches = Q()
    for term in terms:
        matches &= Q(search_document__icontains=term)
    return (
        source.model.objects.published()
        .alias(search_document=document(source.columns()))
        .filter(matches)
        .annotate(search_rank=rank, search_total=Window(Count("pk")))
        .order_by("search_rank", *(F(name).desc(nulls_last=True) for name in source.newest), "-pk")
    )


def search(query: str, lang: str, size: int = GROUP_SIZE) -> list[Group]:
    """Results grouped by source (only sources with matches), each capped at `size`.

    One query per source; `query` is a cleaned `SearchForm` value.
    """
    groups = []
    for source in registry.search_sources:
        rows = list(source_queryset(source, query, lang)[:size])
        if rows:
            groups.append(
                Group(
                    source=source,
                    results=[Result(obj=row, source=source) for row in rows],
                    total=rows[0].search_total,
                )
            )
    return groups
