"""This app's part of the generated archive: organisations (with parents), networks
with their members, and people. Never the demo: see `portal.archive`."""

import random

from django.db.models import Count

from networks.models import Membership, Network, Organisation, OrganisationKind, Person
from portal import archive
from portal.archive import PREFIX, Page, pick

ORGANISATIONS = 5000
NETWORKS = 200
PEOPLE = 4000

K = OrganisationKind
PLACES = [
    ("บ้านใหม่", "Ban Mai"),
    ("หนองบัว", "Nong Bua"),
    ("ท่าช้าง", "Tha Chang"),
    ("โนนสูง", "Non Sung"),
    ("บางปลา", "Bang Pla"),
    ("ดอนแก้ว", "Don Kaeo"),
    ("ห้วยทราย", "Huai Sai"),
    ("วังทอง", "Wang Thong"),
    ("นาดี", "Na Di"),
    ("สันทราย", "San Sai"),
    ("คลองหลวง", "Khlong Luang"),
    ("แม่ริม", "Mae Rim"),
]
LOCAL_GOVERNMENTS = [
    ("เทศบาลนคร", "City Municipality"),
    ("เทศบาลเมือง", "Town Municipality"),
    ("เทศบาลตำบล", "Subdistrict Municipality"),
    ("องค์การบริหารส่วนตำบล", "Subdistrict Administrative Organisation"),
]
# kind, weight, Thai and English name patterns ({place}, {province}, {topic})
TOP_LEVEL = [
    (K.LOCAL_GOVERNMENT, 40, None, None),
    (K.CSO, 20, "มูลนิธิเพื่อ{topic}{province}", "{province} Foundation for {topic}"),
    (K.ACADEMIC, 10, "สถาบันวิจัย{topic}", "Research Institute for {topic}"),
    (
        K.GOVERNMENT,
        12,
        "สำนักงานส่งเสริม{topic}จังหวัด{province}",
        "{province} Provincial Office for {topic}",
    ),
    (K.LG_ASSOCIATION, 6, "สมาคมท้องถิ่นเพื่อ{topic}", "Local Government Association for {topic}"),
    (K.INTERNATIONAL, 5, "กองทุนระหว่างประเทศเพื่อ{topic}", "International Fund for {topic}"),
    (K.MEDIA, 4, "สำนักข่าวพลเมือง{province}", "{province} Citizen News"),
    (K.BUSINESS, 3, "บริษัทที่ปรึกษาด้าน{topic}", "Consultancy for {topic}"),
]
UNITS = [
    ("กอง", "Division of"),
    ("ศูนย์", "Centre for"),
    ("สำนัก", "Bureau of"),
    ("ฝ่าย", "Section for"),
]
COUNTRIES = ["LA", "KH", "VN", "MM", "MY", "ID", "PH"]
MEMBER_ROLES = [
    ("สมาชิก", "member"),
    ("สมาชิก", "member"),
    ("สมาชิกผู้ก่อตั้ง", "founding member"),
    ("สำนักเลขานุการ", "secretariat"),
]
POSITIONS = [
    ("ผู้อำนวยการ", "Director"),
    ("นายกเทศมนตรี", "Mayor"),
    ("ปลัดองค์การบริหารส่วนตำบล", "Chief Administrator"),
    ("นักวิชาการ", "Researcher"),
    ("ผู้ประสานงานเครือข่าย", "Network Coordinator"),
    ("ประธานกรรมการ", "Chair"),
]


def _top_level(rng: random.Random) -> tuple[str, str, str, str, str]:
    kind, _weight, th, en = rng.choices(TOP_LEVEL, weights=[t[1] for t in TOP_LEVEL])[0]
    province, topic = pick(rng, archive.PROVINCES), pick(rng, archive.TOPICS)
    if th is None:
        lg, place = pick(rng, LOCAL_GOVERNMENTS), pick(rng, PLACES)
        return kind, f"{lg[0]}{place[0]}", f"{place[1]} {lg[1]}", province[0], province[1]
    values_th = {"province": province[0], "topic": topic[0]}
    values_en = {"province": province[1], "topic": topic[1]}
    return kind, th.format(**values_th), en.format(**values_en), province[0], province[1]


def _organisation(rng, number: int, parent: Organisation | None) -> Organisation:
    if parent is None:
        kind, name_th, name_en, city_th, city_en = _top_level(rng)
        country = "TH" if rng.random() < 0.85 else pick(rng, COUNTRIES)
    else:
        unit, topic = pick(rng, UNITS), pick(rng, archive.TOPICS)
        kind, country = parent.kind, parent.country
        name_th, name_en = f"{unit[0]}{topic[0]}", f"{unit[1]} {topic[1]}"
        city_th, city_en = parent.city_th, parent.city_en
    name_th, name_en = archive.marked(name_th, name_en)
    about_th, about_en = archive.paragraph(rng, rng.randint(1, 2))
    status, published_at = archive.status_and_published_at(rng, archive.random_day(rng))
    return Organisation(
        slug=archive.slug("org", number),
        name_th=name_th,
        name_en=name_en,
        kind=kind,
        country=country,
        city_th=city_th,
        city_en=city_en,
        parent=parent,
        description_th=about_th,
        description_en=about_en,
        status=status,
        published_at=published_at,
    )


