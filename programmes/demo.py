"""Demo content: DELGOSEA (shared/seeds 000) and the Mekong CSPP (seed 002) as programmes.

Facts come from the seeds only; the English is a translation of the Thai (the
English programme names are the official ones from the seeds README). Obvious
typing slips of the source are corrected (เอเชียตะวันเฉียงใต้, ธรรมภิบาล, เมิงนำร่อง,
"ได้รับการศักยภาพ"). The seed mentions 16 good-practice cases without naming
them, so no case is created: DELGOSEA's library stays empty rather than invented.

Organisations, networks and people come from `networks.demo` (looked up by
slug); the two DELGOSEA team members are created here only if it has not run.
Idempotent: records are matched by slug, so running it twice changes nothing.
"""

import datetime

from networks.models import Network, Organisation, Person
from portal.demo import upsert
from portal.models import Status
from programmes.models import (
    DatePrecision,
    ImpactStatement,
    PartnerRole,
    Programme,
    ProgrammeLink,
    ProgrammePartner,
    ProgrammeSource,
    Stage,
    TeamMember,
    TeamRole,
    Theme,
)

THEMES = [
    ("good-governance", {"name_th": "ธรรมาภิบาล", "name_en": "Good governance", "order": 1}),
]

DELGOSEA = {
    "slug": "delgosea",
    "title_th": (
        "โครงการส่งเสริมภาคีความร่วมมือเพื่อแลกเปลี่ยนเรียนรู้ด้านธรรมาภิบาลในการบริหารจัดการเมือง"
        "และสิ่งแวดล้อมสำหรับองค์กรปกครองส่วนท้องถิ่นในภูมิภาคเอเชียตะวันออกเฉียงใต้"
    ),
    "title_en": "Partnership for Democratic Local Governance in Southeast-Asia",
    "acronym_th": "DELGOSEA",
    "acronym_en": "DELGOSEA",
    "summary_th": (
        "พัฒนาศักยภาพบุคลากรขององค์กรปกครองส่วนท้องถิ่นและสมาคมสันนิบาตเทศบาลของ 5 ประเทศ"
        "ในภูมิภาคเอเชียตะวันออกเฉียงใต้ ในการจัดการเมืองและสิ่งแวดล้อมโดยใช้หลักธรรมาภิบาล"
    ),
    "summary_en": (
        "Building the capacity of the staff of local governments and municipal leagues in five "
        "Southeast Asian countries to manage their cities and the environment by the principles "
        "of good governance."
    ),
    "objectives_th": (
        "โครงการนี้ มุ่งดำเนินการเพื่อพัฒนาศักยภาพบุคลากรขององค์กรปกครองส่วนท้องถิ่น "
        "และสมาคมสันนิบาตเทศบาลของ 5 ประเทศในภูมิภาคเอเซียตะวันออกเฉียงใต้ ได้แก่ ประเทศไทย "
        "เวียดนาม ฟิลิปปินส์ อินโดนีเซีย และกัมพูชา ในการจัดการเมืองและสิ่งแวดล้อม "
        "โดยใช้หลักธรรมาภิบาล รวมทั้งเพื่อส่งเสริม “การแลกเปลี่ยนเรียนรู้” และ "
        "“ตัวอย่างการพัฒนาเมืองที่ดี” ขององค์กรปกครองส่วนท้องถิ่น ทั้งในและต่างประเทศ "
        "นอกจากนี้ ยังมุ่งสร้างเครือข่ายการพัฒนาเมืองอย่างยั่งยืนระหว่างหน่วยงานต่างๆ ได้แก่ "
        "องค์กรปกครองส่วนท้องถิ่น องค์กรพัฒนาเอกชน สมาคมสันนิบาตเทศบาล และสถาบันการศึกษา "
        "ทั้งในและต่างประเทศ และส่งเสริมการมีส่วนร่วมของประชาชน และภาคประชาสังคม "
        "ในการวางแผนและตัดสินใจในการดำเนินงานต่างๆ ร่วมกับองค์กรปกครองส่วนท้องถิ่น "
        "อันจะนำไปสู่การพัฒนาเมืองและคุณภาพชีวิตที่ดีของประชาชน ตามหลักการของพัฒนาที่ยั่งยืนต่อไป"
    ),
    "objectives_en": (
        "The programme set out to build the capacity of the staff of local governments and of "
        "the municipal leagues of five Southeast Asian countries — Thailand, Vietnam, the "
        "Philippines, Indonesia and Cambodia — to manage their cities and the environment by the "
        "principles of good governance, and to promote “exchange of learning” and “good examples "
        "of urban development” among local governments at home and abroad. It also set out to "
        "build a network for sustainable urban development among local governments, "
        "non-governmental organisations, municipal leagues and academic institutions at home "
        "and abroad, and to promote the participation of citizens and civil society, together "
        "with local governments, in planning and decision-making — leading to better cities and "
        "a better quality of life for the people, in line with the principles of sustainable "
        "development."
    ),
    "start_date": datetime.date(2010, 3, 1),
    "end_date": datetime.date(2012, 8, 1),
    "date_precision": DatePrecision.MONTH,
    "countries": ["TH", "VN", "PH", "ID", "KH"],
    "status": Status.PUBLISHED,
    # As the seed states it (กำลังดำเนินการ), though its dates ended in 2555.
    "stage": Stage.ONGOING,
}

