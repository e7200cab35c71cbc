"""Sorting names the way a reader of the page's language expects.

PostgreSQL has ICU collations (`th-TH-x-icu` puts Thai words in dictionary
order). SQLite has none, so the same collation names are registered on each
SQLite connection with a sort key that gives the same order for Thai.
"""

import functools
import unicodedata

from django.db.backends.signals import connection_created
from django.db.models import CharField, Value
from django.db.models.functions import Coalesce, Collate, Lower, NullIf
from django.dispatch import receiver
from django.utils import translation

THAI_COLLATION = "th-TH-x-icu"
ROOT_COLLATION = "und-x-icu"

# Thai vowels written before the consonant they follow in speech (เ แ โ ใ ไ):
# a dictionary sorts by the consonant first.
_LEADING_VOWELS = {"\u0e40", "\u0e41", "\u0e42", "\u0e43", "\u0e44"}
# Tone marks and other signs that only break ties.
_SECONDARY = {chr(c) for c in range(0x0E47, 0x0E4F)}


def thai_sort_key(text: str) -> tuple[str, str]:
    """A key that sorts Thai in dictionary order (กา ก้าน เกม แกะ โกโก้ ไก่ ขวด)."""
    chars = list(unicodedata.normalize("NFC", text or "").casefold())
    swapped = []
    i = 0
    while i < len(chars):
        if chars[i] in _LEADING_VOWELS and i + 1 < len(chars):
            swapped.extend([chars[i + 1], chars[i]])
            i += 2
        else:
            swapped.append(chars[i])
            i += 1
    primary = "".join(c for c in swapped if c not in _SECONDARY)
    return primary, "".join(swapped)


def _compare(key, a: str, b: str) -> int:
    ka, kb = key(a), key(b)
    return (ka > kb) - (ka < kb)


@receiver(connection_created)
def register_sqlite_collations(sender, connection, **kwargs):
    if connection.vendor != "sqlite":
        return
    connection.connection.create_collation(
        THAI_COLLATION, functools.partial(_compare, thai_sort_key)
    )
    connection.connection.create_collation(
        ROOT_COLLATION, functools.partial(_compare, lambda s: ((s or "").casefold(), s or ""))
    )


def collated(field_name: str, lang: str | None = None):
    """An ordering expression for a translated field in the reader's language.

    `field_name` is the base name of a modeltranslation field ("name"); the
    value in `lang` (default: the active language) is used, falling back to
    the other language as the page does. Thai pages sort in Thai dictionary
    order, English pages alphabetically, ignoring case.
    """
    lang = (lang or translation.get_language() or "th").split("-")[0]
    lang = "th" if lang == "th" else "en"
    other = "en" if lang == "th" else "th"
    value = Coalesce(
        NullIf(f"{field_name}_{lang}", Value("")),
        f"{field_name}_{other}",
        output_field=CharField(),
    )
    if lang == "th":
        return Collate(value, THAI_COLLATION)
    return Collate(Lower(value), ROOT_COLLATION)
