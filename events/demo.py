"""Demo content: the two events of the source records (shared/seeds 001 and 002).

Facts come from the seeds only; the English is a translation of the Thai. The
people and organisations are created by `networks.demo` and the CSPP programme
by `programmes.demo`; this module looks them up by slug. Idempotent: running it
twice changes nothing.
"""

import datetime

from events.models import (
    Event,
    EventAlbum,
    EventKind,
    EventOrganiser,
    EventSource,
    OrganiserRole,
    ParticipantGroup,
    Role,
    RoleKind,
    Session,
    SessionKind,
)
from networks.models import Network, Organisation, Person
from portal.demo import upsert
from portal.models import Status
from programmes.models import Programme
from publications.models import Publication

# Slugs of records other apps' demos create.
ECT = "ect"
ECT_BUREAU = "ect-election-network-development-bureau"
CSNM = "csnm"
SDDC_NETWORK = "sddc"
CSPP_PROGRAMME = "cspp"
REPORTER = "sirinat-mattra"


MODELS = {
    "networks.Network": Network,
    "networks.Organisation": Organisation,
    "networks.Person": Person,
    "programmes.Programme": Programme,
}


def _get(label: str, slug: str, missing: list[str]):
    obj = MODELS[label].objects.filter(slug=slug).first()
    if obj is None:
        missing.append(f"{label}:{slug}")
    return obj


ECT_FORUM = {
    "slug": "sddc-allied-networks-forum-2022",
    "kind": EventKind.FORUM,
    "title_th": "เสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”",
    "title_en": "Academic forum “Rally of SDDC People and Allied Networks”",
    "start_date": datetime.date(2022, 8, 24),
    "end_date": datetime.date(2022, 8, 25),
    "venue_name_th": "ห้องประชุม อัศวินแกรนด์ บอลรูม ชั้น 4 โรงแรมอัศวิน แกรนด์คอนเวนชั่น",
    "venue_name_en": "Asawin Grand Ballroom, 4th floor, Asawin Grand Convention Hotel",
    "venue_address_th": "ถนนวิภาวดีรังสิต เขตหลักสี่",
    "venue_address_en": "Vibhavadi Rangsit Road, Lak Si District",
    "venue_city_th": "กรุงเทพมหานคร",
    "venue_city_en": "Bangkok",
    "venue_country": "TH",
    "summary_th": (
        "สำนักงานคณะกรรมการการเลือกตั้ง โดยสำนักพัฒนาเครือข่ายการเลือกตั้ง ได้จัดกิจกรรมเสวนาวิชาการ"
        "รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร ระหว่างวันที่ 24 – 25 สิงหาคม 2565 "
        "มีผู้เข้าร่วมกิจกรรมรวมทั้งสิ้น 427 คน โดยนายอิทธิพร บุญประคอง ประธานกรรมการการเลือกตั้ง"
        "ได้ให้เกียรติเป็นประธานในพิธีเปิด"
    ),
    "summary_en": (
        "The Office of the Election Commission of Thailand, through its Election Network "
        "Development Bureau, held the academic forum “Rally of SDDC People and Allied Networks” "
        "on 24–25 August 2022, with 427 participants in all. Mr Ittiporn Boonpracong, Chairman "
        "of the Election Commission, presided over the opening ceremony."
    ),
    "objectives_th": (
        "เพื่อพัฒนาเครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.) และส่งเสริมความเข้มแข็งภาคพลเมือง"
    ),
    "objectives_en": (
        "To develop the network of Sub-district Democracy Development Centers (SDDC) and to "
        "strengthen the civic sector."
    ),
    "declared_participants": 427,
    "status": Status.PUBLISHED,
}

ECT_GROUPS = [
    (
        "ผู้แทนศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.) และเครือข่ายพันธมิตร",
        "Representatives of the Sub-district Democracy Development Centers (SDDC) and allied networks",
        308,
        (77, "จังหวัด", "provinces", 4),
    ),
    (
        "ผู้อำนวยการการเลือกตั้งประจำจังหวัดหรือผู้แทน",
        "Provincial Election Directors or their representatives",
        77,
        (77, "จังหวัด", "provinces", 1),
    ),
    ("ผู้บริหารเจ้าหน้าที่โครงการ", "Project executives and staff", 13, None),
    ("วิทยากรผู้ทรงคุณวุฒิภายนอก", "External expert speakers", 7, None),
    ("วิทยากรภายใน", "Internal speakers", 5, None),
    (
        "สื่อมวลชน แขกผู้มีเกียรติผู้สังเกตการณ์",
        "Media, distinguished guests and observers",
        17,
        None,
    ),
]

