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
        r"{Trainer's manual: 16 good practices \& 100\% \textbraceleft{}braces\textbraceright{} \_under\_ \#1}"
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


# --- organisation authors, hostile values, CSL-JSON ----------------------------------------

HOSTILE = "Evil}\n} @misc{x, \r\nER  - \x01\x1e title = {pwned} \\ {% & $ # _ ^ ~"


@pytest.fixture
def by_organisation(db):
    from tests.networks.factories import OrganisationFactory

    publisher = OrganisationFactory(name_en="Thailand Environment Institute, TEI", acronym_en="TEI")
    publication = PublicationFactory(
        slug="org-report",
        kind=PublicationKind.REPORT,
        authors_th="",
        authors_en="",
        publisher=publisher,
        year=2011,
    )
    publication.languages.set([LanguageFactory(code="th"), LanguageFactory(code="en")])
    return publication


def test_ris_names_an_organisation_author_as_au_with_publisher_year_url_and_languages(
    by_organisation,
):
    with translation.override("en"):
        records = parse_ris(citations.ris(by_organisation, URL))
    tags = dict(records)
    assert [value for tag, value in records if tag == "AU"] == [
        "Thailand Environment Institute TEI (TEI)"
    ]
    assert "A2" not in tags
    assert tags["PB"] == "Thailand Environment Institute, TEI (TEI)"
    assert tags["PY"] == "2011" and tags["UR"] == URL
    assert sorted(value for tag, value in records if tag == "LA") == ["en", "th"]


def _pybtex(text: str):
    """pybtex (the Python BibTeX implementation) in strict mode: any syntax error raises."""
    from pybtex.database import parse_string

    return parse_string(text, "bibtex")


def _latex_to_text(value: str) -> str:
    """Our escapes read back (what LaTeX prints for them)."""
    words = {"textbackslash": "\\", "textbraceleft": "{", "textbraceright": "}"}
    value = re.sub(
        r"\\(textbackslash|textbraceleft|textbraceright)\{\}", lambda m: words[m[1]], value
    )
    return re.sub(r"\\([%&$#_^~])(\{\})?", r"\1", value)


@pytest.mark.parametrize("field", ["title_en", "authors_en", "abstract_en"])
def test_a_hostile_value_cannot_add_a_line_to_ris_or_an_entry_to_bibtex(db, field):
    publication = PublicationFactory(slug="hostile", year=2020, **{field: HOSTILE})
    with translation.override("en"):
        records = parse_ris(citations.ris(publication, URL))
        text = citations.bibtex(publication, URL)
    # RIS: still one record; the value on one line, control characters gone.
    assert [tag for tag, _ in records].count("ER") == 1 and records[-1] == ("ER", "")
    assert [tag for tag, _ in records].count("TY") == 1
    assert not any(re.search(r"[\x00-\x1f]", value) for _, value in records)
    # BibTeX: one entry with its own key, read by a real parser.
    database = _pybtex(text)
    assert list(database.entries) == ["hostile2020"]
    entry = database.entries["hostile2020"]
    assert set(entry.fields) <= {"title", "year", "publisher", "language", "type", "url"}
    if field == "title_en":
        title = _latex_to_text(entry.fields["title"].strip("{}"))
        assert title == " ".join(HOSTILE.replace("\x01", "").replace("\x1e", "").split())


def test_bibtex_keys_are_stable_and_do_not_depend_on_the_database_id(db):
    first = PublicationFactory(slug="stable-key", year=2019)
    key = citations.citation_key(first)
    first.delete()
    assert citations.citation_key(PublicationFactory(slug="stable-key", year=2019)) == key
    assert key == "stable_key2019"


def test_csl_json_is_rendered_by_a_real_csl_processor(by_organisation):
    """citeproc-py reads the CSL-JSON and formats it with a CSL style (Harvard)."""
    from citeproc import (
        Citation,
        CitationItem,
        CitationStylesBibliography,
        CitationStylesStyle,
        formatter,
    )
    from citeproc.source.json import CiteProcJSON

    with translation.override("en"):
        data = citations.csl_json(by_organisation, URL)
    (item,) = data
    assert item["type"] == "report" and item["author"] == [
        {"literal": "Thailand Environment Institute, TEI (TEI)"}
    ]
    assert item["issued"] == {"date-parts": [[2011]]} and item["URL"] == URL
    source = CiteProcJSON(data)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = [str(e) for e in bibliography.bibliography()]
    assert "Thailand Environment Institute" in entry and "2011" in entry


@pytest.mark.parametrize("kind", ["bibtex", "ris", "csl_json"])
def test_citation_files_download_in_the_page_language(client, by_organisation, kind):
    response = client.get(
        f"/en/publications/{by_organisation.slug}/cite.{kind.replace('csl_', '').replace('bibtex', 'bib')}"
    )
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    if kind == "csl_json":
        import json

        assert response["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
        assert json.loads(response.content)[0]["id"] == "org_report2011"
    assert client.post(f"/en/publications/{by_organisation.slug}/cite.json").status_code == 405


def test_the_publication_page_links_the_csl_json(client, by_organisation):
    html = client.get(f"/en/publications/{by_organisation.slug}/").content.decode()
    assert f"/en/publications/{by_organisation.slug}/cite.json" in html
