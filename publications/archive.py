"""This app's part of the generated archive: publications without files (the page says
"no file yet"), their languages and the good-practice cases they present. Never the
demo: see `portal.archive`."""

import random

from networks.models import Organisation
from portal import archive
from portal.archive import PREFIX, Page, pick
from programmes.models import GoodPractice, Programme
from publications.models import Access, Language, Publication, PublicationKind

PUBLICATIONS = 20000
KINDS = [
    (PublicationKind.MANUAL, "คู่มือ", "Manual on"),
    (PublicationKind.SUMMARY, "สรุปผลการดำเนินงานด้าน", "Summary of work on"),
    (PublicationKind.SEMINAR_DOCUMENT, "เอกสารประกอบการสัมมนาเรื่อง", "Seminar papers on"),
    (PublicationKind.PAPER, "บทความเรื่อง", "Paper on"),
    (PublicationKind.PRESENTATION, "เอกสารนำเสนอเรื่อง", "Presentation on"),
    (PublicationKind.STATEMENT, "แถลงการณ์ว่าด้วย", "Statement on"),
    (PublicationKind.REPORT, "รายงานการศึกษาเรื่อง", "Study report on"),
]
LANGUAGES = {"th": ("ภาษาไทย", "Thai"), "en": ("ภาษาอังกฤษ", "English")}


def _languages() -> dict[str, Language]:
    """The document languages, made (and marked as generated) only when missing."""
    found = {}
    for code, (name_th, name_en) in LANGUAGES.items():
        name_th, name_en = archive.marked(name_th, name_en)
        found[code], _created = Language.objects.get_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en}
        )
    return found


def generate(*, scale: float, rng: random.Random, stdout=None) -> str:
    organisations = list(
        Organisation.objects.filter(slug__startswith=PREFIX).order_by("slug").only("pk")
    )
    programmes = list(Programme.objects.filter(slug__startswith=PREFIX).order_by("slug").only("pk"))
    cases = list(GoodPractice.objects.filter(slug__startswith=PREFIX).order_by("slug").only("pk"))
    languages = _languages()

    publications = []
    for number in range(1, archive.scaled(PUBLICATIONS, scale) + 1):
        kind, kind_th, kind_en = pick(rng, KINDS)
        topic, qualifier, province = (
            pick(rng, archive.TOPICS),
            pick(rng, archive.QUALIFIERS),
            pick(rng, archive.PROVINCES),
        )
        year = rng.randint(1995, 2026)
        title_th, title_en = archive.marked(
            f"{kind_th}{topic[0]}{qualifier[0]} จังหวัด{province[0]} ประจำปี {year + 543}",
            f"{kind_en} {topic[1]} {qualifier[1]}, {province[1]}, {year}",
        )
        given, family = pick(rng, archive.GIVEN_NAMES), pick(rng, archive.FAMILY_NAMES)
        abstract = archive.paragraph(rng, 3)
        status, published_at = archive.status_and_published_at(rng, archive.random_day(rng))
        publications.append(
            Publication(
                slug=archive.slug("publication", number),
                title_th=title_th,
                title_en=title_en,
                kind=kind,
                year=year,
                authors_th=f"{given[0]} {family[0]} และคณะ",
                authors_en=f"{given[1]} {family[1]} et al.",
                publisher=archive.skewed(rng, organisations)[0] if rng.random() < 0.8 else None,
                programme=archive.skewed(rng, programmes)[0] if rng.random() < 0.5 else None,
                abstract_th=abstract[0],
                abstract_en=abstract[1],
                access=Access.PUBLIC if rng.random() < 0.9 else Access.PARTNERS,
                download_count=int(1000 ** rng.random()) - 1,
                status=status,
                published_at=published_at,
            )
        )
    publications = archive.bulk_create(Publication, publications)

    in_languages, presenting = [], []
    for publication in publications:
        codes = rng.choice([["th"], ["th"], ["en"], ["th", "en"]])
        for code in codes:
            in_languages.append(
                Publication.languages.through(publication=publication, language=languages[code])
            )
        if cases and rng.random() < 0.1:
            for case in archive.skewed(rng, cases, rng.randint(1, 3)):
                presenting.append(
                    Publication.good_practices.through(publication=publication, goodpractice=case)
                )
    archive.bulk_create(Publication.languages.through, in_languages)
    archive.bulk_create(Publication.good_practices.through, presenting)
    return f"{len(publications)} publications ({len(presenting)} links to good practices)"


def remove() -> str:
    publications, _ = Publication.objects.filter(slug__startswith=PREFIX).delete()
    # Languages this generator had to make, once no publication is in them any more.
    languages, _ = Language.objects.filter(
        name_en__endswith=f" {archive.MARK_EN}", publications__isnull=True
    ).delete()
    return f"{publications + languages} rows"


def pages() -> list[Page]:
    published = Publication.objects.published().filter(slug__startswith=PREFIX).order_by("slug")
    count = published.count()
    found = [
        Page("library", "publication library", "/th/publications/", order=10),
        Page(
            "library-filter",
            "publication library, one filter",
            "/th/publications/?kind=report",
            order=11,
        ),
    ]
    if count:
        publication = published[count // 2]
        found.append(
            Page("publication", "publication page", publication.get_absolute_url(), order=100)
        )
    return found
