"""Reading translated fields (django-modeltranslation's `<field>_th` / `<field>_en`).

A field missing in the page's language falls back to the other language, and
the reader must be told (DESIGN.md, "Bilingual rules"). modeltranslation's own
fallback says nothing about where the text came from, so every app reads a
translated field through `translated()`, which returns one `Text`: the text,
the language it is in and whether that is a fallback. `str(value)` is the plain
text, for titles, attributes, feeds, JSON-LD and exports; the `bilingual`
template filter (portal_tags) renders it as HTML marked with its language.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils import translation

OTHER = {"th": "en", "en": "th"}


def page_language(lang: str | None = None) -> str:
    """ "th" or "en": the given language, else the active one (Thai when none is)."""
    lang = (lang or translation.get_language() or "th").split("-")[0]
    return "en" if lang == "en" else "th"


@dataclass(frozen=True)
class Text:
    """A text in one language; `is_fallback` when that is not the page's language."""

    text: str = ""
    lang: str = "th"
    is_fallback: bool = False

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def first_text(value_in: Callable[[str], str | None], lang: str | None = None) -> Text:
    """The text `value_in(code)` gives in the page's language (default: active), else in
    the other language; an empty `Text` in the page's language when neither has text.

    For texts a model builds from several fields (a person's honorific and names).
    """
    lang = page_language(lang)
    for code in (lang, OTHER[lang]):
        value = value_in(code)
        if value:
            return Text(str(value), code, code != lang)
    return Text("", lang, False)


def translated(obj, field: str, lang: str | None = None) -> Text:
    """A translated field of `obj` in the page's language (default: active), else its
    fallback in the other language."""
    return first_text(lambda code: getattr(obj, f"{field}_{code}", None), lang)
