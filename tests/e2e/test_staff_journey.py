"""The whole Thai staff journey of issue 12, in Chromium, in the Thai admin.

A Thai staff member (a Publisher, not a superuser) enters a two-day workshop that is the
second batch of a new series, typing Buddhist-Era dates and Thai times (`24/08/2565`,
`09.00`): its sessions, roles including the opening report (ผู้กล่าวรายงาน), a total of
"more than 150" with categories with and without counts, an award, a good-practice case
presented there, two sources that disagree and a private note; then imports the
attendance list from a TIS-620 (Windows-874) CSV, publishes, and reads both public pages.

The organisations, people and the good-practice case are already in the directory (the
journey links them through the admin's search boxes); the series is created on the way,
in the admin's "+" pop-up. Every page load (a navigation of any window) and every form
submission is counted, and the test asserts a bound: the closing note quotes the counts.
"""

import os
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from events.models import Event, Participation
from portal.roles import PUBLISHERS
from tests.events.factories import GoodPracticeFactory, OrganisationFactory, PersonFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the journey may cost at most (measured: see the closing note of issue 12).
MAX_PAGE_LOADS = 15
MAX_SUBMISSIONS = 6

ATTENDANCE_CSV = (
    "ชื่อ-สกุล,องค์กร,ประเภท,ประเทศ,เข้าร่วม\r\n"
    "นางสาวมณีรัตน์ ศรีสุข,เทศบาลนครขอนแก่น,เยาวชน,ไทย,ใช่\r\n"
    "นายบุญมี แก้วใส,,เยาวชน,ไทย,ใช่\r\n"
    "นางสาวพรทิพย์ ทองดี,,สื่อมวลชน,ไทย,ไม่\r\n"
).encode("cp874")


class Counter:
    """Page loads (document navigations in any window) and form submissions (POST loads)."""

    def __init__(self, context, portal: str):
        self.loads: list[str] = []
        self.submissions: list[str] = []
        self.foreign: list[str] = []
        context.on("request", self.seen)
        self.portal = portal

    def seen(self, request):
        if urlsplit(request.url).scheme in ("http", "https") and (
            urlsplit(request.url).netloc != self.portal
        ):
            self.foreign.append(request.url)
        # A document request is a page load in a window (the admin has no frames); a
        # pop-up's first load has no frame yet, so the frame is not asked.
        if request.resource_type == "document":
            self.loads.append(f"{request.method} {urlsplit(request.url).path}")
            if request.method == "POST":
                self.submissions.append(urlsplit(request.url).path)


