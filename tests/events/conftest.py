import pytest

from events import demo
from tests.events.factories import (
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeFactory,
)
from tests.publications.factories import PublicationFactory

# The people of seeds 001 and 002, as the networks demo creates them (slug: th given, th family, en given, en family).
SEED_PEOPLE = {
    "ittiporn-boonpracong": ("อิทธิพร", "บุญประคอง", "Ittiporn", "Boonpracong"),
    "thawatchai-therdphaothai": ("ธวัชชัย", "เทอดเผ่าไทย", "Thawatchai", "Therdphaothai"),
    "supachai-somcharoen": ("ศุภชัย", "สมเจริญ", "Supachai", "Somcharoen"),
    "chalermchai-fuengkhon": ("เฉลิมชัย", "เฟื่องคอน", "Chalermchai", "Fuengkhon"),
    "chayawut-chantorn": ("ชยาวุธ", "จันทร", "Chayawut", "Chantorn"),
    "thaweep-promsuk": ("ทวีป", "พรหมสุข", "Thaweep", "Promsuk"),
    "orawan-krimwiratkul": ("อรวรรณ", "กริ่มวิรัตน์กุล", "Orawan", "Krimwiratkul"),
    "seng-singtothong": ("เส่ง", "สิงห์โตทอง", "Seng", "Singtothong"),
    "sirinat-mattra": ("ศิรินาฎ", "มาตรา", "Sirinat", "Mattra"),
}


@pytest.fixture
def seed_records(db):
    """The other apps' records the two seed events point at, under the demo's slugs."""
    ect = OrganisationFactory(
        slug=demo.ECT,
        name_th="สำนักงานคณะกรรมการการเลือกตั้ง",
        name_en="Office of the Election Commission of Thailand",
    )
    OrganisationFactory(
        slug=demo.ECT_BUREAU,
        name_th="สำนักพัฒนาเครือข่ายการเลือกตั้ง",
        name_en="Election Network Development Bureau",
        parent=ect,
    )
    OrganisationFactory(
        slug=demo.CSNM,
        name_th="ศูนย์ประชาสังคมและการจัดการองค์กรเอกชนสาธารณประโยชน์",
        name_en="Center for Civil Society and Nonprofit Management",
    )
    NetworkFactory(
        slug=demo.SDDC_NETWORK,
        name_th="ศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.)",
        name_en="Sub-district Democracy Development Center (SDDC)",
    )
    ProgrammeFactory(
        slug=demo.CSPP_PROGRAMME,
        title_th="โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขง",
        title_en="Civil Society Partnerships Project",
    )
    for slug in demo.MEKONG_DOCUMENTS:
        PublicationFactory(slug=slug)
    for slug, (given_th, family_th, given_en, family_en) in SEED_PEOPLE.items():
        PersonFactory(
            slug=slug,
            given_name_th=given_th,
            family_name_th=family_th,
            given_name_en=given_en,
            family_name_en=family_en,
        )


@pytest.fixture
def ect_forum(seed_records):
    missing: list[str] = []
    event = demo._load_ect_forum(missing)
    assert missing == []
    return event


@pytest.fixture
def mekong_conference(seed_records):
    missing: list[str] = []
    event = demo._load_mekong_conference(missing)
    assert missing == []
    return event
