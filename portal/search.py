"""Site-wide search over the published records of every app: the machinery only.

Each app declares what it searches (a `Source` in its `search.py`, with the
`Related` texts of its records' inlines: a programme's impacts and team, an
event's session topics and people in public roles) and registers it from its
`AppConfig.ready()`; this module never names an app or its fields.

Matching: Thai is written without spaces between words, so a Thai term matches
anywhere (`icontains`, which PostgreSQL serves from the trigram index of each
table, made by the app's migrations with `CreateSearchIndex`). A Latin term
matches whole words only ("ECT" does not match inside "Project"): the same
trigram-served `icontains`, narrowed by a word-boundary regular expression.
modeltranslation does not fall back in queries, so both language columns of
every field are searched explicitly.

Each source costs one query: the page of results, the number of all matches
(a window count) and, for each related text, the first matching row of each
result (a subquery evaluated for the shown rows only). The result then says
why it matched: the passage, in whichever language matched, with the terms in
`<mark>` (`Result.passage`).
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import connection
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    JSONField,
    Model,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import JSONObject
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.i18n import OTHER, Text, page_language, translated
from portal.searchindex import document

LANGS = ("th", "en")
GROUP_SIZE = 8
MIN_LENGTH = 2
MAX_LENGTH = 100
MAX_TERMS = 10  # words of a query used; keeps the SQL small
PASSAGE_BEFORE = 60  # characters of context shown before the first match
PASSAGE_LENGTH = 220  # characters of a passage at most

THAI = re.compile(r"[\u0e00-\u0e7f]")
LANGUAGE_NAMES = {"th": _("Thai"), "en": _("English")}


def value_key(name: str, lang: str = "") -> str:
    """The key of a field's value in a related passage's values (`person_given_name_th`)."""
    return name.replace("__", "_") + (f"_{lang}" if lang else "")


@dataclass(frozen=True)
class Related:
    """Text of another table that finds a source's record (an impact finds its programme).

    `fields` are translated fields of `model`, or of a model it points to
    (`person__given_name`): they all live in one table (`index_model` of the
    PostgreSQL trigram index that serves them). `link` is `model`'s foreign key
    to the source's model; `extra` are plain fields the passage needs; `describe`
    turns one matched row (a dict of `<field>_<lang>` and `extra` values) into
    the passage's text in one language.
    """

    key: str
    model: type[Model]
    link: str
    fields: tuple[str, ...]
    label: str  # what the passage is ("Impact", "Team")
    extra: tuple[str, ...] = ()
    describe: Callable[[dict, str], str] | None = None

    def columns(self) -> list[str]:
        return [f"{name}_{lang}" for name in self.fields for lang in LANGS]

    @property
    def index_model(self) -> type[Model]:
        """The model whose table holds the searched columns."""
        path = self.fields[0].split("__")[:-1]
        model = self.model
        for step in path:
            model = model._meta.get_field(step).related_model
        return model

    def index_columns(self) -> list[str]:
        return [column.split("__")[-1] for column in self.columns()]

    def text(self, values: dict, lang: str) -> str:
        if self.describe:
            return self.describe(values, lang)
        return " ".join(v for name in self.fields if (v := values.get(value_key(name, lang))))


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
    related: tuple[Related, ...] = field(default=())

    @property
    def searched_fields(self) -> tuple[str, ...]:
        return self.title_fields + self.other_fields

    def columns(self) -> list[str]:
        """The database columns searched: every field in both languages."""
        return [f"{name}_{lang}" for name in self.searched_fields for lang in LANGS]

    def field_label(self, name: str) -> str:
        return str(self.model._meta.get_field(name).verbose_name).capitalize()


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


# --- matching ---------------------------------------------------------------


def terms_of(query: str) -> list[str]:
    """The words of a query (Thai users may put spaces between words the records run together)."""
    return list(dict.fromkeys(query.split()))[:MAX_TERMS]


def is_word_term(term: str) -> bool:
    """A term matched as whole words: one without Thai letters and with a letter or digit."""
    return not THAI.search(term) and any(c.isalnum() for c in term)


def _edges(term: str) -> tuple[bool, bool]:
    """Whether the term must start and end at a word boundary (its edges are word characters)."""
    return (term[0].isalnum() or term[0] == "_", term[-1].isalnum() or term[-1] == "_")


def _sql_pattern(term: str) -> str:
    """The whole-word regular expression of a Latin term, in the database's dialect."""
    start, end = (r"\m", r"\M") if connection.vendor == "postgresql" else (r"\b", r"\b")
    left, right = _edges(term)
    return (start if left else "") + re.escape(term) + (end if right else "")


