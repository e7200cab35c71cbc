"""The admin's calendar and clock shortcuts for Thai staff, in a real browser.

Django's widget counts in the Common Era: opened on 20/03/2567 it laid out the year
2567 CE, and "วันนี้" wrote 02/12/2026. With static/admin/js/portal-be-calendar.js a Thai
staff member sees BE years in its heading, the true weekdays, and every date it writes
is stored as the date they picked.
"""

import datetime

import pytest
from django.utils import timezone

from events.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shortcuts_number(page, input_id: str, kind: str) -> str:
    """The number Django's DateTimeShortcuts gave the input (its calendar/clock box id)."""
    link = page.locator(
        f"#{input_id} ~ .datetimeshortcuts a[id^={kind}link], "
        f"#{input_id} + .datetimeshortcuts a[id^={kind}link]"
    ).first
    return link.get_attribute("id").removeprefix(f"{kind}link")


def test_thai_calendar_writes_and_shows_buddhist_era_dates(page, admin_user):
    page.goto("/th/")  # sets the language cookie for the admin
    page.goto("/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "password")
    with page.expect_navigation():
        page.locator("input[type=submit]").click()
    page.goto("/admin/events/event/add/")
    page.wait_for_function("document.querySelector('.datetimeshortcuts') !== null")

    page.fill("#id_title_th", "เวทีปฏิทิน")
    page.fill("#id_slug", "calendar-forum")
    page.select_option("#id_kind", "forum")
    page.select_option("#id_status", "published")

    # "วันนี้" beside the start date writes today with its BE year.
    today = timezone.localdate()
    page.locator("#id_start_date ~ .datetimeshortcuts a").first.click()
    assert page.input_value("#id_start_date") == (
        f"{today.day:02d}/{today.month:02d}/{today.year + 543}"
    )

    # The publish date typed in BE opens the calendar on that month, headed in BE,
    # with 20 March 2024 (a Wednesday) under Wednesday; picking the 20th writes it back.
    page.fill("#id_published_at_0", "20/03/2567")
    num = shortcuts_number(page, "id_published_at_0", "calendar")
    page.click(f"#calendarlink{num}")
    box = page.locator(f"#calendarbox{num}")
    assert box.locator("caption").inner_text() == "มีนาคม 2567"
    day = box.locator("td a", has_text="20").first
    column = day.evaluate("a => a.closest('td').cellIndex")
    assert column == datetime.date(2024, 3, 20).isoweekday() % 7  # Sunday first in Thai
    assert column == 3
    day.click()
    assert page.input_value("#id_published_at_0") == "20/03/2567"

    # The clock's "noon" writes a time Thai staff write and the form accepts.
    clock = shortcuts_number(page, "id_published_at_1", "clock")
    page.click(f"#clocklink{clock}")
    page.locator(f"#clockbox{clock} ul.timelist a").nth(3).click()
    assert page.input_value("#id_published_at_1") == "12.00 น."

    # The end date picked in next month's calendar.
    end = shortcuts_number(page, "id_end_date", "calendar")
    page.click(f"#calendarlink{end}")
    next_month = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    page.locator(f"#calendarbox{end} .calendarnav-next").click()
    caption = page.locator(f"#calendarbox{end} caption").inner_text()
    assert caption.endswith(str(next_month.year + 543))
    page.locator(f"#calendarbox{end} td a", has_text="1").first.click()
    assert page.input_value("#id_end_date") == f"01/{next_month.month:02d}/{next_month.year + 543}"

    with page.expect_navigation():
        page.locator("input[name=_save]").click()
    assert page.locator(".messagelist .success").count() == 1, page.content()[-3000:]

    event = Event.objects.get(slug="calendar-forum")
    assert event.start_date == today
    assert event.end_date == next_month
    assert timezone.localtime(event.published_at) == datetime.datetime(
        2024, 3, 20, 12, 0, tzinfo=timezone.get_current_timezone()
    )
