"""Citation exports parse as BibTeX and RIS, and the formatted reference reads naturally."""

import re

import pytest
from django.utils import translation

from publications import citations
from publications.models import PublicationKind
from tests.publications.factories import LanguageFactory, PublicationFactory

URL = "https://example.org/en/publications/x/"


def parse_bibtex(text: str) -> tuple[str, str, dict[str, str]]:
    """A strict little BibTeX reader: balanced braces, `name = {value}` fields."""
    match = re.fullmatch(r"@(\w+)\{([^,\s{}]+),\n(.*)\n\}\n", text, re.S)
    assert match, text
    entry_type, key, body = match.groups()
    fields: dict[str, str] = {}
    position = 0
    while position < len(body):
        field = re.compile(r"\s*(\w+) = \{").match(body, position)
        assert field, body[position:]
        depth, cursor = 1, field.end()
        while depth:
            char = body[cursor]
            if char == "\\":
                cursor += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            cursor += 1
        fields[field[1]] = body[field.end() : cursor - 1]
        position = cursor
        if body.startswith(",", position):
            position += 1
    return entry_type, key, fields


def parse_ris(text: str) -> list[tuple[str, str]]:
    lines = text.split("\r\n")
    assert lines[-1] == ""
    records = []
    for line in lines[:-1]:
        match = re.fullmatch(r"([A-Z][A-Z0-9])  -(?: (.*))?", line)
        assert match, line
        records.append((match[1], match[2] or ""))
    assert records[0][0] == "TY" and records[-1] == ("ER", "")
    return records


@pytest.fixture
def manual(db):
    publication = PublicationFactory(
        slug="trainers-manual",
        kind=PublicationKind.MANUAL,
        title_en="Trainer's manual: 16 good practices & 100% {braces} _under_ #1",
        title_th="คู่มือวิทยากร",
        authors_en="Jamnian Worarat; Taree Kamueng",
        abstract_en="Line one.\nLine two.",
        year=2012,
    )
    publication.languages.set([LanguageFactory(code="en", name_en="English")])
    return publication


def test_bibtex_parses_with_escaped_specials_and_all_fields(manual):
    with translation.override("en"):
        entry_type, key, fields = parse_bibtex(citations.bibtex(manual, URL))
    assert entry_type == "manual"
    assert key == "trainers_manual2012"
    assert fields["title"] == (
        r"{Trainer's manual: 16 good practices \& 100\% \{braces\} \_under\_ \#1}"
    )
    assert fields["author"] == "Jamnian Worarat and Taree Kamueng"
    assert fields["year"] == "2012"
    assert fields["language"] == "en"
    assert fields["url"] == URL


def test_bibtex_uses_the_page_language(manual):
    with translation.override("th"):
        _type, _key, fields = parse_bibtex(citations.bibtex(manual, URL))
    assert fields["title"] == "{คู่มือวิทยากร}"


def test_ris_parses_from_ty_to_er_with_one_line_values(manual):
    with translation.override("en"):
        records = parse_ris(citations.ris(manual, URL))
    tags = dict(records)
    assert tags["TY"] == "BOOK"
    assert [value for tag, value in records if tag == "AU"] == ["Jamnian Worarat", "Taree Kamueng"]
    assert tags["PY"] == "2012"
    assert tags["AB"] == "Line one. Line two."
    assert tags["LA"] == "en"
    assert tags["UR"] == URL


@pytest.mark.parametrize(("kind", "ris_type"), [(k, t) for k, t in citations.RIS_TYPES.items()])
def test_every_kind_has_an_ris_type_and_a_bibtex_entry(db, kind, ris_type):
    publication = PublicationFactory(kind=kind, authors_en="", year=None)
    assert parse_ris(citations.ris(publication, URL))[0] == ("TY", ris_type)
    assert parse_bibtex(citations.bibtex(publication, URL))[0] in {"manual", "techreport", "misc"}


def test_the_formatted_citation_follows_the_page_language_and_calendar(manual):
    with translation.override("en"):
        english = citations.formatted(manual, URL)
    with translation.override("th"):
        thai = citations.formatted(manual, URL)
    assert english.startswith("Jamnian Worarat, Taree Kamueng (2012). <cite>Trainer&#x27;s manual")
    assert "[Manual]." in english and URL in english
    assert thai.startswith("Jamnian Worarat, Taree Kamueng (2555). <cite>คู่มือวิทยากร</cite>.")


def test_a_citation_without_year_says_no_date(db):
    publication = PublicationFactory(year=None, authors_en="", title_en="Untitled notes")
    with translation.override("en"):
        assert "(n.d.)" in citations.formatted(publication, URL)