def term_pattern(term: str) -> str:
    """The same rule as the query's, in Python (for highlighting)."""
    if not is_word_term(term):
        return re.escape(term)
    left, right = _edges(term)
    return ("\\b" if left else "") + re.escape(term) + ("\\b" if right else "")


def _term_matches(lookup: str, term: str) -> Q:
    condition = Q(**{f"{lookup}__icontains": term})  # served by the trigram index
    if is_word_term(term):
        condition &= Q(**{f"{lookup}__iregex": _sql_pattern(term)})
    return condition


def _matches(fields, langs, terms) -> Q:
    """Every term found in one of the fields, in one of the languages."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            for lang in langs:
                any_field |= _term_matches(f"{name}_{lang}", term)
        condition &= any_field
    return condition


def _related_rows(related: Related, terms, require_all: bool):
    rows = related.model.objects.alias(search_document=document(related.columns()))
    condition = Q()
    for term in terms:
        match = _term_matches("search_document", term)
        condition = (condition & match) if require_all else (condition | match)
    return rows.filter(condition)


def _ids_matching(source: Source, term: str):
    """The primary keys of the source's records whose own text or related text has the term.

    One `IN` over a union, so PostgreSQL serves each part from its own trigram index.
    """
    own = (
        source.model.objects.alias(search_document=document(source.columns()))
        .filter(_term_matches("search_document", term))
        .order_by()
        .values("pk")
    )
    parts = [
        _related_rows(related, [term], True).order_by().values(related.link)
        for related in source.related
    ]
    return own.union(*parts) if parts else own


def _passage_values(related: Related, terms) -> Subquery:
    """The first row of the related text that has one of the terms, as a JSON object."""
    keys = {column.replace("__", "_"): F(column) for column in related.columns()}
    keys.update({name.replace("__", "_"): F(name) for name in related.extra})
    rows = (
        _related_rows(related, terms, False)
        .filter(**{related.link: OuterRef("pk")})
        .order_by("pk")
        .annotate(passage=JSONObject(**keys))
        .values("passage")[:1]
    )
    return Subquery(rows, output_field=JSONField())


def source_queryset(source: Source, query: str, lang: str):
    """Published records of one source matching every word of the query, most relevant first.

    Relevance: a title match in the page's language, then a title match in the
    other language, then a match in any other field or related text; newest
    first within each.
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
        matches &= Q(pk__in=_ids_matching(source, term))
    passages = {
        f"search_passage_{related.key}": _passage_values(related, terms)
        for related in source.related
    }
    return (
        source.model.objects.published()
        .filter(matches)
        .annotate(search_rank=rank, search_total=Window(Count("pk")), **passages)
        .order_by("search_rank", *(F(name).desc(nulls_last=True) for name in source.newest), "-pk")
    )


# --- explaining a result ----------------------------------------------------


def _highlighter(terms) -> re.Pattern:
    patterns = sorted((term_pattern(term) for term in terms), key=len, reverse=True)
    return re.compile("|".join(patterns), re.IGNORECASE)


def highlight(text: str, pattern: re.Pattern) -> SafeString:
    """The text escaped, with every match of the pattern in `<mark>`."""
    html, last = [], 0
    for found in pattern.finditer(text):
        if found.end() == found.start():
            continue
        html.append(escape(text[last : found.start()]))
        html.append(f"<mark>{escape(found.group())}</mark>")
        last = found.end()
    html.append(escape(text[last:]))
    return mark_safe("".join(html))


