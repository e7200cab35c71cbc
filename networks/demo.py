"""Demo content: the organisations, networks and people named in shared/seeds.

Facts come from the three source records only (the English is a translation of
the Thai; official English names from the seeds README). Idempotent: records are
matched by slug, so running it twice changes nothing.
"""

from networks.models import Membership, Network, Organisation, OrganisationKind, Person
from portal.demo import upsert
from portal.models import Status

K = OrganisationKind

# (slug, parent slug, fields); parents come before their children.
ORGANISATIONS = [
    (
        "tei",
        None,
        {
            "name_th": "สถาบันสิ่งแวดล้อมไทย",
            "name_en": "Thailand Environment Institute",
            "acronym_en": "TEI",
            "kind": K.CSO,
            "country": "TH",
            "website": "https://www.tei.or.th/",
            "description_th": (
                "ดำเนินโครงการส่งเสริมภาคีความร่วมมือเพื่อแลกเปลี่ยนเรียนรู้ด้านธรรมาภิบาล"
                "ในการบริหารจัดการเมืองและสิ่งแวดล้อมสำหรับองค์กรปกครองส่วนท้องถิ่นในภูมิภาค"
                "เอเชียตะวันออกเฉียงใต้ (DELGOSEA) ระหว่างเดือนมีนาคม 2553 ถึงเดือนสิงหาคม 2555"
            ),
            "description_en": (
                "Ran the Partnership for Democratic Local Governance in Southeast-Asia "
                "(DELGOSEA) in Thailand from March 2010 to August 2012."
            ),
        },
    ),
    (
        "european-commission",
        None,
        {
            "name_th": "คณะกรรมาธิการสหภาพยุโรป",
            "name_en": "European Commission",
            "kind": K.INTERNATIONAL,
            "description_th": "ผู้สนับสนุนโครงการ DELGOSEA",
            "description_en": "Funder of the DELGOSEA programme.",
        },
    ),
    (
        "ect",
        None,
        {
            "name_th": "สำนักงานคณะกรรมการการเลือกตั้ง",
            "name_en": "Office of the Election Commission of Thailand",
            "acronym_th": "สนง.กกต.",
            "acronym_en": "ECT",
            "kind": K.GOVERNMENT,
            "country": "TH",
        },
    ),
    (
        "ect-election-network-development-bureau",
        "ect",
        {
            "name_th": "สำนักพัฒนาเครือข่ายการเลือกตั้ง",
            "name_en": "Election Network Development Bureau",
            "kind": K.GOVERNMENT,
            "country": "TH",
            "description_th": (
                "สำนักในสำนักงานคณะกรรมการการเลือกตั้งที่จัดกิจกรรมเสวนาวิชาการ "
                "“รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร” เมื่อวันที่ 24–25 สิงหาคม 2565"
            ),
            "description_en": (
                "The bureau of the Office of the Election Commission that organised the academic "
                "forum “Rally of SDDC People and Allied Networks” on 24–25 August 2022."
            ),
        },
    ),
    (
        "sddc-subcommittee",
        None,
        {
            "name_th": "คณะอนุกรรมการด้านการส่งเสริมและพัฒนาศูนย์ส่งเสริมพัฒนาประชาธิปไตย",
            "name_en": (
                "Subcommittee on Promoting and Developing the Sub-district Democracy "
                "Development Centers"
            ),
            "kind": K.GOVERNMENT,
            "country": "TH",
        },
    ),
    (
        "phimonrat-sddc",
        None,
        {
            "name_th": "ศส.ปชต. พิมลราช",
            "name_en": "Phimonrat Sub-district Democracy Development Center",
            "acronym_en": "Phimonrat SDDC",
            "kind": K.CSO,
            "country": "TH",
        },
    ),
    (
        "senate",
        None,
        {
            "name_th": "วุฒิสภา",
            "name_en": "Senate",
            "kind": K.GOVERNMENT,
            "country": "TH",
        },
    ),
    (
        "senate-committee-national-reform-strategy",
        "senate",
        {
            "name_th": (
                "คณะกรรมาธิการติดตาม เสนอแนะ และเร่งรัดการปฏิรูปประเทศและการจัดการดำเนินการตามยุทธศาสตร์"
            ),
            "name_en": (
                "Committee on Monitoring, Recommending and Accelerating National Reform "
                "and the Implementation of the National Strategy"
            ),
            "kind": K.GOVERNMENT,
            "country": "TH",
        },
    ),
    (
        "ministry-of-interior",
        None,
        {
            "name_th": "กระทรวงมหาดไทย",
            "name_en": "Ministry of Interior",
            "kind": K.GOVERNMENT,
            "country": "TH",
        },
    ),
    (
        "khon-kaen-university",
        None,
        {
            "name_th": "มหาวิทยาลัยขอนแก่น",
            "name_en": "Khon Kaen University",
            "acronym_en": "KKU",
            "kind": K.ACADEMIC,
            "country": "TH",
            "city_th": "ขอนแก่น",
            "city_en": "Khon Kaen",
        },
    ),
    (
        "kku-faculty-of-humanities-and-social-sciences",
        "khon-kaen-university",
        {
            "name_th": "คณะมนุษยศาสตร์และสังคมศาสตร์",
            "name_en": "Faculty of Humanities and Social Sciences",
            "kind": K.ACADEMIC,
            "country": "TH",
            "city_th": "ขอนแก่น",
            "city_en": "Khon Kaen",
        },
    ),
    (
        "csnm",
        "kku-faculty-of-humanities-and-social-sciences",
        {
            "name_th": "ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์",
            "name_en": "Center for Civil Society and Nonprofit Management",
            "acronym_th": "ศปส.",
            "acronym_en": "CSNM",
            "kind": K.ACADEMIC,
            "country": "TH",
            "city_th": "ขอนแก่น",
            "city_en": "Khon Kaen",
            "website": "https://csnm.kku.ac.th/",
            "description_th": (
                "ศูนย์ที่โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขงสังกัดอยู่ "
                "จัดงานสัมมนาระดับภูมิภาค CSOs Regional Conference 2018 "
                "เมื่อวันที่ 7–8 กุมภาพันธ์ 2561 ที่ขอนแก่น"
            ),
            "description_en": (
                "Home of the Civil Society Partnerships Project (CSPP); organised the CSOs "
                "Regional Conference 2018 in Khon Kaen on 7–8 February 2018."
            ),
        },
    ),
    (
        "usaid-asia",
        None,
        {
            "name_en": "USAID Asia",
            "kind": K.INTERNATIONAL,
        },
    ),
]

