"""Country names in the page's language.

django-countries' Thai catalogue leaves the names in English (msgstr "Thailand"),
so Thai names come from the CLDR data Babel ships (ไทย, ลาว, เมียนมา (พม่า) …);
English names stay django-countries' own.
"""

import functools

from babel import Locale
from django.utils import translation
from django_countries import countries

from portal.collation import thai_sort_key


@functools.cache
def _thai_names() -> dict[str, str]:
    return dict(Locale.parse("th").territories)


def _lang(lang: str | None) -> str:
    lang = (lang or translation.get_language() or "th").split("-")[0]
    return "en" if lang == "en" else "th"


def country_name(code, lang: str | None = None) -> str:
    """The name of a country (a code or a django-countries Country) in `lang` (default: active)."""
    code = str(getattr(code, "code", code) or "").upper()
    if not code or code not in countries:
        return ""
    if _lang(lang) == "th":
        return _thai_names().get(code) or countries.name(code)
    with translation.override("en"):
        return str(countries.name(code))


def sort_key(name: str, lang: str | None = None):
    """Thai dictionary order on Thai pages, alphabetical ignoring case on English pages."""
    return thai_sort_key(name) if _lang(lang) == "th" else (name.casefold(), name)


def country_choices(codes=None, lang: str | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs for `codes` (default: every country), sorted for the reader."""
    codes = [str(c) for c in codes] if codes is not None else [code for code, _ in countries]
    pairs = [(code, country_name(code, lang)) for code in codes]
    return sorted(((c, n) for c, n in pairs if n), key=lambda pair: sort_key(pair[1], lang))
