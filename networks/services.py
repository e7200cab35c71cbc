"""Name normalisation and the duplicate guard for organisations and people.

Two records are likely the same when their names match after folding case,
spaces, punctuation, Thai and English honorifics and the usual abbreviations
(`สนง.` = `สำนักงาน`, `ม.` = `มหาวิทยาลัย`, `Univ.` = `University` …).
"""

import re
import unicodedata
from collections.abc import Iterable

from networks.models import Organisation, Person

# Letters that may come right before an abbreviation without it being one
# (the "ม." inside "กทม." is not an abbreviation of its own).
_WORD = r"[\u0e00-\u0e7fa-z0-9.]"

# (abbreviation, full form), longest first where one contains another.
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("สนง.", "สำนักงาน"),
    ("กทม.", "กรุงเทพมหานคร"),
    ("อบต.", "องค์การบริหารส่วนตำบล"),
    ("อบจ.", "องค์การบริหารส่วนจังหวัด"),
    ("ทต.", "เทศบาลตำบล"),
    ("ทม.", "เทศบาลเมือง"),
    ("ทน.", "เทศบาลนคร"),
    ("รร.", "โรงเรียน"),
    ("มหา'ลัย", "มหาวิทยาลัย"),
    ("ม.", "มหาวิทยาลัย"),
    ("จ.", "จังหวัด"),
    ("อ.", "อำเภอ"),
    ("ต.", "ตำบล"),
    ("univ.", "university"),
    ("dept.", "department"),
    ("assoc.", "association"),
    ("int'l", "international"),
    ("intl.", "international"),
    ("govt.", "government"),
    ("natl.", "national"),
    ("co.", "company"),
    ("ltd.", "limited"),
    ("inst.", "institute"),
)
# British and American spellings are the same name.
SPELLINGS: tuple[tuple[str, str], ...] = (
    ("centre", "center"),
    ("organisation", "organization"),
    ("programme", "program"),
    ("&", " and "),
)
# Honorifics and titles written before a person's name.
HONORIFICS: tuple[str, ...] = (
    "ว่าที่ร้อยตรี",
    "ว่าที่ ร.ต.",
    "นางสาว",
    "น.ส.",
    "นาย",
    "นาง",
    "ด.ช.",
    "ด.ญ.",
    "คุณ",
    "ดร.",
    "ผศ.",
    "รศ.",
    "ศ.",
    "mrs.",
    "mrs",
    "mr.",
    "mr",
    "ms.",
    "ms",
    "miss",
    "dr.",
    "dr",
    "prof.",
    "prof",
    "khun",
)
_HONORIFIC_RE = re.compile(
    r"^(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")(?:\s+|(?=[\u0e00-\u0e7f])|$))+"
)
_ABBREVIATION_RES = [
    (re.compile(rf"(?<!{_WORD}){re.escape(short)}"), full) for short, full in ABBREVIATIONS
]
_NOT_WORD = re.compile(r"[^\w\u0e00-\u0e7f]+")
_ARTICLE = re.compile(r"\bthe\b")


def normalise_name(text: str, *, person: bool = False) -> str:
    """A key under which spellings of the same name compare equal ("" for no name)."""
    value = unicodedata.normalize("NFC", text or "").casefold().strip()
    value = re.sub(r"\s+", " ", value)
    if person:
        value = _HONORIFIC_RE.sub("", value)
    for pattern, full in _ABBREVIATION_RES:
        value = pattern.sub(full + " ", value)
    for variant, common in SPELLINGS:
        value = value.replace(variant, common)
    value = _ARTICLE.sub(" ", value)
    # Thai has no spaces between words; spaces and punctuation carry no meaning here.
    return _NOT_WORD.sub("", value).replace("_", "")


def organisation_keys(*, names: Iterable[str]) -> set[str]:
    return {key for key in (normalise_name(n) for n in names) if key}


def person_keys(*, names: Iterable[str]) -> set[str]:
    return {key for key in (normalise_name(n, person=True) for n in names) if key}


def organisation_find_duplicates(
    *, names: Iterable[str], acronyms: Iterable[str] = (), exclude_pk=None
) -> list[Organisation]:
    """Existing organisations whose name (or acronym) matches one of these after normalisation."""
    keys = organisation_keys(names=names)
    acronym_keys = organisation_keys(names=acronyms)
    if not keys and not acronym_keys:
        return []
    rows = Organisation.objects.exclude(pk=exclude_pk).values_list(
        "pk", "name_th", "name_en", "acronym_th", "acronym_en"
    )
    matches = [
        pk
        for pk, name_th, name_en, acronym_th, acronym_en in rows
        if organisation_keys(names=(name_th, name_en)) & keys
        or organisation_keys(names=(acronym_th, acronym_en)) & acronym_keys
    ]
    return list(Organisation.objects.filter(pk__in=matches).order_by("pk"))


def _person_names(given_th, family_th, given_en, family_en) -> tuple[str, str]:
    return (
        f"{given_th or ''} {family_th or ''}",
        f"{given_en or ''} {family_en or ''}",
    )


def person_find_duplicates(
    *,
    given_name_th: str = "",
    family_name_th: str = "",
    given_name_en: str = "",
    family_name_en: str = "",
    exclude_pk=None,
) -> list[Person]:
    """Existing people whose full name matches this one, in either language, after normalisation."""
    keys = person_keys(
        names=_person_names(given_name_th, family_name_th, given_name_en, family_name_en)
    )
    if not keys:
        return []
    rows = Person.objects.exclude(pk=exclude_pk).values_list(
        "pk", "given_name_th", "family_name_th", "given_name_en", "family_name_en"
    )
    matches = [pk for pk, *parts in rows if person_keys(names=_person_names(*parts)) & keys]
    return list(Person.objects.filter(pk__in=matches).order_by("pk"))