DELGOSEA_IMPACTS = [
    (
        "16 “ตัวอย่างที่ดี” ในด้านการจัดการและพัฒนาเมืองขององค์กรปกครองส่วนท้องถิ่น"
        "จากองค์กรปกครองส่วนท้องถิ่น 5 ประเทศ ได้รับการเผยแพร่ประชาสัมพันธ์ผ่านทางสื่อต่างๆ "
        "ทำให้สาธารณะได้รู้จักเมืองเหล่านี้ในแง่มุมที่ดีมากขึ้น",
        "16 “good practices” in urban management and development by local governments of the "
        "five countries were publicised through various media, so that the public came to know "
        "these cities better and in a more positive light.",
    ),
    (
        "หน่วยงาน/สมาคมองค์กรปกครองส่วนท้องถิ่นของทั้ง 5 ประเทศ ได้รับการพัฒนาศักยภาพ"
        "ผ่านการเรียนรู้และถอดแบบจากตัวอย่างที่ดีสู่การปฏิบัติจริง",
        "Local-government agencies and associations in all five countries built their capacity "
        "by learning from the good practices and adapting them into actual practice.",
    ),
    (
        "เกิดเครือข่ายความร่วมมือในการพัฒนาเมืองอย่างยั่งยืน ระหว่างสถาบันการศึกษา "
        "ผู้แทนจากภาคประชาสังคม และองค์กรปกครองส่วนท้องถิ่น ทั้งในระดับท้องถิ่น ระดับประเทศ "
        "และระดับภูมิภาคเอเชียตะวันออกเฉียงใต้",
        "A cooperation network for sustainable urban development took shape among academic "
        "institutions, civil-society representatives and local governments at the local, "
        "national and Southeast Asian regional levels.",
    ),
    (
        "สมาคม อปท. รวมทั้งเมืองตัวอย่างที่ดีและเมืองนำร่องของทั้ง 5 ประเทศ "
        "เกิดความสัมพันธ์กันในเชิงเครือข่ายความร่วมมือ อันจะนำมาซึ่งการพัฒนาร่วมกันในอนาคต",
        "The local-government associations, together with the good-practice cities and pilot "
        "cities of all five countries, formed cooperative network relationships that will lead "
        "to joint development in the future.",
    ),
]

DELGOSEA_LINKS = [
    (
        "http://www.delgosea.eu/cms/Initiators-Partners/Local-Partners/TEI-Thailand",
        "รายละเอียดเพิ่มเติม (เว็บไซต์ DELGOSEA)",
        "More details (DELGOSEA website)",
    ),
]

# The DELGOSEA team, created here only when networks.demo has not made them.
PEOPLE = {
    "chamniern-vorratnchaiphan": {
        "honorific_th": "ดร.",
        "honorific_en": "Dr",
        "given_name_th": "จำเนียร",
        "family_name_th": "วรรัตน์ชัยพันธ์",
        "given_name_en": "Chamniern",
        "family_name_en": "Vorratnchaiphan",
    },
    "tharee-kamuang": {
        "honorific_th": "คุณ",
        "given_name_th": "ธารี",
        "family_name_th": "กาเมือง",
        "given_name_en": "Tharee",
        "family_name_en": "Kamuang",
    },
}

CSPP = {
    "slug": "cspp",
    "title_th": "โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขง",
    "title_en": "Civil Society Partnerships Project",
    "acronym_en": "CSPP",
    "summary_th": (
        "โครงการภายใต้ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์ "
        "คณะมนุษยศาสตร์และสังคมศาสตร์ มหาวิทยาลัยขอนแก่น ที่ร่วมสร้างพื้นที่การเรียนรู้ "
        "ผนึกกำลังความร่วมมือ สู่ความเข้มแข็งภาคประชาสังคมในอนุภูมิภาคลุ่มน้ำโขง 5 ประเทศ ได้แก่ "
        "กัมพูชา ลาว เวียดนาม พม่า และไทย"
    ),
    "summary_en": (
        "A project of the Center for Civil Society and Nonprofit Management, Faculty of "
        "Humanities and Social Sciences, Khon Kaen University, building shared learning spaces "
        "and joining forces for stronger civil society in the five countries of the Mekong "
        "sub-region: Cambodia, Laos, Vietnam, Myanmar and Thailand."
    ),
    "countries": ["KH", "LA", "VN", "MM", "TH"],
    "status": Status.PUBLISHED,
}


