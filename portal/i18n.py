"""Reading translated fields (django-modeltranslation's `<field>_th` / `<field>_en`).

modeltranslation does not fall back across languages in queries, and each page
decides how to show text in the other language, so every app reads translated
fields through these two functions.
"""

from django.utils import translation

OTHER = {"th": "en", "en": "th"}


def page_language(lang: str | None = None) -> str:
    """ "th" or "en": the given language, else the active one (Thai when none is)."""
    lang = (lang or translation.get_language() or "th").split("-")[0]
    return "en" if lang == "en" else "th"


def text_in(obj, field: str, lang: str | None = None) -> tuple[str, str]:
    """A translated field in `lang` (default: active), else in the other language,
    with the language the text is in; ("", lang) when neither has text."""
    lang = page_language(lang)
    for code in (lang, OTHER[lang]):
        value = getattr(obj, f"{field}_{code}", None)
        if value:
            return value, code
    return "", lang


def text(obj, field: str, lang: str | None = None) -> str:
    """The text of `text_in`, without its language."""
    return text_in(obj, field, lang)[0]
