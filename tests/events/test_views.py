import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import RoleKind, SessionKind
from portal.roles import EDITORS
from tests.events.factories import (
    EventAlbumFactory,
    EventFactory,
    EventOrganiserFactory,
    NetworkFactory,
    ParticipantGroupFactory,
    ParticipationFactory,
    PersonFactory,
    ProgrammeFactory,
    PublicationFactory,
    RoleFactory,
    SessionFactory,
)

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    """The page's visible text with tags removed and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- event page ----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_shows_dates_in_the_page_calendar(client, ect_forum, lang):
    html = page(client, f"/{lang}/events/{ect_forum.slug}/")
    expected = {"th": "24–25 สิงหาคม 2565", "en": "24–25 August 2022"}[lang]
    assert expected in html
    assert '<time datetime="2022-08-24">' in html


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_shows_the_forum_seed_facts(client, ect_forum, lang):
    html = page(client, f"/{lang}/events/{ect_forum.slug}/")
    text = text_of(html)
    facts = {
        "th": [
            "รวมพลคน ศส.ปชต. และเครือข่ายพันธมิตร",
            "ห้องประชุม อัศวินแกรนด์ บอลรูม ชั้น 4 โรงแรมอัศวิน แกรนด์คอนเวนชั่น",
            "ถนนวิภาวดีรังสิต เขตหลักสี่",
            "กรุงเทพมหานคร",
            "สำนักงานคณะกรรมการการเลือกตั้ง",
            "สำนักพัฒนาเครือข่ายการเลือกตั้ง",
            "ศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.)",
            "เพื่อพัฒนาเครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย",
            "อิทธิพร",
            "ประธานกรรมการการเลือกตั้ง",
            "ผู้ดำเนินรายการ",
            "อรวรรณ",
            "การพัฒนาเครือข่าย ศส.ปชต. เพื่อส่งเสริมความเข้มแข็งภาคพลเมือง",
            "บรรยายพิเศษ",
            "แนวทางการดำเนินการเพื่อส่งเสริมพัฒนา ศส.ปชต. ให้มีความเข้มแข็ง",
            "เส่ง",
            "แนวทางปฏิบัติงานของ สนง.กกต.จว. ตามระเบียบใหม่",
            "ศส.ปชต. ร่วมใจ",
            "รองประธานวุฒิสภาคนที่ 2 อดีตประธานกรรมการการเลือกตั้ง",
        ],
        "en": [
            "Rally of SDDC People and Allied Networks",
            "Asawin Grand Ballroom",
            "Bangkok",
            "Office of the Election Commission of Thailand",
            "Election Network Development Bureau",
            "Sub-district Democracy Development Center (SDDC)",
            "Ittiporn",
            "Chairman of the Election Commission",
            "Moderator",
            "Orawan",
            "Developing the SDDC network to strengthen the civic sector",
            "Special lecture",
            "Seng",
            "Working practices of the Provincial Election Commission Offices under the new regulations",
            "Second Vice-President of the Senate",
            "Deputy Permanent Secretary of the Interior",
        ],
    }[lang]
    for fact in facts:
        assert fact in text, fact
    for number in range(1, 7):
        label = {"th": f"กลุ่ม {number}", "en": f"Group {number}"}[lang]
        assert label in text


@pytest.mark.parametrize("lang", LANGS)
def test_participant_table_and_chart_values(client, ect_forum, lang):
    html = page(client, f"/{lang}/events/{ect_forum.slug}/")
    text = text_of(html)
    table = html[html.index('<table class="participant-table"') : html.index("</table>")]
    cells = re.findall(r'<td class="num">(\d+)</td>', table)
    assert cells == ["308", "77", "13", "7", "5", "17", "427", "427"]
    breakdown = {"th": "77 จังหวัด × 4 คน", "en": "77 provinces × 4 people"}[lang]
    assert breakdown in text_of(table)
    assert {"th": "ตรงกัน", "en": "reconciles"}[lang] in text
    chart = html[html.index('<figure class="chart participant-chart"') : html.index("</figure>")]
    assert re.findall(r'class="bar-value">(\d+)<', chart) == ["308", "77", "13", "7", "5", "17"]
    widths = [float(w) for w in re.findall(r'<rect class="bar-fill" width="([\d.]+)"', chart)]
    assert widths[0] == 100.0
    assert widths[0] / widths[1] == pytest.approx(308 / 77, rel=0.01)
    # The text summary names the total and the largest group with its share.
    summary = text_of(chart[chart.index('class="chart-summary"') :])
    share = {"th": "ร้อยละ 72", "en": "72%"}[lang]
    assert "427" in summary and "308" in summary and share in summary


@pytest.mark.parametrize("lang", LANGS)
def test_mismatched_totals_are_shown_honestly(client, lang):
    event = EventFactory(declared_participants=100)
    ParticipantGroupFactory(event=event, count=60)
    ParticipantGroupFactory(event=event, count=30)
    text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert {"th": "ไม่ตรงกับยอดรวม", "en": "does not add up"}[lang] in text
    assert "90" in text and "100" in text


@pytest.mark.parametrize("lang", LANGS)
def test_event_page_shows_the_conference_seed_facts(client, mekong_conference, lang):
    html = page(client, f"/{lang}/events/{mekong_conference.slug}/")
    text = text_of(html)
    facts = {
        "th": [
            "7–8 กุมภาพันธ์ 2561",
            "ห้องมงกุฎพลอย โรงแรมโฆษะ",
            "ขอนแก่น",
            "79 คน",
            "46",
            "กัมพูชา",
            "ลาว",
            "เวียดนาม",
            "เมียนมา",
            "ไทย",
            "ร่วมสร้างพื้นที่การเรียนรู้ ผนึกกำลังความร่วมมือ",
            "มาตรฐานการบริหารจัดการองค์กรแบบมืออาชีพ",
            "แถลงการณ์องค์กรภาคประชาสังคมอนุภูมิภาคลุ่มน้ำโขง",
            "ศิรินาฎ",
            "เครดิตภาพ",
            "CSNM",
            "อัลบั้มภาพโดย USAID Asia",
            "โครงการหุ้นส่วนการพัฒนาภาคประชาสังคมลุ่มน้ำโขง",
        ],
        "en": [
            "7–8 February 2018",
            "Mongkut Ploy Room, Kosa Hotel",
            "Khon Kaen",
            "79 people",
            "Cambodia",
            "Laos",
            "Vietnam",
            "Myanmar",
            "Thailand",
            "Statement of the Mekong sub-region civil society organisations",
            "Sirinat",
            "Image credit",
            "Photo album by CSNM",
            "Photo album by USAID Asia",
            "Civil Society Partnerships Project",
        ],
    }[lang]
    for fact in facts:
        assert fact in text, fact
    quote = html[html.index("<blockquote") : html.index("</blockquote>")]
    assert {"th": "เราเชื่อมั่นในการมีอยู่", "en": "We believe in the existence"}[lang] in quote


def test_fallback_text_is_marked_with_its_language(client):
    event = EventFactory(title_en="", title_th="งานภาษาไทยเท่านั้น", summary_th="สรุปภาษาไทย")
    html = page(client, f"/en/events/{event.slug}/")
    assert '<span lang="th">งานภาษาไทยเท่านั้น</span>' in html
    assert '<div class="long-text" lang="th"><p>สรุปภาษาไทย</p></div>' in html


def test_no_contact_data_or_individual_attendance_on_public_pages(client, ect_forum):
    speaker = ect_forum.roles.first().person
    attendee = PersonFactory(given_name_th="ผู้เข้าร่วมลับ", given_name_en="SecretAttendee")
    ParticipationFactory(event=ect_forum, person=attendee, name="Registered Secret Name")
    ParticipationFactory(event=ect_forum, person=None, name="Another Secret Name", attended=False)
    for lang in LANGS:
        for url in (
            f"/{lang}/events/{ect_forum.slug}/",
            f"/{lang}/events/",
            f"/{lang}/events/{ect_forum.slug}.ics",
            f"/{lang}/events/calendar.ics",
        ):
            html = page(client, url)
            assert speaker.email not in html and speaker.phone not in html
            assert attendee.email not in html
            assert "SecretAttendee" not in html and "ผู้เข้าร่วมลับ" not in html
            assert "Secret Name" not in html
            assert "@example.org" not in html
    # Only the derived count is public.
    text = text_of(page(client, f"/en/events/{ect_forum.slug}/"))
    assert "1 person recorded as attending" in text


def test_drafts_are_hidden_from_the_public_and_previewed_by_staff(client):
    event = EventFactory(status="draft")
    assert client.get(f"/th/events/{event.slug}/").status_code == 404
    assert client.get(f"/th/events/{event.slug}.ics").status_code == 404
    assert event.title_th not in client.get("/th/events/").content.decode()
    staff = get_user_model().objects.create_user("staff", password="x", is_staff=True)
    staff.groups.add(Group.objects.get(name=EDITORS))  # staff who may view events
    client.force_login(staff)
    html = page(client, f"/th/events/{event.slug}/")
    assert "ไม่เผยแพร่ต่อสาธารณะ" in html


# --- list ----------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_list_shows_rows_with_dates_city_and_total(client, ect_forum, mekong_conference, lang):
    text = text_of(page(client, f"/{lang}/events/"))
    expected = {
        "th": [
            "24–25 สิงหาคม 2565",
            "7–8 กุมภาพันธ์ 2561",
            "กรุงเทพมหานคร",
            "ขอนแก่น",
            "427 คน",
            "79 คน",
        ],
        "en": [
            "24–25 August 2022",
            "7–8 February 2018",
            "Bangkok",
            "Khon Kaen",
            "427 participants",
            "79 participants",
        ],
    }[lang]
    for fact in expected:
        assert fact in text, fact


def test_list_separates_upcoming_and_past(client):
    today = timezone.localdate()
    EventFactory(
        title_en="Soon event",
        start_date=today + datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=6),
    )
    EventFactory(
        title_en="Old event",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2019, 1, 2),
    )
    html = page(client, "/en/events/")
    assert (
        html.index("Upcoming events")
        < html.index("Soon event")
        < html.index("Past events")
        < html.index("Old event")
    )


@pytest.mark.parametrize("lang", LANGS)
def test_list_year_filter_uses_ce_in_the_query_and_the_page_calendar_in_labels(
    client, ect_forum, mekong_conference, lang
):
    html = page(client, f"/{lang}/events/?year=2022")
    assert ect_forum.title_en.split("“")[0] in html or ect_forum.title_th in html
    assert mekong_conference.slug not in html
    label = {"th": "2565", "en": "2022"}[lang]
    assert f'<option value="2022" selected>{label}</option>' in html


def test_list_filters_by_kind_programme_network_and_country(client, ect_forum, mekong_conference):
    assert mekong_conference.slug not in page(client, "/en/events/?kind=forum")
    assert ect_forum.slug not in page(client, "/en/events/?programme=cspp")
    assert mekong_conference.slug not in page(client, "/en/events/?network=sddc")
    other = EventFactory(venue_country="KH", slug="in-cambodia")
    html = page(client, "/en/events/?country=KH")
    assert other.slug in html and ect_forum.slug not in html
    # Countries represented count too.
    assert mekong_conference.slug in page(client, "/en/events/?country=LA")


@pytest.mark.parametrize(
    "query",
    [
        "year=x",
        "year=99999",
        "country=ZZ",
        "kind=party",
        "programme=nope",
        "network=%00",
        "year=2022&country=ZZ&kind=forum",
    ],
)
def test_junk_filters_are_ignored(client, ect_forum, query):
    html = page(client, f"/th/events/?{query}")
    assert ect_forum.slug in html


@pytest.mark.parametrize("query", ["page=abc", "page=999", "page=0"])
def test_junk_pages_answer_404(client, query):
    EventFactory()
    assert client.get(f"/en/events/?{query}").status_code == 404


def test_list_paginates_past_events(client):
    for n in range(25):
        EventFactory(
            start_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n),
            end_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=n),
        )
    first = page(client, "/en/events/")
    second = page(client, "/en/events/?page=2")
    assert first.count('class="card event-row"') == 20
    assert second.count('class="card event-row"') == 5


# --- query counts ----------------------------------------------------------------


def _rich_event(n: int):
    event = EventFactory(
        declared_participants=30, programme=ProgrammeFactory(), network=NetworkFactory()
    )
    for _ in range(2):
        EventOrganiserFactory(event=event)
    panel = SessionFactory(event=event, kind=SessionKind.PANEL)
    for number in range(1, 4):
        SessionFactory(event=event, kind=SessionKind.BREAKOUT, number=number)
    for _ in range(3):
        RoleFactory(event=event, session=panel)
    RoleFactory(event=event, role=RoleKind.PRESIDING_CHAIR)
    for _ in range(3):
        ParticipantGroupFactory(event=event, count=10)
    EventAlbumFactory(event=event)
    ParticipationFactory(event=event)
    return event


def _count_queries(client, url, django_assert_max_num_queries) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_list_query_count_does_not_grow_with_data(client, django_assert_num_queries):
    _rich_event(0)
    baseline = _count_queries(client, "/th/events/", None)
    for n in range(15):
        _rich_event(n)
    EventFactory(
        start_date=timezone.localdate(), end_date=timezone.localdate() + datetime.timedelta(days=1)
    )
    with django_assert_num_queries(baseline):
        client.get("/th/events/")
    with django_assert_num_queries(baseline):
        client.get("/en/events/?year=2022&kind=forum")


def test_detail_query_count_does_not_grow_with_data(client, django_assert_num_queries):
    small = _rich_event(0)
    baseline = _count_queries(client, f"/th/events/{small.slug}/", None)
    big = _rich_event(1)
    for _ in range(10):
        RoleFactory(event=big, session=big.sessions.first())
        ParticipantGroupFactory(event=big, count=1)
        SessionFactory(event=big, kind=SessionKind.PLENARY)
        EventOrganiserFactory(event=big)
        EventAlbumFactory(event=big)
        ParticipationFactory(event=big)
    with django_assert_num_queries(baseline):
        client.get(f"/th/events/{big.slug}/")
    with django_assert_num_queries(baseline):
        client.get(f"/en/events/{big.slug}/")


# --- events on the pages of networks and organisations ---------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_network_page_lists_its_published_events(client, lang, ect_forum):
    ect_forum.network.status = "published"
    ect_forum.network.save()
    draft = EventFactory(network=ect_forum.network, status="draft", title_en="Unpublished meeting")
    html = page(client, f"/{lang}/networks/{ect_forum.network.slug}/")
    assert ect_forum.get_absolute_url() in html
    assert draft.get_absolute_url() not in html
    assert "Unpublished meeting" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_organisation_page_lists_the_events_it_organised(client, lang, mekong_conference):
    organiser = mekong_conference.organisers.get()
    organiser.status = "published"
    organiser.save()
    html = page(client, f"/{lang}/organisations/{organiser.slug}/")
    assert mekong_conference.get_absolute_url() in html
    expected = "กิจกรรม" if lang == "th" else "Events"
    assert expected in text_of(html)


@pytest.mark.parametrize(("lang", "year"), [("th", "2561"), ("en", "2018")])
def test_event_page_lists_its_published_documents_only(client, lang, year):
    event = EventFactory()
    paper = PublicationFactory(
        slug="cso-paper", title_th="เอกสารนำเสนอ", title_en="Conference paper", year=2018
    )
    draft = PublicationFactory(
        slug="draft-paper",
        title_th="เอกสารร่างลับ",
        title_en="Secret draft paper",
        status="draft",
    )
    event.documents.add(paper, draft)
    html = page(client, f"/{lang}/events/{event.slug}/")
    text = text_of(html)
    assert {"th": "เอกสารนำเสนอ", "en": "Conference paper"}[lang] in text
    assert re.search(rf'href="/{lang}/[^"]*cso-paper/?"', html)
    assert year in text
    assert "เอกสารร่างลับ" not in text and "Secret draft paper" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_unpublished_programme_network_and_organiser_are_not_linked_or_offered(client, lang):
    programme = ProgrammeFactory(slug="draft-programme", title_en="Draft programme", status="draft")
    network = NetworkFactory(slug="draft-network", name_en="Draft network", status="draft")
    event = EventFactory(slug="ev", programme=programme, network=network, status="published")
    organiser = EventOrganiserFactory(event=event)
    organiser.organisation.status = "draft"
    organiser.organisation.save()
    html = page(client, f"/{lang}/events/ev/")
    for path in (
        f"/{lang}/programmes/draft-programme/",
        f"/{lang}/networks/draft-network/",
        organiser.organisation.get_absolute_url(),
    ):
        assert f'href="{path}"' not in html
        assert f'"{path}' not in html.replace("http://testserver", "")
    listing = page(client, f"/{lang}/events/")
    assert "Draft programme" not in listing and "Draft network" not in listing


def test_country_filter_label_is_thai_on_thai_pages(client):
    html = page(client, "/th/events/")
    assert '<label for="id_country">ประเทศ' in html


def _upcoming(count: int, **extra) -> list:
    today = timezone.localdate()
    return [
        EventFactory(
            title_en=f"Coming {i:02d}",
            start_date=today + datetime.timedelta(days=i + 1),
            end_date=today + datetime.timedelta(days=i + 1),
            **extra,
        )
        for i in range(count)
    ]


def test_the_list_shows_the_next_few_upcoming_events_and_links_to_all_of_them(client):
    _upcoming(12)
    EventFactory(
        title_en="Long ago",
        start_date=datetime.date(2001, 1, 1),
        end_date=datetime.date(2001, 1, 1),
    )
    html = page(client, "/en/events/")
    shown = re.findall(r"Coming (\d\d)", html)
    assert shown == ["00", "01", "02", "03", "04"]  # soonest first, five of them
    assert "Long ago" in html  # past events stay on the first page
    assert 'href="?when=upcoming"' in html
    all_upcoming = page(client, "/en/events/?when=upcoming")
    assert len(set(re.findall(r"Coming (\d\d)", all_upcoming))) == 12
    assert "Long ago" not in all_upcoming
    past_only = page(client, "/en/events/?when=past")
    assert "Coming" not in past_only and "Long ago" in past_only


def test_the_see_all_upcoming_link_keeps_the_filters(client):
    programme = ProgrammeFactory(slug="cspp")
    _upcoming(7, programme=programme)
    html = page(client, "/en/events/?programme=cspp&page=1")
    assert 'href="?programme=cspp&amp;when=upcoming"' in html


def test_upcoming_events_are_paginated_and_cost_the_same_queries(client, django_assert_num_queries):
    _upcoming(25)
    response = client.get("/en/events/?when=upcoming&page=2")
    assert response.status_code == 200
    assert len(re.findall(r"Coming (\d\d)", response.content.decode())) == 5
    assert client.get("/en/events/?when=upcoming&page=3").status_code == 404
    with CaptureQueriesContext(connection) as few:
        client.get("/en/events/")
    _upcoming(40, network=NetworkFactory())
    with django_assert_num_queries(len(few)):
        client.get("/en/events/")
