"""A programme's stated status, its sources and its private notes (issue 12)."""

import datetime
import re

import pytest

from programmes.models import Stage
from tests.programmes.factories import PartnerFactory, ProgrammeFactory, ProgrammeSourceFactory
from tests.sitemaps import sitemap_xml

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]
SECRET = "Zqx-programme-staff-note"


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _ended_but_stated_ongoing():
    return ProgrammeFactory(
        start_date=datetime.date(2010, 3, 1),
        end_date=datetime.date(2012, 8, 31),
        stage=Stage.ONGOING,
    )


@pytest.mark.parametrize(
    ("lang", "stated", "derived", "note"),
    [
        ("th", "กำลังดำเนินการ", "ดำเนินการเสร็จสิ้น", "ตามที่แหล่งข้อมูลระบุ"),
        ("en", "Ongoing", "Completed", "as the source states it"),
    ],
)
def test_the_page_shows_the_stated_status_and_the_admin_offers_the_derived_one(
    client, admin_client, lang, stated, derived, note
):
    programme = _ended_but_stated_ongoing()
    text = text_of(page(client, f"/{lang}/programmes/{programme.slug}/"))
    assert stated in text and note in text
    assert derived not in text
    assert programme.derived_stage == Stage.COMPLETED and programme.current_stage == Stage.ONGOING
    admin_client.cookies["phakhi_language"] = lang
    html = admin_client.get(f"/admin/programmes/programme/{programme.pk}/change/").content.decode()
    assert derived in text_of(html)
    # The stated one stays selected: the derived one never replaces it.
    assert re.search(r'<option value="ongoing" selected>', html)


def test_without_a_stated_status_the_page_derives_it_and_says_nothing_more(client):
    programme = ProgrammeFactory(
        start_date=datetime.date(2010, 3, 1), end_date=datetime.date(2012, 8, 31), stage=""
    )
    text = text_of(page(client, f"/en/programmes/{programme.slug}/"))
    assert "Completed" in text and "as the source states it" not in text


@pytest.mark.parametrize(
    ("lang", "shown"),
    [
        ("th", "แหล่ง ก ระบุว่า 30 เดือน; แหล่ง ข ระบุว่า 32 เดือน"),
        ("en", "Source A gives 30 months; Source B gives 32 months"),
    ],
)
def test_sources_that_disagree_on_the_duration_are_shown_openly(client, lang, shown):
    programme = ProgrammeFactory()
    for title_th, title_en, th, en in (
        ("แหล่ง ก", "Source A", "30 เดือน", "30 months"),
        ("แหล่ง ข", "Source B", "32 เดือน", "32 months"),
    ):
        ProgrammeSourceFactory(
            programme=programme,
            title_th=title_th,
            title_en=title_en,
            supports=["duration"],
            stated_value_th=th,
            stated_value_en=en,
        )
    text = text_of(page(client, f"/{lang}/programmes/{programme.slug}/"))
    assert shown in text
    assert ("ระยะเวลา" if lang == "th" else "duration") in text


def test_the_programme_page_costs_the_same_queries_however_many_sources(
    client, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    programme = ProgrammeFactory()
    ProgrammeSourceFactory(programme=programme, supports=["duration"], stated_value_en="1")
    with CaptureQueriesContext(connection) as ctx:
        page(client, f"/en/programmes/{programme.slug}/")
    for n in range(15):
        ProgrammeSourceFactory(programme=programme, supports=["partners"], stated_value_en=str(n))
        PartnerFactory(programme=programme)
    with django_assert_num_queries(len(ctx.captured_queries)):
        page(client, f"/th/programmes/{programme.slug}/")


def test_staff_notes_never_reach_a_public_page(client, admin_client):
    programme = ProgrammeFactory(staff_notes=SECRET)
    for url in (
        f"/th/programmes/{programme.slug}/",
        f"/en/programmes/{programme.slug}/",
        "/en/programmes/",
        f"/en/events/calendar/programme/{programme.slug}.ics",
    ):
        assert SECRET not in page(client, url), url
    assert f"/en/programmes/{programme.slug}/" not in page(client, f"/en/search/?q={SECRET}")
    assert SECRET not in sitemap_xml(client)
    html = admin_client.get(f"/admin/programmes/programme/{programme.pk}/change/").content.decode()
    assert SECRET in html and 'name="sources-TOTAL_FORMS"' in html


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        ("th", ["แหล่งข้อมูล", "สถาบันสิ่งแวดล้อมไทย", "30 เดือน ตั้งแต่เดือนมีนาคม 2553", "กำลังดำเนินการ"]),
        ("en", ["Sources", "Thailand Environment Institute", "30 months, March 2010", "ongoing"]),
    ],
)
def test_the_demo_programme_cites_its_seed_page(client, lang, facts):
    from networks import demo as networks_demo
    from programmes import demo

    networks_demo.load()
    demo.load()
    text = text_of(page(client, f"/{lang}/programmes/delgosea/"))
    for fact in facts:
        assert fact in text, fact
    # One source, so nothing to disagree about.
    assert ("ไม่ตรงกัน" if lang == "th" else "Where the sources disagree") not in text
