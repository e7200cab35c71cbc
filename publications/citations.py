"""Citations of a publication: BibTeX, RIS, CSL-JSON and a formatted reference in the
page's language.

Exports use the active language's text (falling back to the other language),
so `/en/…/cite.bib` gives the English title and `/th/…/cite.bib` the Thai one.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from portal import thaidates
from portal.feeds import xml_text
from portal.i18n import translated
from publications.models import (
    Publication,
    PublicationKind,
)

K = PublicationKind

BIBTEX_TYPES = {
    K.MANUAL: "manual",
    K.REPORT: "techreport",
    K.PAPER: "inproceedings",
}
RIS_TYPES = {
    K.MANUAL: "BOOK",
    K.SUMMARY: "RPRT",
    K.SEMINAR_DOCUMENT: "CONF",
    K.PAPER: "CPAPER",
    K.PRESENTATION: "SLIDE",
    K.STATEMENT: "GEN",
    K.REPORT: "RPRT",
}
# CSL 1.0 item types (the variables and types every CSL processor reads).
CSL_TYPES = {
    K.MANUAL: "book",
    K.SUMMARY: "report",
    K.SEMINAR_DOCUMENT: "paper-conference",
    K.PAPER: "paper-conference",
    K.PRESENTATION: "speech",
    K.STATEMENT: "article",
    K.REPORT: "report",
}
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    # Not \{ and \}: BibTeX counts braces whatever precedes them, so an unbalanced
    # brace in a title would end the field (and let the rest inject fields or entries).
    "{": r"\textbraceleft{}",
    "}": r"\textbraceright{}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def split_authors(authors: str) -> list[str]:
    """Authors as typed ("A; B" or one per line), one name each."""
    return [name.strip() for name in re.split(r"[;\n]", authors or "") if name.strip()]


def _one_line(value: str) -> str:
    """A value on one line, without control characters (line-based formats)."""
    return " ".join(xml_text(str(value or "")).split())


def _bibtex_escape(value: str) -> str:
    return "".join(_BIBTEX_SPECIAL.get(char, char) for char in _one_line(value))


def _first_event(publication: Publication):
    """The first event the publication was presented at: the events app loads them into
    `presented_at` (registered with `portal.registry.register_prefetch`), newest first."""
    events = getattr(publication, "presented_at", None)
    return events[0] if events else None


def citation_key(publication: Publication) -> str:
    key = re.sub(r"[^A-Za-z0-9_-]", "", publication.slug.replace("-", "_"))
    return f"{key}{publication.year or ''}" or f"publication{publication.pk}"


def bibtex(publication: Publication, url: str) -> str:
    """A BibTeX entry (UTF-8, for biblatex/biber) for the publication."""
    title = str(translated(publication, "title"))
    authors = split_authors(str(translated(publication, "authors")))
    publisher = str(publication.publisher) if publication.publisher else ""
    event = _first_event(publication)
    entry_type = BIBTEX_TYPES.get(publication.kind, "misc")
    if entry_type == "inproceedings" and event is None:
        entry_type = "misc"
    fields: list[tuple[str, str]] = [("title", "{" + _bibtex_escape(title) + "}")]
    if authors:
        fields.append(("author", " and ".join(_bibtex_escape(a) for a in authors)))
    elif publisher:
        # An organisation as author: double braces keep BibTeX from splitting its name.
        fields.append(("author", "{" + _bibtex_escape(publisher) + "}"))
    if publication.year:
        fields.append(("year", str(publication.year)))
    if publisher:
        name = {"techreport": "institution", "inproceedings": "organization"}.get(
            entry_type, "publisher"
        )
        fields.append((name, _bibtex_escape(publisher)))
    if event is not None and entry_type == "inproceedings":
        fields.append(("booktitle", _bibtex_escape(str(translated(event, "title")) or str(event))))
    languages = [language.code for language in publication.languages.all()]
    if languages:
        fields.append(("language", _bibtex_escape(", ".join(languages))))
    fields.append(("type", _bibtex_escape(publication.get_kind_display())))
    fields.append(("url", _one_line(url).replace("{", "").replace("}", "")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{citation_key(publication)},\n{body}\n}}\n"


def ris(publication: Publication, url: str) -> str:
    """An RIS record (TY … ER) for the publication, lines ending in CRLF as the format asks."""
    lines = [("TY", RIS_TYPES.get(publication.kind, "GEN"))]
    lines.append(("TI", str(translated(publication, "title"))))
    authors = split_authors(str(translated(publication, "authors")))
    publisher = str(publication.publisher) if publication.publisher else ""
    # An organisation that wrote the document is its author: reference managers show AU,
    # and a name with a comma would read as "family, given" (so none is left in it).
    lines.extend(
        ("AU", author) for author in authors or ([publisher.replace(",", " ")] if publisher else [])
    )
    if publisher:
        lines.append(("PB", publisher))
    if publication.year:
        lines.append(("PY", str(publication.year)))
    event = _first_event(publication)
    if event is not None:
        lines.append(("T2", str(translated(event, "title")) or str(event)))
    lines.extend(("LA", language.code) for language in publication.languages.all())
    abstract = str(translated(publication, "abstract"))
    if abstract:
        lines.append(("AB", abstract))
    lines.append(("UR", url))
    lines.append(("ER", ""))
    # Every value on one line: a newline in any field (a title, a language code) could
    # otherwise start a tag of its own ("ER  - " ends the record early).
    return "".join(f"{tag}  - {_one_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def csl_json(publication: Publication, url: str) -> list[dict]:
    """The publication as CSL-JSON (a list of one item), for Zotero, Pandoc and citeproc."""
    title = str(translated(publication, "title"))
    authors = split_authors(str(translated(publication, "authors")))
    publisher = str(publication.publisher) if publication.publisher else ""
    event = _first_event(publication)
    kind = CSL_TYPES.get(publication.kind, "article")
    if kind == "paper-conference" and event is None:
        kind = "article"
    # Names as typed: a CSL "literal" name is never split into family and given names.
    names = [{"literal": name} for name in authors] or (
        [{"literal": publisher}] if publisher else []
    )
    item = {
        "id": citation_key(publication),
        "type": kind,
        "title": title,
        "author": names,
        "publisher": publisher,
        "issued": {"date-parts": [[publication.year]]} if publication.year else None,
        "genre": str(publication.get_kind_display()),
        "language": next((lang.code for lang in publication.languages.all()), ""),
        "abstract": str(translated(publication, "abstract")),
        "event": str(translated(event, "title")) if event is not None else "",
        "URL": url,
    }
    return [{key: value for key, value in item.items() if value not in ("", None, [])}]


def formatted(publication: Publication, url: str) -> SafeString:
    """A reference in the page's language: authors (year). *Title*. Kind. Publisher. URL.

    Thai pages give the Buddhist-Era year, as Thai references do.
    """
    title = str(translated(publication, "title"))
    authors = split_authors(str(translated(publication, "authors")))
    publisher = str(publication.publisher) if publication.publisher else ""
    who = ", ".join(authors) or publisher
    year = str(thaidates.calendar_year(publication.year)) if publication.year else _("n.d.")
    if who:
        parts = [format_html("{} ({}). <cite>{}</cite>.", who, year, title)]
    else:
        parts = [format_html("<cite>{}</cite> ({}).", title, year)]
    parts.append(format_html("[{}].", publication.get_kind_display()))
    if publisher and authors:
        parts.append(format_html("{}.", publisher))
    parts.append(format_html("{} {}", _("Available from"), url))
    return format_html(" ".join(["{}"] * len(parts)), *parts)