def excerpt(text: str, pattern: re.Pattern) -> tuple[str, bool, bool]:
    """The part of a long text around its first match: (text, cut before, cut after)."""
    text = " ".join(text.split())
    if len(text) <= PASSAGE_LENGTH:
        return text, False, False
    found = pattern.search(text)
    start = max(0, (found.start() if found else 0) - PASSAGE_BEFORE)
    if start:
        space = text.find(" ", start, start + 20)  # start on a word where words have spaces
        start = space + 1 if space != -1 else start
    end = min(len(text), start + PASSAGE_LENGTH)
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space != -1 else end
    return text[start:end], start > 0, end < len(text)


@dataclass(frozen=True)
class Passage:
    """Why a result matched: a passage of one field in one language, the terms marked."""

    html: SafeString
    lang: str
    label: str  # the field or related text it comes from

    @property
    def language_name(self) -> str:
        return LANGUAGE_NAMES[self.lang]


@dataclass(frozen=True)
class Result:
    obj: object
    source: Source
    terms: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return self.obj.get_absolute_url()

    @property
    def dates(self) -> tuple:
        return tuple(getattr(self.obj, name) for name in self.source.date_fields)

    @cached_property
    def _pattern(self) -> re.Pattern:
        return _highlighter(self.terms)

    @cached_property
    def title(self) -> Text:
        return translated(self.obj, self.source.title)

    @cached_property
    def title_html(self) -> SafeString:
        """The title as the page shows it (fallback marked with its language), terms in `<mark>`."""
        title = self.title
        marked = highlight(title.text, self._pattern)
        if not title.is_fallback:
            return marked
        note = _("in Thai") if title.lang == "th" else _("in English")
        return mark_safe(
            f'<span lang="{title.lang}">{marked}</span> '
            f'<small class="fallback-note">({escape(note)})</small>'
        )

    def _candidates(self):
        """(text, language, label) of every searched text, page language first."""
        lang = page_language()
        for code in (lang, OTHER[lang]):
            for name in self.source.searched_fields:
                yield getattr(self.obj, f"{name}_{code}", "") or "", code, name
        for related in self.source.related:
            values = getattr(self.obj, f"search_passage_{related.key}", None)
            if isinstance(values, str):  # a database that returns JSON as text
                values = json.loads(values)
            if not values:
                continue
            for code in (lang, OTHER[lang]):
                yield related.text(values, code), code, related

    @cached_property
    def passage(self) -> Passage | None:
        """The text that best explains the match (most terms found), other than the title
        shown; None when only the shown title matched."""
        best, best_count = None, 0
        for text, lang, origin in self._candidates():
            if not text or (origin == self.source.title and lang == self.title.lang):
                continue
            count = sum(1 for term in self.terms if re.search(term_pattern(term), text, re.I))
            if count > best_count:
                best, best_count = (text, lang, origin), count
        if best is None:
            return None
        text, lang, origin = best
        part, cut_before, cut_after = excerpt(text, self._pattern)
        html = (
            ("…" if cut_before else "")
            + highlight(part, self._pattern)
            + ("…" if cut_after else "")
        )
        label = origin.label if isinstance(origin, Related) else self.source.field_label(origin)
        return Passage(html=mark_safe(html), lang=lang, label=str(label))


@dataclass(frozen=True)
class Group:
    source: Source
    results: list[Result]
    total: int


def search(query: str, lang: str, size: int = GROUP_SIZE) -> list[Group]:
    """Results grouped by source (only sources with matches), each capped at `size`.

    One query per source; `query` is a cleaned `SearchForm` value.
    """
    terms = tuple(terms_of(query))
    groups = []
    for source in registry.search_sources:
        rows = list(source_queryset(source, query, lang)[:size])
        if rows:
            groups.append(
                Group(
                    source=source,
                    results=[Result(obj=row, source=source, terms=terms) for row in rows],
                    total=rows[0].search_total,
                )
            )
    return groups


def indexed_columns() -> dict[type[Model], list[str]]:
    """Every table search reads and its columns, in order (what the apps' migrations index)."""
    tables: dict[type[Model], list[str]] = {}
    for source in registry.search_sources:
        tables[source.model] = source.columns()
        for related in source.related:
            tables[related.index_model] = related.index_columns()
    return tables