def choose(page, field_id: str, typed: str, option: str | None = None) -> None:
    """Pick a record in one of the admin's search boxes (autocomplete): type, then click."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(
        ".select2-container--open .select2-results__option:not(.loading-results)",
        has_text=option or typed,
    ).first.click()


def shot(page, name: str) -> None:
    """With JOURNEY_SCREENSHOTS=<folder>, keep a full-page picture of each step to look at."""
    folder = os.environ.get("JOURNEY_SCREENSHOTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def add_row(page, prefix: str) -> None:
    page.locator(f"#{prefix}-group .add-row a").click()


@pytest.fixture
def directory():
    """What is already in the directory before the journey."""
    return {
        "host": OrganisationFactory(
            name_th="สถาบันพระปกเกล้า", name_en="King Prajadhipok's Institute", acronym_th=""
        ),
        "city": OrganisationFactory(
            name_th="เทศบาลนครขอนแก่น", name_en="Khon Kaen City Municipality", acronym_th=""
        ),
        "reporter": PersonFactory(
            given_name_th="วุฒิสาร",
            family_name_th="ตันไชย",
            given_name_en="Wuthisarn",
            family_name_en="Tanchai",
        ),
        "chair": PersonFactory(
            given_name_th="ธีรภัทร์",
            family_name_th="เสรีรังสรรค์",
            given_name_en="Teerapat",
            family_name_en="Sereerangsan",
        ),
        "case": GoodPracticeFactory(
            title_th="สภาพลเมืองขอนแก่น", title_en="Khon Kaen Citizens' Council"
        ),
    }


@pytest.fixture
def publisher():
    user = get_user_model().objects.create_user(
        "somsri", "somsri@example.org", "a-long-password-1", is_staff=True
    )
    user.first_name, user.last_name = "สมศรี", "ใจดี"
    user.save()
    user.groups.add(Group.objects.get(name=PUBLISHERS))
    return user


def test_thai_staff_journey_from_an_empty_form_to_both_public_pages(
    browser, live_server, directory, publisher
):
    context = browser.new_context(
        base_url=live_server.url,
        locale="th-TH",
        timezone_id="Asia/Bangkok",
        viewport={"width": 1280, "height": 900},
    )
    counter = Counter(context, urlsplit(live_server.url).netloc)
    page = context.new_page()

    # Sign in to the Thai admin.
    # No visit to a Thai page first: the browser's Thai locale is enough for a Thai admin.
    page.goto("/admin/login/")
    page.fill("#id_username", "somsri")
    page.fill("#id_password", "a-long-password-1")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    with page.expect_navigation():
        page.locator("a[href='/admin/events/event/add/']").first.click()
    assert "เพิ่ม กิจกรรม" in page.inner_text("h1")

    # The event itself: Thai first, then the English tab.
    page.fill("#id_title_th", "การอบรมหลักสูตรพลเมืองตื่นรู้ รุ่นที่ 2")
    page.select_option("#id_kind", "training")
    page.fill("#id_start_date", "24/08/2565")
    page.fill("#id_end_date", "25/08/2565")
    page.fill("#id_start_time", "09.00")
    page.fill("#id_end_time", "16.30 น.")
    page.fill("#id_venue_name_th", "โรงแรมพูลแมน ขอนแก่น")
    page.fill("#id_venue_city_th", "ขอนแก่น")
    page.select_option("#id_venue_country", "TH")
    page.fill("#id_summary_th", "การอบรมพลเมืองตื่นรู้สำหรับผู้นำชุมชนและเยาวชน")
    page.select_option("#id_participants_qualifier", "more_than")
    page.fill("#id_declared_participants", "150")
    page.fill("#id_staff_notes", "ยอดผู้เข้าร่วมจากสองแหล่งไม่ตรงกัน รอสอบถามผู้จัด")

    # The series does not exist yet: made in the "+" pop-up, then chosen for this event.
    with page.expect_popup() as popup_info:
        page.locator("#add_id_series").click()
    popup = popup_info.value
    popup.wait_for_load_state()
    popup.fill("#id_title_th", "หลักสูตรพลเมืองตื่นรู้")
    popup.select_option("#modeltranslation-main-switch", index=1)
    popup.fill("#id_title_en", "Active Citizens course")
    popup.select_option("#id_status", "published")
    with popup.expect_event("close"):
        popup.locator("input[name=_save]").click()
    assert "หลักสูตรพลเมืองตื่นรู้" in page.inner_text("#id_series + .select2")
    page.fill("#id_batch_number", "2")
    page.fill("#id_batch_place_th", "จังหวัดขอนแก่น")

    # Organiser, sessions and roles (a role names its session by its place in the list).
    add_row(page, "event_organisers")
    choose(page, "id_event_organisers-0-organisation", "พระปกเกล้า", "สถาบันพระปกเกล้า")
    page.select_option("#id_event_organisers-0-role", "host")
    add_row(page, "sessions")
    page.select_option("#id_sessions-0-kind", "opening")
    page.fill("#id_sessions-0-starts_at_0", "24/08/2565")
    page.fill("#id_sessions-0-starts_at_1", "09.00")
    page.fill("#id_sessions-0-title_th", "พิธีเปิด")
    add_row(page, "sessions")
    page.select_option("#id_sessions-1-kind", "panel")
    page.fill("#id_sessions-1-number", "1")
    page.fill("#id_sessions-1-starts_at_0", "25/08/2565")
    page.fill("#id_sessions-1-starts_at_1", "9.30")
    page.fill("#id_sessions-1-ends_at_0", "25/08/2565")
    page.fill("#id_sessions-1-ends_at_1", "12:00")
    page.fill("#id_sessions-1-title_th", "เสวนาบทบาทสภาพลเมือง")
    add_row(page, "roles")
    choose(page, "id_roles-0-person", "วุฒิสาร")
    page.select_option("#id_roles-0-role", "opening_report")
    page.fill("#id_roles-0-session_position", "1")
    page.fill("#id_roles-0-position_held_th", "เลขาธิการสถาบันพระปกเกล้า")
    add_row(page, "roles")
    choose(page, "id_roles-1-person", "ธีรภัทร์")
    page.select_option("#id_roles-1-role", "presiding_chair")
    page.fill("#id_roles-1-session_position", "1")
    page.fill("#id_roles-1-position_held_th", "ประธานคณะกรรมการ")

    # Categories with and without counts; an award; the case presented there.
    for index, (label, count) in enumerate(
        [("เยาวชน", "100"), ("ผู้แทนองค์กรปกครองส่วนท้องถิ่น", "60"), ("สื่อมวลชน", "")]
    ):
        add_row(page, "participant_groups")
        page.fill(f"#id_participant_groups-{index}-label_th", label)
        page.fill(f"#id_participant_groups-{index}-count", count)
    add_row(page, "awards")
    page.fill("#id_awards-0-title_th", "รางวัลเมืองต้นแบบการมีส่วนร่วม")
    page.fill("#id_awards-0-category_th", "เทศบาลนคร")
    choose(page, "id_awards-0-organisation", "ขอนแก่น", "เทศบาลนครขอนแก่น")
    add_row(page, "good_practice_links")
    choose(page, "id_good_practice_links-0-good_practice", "สภาพลเมือง")
    page.select_option("#id_good_practice_links-0-role", "presented")

    # Two sources that disagree on the participants.
    for index, (title, value) in enumerate(
        [("ข่าวประชาสัมพันธ์สถาบันพระปกเกล้า", "มากกว่า 150 คน"), ("รายงานเทศบาล", "160 คน")]
    ):
        add_row(page, "sources")
        page.fill(f"#id_sources-{index}-title_th", title)
        page.fill(f"#id_sources-{index}-url", f"https://example.org/source-{index}")
        page.locator(f"input[name='sources-{index}-supports'][value='participants']").check()
        page.fill(f"#id_sources-{index}-stated_value_th", value)

    # The English tab, for everything at once.
    page.select_option("#modeltranslation-main-switch", index=1)
    page.fill("#id_title_en", "Active Citizens training, batch 2")
    page.fill("#id_summary_en", "Active-citizen training for community leaders and youth.")
    page.fill("#id_venue_name_en", "Pullman Khon Kaen")
    page.fill("#id_venue_city_en", "Khon Kaen")
    page.fill("#id_batch_place_en", "Khon Kaen")
    page.fill("#id_roles-0-position_held_en", "Secretary-General, King Prajadhipok's Institute")
    page.fill("#id_awards-0-title_en", "Model city for participation")
    page.select_option("#modeltranslation-main-switch", index=0)
    assert page.input_value("#id_slug") == "active-citizens-training-batch-2"

    shot(page, "1-event-form-filled")
    with page.expect_navigation():
        page.locator("input[name=_continue]").click()
    shot(page, "2-event-saved")
    # Every inline, filled, fits the page: nothing (and no error) hides past its right edge.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.locator(".messagelist .success").count() == 1, page.inner_text("#content")[:3000]
    event = Event.objects.get(slug="active-citizens-training-batch-2")
    assert str(event.start_date) == "2022-08-24" and str(event.end_date) == "2022-08-25"
    assert (str(event.start_time), str(event.end_time)) == ("09:00:00", "16:30:00")
    assert event.status == "draft"  # saved as a draft first
    assert [r.session.kind for r in event.roles.order_by("order", "pk")] == ["opening", "opening"]
    # The form reads back in BE.
    assert page.input_value("#id_start_date") == "24/08/2565"

    # Attendance from a TIS-620 CSV: preview, then confirm.
    with page.expect_navigation():
        page.get_by_role("link", name="นำเข้ารายชื่อผู้เข้าร่วม").click()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "รายชื่อ.csv", "mimeType": "text/csv", "buffer": ATTENDANCE_CSV}],
    )
    with page.expect_navigation():
        page.locator(
            "#content form input[type=submit], #content form button[type=submit]"
        ).first.click()
    shot(page, "3-import-preview")
    preview = page.inner_text("#content")
    assert "ตัวอย่างก่อนนำเข้า" in preview and "นางสาวมณีรัตน์ ศรีสุข" in preview
    assert Participation.objects.filter(event=event).count() == 0
    with page.expect_navigation():
        page.locator("[name=confirm]").click()
    assert "3 จาก 3 แถว" in page.inner_text("#content")
    assert Participation.objects.filter(event=event).count() == 3

    # Publish.
    page.goto(f"/admin/events/event/{event.pk}/change/")
    page.select_option("#id_status", "published")
    with page.expect_navigation():
        page.locator("input[name=_viewonsite]").click()
    assert page.url.endswith("/th/events/active-citizens-training-batch-2/"), page.url

    shot(page, "4-public-thai")
    thai = page.inner_text("main")
    page.goto("/en/events/active-citizens-training-batch-2/")
    shot(page, "5-public-english")
    english = page.inner_text("main")
    for text in (
        "24–25 สิงหาคม 2565",
        "09.00–16.30 น.",
        "หลักสูตรพลเมืองตื่นรู้",
        "รุ่นที่ 2",
        "ผู้กล่าวรายงาน",
        "นายวุฒิสาร ตันไชย, เลขาธิการสถาบันพระปกเกล้า",
        "มากกว่า 150",
        "เยาวชน",
        "สื่อมวลชน",
        "รางวัลเมืองต้นแบบการมีส่วนร่วม",
        "เทศบาลนครขอนแก่น",
        "สภาพลเมืองขอนแก่น",
        "มากกว่า 150 คน",
        "160 คน",
        "สถาบันพระปกเกล้า",
    ):
        assert text in thai, text
    for text in (
        "24–25 August 2022",
        "Active Citizens course",
        "Batch 2",
        "Opening report",
        "Mr Wuthisarn Tanchai, Secretary-General, King Prajadhipok's Institute",
        "ประธานคณะกรรมการ (in Thai)",
        "more than 150",
        "Model city for participation",
        "Khon Kaen City Municipality",
        "Khon Kaen Citizens' Council",
    ):
        assert text in english, text
    for private in ("ยอดผู้เข้าร่วมจากสองแหล่ง", "มณีรัตน์", "บุญมี", "พรทิพย์"):
        assert private not in thai and private not in english

    loads, submissions = len(counter.loads), len(counter.submissions)
    # Shown with -s: the figures the closing note quotes.
    print(f"\nstaff journey: {loads} page loads, {submissions} form submissions")  # noqa: T201
    print("\n".join(counter.loads))  # noqa: T201
    assert counter.foreign == []
    assert loads <= MAX_PAGE_LOADS, counter.loads
    assert submissions <= MAX_SUBMISSIONS, counter.submissions
    context.close()
