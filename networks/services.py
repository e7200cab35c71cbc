"""Name normalisation and the duplicate guard for organisations and people.

Two records are likely the same when their names match after folding case,
spaces, punctuation, Thai and English honorifics and the usual abbreviations
(`สนง.` = `สำนักงาน`, `ม.` = `มหาวิทยาลัย`, `Univ.` = `University` …).

Organisations are also matched when one name is the other with organisational
prefixes added in front ("มูลนิธิสถาบันสิ่งแวดล้อมไทย" and "สถาบันสิ่งแวดล้อมไทย")
or such words added or dropped at the end in English ("Thailand Environment"
and "Thailand Environment Institute"), and when a name is another's acronym.
Two names that differ in their prefix ("สมาคม…" and "สถาบัน…") are different
organisations and are not matched. On PostgreSQL, pg_trgm's similarity also
finds near spellings (a typo, a letter missing); SQLite has the normalised
matches only.
"""

import re
import unicodedata
from collections.abc import Iterable

from django.db import connection
from django.db.models import CharField, F, FloatField, Func, Value
from django.db.models.functions import Concat, Greatest, Lower

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
# Words that name the kind of organisation, written before the name in Thai (after
# normalisation, so abbreviations are already spelled out: "ม." is "มหาวิทยาลัย").
# Longest first where one starts another.
THAI_ORGANISATION_PREFIXES: tuple[str, ...] = (
    "มูลนิธิ",
    "สมาคม",
    "สำนักงาน",
    "องค์การบริหารส่วนตำบล",
    "องค์การบริหารส่วนจังหวัด",
    "องค์การ",
    "องค์กร",
    "สถาบัน",
    "มหาวิทยาลัย",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "เทศบาล",
    "ชมรม",
    "สหพันธ์",
    "ศูนย์",
    "กรม",
    "กระทรวง",
    "บริษัท",
)
# The same in English, before ("Foundation for …") or after ("… Institute") the name.
ENGLISH_ORGANISATION_WORDS: tuple[str, ...] = (
    "foundation",
    "association",
    "office",
    "institute",
    "institution",
    "organization",
    "university",
    "municipality",
    "federation",
    "center",
    "company",
    "limited",
    "department",
    "ministry",
)
# Connecting words left at the edge once a kind word is taken away ("foundation for").
_ENGLISH_LINKS = ("of", "for", "and")
# What must remain of a name once its prefixes are taken away for it to be compared:
# "มูลนิธิไทย" and "สมาคมไทย" are not matched through "ไทย".
MINIMUM_CORE_LENGTH = 6
# How alike two names must be for pg_trgm to call them near spellings (0–1).
TRIGRAM_THRESHOLD = 0.7
TRIGRAM_LIMIT = 5

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


def _strip_english(key: str) -> list[str]:
    """The key with English kind words (and their "of", "for") taken from either end."""
    forms = []
    changed = True
    while changed:
        changed = False
        for word in ENGLISH_ORGANISATION_WORDS:
            for link in (*_ENGLISH_LINKS, ""):
                if key.startswith(word + link) and len(key) > len(word + link):
                    key = key[len(word + link) :]
                    forms.append(key)
                    changed = True
                    break
                if key.endswith(link + word) and len(key) > len(link + word):
                    key = key[: -len(link + word)]
                    forms.append(key)
                    changed = True
                    break
            if changed:
                break
    return forms


def organisation_stripped_forms(key: str) -> set[str]:
    """The normalised name with its leading kind words taken away one by one.

    "มูลนิธิสถาบันสิ่งแวดล้อมไทย" gives "สถาบันสิ่งแวดล้อมไทย" and "สิ่งแวดล้อมไทย";
    only forms of at least `MINIMUM_CORE_LENGTH` letters are kept.
    """
    forms = []
    rest = key
    while True:
        prefix = next((p for p in THAI_ORGANISATION_PREFIXES if rest.startswith(p)), None)
        if prefix is None or len(rest) == len(prefix):
            break
        rest = rest[len(prefix) :]
        forms.append(rest)
    forms += _strip_english(key)
    return {form for form in forms if len(form) >= MINIMUM_CORE_LENGTH}


def organisation_names_match(a: str, b: str) -> bool:
    """Whether two normalised names are the same organisation's: equal, or one is the
    other with kind words added ("มูลนิธิ" + "สถาบันสิ่งแวดล้อมไทย")."""
    if not a or not b:
        return False
    if a == b:
        return True
    stripped_a, stripped_b = organisation_stripped_forms(a), organisation_stripped_forms(b)
    return a in stripped_b or b in stripped_a


def _keys_match(keys: set[str], others: set[str]) -> bool:
    return any(organisation_names_match(a, b) for a in keys for b in others)


class _Similarity(Func):
    """pg_trgm's similarity(a, b), 0–1 (the extension comes with portal's migration 0001)."""

    function = "similarity"
    arity = 2
    output_field = FloatField()


def _folded(expression):
    """Lower case without spaces or punctuation, in the database."""
    return Func(
        Lower(expression),
        Value(r"[[:space:][:punct:]]+"),
        Value(""),
        Value("g"),
        function="regexp_replace",
    )