NETWORKS = [
    (
        "sddc",
        "ect-election-network-development-bureau",
        {
            "name_th": "เครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย",
            "name_en": "Sub-district Democracy Development Center network",
            "acronym_th": "ศส.ปชต.",
            "acronym_en": "SDDC",
            "description_th": (
                "เครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.) และเครือข่ายพันธมิตรใน 77 จังหวัด "
                "สำนักงานคณะกรรมการการเลือกตั้ง โดยสำนักพัฒนาเครือข่ายการเลือกตั้ง "
                "พัฒนาเครือข่ายนี้เพื่อส่งเสริมความเข้มแข็งภาคพลเมือง"
            ),
            "description_en": (
                "The Sub-district Democracy Development Centers (SDDC) and their allied networks "
                "in 77 provinces. The Office of the Election Commission of Thailand, through its "
                "Election Network Development Bureau, develops the network to strengthen the "
                "citizen sector."
            ),
        },
        [("phimonrat-sddc", {})],
    ),
    (
        "mekong-cso-partnership",
        "csnm",
        {
            "name_th": "หุ้นส่วนการพัฒนาองค์กรภาคประชาสังคมลุ่มน้ำโขง",
            "name_en": "Mekong civil-society development partnership",
            "description_th": (
                "ความเป็นหุ้นส่วนการพัฒนาขององค์กรภาคประชาสังคมในอนุภูมิภาคลุ่มน้ำโขง 5 ประเทศ "
                "ได้แก่ กัมพูชา ลาว เวียดนาม พม่า และไทย ในงาน CSOs Regional Conference 2018 "
                "มีผู้เข้าร่วม 79 คน จาก 46 องค์กรภาคประชาสังคม"
            ),
            "description_en": (
                "The development partnership of civil-society organisations in the five Mekong "
                "sub-region countries: Cambodia, Laos, Vietnam, Myanmar and Thailand. The CSOs "
                "Regional Conference 2018 brought together 79 participants from 46 civil-society "
                "organisations."
            ),
        },
        [("csnm", {})],
    ),
    (
        "delgosea-sustainable-cities-network",
        None,
        {
            "name_th": "เครือข่ายความร่วมมือในการพัฒนาเมืองอย่างยั่งยืน DELGOSEA",
            "name_en": "DELGOSEA sustainable urban development network",
            "acronym_en": "DELGOSEA",
            "description_th": (
                "เครือข่ายการพัฒนาเมืองอย่างยั่งยืนระหว่างองค์กรปกครองส่วนท้องถิ่น องค์กรพัฒนาเอกชน "
                "สมาคมสันนิบาตเทศบาล และสถาบันการศึกษา ของ 5 ประเทศ ได้แก่ ไทย เวียดนาม "
                "ฟิลิปปินส์ อินโดนีเซีย และกัมพูชา ที่โครงการ DELGOSEA มุ่งสร้าง"
            ),
            "description_en": (
                "The network for sustainable urban development among local governments, "
                "non-governmental organisations, municipal leagues and academic institutions of "
                "five countries — Thailand, Vietnam, the Philippines, Indonesia and Cambodia — "
                "that the DELGOSEA programme set out to build."
            ),
        },
        [("tei", {"role_th": "ภาคีท้องถิ่นในประเทศไทย", "role_en": "Local partner in Thailand"})],
    ),
]

