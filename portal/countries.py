"""Country names in the reader's language, for every app.

django-countries' Thai catalogue leaves the names in English (msgstr
"Thailand"), so `COUNTRIES_OVERRIDE` (see settings) gives every country a lazy
name that is the CLDR Thai name Babel ships (ไทย, ลาว, เมียนมา (พม่า) …) while
Thai is active and django-countries' own English name otherwise. Admin
selects, list filters, `get_country_display()` and `Country.name` all follow.
"""

import functools

from babel import Locale
from django.utils import translation
from django.utils.functional import lazy

from portal.i18n import page_language


@functools.cache
def _thai_names() -> dict[str, str]:
    return dict(Locale.parse("th").territories)


def _name(code: str, english) -> str:
    if page_language() == "th":
        return _thai_names().get(code) or str(english)
    return str(english)


_lazy_name = lazy(_name, str)


def country_name_overrides() -> dict:
    """COUNTRIES_OVERRIDE: every country with a name that follows the active language."""
    from django_countries import Countries
    from django_countries.data import COUNTRIES

    english_names = {**COUNTRIES, **Countries.COMMON_NAMES}  # "Laos", not "Lao People's …"
    return {code: _lazy_name(code, english) for code, english in english_names.items()}


def country_name(code, lang: str | None = None) -> str:
    """The name of a country (a code or a django-countries Country) in `lang` (default: active)."""
    from django_countries import countries

    code = str(getattr(code, "code", code) or "").upper()
    if not code or code not in countries:
        return ""
    with translation.override(page_language(lang)):
        return str(countries.name(code))


def sort_key(name: str, lang: str | None = None):
    """Thai dictionary order on Thai pages, alphabetical ignoring case on English pages."""
    from portal.collation import thai_sort_key

    return thai_sort_key(name) if page_language(lang) == "th" else (name.casefold(), name)


def country_choices(codes=None, lang: str | None = None) -> list[tuple[str, str]]:
    """(code, name) pairs for `codes` (default: every country), sorted for the reader."""
    if codes is None:
        return list(_every_country(page_language(lang)))
    pairs = [(str(code), country_name(code, lang)) for code in codes]
    return sorted(((c, n) for c, n in pairs if n), key=lambda pair: sort_key(pair[1], lang))


@functools.cache
def _every_country(lang: str) -> tuple[tuple[str, str], ...]:
    # Every admin country select shows all of them: name and sort them once per language.
    from django_countries import countries

    return tuple(country_choices([code for code, _name in countries], lang))


def country_codes(value) -> list[str]:
    """Country codes from a CountryField(multiple=True) value: a list of Country, or the
    stored "KH,LA,TH" that `values()` returns."""
    if not value:
        return []
    if isinstance(value, str):
        return [code for code in value.split(",") if code]
    return [str(getattr(country, "code", country)) for country in value]


def country_select_choices(codes=None, lang: str | None = None) -> list[tuple[str, str]]:
    """The choices of a country select: the region first, then the other countries by name.

    The region is `COUNTRIES_FIRST` (Thailand, the Mekong countries, the rest of ASEAN) in
    that order, as every country select of the portal starts; a `COUNTRIES_FIRST_BREAK`
    line parts it from the rest. `codes` limits the choices (a filter offers only the
    countries some record has).
    """
    from django.conf import settings

    pairs = country_choices(codes, lang)
    names = dict(pairs)
    first = [
        (code, names[code]) for code in getattr(settings, "COUNTRIES_FIRST", []) if code in names
    ]
    rest = [(code, name) for code, name in pairs if code not in dict(first)]
    breaker = getattr(settings, "COUNTRIES_FIRST_BREAK", None)
    if first and rest and breaker:
        return [*first, ("", breaker), *rest]
    return [*first, *rest]