# (kind, number, title th, title en, description th, description en)
ECT_SESSIONS = [
    (SessionKind.OPENING, None, "พิธีเปิด", "Opening ceremony", "", ""),
    (
        SessionKind.CEREMONY,
        None,
        "กล่าวคำปฏิญาณตนและร้องเพลง “ศส.ปชต. ร่วมใจ”",
        "Pledge and the song “SDDC United”",
        "ผู้เข้าร่วมกิจกรรมรวมพลังกล่าวคำปฏิญาณตน และร้องเพลง “ศส.ปชต. ร่วมใจ” เพื่อเป็นการแสดงพลังของ ศส.ปชต.",
        "Participants together took the pledge and sang the song “SDDC United” "
        "(“ศส.ปชต. ร่วมใจ”) as a show of the SDDCs' strength.",
    ),
    (
        SessionKind.PANEL,
        None,
        "การพัฒนาเครือข่าย ศส.ปชต. เพื่อส่งเสริมความเข้มแข็งภาคพลเมือง",
        "Developing the SDDC network to strengthen the civic sector",
        "",
        "",
    ),
    (
        SessionKind.SPECIAL_LECTURE,
        None,
        "แนวทางการดำเนินการเพื่อส่งเสริมพัฒนา ศส.ปชต. ให้มีความเข้มแข็ง",
        "Approaches to promoting and developing strong SDDCs",
        "",
        "",
    ),
    (
        SessionKind.BREAKOUT,
        1,
        "ถอดบทเรียนการทำงานที่ผ่านมา และความคาดหวังในการดำเนินงานของ ศส.ปชต.",
        "Lessons learned from past work, and expectations of the SDDCs' work",
        "ผู้เข้าร่วมกิจกรรมร่วมกันระดมความคิดเห็นโดยแบ่งออกเป็น 6 กลุ่ม เพื่อจัดทำ "
        "“แนวทางการดำเนินการเพื่อพัฒนาศักยภาพ ศส.ปชต. ให้มีความเข้มแข็ง” "
        "และความคาดหวังในการดำเนินงานของ ศส.ปชต. พร้อมนำเสนอผลการระดมความคิดเห็น",
        "Participants brainstormed in six groups to draw up “approaches to building strong "
        "SDDC capacity” and their expectations of the SDDCs' work, and presented the results.",
    ),
    (
        SessionKind.BREAKOUT,
        2,
        "การพัฒนาศักยภาพ ศส.ปชต. ให้มีความเข้มแข็ง",
        "Building strong SDDC capacity",
        "",
        "",
    ),
    (
        SessionKind.BREAKOUT,
        3,
        "การบูรณาการการทำงานเครือข่ายเพื่อพัฒนาประชาธิปไตยชุมชน โดยคน ศส.ปชต.",
        "Integrating network work to develop community democracy, by SDDC people",
        "",
        "",
    ),
    (
        SessionKind.BREAKOUT,
        4,
        "ปัญหา อุปสรรค แนวทางการแก้ไขปัญหาเพื่อพัฒนา งาน ศส.ปชต.",
        "Problems, obstacles and solutions for developing the SDDCs' work",
        "",
        "",
    ),
    (
        SessionKind.BREAKOUT,
        5,
        "การมีส่วนร่วมของประชาชน/ชุมชน ในการขับเคลื่อนงาน ศส.ปชต.",
        "Participation of people and communities in driving the SDDCs' work",
        "",
        "",
    ),
    (
        SessionKind.BREAKOUT,
        6,
        "แนวทางปฏิบัติงานของ สนง.กกต.จว. ตามระเบียบใหม่",
        "Working practices of the Provincial Election Commission Offices under the new regulations",
        "",
        "",
    ),
]

