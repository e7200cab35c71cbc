"""This app's part of the generated archive: themes, programmes with their partners,
team, impacts and links, and good-practice cases. Never the demo: see `portal.archive`."""

import datetime
import random

from networks.models import Network, Organisation, OrganisationKind, Person
from portal import archive
from portal.archive import PREFIX, Page, pick
from programmes.models import (
    GoodPractice,
    ImpactStatement,
    PartnerRole,
    Programme,
    ProgrammeLink,
    ProgrammePartner,
    TeamMember,
    TeamRole,
    Theme,
)

PROGRAMMES = 50
GOOD_PRACTICES = 2000
COUNTRIES = ["TH", "LA", "KH", "VN", "MM", "MY", "ID", "PH"]


def _generated(model, *fields):
    return list(model.objects.filter(slug__startswith=PREFIX).order_by("slug").only("pk", *fields))


def _unmarked(text: str) -> str:
    return text.removesuffix(f" {archive.MARK_TH}").removesuffix(f" {archive.MARK_EN}")


def generate(*, scale: float, rng: random.Random, stdout=None) -> str:
    organisations = _generated(Organisation, "kind", "country", "name_th", "name_en")
    people = _generated(Person)
    networks = _generated(Network)
    local_governments = [o for o in organisations if o.kind == OrganisationKind.LOCAL_GOVERNMENT]

    themes = archive.bulk_create(
        Theme,
        [
            Theme(
                slug=f"{PREFIX}theme-{number:02d}",
                name_th=archive.marked(topic[0], topic[1])[0],
                name_en=archive.marked(topic[0], topic[1])[1],
                order=100 + number,
            )
            for number, topic in enumerate(archive.TOPICS[:8], start=1)
        ],
    )

    programmes = []
    for number in range(1, archive.scaled(PROGRAMMES, scale) + 1):
        topic, qualifier = pick(rng, archive.TOPICS), pick(rng, archive.QUALIFIERS)
        title_th, title_en = archive.marked(
            f"โครงการส่งเสริม{topic[0]}{qualifier[0]} ระยะที่ {rng.randint(1, 3)}",
            f"Programme for {topic[1]} {qualifier[1]}, phase {rng.randint(1, 3)}",
        )
        summary, objectives, body = (archive.paragraph(rng, n) for n in (2, 2, 6))
        start = archive.random_day(rng)
        end = start + datetime.timedelta(days=rng.randint(12, 60) * 30)
        status, published_at = archive.status_and_published_at(rng, start)
        programmes.append(
            Programme(
                slug=archive.slug("programme", number),
                title_th=title_th,
                title_en=title_en,
                acronym_en=f"GEN{number}",
                summary_th=summary[0],
                summary_en=summary[1],
                objectives_th=objectives[0],
                objectives_en=objectives[1],
                body_th=body[0],
                body_en=body[1],
                start_date=start,
                end_date=end,
                lead_organisation=archive.skewed(rng, organisations)[0],
                countries=rng.sample(COUNTRIES, rng.randint(1, 4)),
                status=status,
                published_at=published_at,
            )
        )
    programmes = archive.bulk_create(Programme, programmes)

    partners, team, impacts, links, programme_themes, programme_networks = [], [], [], [], [], []
    for programme in programmes:
        for order, organisation in enumerate(archive.skewed(rng, organisations, rng.randint(2, 6))):
            role = PartnerRole.FUNDER if order == 0 else rng.choice(list(PartnerRole))
            partners.append(
                ProgrammePartner(
                    programme=programme, organisation=organisation, role=role, order=order
                )
            )
        for order, person in enumerate(rng.sample(people, min(len(people), rng.randint(2, 4)))):
            role = TeamRole.DIRECTOR if order == 0 else rng.choice(list(TeamRole))
            team.append(TeamMember(programme=programme, person=person, role=role, order=order))
        for order in range(rng.randint(2, 3)):
            text = pick(rng, archive.SENTENCES)
            impacts.append(
                ImpactStatement(programme=programme, text_th=text[0], text_en=text[1], order=order)
            )
        links.append(
            ProgrammeLink(
                programme=programme,
                label_th="เว็บไซต์โครงการ (ข้อมูลจำลอง)",
                label_en="Programme website (generated)",
                url=f"https://example.org/{programme.slug}/",
            )
        )
        for theme in rng.sample(themes, rng.randint(1, 3)):
            programme_themes.append(Programme.themes.through(programme=programme, theme=theme))
        for network in archive.skewed(rng, networks, rng.randint(0, 2)):
            programme_networks.append(
                Programme.networks.through(programme=programme, network=network)
            )
    for model, rows in (
        (ProgrammePartner, partners),
        (TeamMember, team),
        (ImpactStatement, impacts),
        (ProgrammeLink, links),
        (Programme.themes.through, programme_themes),
        (Programme.networks.through, programme_networks),
    ):
        archive.bulk_create(model, rows)

    cases, case_themes = [], []
    for number in range(1, archive.scaled(GOOD_PRACTICES, scale) + 1):
        topic = pick(rng, archive.TOPICS)
        local_government = archive.skewed(rng, local_governments or organisations)[0]
        title_th, title_en = archive.marked(
            f"แนวปฏิบัติที่ดีด้าน{topic[0]}ของ{_unmarked(local_government.name_th)}",
            f"Good practice in {topic[1]}: {_unmarked(local_government.name_en)}",
        )
        summary, body = archive.paragraph(rng, 2), archive.paragraph(rng, 5)
        status, published_at = archive.status_and_published_at(rng, archive.random_day(rng))
        cases.append(
            GoodPractice(
                slug=archive.slug("practice", number),
                title_th=title_th,
                title_en=title_en,
                programme=archive.skewed(rng, programmes)[0] if rng.random() < 0.8 else None,
                local_government=local_government,
                country=local_government.country,
                summary_th=summary[0],
                summary_en=summary[1],
                body_th=body[0],
                body_en=body[1],
                is_sample=True,  # made up: the page says so
                status=status,
                published_at=published_at,
            )
        )
    cases = archive.bulk_create(GoodPractice, cases)
    for case in cases:
        for theme in rng.sample(themes, rng.randint(1, 2)):
            case_themes.append(GoodPractice.themes.through(goodpractice=case, theme=theme))
    archive.bulk_create(GoodPractice.themes.through, case_themes)
    return (
        f"{len(themes)} themes, {len(programmes)} programmes ({len(partners)} partners, "
        f"{len(team)} team members), {len(cases)} good practices"
    )


def remove() -> str:
    cases, _ = GoodPractice.objects.filter(slug__startswith=PREFIX).delete()
    programmes, _ = Programme.objects.filter(slug__startswith=PREFIX).delete()
    themes, _ = Theme.objects.filter(slug__startswith=PREFIX).delete()
    return f"{cases + programmes + themes} rows"


def pages() -> list[Page]:
    found = [
        Page("good-practices", "good practices", "/th/good-practices/", order=70),
        Page("transfers", "where good practices went", "/th/good-practices/transfers/", order=71),
    ]
    programme = (
        Programme.objects.published().filter(slug__startswith=PREFIX).order_by("slug").first()
    )
    if programme:
        found.append(
            Page(
                "programme-partnerships",
                "partnership network of a programme",
                f"/th/partnerships/programme/{programme.slug}/",
                order=72,
            )
        )
    return found