def _organisation(slug: str, missing: list[str]) -> Organisation | None:
    obj = Organisation.objects.filter(slug=slug).first()
    if obj is None:
        missing.append(f"organisation {slug}")
    return obj


def _person(slug: str) -> Person:
    person = Person.objects.filter(slug=slug).first()
    if person is None:
        person = Person.objects.create(slug=slug, **PEOPLE[slug])
    return person


def _set_rows(model, programme: Programme, rows: list[dict]) -> None:
    """Make the programme's rows of `model` exactly `rows`, by their order number."""
    for order, values in enumerate(rows, start=1):
        obj = model.objects.filter(programme=programme, order=order).first() or model(
            programme=programme, order=order
        )
        if obj.pk is None or any(getattr(obj, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(obj, name, value)
            obj.save()
    model.objects.filter(programme=programme, order__gt=len(rows)).delete()


# TEI's page on the programme (the seed) is its source: it gives the duration, and states
# the status as “กำลังดำเนินการ” (ongoing), which the page shows as stated.
_TEI_PAGE = {
    "title_th": DELGOSEA["title_th"],
    "title_en": DELGOSEA["title_en"],
    "publisher_th": "สถาบันสิ่งแวดล้อมไทย",
    "publisher_en": "Thailand Environment Institute",
}
DELGOSEA_SOURCES = [
    {
        **_TEI_PAGE,
        "supports": ["duration", "dates"],
        "stated_value_th": "30 เดือน ตั้งแต่เดือนมีนาคม 2553 – เดือนสิงหาคม 2555",
        "stated_value_en": "30 months, March 2010 – August 2012",
    },
    {
        **_TEI_PAGE,
        "supports": ["status"],
        "stated_value_th": "กำลังดำเนินการ",
        "stated_value_en": "ongoing",
    },
    {**_TEI_PAGE, "supports": ["partners"], "stated_value_th": "", "stated_value_en": ""},
]


def _load_delgosea(themes: dict, missing: list[str]) -> Programme:
    tei = _organisation("tei", missing)
    programme = upsert(
        Programme, {"slug": DELGOSEA["slug"]}, {**DELGOSEA, "lead_organisation": tei}
    )
    programme.themes.add(themes["good-governance"])
    commission = _organisation("european-commission", missing)
    if commission is not None:
        ProgrammePartner.objects.get_or_create(
            programme=programme,
            organisation=commission,
            role=PartnerRole.FUNDER,
            defaults={"order": 1},
        )
    for order, (slug, role) in enumerate(
        [("chamniern-vorratnchaiphan", TeamRole.DIRECTOR), ("tharee-kamuang", TeamRole.MANAGER)],
        start=1,
    ):
        TeamMember.objects.get_or_create(
            programme=programme, person=_person(slug), role=role, defaults={"order": order}
        )
    _set_rows(
        ImpactStatement,
        programme,
        [{"text_th": th, "text_en": en} for th, en in DELGOSEA_IMPACTS],
    )
    _set_rows(
        ProgrammeLink,
        programme,
        [{"url": url, "label_th": th, "label_en": en} for url, th, en in DELGOSEA_LINKS],
    )
    _set_rows(ProgrammeSource, programme, DELGOSEA_SOURCES)
    network = Network.objects.filter(slug="delgosea-sustainable-cities-network").first()
    if network is not None:
        programme.networks.add(network)
    return programme


def _load_cspp(missing: list[str]) -> Programme:
    programme = upsert(
        Programme,
        {"slug": CSPP["slug"]},
        {**CSPP, "lead_organisation": _organisation("csnm", missing)},
    )
    network = Network.objects.filter(slug="mekong-cso-partnership").first()
    if network is not None:
        programme.networks.add(network)
    return programme


def load() -> str:
    missing: list[str] = []
    themes = {slug: upsert(Theme, {"slug": slug}, values) for slug, values in THEMES}
    programmes = [_load_delgosea(themes, missing), _load_cspp(missing)]
    summary = f"{len(programmes)} programmes, {len(themes)} theme, no good-practice cases"
    if missing:
        summary += "; not found (run networks.demo first): " + ", ".join(missing)
    return summary