def _trigram_near(queryset, expressions, names, exclude_pk) -> list[int]:
    """PostgreSQL: the keys of the rows whose expression is a near spelling of one of these names.

    Compared in lower case without spaces and punctuation on both sides; only the best
    few above `TRIGRAM_THRESHOLD`, so a word shared with many names never floods.
    """
    names = {_NOT_WORD.sub("", name.casefold()) for name in names if name}
    names.discard("")
    if connection.vendor != "postgresql" or not names:
        return []
    scores = [
        _Similarity(_folded(expression), Value(name))
        for name in sorted(names)
        for expression in expressions
    ]
    score = scores[0] if len(scores) == 1 else Greatest(*scores)
    return list(
        queryset.exclude(pk=exclude_pk)
        .annotate(similarity=score)
        .filter(similarity__gte=TRIGRAM_THRESHOLD)
        .order_by("-similarity", "pk")
        .values_list("pk", flat=True)[:TRIGRAM_LIMIT]
    )


def _trigram_near_matches(names: set[str], exclude_pk) -> list[int]:
    """Organisations whose Thai or English name is a near spelling of one of these."""
    return _trigram_near(Organisation.objects, [F("name_th"), F("name_en")], names, exclude_pk)


def person_keys(*, names: Iterable[str]) -> set[str]:
    return {key for key in (normalise_name(n, person=True) for n in names) if key}


def organisation_find_duplicates(
    *, names: Iterable[str], acronyms: Iterable[str] = (), exclude_pk=None
) -> list[Organisation]:
    """Existing organisations that look like this one.

    A match is a name equal after normalisation or with kind words added or taken
    away (see `organisation_names_match`), an equal acronym, a name that is another's
    acronym ("TEI" typed as the name), and on PostgreSQL a near spelling (pg_trgm).
    """
    names = [n for n in names if n and n.strip()]
    keys = organisation_keys(names=names)
    acronym_keys = organisation_keys(names=acronyms)
    if not keys and not acronym_keys:
        return []
    rows = Organisation.objects.exclude(pk=exclude_pk).values_list(
        "pk", "name_th", "name_en", "acronym_th", "acronym_en"
    )
    matches = set()
    for pk, name_th, name_en, acronym_th, acronym_en in rows:
        their_names = organisation_keys(names=(name_th, name_en))
        their_acronyms = organisation_keys(names=(acronym_th, acronym_en))
        if (
            _keys_match(keys, their_names)
            or their_acronyms & acronym_keys
            or their_acronyms & keys
            or their_names & acronym_keys
        ):
            matches.add(pk)
    matches.update(_trigram_near_matches(set(names), exclude_pk))
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
    matches = {pk for pk, *parts in rows if person_keys(names=_person_names(*parts)) & keys}
    # Near spellings of the full name (PostgreSQL), honorifics left out on this side.
    full_names = [
        normalise_name(name, person=True)
        for name in _person_names(given_name_th, family_name_th, given_name_en, family_name_en)
    ]
    matches.update(
        _trigram_near(
            Person.objects,
            [
                Concat("given_name_th", "family_name_th", output_field=CharField()),
                Concat("given_name_en", "family_name_en", output_field=CharField()),
            ],
            full_names,
            exclude_pk,
        )
    )
    return list(Person.objects.filter(pk__in=matches).order_by("pk"))


def organisation_duplicate_pks() -> set[int]:
    """Organisations that look like another one (the guard's rules, pairs by key), for the
    admin home's data-quality list.

    Names are normalised in Python, which takes a moment on a large directory, so the
    answer is cached under the directory's size and latest change (one aggregate query)
    and recomputed only after an organisation is added, edited or deleted.
    """
    from django.core.cache import cache
    from django.db.models import Count, Max

    state = Organisation.objects.order_by().aggregate(n=Count("pk"), latest=Max("updated_at"))
    stamp = state["latest"].timestamp() if state["latest"] else 0
    cache_key = f"networks:duplicate-organisations:{state['n']}:{stamp}"
    found = cache.get(cache_key)
    if found is not None:
        return set(found)
    by_name: dict[str, set[int]] = {}
    by_acronym: dict[str, set[int]] = {}
    stripped: dict[int, set[str]] = {}
    rows = Organisation.objects.values_list("pk", "name_th", "name_en", "acronym_th", "acronym_en")
    for pk, name_th, name_en, acronym_th, acronym_en in rows.iterator(chunk_size=2000):
        keys = organisation_keys(names=(name_th, name_en))
        for key in keys:
            by_name.setdefault(key, set()).add(pk)
        for key in organisation_keys(names=(acronym_th, acronym_en)):
            by_acronym.setdefault(key, set()).add(pk)
        stripped[pk] = (
            set().union(*(organisation_stripped_forms(k) for k in keys)) if keys else set()
        )
    found = set()
    for group in (*by_name.values(), *by_acronym.values()):
        if len(group) > 1:
            found |= group
    for pk, forms in stripped.items():
        for form in forms:
            others = by_name.get(form, set()) - {pk}
            if others:
                found |= others | {pk}
    cache.set(cache_key, sorted(found), 60 * 60)
    return found