# (person slug, role, session kind or None, position th, position en)
ECT_ROLES = [
    (
        "ittiporn-boonpracong",
        RoleKind.PRESIDING_CHAIR,
        SessionKind.OPENING,
        "ประธานกรรมการการเลือกตั้ง",
        "Chairman of the Election Commission",
    ),
    (
        "thawatchai-therdphaothai",
        RoleKind.PANELIST,
        SessionKind.PANEL,
        "กรรมการการเลือกตั้ง",
        "Election Commissioner",
    ),
    (
        "supachai-somcharoen",
        RoleKind.PANELIST,
        SessionKind.PANEL,
        "รองประธานวุฒิสภาคนที่ 2 อดีตประธานกรรมการการเลือกตั้ง",
        "Second Vice-President of the Senate, former Chairman of the Election Commission",
    ),
    (
        "chalermchai-fuengkhon",
        RoleKind.PANELIST,
        SessionKind.PANEL,
        "สมาชิกวุฒิสภา กรรมาธิการติดตาม เสนอแนะ และเร่งรัดการปฏิรูปประเทศและการจัดการดำเนินการตามยุทธศาสตร์ วุฒิสภา",
        "Senator; member of the Senate Committee on Monitoring, Recommending and Accelerating "
        "National Reform and the Implementation of the National Strategy",
    ),
    (
        "chayawut-chantorn",
        RoleKind.PANELIST,
        SessionKind.PANEL,
        "รองปลัดกระทรวงมหาดไทย",
        "Deputy Permanent Secretary of the Interior",
    ),
    (
        "thaweep-promsuk",
        RoleKind.PANELIST,
        SessionKind.PANEL,
        "ประธาน ศส.ปชต. พิมลราช",
        "Chairman of the Phimonrat SDDC",
    ),
    ("orawan-krimwiratkul", RoleKind.MODERATOR, SessionKind.PANEL, "", ""),
    (
        "seng-singtothong",
        RoleKind.LECTURER,
        SessionKind.SPECIAL_LECTURE,
        "ประธานคณะอนุกรรมการด้านการส่งเสริมและพัฒนาศูนย์ส่งเสริมพัฒนาประชาธิปไตย",
        "Chairman of the Subcommittee on Promoting and Developing the Sub-district Democracy "
        "Development Centers",
    ),
]

STATEMENT_TH = (
    "เราเชื่อมั่นในการมีอยู่ ตัวตน ภรากรภาพ และความเป็นหุ้นส่วนขององค์กรภาคประชาสังคม "
    "สู่การพัฒนาความเป็นมืออาชีพ ศักยภาพ และความยั่งยืน เราจะใช้เวทีทางสังคมเป็นพื้นที่ในการสร้าง"
    "ความแข็งแกร่งของความเป็นหุ้นส่วนการพัฒนาทั้งในระดับท้องถิ่น ประเทศ และภูมิภาค "
    "เพื่อนำไปสู่การบรรลุเป้าหมายของการพัฒนาที่ยั่งยืนร่วมกัน เราจะเชื่อมร้อยพื้นที่ "
    "และสร้างการมีส่วนร่วมกับกลไกของรัฐบาลในประเทศอาเซียน ภาคธุรกิจ และผู้มีส่วนได้ส่วนเสีย "
    "ในการผลักดันประเด็นปัญหาที่ดังที่กล่าวมาเบื้องต้น ภาคประชาสังคม ขอเรียกร้องให้ผู้นำรัฐบาล "
    "องค์กรนำต่างๆ รวมทั้งชุมชนนานาชาติทั้งหลาย ให้เร่งรัด สนับสนุน และอำนวยความสะดวก "
    "ให้หลักการและเครื่องมือของกรอบการพัฒนาที่ยั่งยืน (SDG) นำไปสู่ปฏิบัติการที่เป็นจริงอย่างจริงจัง "
    "โดยเฉพาะในประเด็น หญิง-ชาย ความไม่เสมอภาค การเปลี่ยนแปลงสภาพภูมิอากาศ สันติภาพ สิทธิมนุษยชน "
    "และการเป็นหุ้นส่วนการพัฒนา ซึ่งเป็นประเด็นหลักของเป้าหมายการพัฒนาที่ยั่งยืน "
    "เราขอให้รัฐบาลอาเซียนและผู้มีส่วนได้เสียทุกภาคส่วน หลีกเลี่ยงการทำร้ายและทำลายโครงสร้างทางสังคม"
    "รวมทั้งสุขภาวะของสิ่งแวดล้อม เราขอให้รับรองความยั่งยืนของทรัพยากรธรรมชาติ สันติภาพ ความยุติธรรม "
    "และการไม่กีดกันทางสังคม ผ่านมาตรการและกรอบการทำงานแบบเป็นหุ้นส่วนไร้พรมแดน "
    "และประชาชนมีส่วนร่วมในการพัฒนาและกระบวนการตัดสินใจในทุกขั้นตอน"
)

