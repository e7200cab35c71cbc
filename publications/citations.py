"""Citations of a publication: BibTeX, RIS and a formatted reference in the page's language.

Exports use the active language's text (falling back to the other language),
so `/en/…/cite.bib` gives the English title and `/th/…/cite.bib` the Thai one.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from portal import thaidates
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
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
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
    return " ".join(str(value or "").split())


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
    fields.append(("url", url.replace("{", "").replace("}", "")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{citation_key(publication)},\n{body}\n}}\n"


def ris(publication: Publication, url: str) -> str:
    """An RIS record (TY … ER) for the publication, lines ending in CRLF as the format asks."""
    lines = [("TY", RIS_TYPES.get(publication.kind, "GEN"))]
    lines.append(("TI", _one_line(str(translated(publication, "title")))))
    authors = split_authors(str(translated(publication, "authors")))
    lines.extend(("AU", _one_line(author)) for author in authors)
    if publication.publisher:
        lines.append(("PB", _one_line(str(publication.publisher))))
        if not authors:
            lines.append(("A2", _one_line(str(publication.publisher))))
    if publication.year:
        lines.append(("PY", str(publication.year)))
    event = _first_event(publication)
    if event is not None:
        lines.append(("T2", _one_line(str(translated(event, "title")) or str(event))))
    lines.extend(("LA", language.code) for language in publication.languages.all())
    abstract = str(translated(publication, "abstract"))
    if abstract:
        lines.append(("AB", _one_line(abstract)))
    lines.append(("UR", url))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}".rstrip() + "\r\n" for tag, value in lines)


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
