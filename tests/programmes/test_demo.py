import re

import pytest
from django.urls import reverse
from django.utils import translation

from networks import demo as networks_demo
from programmes import demo
from programmes.models import (
    GoodPractice,
    ImpactStatement,
    Programme,
    ProgrammeLink,
    TeamMember,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    networks_demo.load()
    demo.load()


def _snapshot():
    return (
        sorted(Programme.objects.values_list("slug", "updated_at")),
        sorted(ImpactStatement.objects.values_list("pk", "order", "text_th")),
        sorted(TeamMember.objects.values_list("pk", "role")),
        sorted(ProgrammeLink.objects.values_list("pk", "url")),
        list(Programme.objects.order_by("slug").values_list("themes__slug", "networks__slug")),
    )


def test_demo_loads_twice_without_change(loaded):
    first = _snapshot()
    summary = demo.load()
    assert "programmes" in summary and "not found" not in summary
    assert _snapshot() == first


def test_demo_works_without_the_networks_demo():
    summary = demo.load()
    assert "not found" in summary
    assert Programme.objects.published().filter(slug__in=["delgosea", "cspp"]).count() == 2
    delgosea = Programme.objects.get(slug="delgosea")
    assert delgosea.team.count() == 2


def test_no_good_practice_case_is_invented(loaded):
    assert not GoodPractice.objects.exists()


SEED_FACTS = {
    "th": [
        # The full Thai title and the English name.
        "<h1>โครงการส่งเสริมภาคีความร่วมมือเพื่อแลกเปลี่ยนเรียนรู้ด้านธรรมาภิบาลในการบริหารจัดการเมือง"
        "และสิ่งแวดล้อมสำหรับองค์กรปกครองส่วนท้องถิ่นในภูมิภาคเอเชียตะวันออกเฉียงใต้</h1>",
        "Partnership for Democratic Local Governance in Southeast-Asia",
        "DELGOSEA",
        # The aim.
        "มุ่งดำเนินการเพื่อพัฒนาศักยภาพบุคลากรขององค์กรปกครองส่วนท้องถิ่น",
        "ตามหลักการของพัฒนาที่ยั่งยืนต่อไป",
        # 30 months, March 2553 – August 2555.
        "มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)",
        # The status as the seed states it (กำลังดำเนินการ), not the one its dates give.
        "กำลังดำเนินการ",
        "ตามที่แหล่งข้อมูลระบุ",
        # Funder, implementing organisation, director and manager.
        "ผู้สนับสนุนโครงการ",
        "คณะกรรมาธิการสหภาพยุโรป",
        "ดำเนินการโดย",
        "สถาบันสิ่งแวดล้อมไทย",
        "ผู้อำนวยการโครงการ",
        "ดร.จำเนียร วรรัตน์ชัยพันธ์",
        "ผู้จัดการโครงการ",
        "คุณธารี กาเมือง",
        # Theme, the five countries, the link, the empty case library.
        "ธรรมาภิบาล",
        "<li>ไทย</li>",
        "<li>เวียดนาม</li>",
        "<li>ฟิลิปปินส์</li>",
        "<li>อินโดนีเซีย</li>",
        "<li>กัมพูชา</li>",
        "www.delgosea.eu/cms/Initiators-Partners/Local-Partners/TEI-Thailand",
        "ผลกระทบต่อสังคม",
        "ยังไม่มีตัวอย่างที่ดีของโครงการนี้ในคลัง",
    ],
    "en": [
        "<h1>Partnership for Democratic Local Governance in Southeast-Asia</h1>",
        "โครงการส่งเสริมภาคีความร่วมมือเพื่อแลกเปลี่ยนเรียนรู้ด้านธรรมาภิบาล",
        "DELGOSEA",
        "The programme set out to build the capacity of the staff of local governments",
        "in line with the principles of sustainable development",
        "March 2010 – August 2012 (30 months)",
        "Ongoing",
        "as the source states it",
        "Funded by",
        "European Commission",
        "Implemented by",
        "Thailand Environment Institute",
        "Director",
        "Dr Chamniern Vorratnchaiphan",
        "Manager",
        "Tharee Kamuang",
        "Good governance",
        "<li>Thailand</li>",
        "<li>Vietnam</li>",
        "<li>Philippines</li>",
        "<li>Indonesia</li>",
        "<li>Cambodia</li>",
        "www.delgosea.eu/cms/Initiators-Partners/Local-Partners/TEI-Thailand",
        "Social impact",
        "No good-practice cases of this programme have been added to the library yet.",
    ],
}

IMPACTS = {
    "th": [
        "16 “ตัวอย่างที่ดี” ในด้านการจัดการและพัฒนาเมือง",
        "ได้รับการพัฒนาศักยภาพผ่านการเรียนรู้และถอดแบบจากตัวอย่างที่ดีสู่การปฏิบัติจริง",
        "เกิดเครือข่ายความร่วมมือในการพัฒนาเมืองอย่างยั่งยืน",
        "เมืองตัวอย่างที่ดีและเมืองนำร่องของทั้ง 5 ประเทศ",
    ],
    "en": [
        "16 “good practices” in urban management and development",
        "built their capacity by learning from the good practices",
        "A cooperation network for sustainable urban development",
        "the good-practice cities and pilot cities of all five countries",
    ],
}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_delgosea_page_shows_every_seed_fact(client, loaded, lang):
    with translation.override(lang):
        path = reverse("programmes:detail", kwargs={"slug": "delgosea"})
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    missing = [fact for fact in SEED_FACTS[lang] if fact not in html]
    assert missing == []
    # The four social-impact statements, numbered, in the seed's order.
    impacts = html.split('<ol class="impacts">')[1].split("</ol>")[0]
    assert impacts.count("<li>") == 4
    positions = [impacts.index(text) for text in IMPACTS[lang]]
    assert positions == sorted(positions)
    # The organisations link to their pages.
    assert f'href="/{lang}/organisations/tei/"' in html
    assert f'href="/{lang}/organisations/european-commission/"' in html
    # No contact details of the team.
    # (JSON-LD, "@context" and all, is checked for contact data in tests/portal/test_jsonld.py.)
    main = html.split("<main")[1].split("</main>")[0]
    assert "@" not in re.sub(
        r'<script type="application/ld\+json">.*?</script>', "", main, flags=re.S
    )


@pytest.mark.parametrize("lang", ["th", "en"])
def test_delgosea_is_in_the_year_archive(client, loaded, lang):
    html = client.get(f"/{lang}/programmes/years/2011/").content.decode()
    assert "/programmes/delgosea/" in html
    heading = "ผลงานปี พ.ศ. 2554" if lang == "th" else "Programmes in 2011"
    assert heading in html


@pytest.mark.parametrize("lang", ["th", "en"])
def test_cspp_page_shows_its_seed_facts(client, loaded, lang):
    html = client.get(f"/{lang}/programmes/cspp/").content.decode()
    if lang == "th":
        for fact in [
            "โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขง",
            "<li>ลาว</li>",
            "<li>เมียนมา (พม่า)</li>",
        ]:
            assert fact in html
    else:
        for fact in [
            "Civil Society Partnerships Project",
            "CSPP",
            "<li>Laos</li>",
            "<li>Myanmar</li>",
        ]:
            assert fact in html
    assert '/organisations/csnm/"' in html
    assert "/networks/mekong-cso-partnership/" in html


@pytest.mark.parametrize(
    ("lang", "title"),
    [("th", "ธรรมาภิบาล"), ("en", "DELGOSEA")],
)
def test_the_implementing_and_funding_organisations_pages_list_delgosea(
    client, loaded, lang, title
):
    delgosea = Programme.objects.get(slug="delgosea")
    for slug in ("tei", "european-commission"):
        html = client.get(f"/{lang}/organisations/{slug}/").content.decode()
        assert f'href="/{lang}/programmes/delgosea/"' in html, slug
        assert title in html, slug
    with translation.override(lang):
        assert delgosea.get_absolute_url() == f"/{lang}/programmes/delgosea/"