STATEMENT_EN = (
    "We believe in the existence, identity, fraternity and partnership of civil society "
    "organisations towards developing professionalism, capacity and sustainability. We will use "
    "social platforms as spaces to strengthen development partnerships at the local, national "
    "and regional levels, so as to achieve the goals of sustainable development together. We "
    "will link up spaces and build engagement with the mechanisms of governments in ASEAN "
    "countries, the business sector and stakeholders in pressing the issues set out above. "
    "Civil society calls on government leaders, leading organisations and the whole "
    "international community to hasten, support and facilitate the principles and tools of the "
    "Sustainable Development Goals (SDG) framework into real and earnest action, in particular "
    "on gender, inequality, climate change, peace, human rights and development partnership, "
    "which are core issues of the Sustainable Development Goals. We ask ASEAN governments and "
    "stakeholders in every sector to refrain from harming and destroying social structures and "
    "the health of the environment. We ask them to guarantee the sustainability of natural "
    "resources, peace, justice and social inclusion through measures and frameworks of "
    "partnership without borders, with people taking part in development and decision-making "
    "at every stage."
)

MEKONG_CONFERENCE = {
    "slug": "csos-regional-conference-2018",
    "kind": EventKind.CONFERENCE,
    "title_th": "งานสัมมนา CSOs Regional Conference 2018",
    "title_en": "CSOs Regional Conference 2018",
    "edition": 2,
    "theme_th": ("ร่วมสร้างพื้นที่การเรียนรู้ ผนึกกำลังความร่วมมือ สู่ความเข้มแข็งภาคประชาสังคมในอนุภูมิภาคลุ่มน้ำโขง"),
    "theme_en": (
        "Building learning spaces together and joining forces in cooperation towards a strong "
        "civil society in the Mekong sub-region"
    ),
    "start_date": datetime.date(2018, 2, 7),
    "end_date": datetime.date(2018, 2, 8),
    "venue_name_th": "ห้องมงกุฎพลอย โรงแรมโฆษะ",
    "venue_name_en": "Mongkut Ploy Room, Kosa Hotel",
    "venue_address_th": "",
    "venue_address_en": "",
    "venue_city_th": "ขอนแก่น",
    "venue_city_en": "Khon Kaen",
    "venue_country": "TH",
    "summary_th": (
        "โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขง ภายใต้ศูนย์ประชาสังคมและการจัดการองค์กรเอกชน"
        "สาธารณประโยชน์ คณะมนุษยศาสตร์และสังคมศาสตร์ มหาวิทยาลัยขอนแก่น จัดงานสัมมนาระดับภูมิภาคครั้งที่ 2 "
        "ระหว่างวันที่ 7-8 กุมภาพันธ์ 2561 ณ ห้องมงกุฎพลอย โรงแรมโฆษะ ขอนแก่น ประเทศไทย "
        "มีผู้เข้าร่วมเวทีจำนวน 79 คน จาก 46 องค์กรภาคประชาสังคม ทั้งหมด 5 ประเทศ ได้แก่ กัมพูชา ลาว "
        "เวียดนาม พม่า และไทย ตัวแทนจาก 5 ประเทศ ยังได้ร่วมกันออกแถลงการณ์องค์กรภาคประชาสังคม"
        "อนุภูมิภาคลุ่มน้ำโขง"
    ),
    "summary_en": (
        "The Civil Society Partnerships Project (CSPP) of the Center for Civil Society and "
        "Nonprofit Management (CSNM), Faculty of Humanities and Social Sciences, Khon Kaen "
        "University, held its second regional conference on 7–8 February 2018 in the Mongkut "
        "Ploy Room of the Kosa Hotel, Khon Kaen, Thailand. 79 participants came from 46 "
        "civil-society organisations in five countries: Cambodia, Laos, Vietnam, Myanmar and "
        "Thailand. Representatives of the five countries also jointly issued a statement of the "
        "Mekong sub-region civil society organisations."
    ),
    "objectives_th": (
        "เพื่อแลกเปลี่ยน และถกแถลงประสบการณ์ และรูปธรรมการทำงานของภาคประชาสังคมในประเด็นหลัก คือ "
        "มาตรฐานการบริหารจัดการองค์กรแบบมืออาชีพ ความยั่งยืนขององค์กรภาคประชาสังคม "
        "เป้าหมายการพัฒนาที่ยั่งยืน โอกาสและความท้าทายในการทำงาน "
        "รวมทั้งกรอบแนวทางความร่วมมือสู่การบรรลุเป้าหมายการพัฒนาที่ยั่งยืน"
    ),
    "objectives_en": (
        "To exchange and debate the experience and concrete work of civil society on the main "
        "issues: professional standards of organisational management, the sustainability of "
        "civil-society organisations, the Sustainable Development Goals, the opportunities and "
        "challenges of the work, and a framework for cooperation towards achieving the "
        "Sustainable Development Goals."
    ),
    "body_th": (
        "แนวคิดการร่วมสร้างพื้นที่การเรียนรู้ การผนึกกำลังความร่วมมือและการเป็นหุ้นส่วนการพัฒนา"
        "องค์กรภาคประชาสังคมลุ่มน้ำโขงยังคงต้องดำเนินต่อไปอย่างต่อเนื่องและจริงจังตามบริบทของทั้ง 5 ประเทศ"
        "อนุภูมิภาคลุ่มน้ำโขง"
    ),
    "body_en": (
        "The idea of building learning spaces together, joining forces in cooperation and "
        "development partnership among Mekong civil-society organisations must carry on, "
        "continuously and in earnest, in the context of each of the five countries of the Mekong "
        "sub-region."
    ),
    "outcome_title_th": "แถลงการณ์องค์กรภาคประชาสังคมอนุภูมิภาคลุ่มน้ำโขง (สรุปใจความ)",
    "outcome_title_en": "Statement of the Mekong sub-region civil society organisations (summary)",
    "outcome_statement_th": STATEMENT_TH,
    "outcome_statement_en": STATEMENT_EN,
    "image_credit_th": "CSNM",
    "image_credit_en": "CSNM",
    "declared_participants": 79,
    "organisations_represented": 46,
    "countries_represented": ["KH", "LA", "MM", "TH", "VN"],
    "status": Status.PUBLISHED,
}