def generate(*, scale: float, rng: random.Random, stdout=None) -> str:
    total = archive.scaled(ORGANISATIONS, scale)
    # A third stand alone, half belong to one of them, the rest to one of those (three levels).
    tiers = [max(1, round(total * 0.3)), round(total * 0.5)]
    tiers.append(total - sum(tiers))
    organisations: list[Organisation] = []
    parents: list[Organisation] = []
    for level, size in enumerate(tiers):
        rows = [
            _organisation(rng, len(organisations) + i + 1, rng.choice(parents) if level else None)
            for i in range(size)
        ]
        parents = archive.bulk_create(Organisation, rows)
        organisations += parents

    people = []
    for number in range(1, archive.scaled(PEOPLE, scale) + 1):
        position = pick(rng, POSITIONS)
        position_th, position_en = archive.marked(*position)
        people.append(
            Person(
                slug=archive.slug("person", number),
                organisation=archive.skewed(rng, organisations)[0],
                position_th=position_th,
                position_en=position_en,
                country="TH" if rng.random() < 0.9 else pick(rng, COUNTRIES),
                public_consent=rng.random() < 0.3,
                **archive.person_name(rng),
            )
        )
    archive.bulk_create(Person, people)

    networks, memberships = [], []
    for number in range(1, archive.scaled(NETWORKS, scale) + 1):
        topic, qualifier = pick(rng, archive.TOPICS), pick(rng, archive.QUALIFIERS)
        name_th, name_en = archive.marked(
            f"เครือข่าย{topic[0]}{qualifier[0]}", f"Network for {topic[1]} {qualifier[1]}"
        )
        about_th, about_en = archive.paragraph(rng, 2)
        status, published_at = archive.status_and_published_at(rng, archive.random_day(rng))
        networks.append(
            Network(
                slug=archive.slug("network", number),
                name_th=name_th,
                name_en=name_en,
                description_th=about_th,
                description_en=about_en,
                coordinator=archive.skewed(rng, organisations)[0],
                founded=rng.randint(1990, 2024),
                status=status,
                published_at=published_at,
            )
        )
    networks = archive.bulk_create(Network, networks)
    for rank, network in enumerate(networks):
        # A few large networks (the 77 provinces' centres) and many small ones.
        size = min(len(organisations), 3 + round(150 / (rank + 1)) + rng.randint(0, 12))
        for organisation in rng.sample(organisations, size):
            role = pick(rng, MEMBER_ROLES)
            start = archive.random_day(rng) if rng.random() < 0.5 else None
            memberships.append(
                Membership(
                    network=network,
                    organisation=organisation,
                    role_th=role[0],
                    role_en=role[1],
                    start=start,
                )
            )
    archive.bulk_create(Membership, memberships)
    return (
        f"{len(organisations)} organisations, {len(people)} people, "
        f"{len(networks)} networks, {len(memberships)} memberships"
    )


def remove() -> str:
    networks, _ = Network.objects.filter(slug__startswith=PREFIX).delete()  # with memberships
    people, _ = Person.objects.filter(slug__startswith=PREFIX).delete()
    generated = Organisation.objects.filter(slug__startswith=PREFIX)
    generated.update(parent=None)  # a parent is protected from deletion while children point
    organisations, _ = generated.delete()
    return f"{networks + people + organisations} rows"


def pages() -> list[Page]:
    published = Organisation.objects.published().filter(slug__startswith=PREFIX)
    network = (
        Network.objects.published()
        .filter(slug__startswith=PREFIX)
        .annotate(size=Count("memberships"))
        .order_by("-size", "slug")
        .first()
    )
    # A typical organisation: one with a parent, from the middle of the directory.
    children = published.filter(parent__isnull=False).order_by("slug")
    organisation = children[children.count() // 2] if children.exists() else None
    found = [
        Page("organisations", "organisation directory", "/th/organisations/", order=80),
        Page("networks", "networks list", "/th/networks/", order=81),
        Page("partnerships", "partnership network, whole portal", "/th/partnerships/", order=82),
    ]
    if organisation:
        found.append(
            Page("organisation", "organisation page", organisation.get_absolute_url(), order=91)
        )
    if network:
        found.append(
            Page("network", "network page (most members)", network.get_absolute_url(), order=92)
        )
        found.append(
            Page(
                "network-partnerships",
                "partnership network of that network",
                f"/th/partnerships/network/{network.slug}/",
                order=93,
            )
        )
    return found