# (slug, organisation slug, fields)
PEOPLE = [
    (
        "chamniern-vorratnchaiphan",
        "tei",
        {
            "honorific_th": "ดร.",
            "honorific_en": "Dr",
            "given_name_th": "จำเนียร",
            "family_name_th": "วรรัตน์ชัยพันธ์",
            "given_name_en": "Chamniern",
            "family_name_en": "Vorratnchaiphan",
            "position_th": "ผู้อำนวยการโครงการ DELGOSEA",
            "position_en": "Director of the DELGOSEA programme",
            "country": "TH",
        },
    ),
    (
        "tharee-kamuang",
        "tei",
        {
            "honorific_th": "คุณ",
            "given_name_th": "ธารี",
            "family_name_th": "กาเมือง",
            "given_name_en": "Tharee",
            "family_name_en": "Kamuang",
            "position_th": "ผู้จัดการโครงการ DELGOSEA",
            "position_en": "Manager of the DELGOSEA programme",
            "country": "TH",
        },
    ),
    (
        "ittiporn-boonpracong",
        "ect",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "อิทธิพร",
            "family_name_th": "บุญประคอง",
            "given_name_en": "Ittiporn",
            "family_name_en": "Boonpracong",
            "position_th": "ประธานกรรมการการเลือกตั้ง",
            "position_en": "Chairman of the Election Commission",
            "country": "TH",
        },
    ),
    (
        "thawatchai-therdphaothai",
        "ect",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "ธวัชชัย",
            "family_name_th": "เทอดเผ่าไทย",
            "given_name_en": "Thawatchai",
            "family_name_en": "Therdphaothai",
            "position_th": "กรรมการการเลือกตั้ง",
            "position_en": "Election Commissioner",
            "country": "TH",
        },
    ),
    (
        "supachai-somcharoen",
        "senate",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "ศุภชัย",
            "family_name_th": "สมเจริญ",
            "given_name_en": "Supachai",
            "family_name_en": "Somcharoen",
            "position_th": "รองประธานวุฒิสภาคนที่ 2 อดีตประธานกรรมการการเลือกตั้ง",
            "position_en": (
                "Second Vice-President of the Senate, former Chairman of the Election Commission"
            ),
            "country": "TH",
        },
    ),
    (
        "chalermchai-fuengkhon",
        "senate-committee-national-reform-strategy",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "เฉลิมชัย",
            "family_name_th": "เฟื่องคอน",
            "given_name_en": "Chalermchai",
            "family_name_en": "Fuengkhon",
            "position_th": (
                "สมาชิกวุฒิสภา กรรมาธิการติดตาม เสนอแนะ และเร่งรัดการปฏิรูปประเทศ"
                "และการจัดการดำเนินการตามยุทธศาสตร์ วุฒิสภา"
            ),
            "position_en": (
                "Senator; member of the Senate Committee on Monitoring, Recommending and "
                "Accelerating National Reform and the Implementation of the National Strategy"
            ),
            "country": "TH",
        },
    ),
    (
        "chayawut-chantorn",
        "ministry-of-interior",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "ชยาวุธ",
            "family_name_th": "จันทร",
            "given_name_en": "Chayawut",
            "family_name_en": "Chantorn",
            "position_th": "รองปลัดกระทรวงมหาดไทย",
            "position_en": "Deputy Permanent Secretary of the Interior",
            "country": "TH",
        },
    ),
    (
        "thaweep-promsuk",
        "phimonrat-sddc",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "ทวีป",
            "family_name_th": "พรหมสุข",
            "given_name_en": "Thaweep",
            "family_name_en": "Promsuk",
            "position_th": "ประธาน ศส.ปชต. พิมลราช",
            "position_en": "Chairman of the Phimonrat SDDC",
            "country": "TH",
        },
    ),
    (
        "orawan-krimwiratkul",
        None,
        {
            "honorific_th": "คุณ",
            "given_name_th": "อรวรรณ",
            "family_name_th": "กริ่มวิรัตน์กุล",
            "given_name_en": "Orawan",
            "family_name_en": "Krimwiratkul",
        },
    ),
    (
        "seng-singtothong",
        "sddc-subcommittee",
        {
            "honorific_th": "นาย",
            "honorific_en": "Mr",
            "given_name_th": "เส่ง",
            "family_name_th": "สิงห์โตทอง",
            "given_name_en": "Seng",
            "family_name_en": "Singtothong",
            "position_th": ("ประธานคณะอนุกรรมการด้านการส่งเสริมและพัฒนาศูนย์ส่งเสริมพัฒนาประชาธิปไตย"),
            "position_en": (
                "Chairman of the Subcommittee on Promoting and Developing the Sub-district "
                "Democracy Development Centers"
            ),
            "country": "TH",
        },
    ),
    (
        "sirinat-mattra",
        None,
        {
            "given_name_th": "ศิรินาฎ",
            "family_name_th": "มาตรา",
            "given_name_en": "Sirinat",
            "family_name_en": "Mattra",
        },
    ),
]


def load() -> str:
    organisations: dict[str, Organisation] = {}
    for slug, parent, values in ORGANISATIONS:
        organisations[slug] = upsert(
            Organisation,
            {"slug": slug},
            {
                "parent": organisations[parent] if parent else None,
                "status": Status.PUBLISHED,
                **values,
            },
        )
    memberships = 0
    for slug, coordinator, values, members in NETWORKS:
        network = upsert(
            Network,
            {"slug": slug},
            {
                "coordinator": organisations[coordinator] if coordinator else None,
                "status": Status.PUBLISHED,
                **values,
            },
        )
        for member, extra in members:
            Membership.objects.update_or_create(
                network=network, organisation=organisations[member], defaults=extra
            )
            memberships += 1
    for slug, organisation, values in PEOPLE:
        upsert(
            Person,
            {"slug": slug},
            {"organisation": organisations[organisation] if organisation else None, **values},
        )
    return (
        f"{len(ORGANISATIONS)} organisations, {len(NETWORKS)} networks "
        f"({memberships} memberships), {len(PEOPLE)} people"
    )