# The conference's papers and presentations, created by `publications.demo`.
MEKONG_DOCUMENTS = [
    "csos-regional-conference-2018-papers",
    "csos-regional-conference-2018-presentations",
]

MEKONG_ALBUMS = [
    ("อัลบั้มภาพโดย CSNM", "Photo album by CSNM"),
    ("อัลบั้มภาพโดย USAID Asia", "Photo album by USAID Asia"),
]


def _upsert_event(data: dict, **relations) -> Event:
    values = {k: v for k, v in data.items() if k != "slug"}
    return upsert(Event, {"slug": data["slug"]}, {**values, **relations})


def _set_organisers(event: Event, organisations: list) -> None:
    for order, organisation in enumerate(organisations):
        if organisation is None:
            continue
        EventOrganiser.objects.update_or_create(
            event=event,
            organisation=organisation,
            role=OrganiserRole.ORGANISER,
            defaults={"order": order},
        )


def _load_ect_forum(missing: list[str]) -> Event:
    network = _get("networks.Network", SDDC_NETWORK, missing)
    event = _upsert_event(ECT_FORUM, network=network)
    _set_organisers(
        event,
        [
            _get("networks.Organisation", ECT, missing),
            _get("networks.Organisation", ECT_BUREAU, missing),
        ],
    )
    for order, (label_th, label_en, count, breakdown) in enumerate(ECT_GROUPS):
        units, unit_th, unit_en, per_unit = breakdown or (None, "", "", None)
        ParticipantGroup.objects.update_or_create(
            event=event,
            order=order,
            defaults={
                "label_th": label_th,
                "label_en": label_en,
                "count": count,
                "units": units,
                "unit_label_th": unit_th,
                "unit_label_en": unit_en,
                "per_unit": per_unit,
            },
        )
    sessions = {}
    for order, (kind, number, title_th, title_en, desc_th, desc_en) in enumerate(ECT_SESSIONS):
        session, _ = Session.objects.update_or_create(
            event=event,
            kind=kind,
            number=number,
            defaults={
                "order": order,
                "title_th": title_th,
                "title_en": title_en,
                "description_th": desc_th,
                "description_en": desc_en,
            },
        )
        sessions.setdefault(kind, session)
    for order, (slug, role, session_kind, position_th, position_en) in enumerate(ECT_ROLES):
        person = Person.objects.filter(slug=slug).first()
        if person is None:
            missing.append(f"networks.Person:{slug}")
            continue
        Role.objects.update_or_create(
            event=event,
            person=person,
            role=role,
            defaults={
                "session": sessions.get(session_kind),
                "order": order,
                "position_held_th": position_th,
                "position_held_en": position_en,
            },
        )
    _set_source(event, ECT_FORUM_SOURCE)
    return event


# The seed pages themselves, as the events' sources (what each gives, nothing more).
ECT_FORUM_SOURCE = {
    "title_th": "สำนักงานคณะกรรมการการเลือกตั้ง จัดเสวนาวิชาการ “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”",
    "title_en": "The Office of the Election Commission holds the forum “รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร”",
    "publisher_th": "สำนักงานคณะกรรมการการเลือกตั้ง",
    "publisher_en": "Office of the Election Commission of Thailand",
    "supports": ["dates", "venue", "participants", "speakers"],
    "stated_value_th": "",
    "stated_value_en": "",
}
MEKONG_CONFERENCE_SOURCE = {
    "title_th": "ศปส. จัดงานสัมมนา CSOs Regional Conference 2018",
    "title_en": "CSNM holds the CSOs Regional Conference 2018",
    "publisher_th": "ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์ มหาวิทยาลัยขอนแก่น",
    "publisher_en": "Center for Civil Society and Nonprofit Management, Khon Kaen University",
    "supports": ["dates", "venue", "participants", "organisers"],
    "stated_value_th": "",
    "stated_value_en": "",
}


def _set_source(event: Event, values: dict) -> None:
    EventSource.objects.update_or_create(event=event, order=1, defaults=values)


def _load_mekong_conference(missing: list[str]) -> Event:
    programme = _get("programmes.Programme", CSPP_PROGRAMME, missing)
    reporter = _get("networks.Person", REPORTER, missing)
    relations = {"programme": programme, "reporter": reporter}
    if reporter is None:
        relations["reporter_name_th"] = "ศิรินาฎ มาตรา"
    event = _upsert_event(MEKONG_CONFERENCE, **relations)
    _set_organisers(event, [_get("networks.Organisation", CSNM, missing)])
    documents = Publication.objects.filter(slug__in=MEKONG_DOCUMENTS)
    missing += [
        f"publications.Publication:{slug}"
        for slug in sorted(set(MEKONG_DOCUMENTS) - set(documents.values_list("slug", flat=True)))
    ]
    event.documents.set(documents)
    for order, (label_th, label_en) in enumerate(MEKONG_ALBUMS):
        EventAlbum.objects.update_or_create(
            event=event, order=order, defaults={"label_th": label_th, "label_en": label_en}
        )
    _set_source(event, MEKONG_CONFERENCE_SOURCE)
    return event


def load() -> str:
    missing: list[str] = []
    events = [_load_ect_forum(missing), _load_mekong_conference(missing)]
    summary = f"{len(events)} events"
    if missing:
        summary += "; not found (link them once they exist): " + ", ".join(sorted(set(missing)))
    return summary
