import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from portal import thaidates
from portal.forms import BuddhistEraDateField

D = datetime.date

RANGES = [
    # start, end, Thai, English
    (D(2022, 8, 24), None, "24 สิงหาคม 2565", "24 August 2022"),
    (D(2022, 8, 24), D(2022, 8, 24), "24 สิงหาคม 2565", "24 August 2022"),
    (D(2022, 8, 24), D(2022, 8, 25), "24–25 สิงหาคม 2565", "24–25 August 2022"),
    (D(2022, 3, 30), D(2022, 4, 2), "30 มีนาคม – 2 เมษายน 2565", "30 March – 2 April 2022"),
    (
        D(2022, 12, 28),
        D(2023, 1, 3),
        "28 ธันวาคม 2565 – 3 มกราคม 2566",
        "28 December 2022 – 3 January 2023",
    ),
    (D(2022, 8, 24), D(2022, 9, 2), "24 สิงหาคม – 2 กันยายน 2565", "24 August – 2 September 2022"),
    (
        D(2022, 12, 30),
        D(2023, 1, 3),
        "30 ธันวาคม 2565 – 3 มกราคม 2566",
        "30 December 2022 – 3 January 2023",
    ),
    # Leap days: 2563 BE is 2020 CE, a leap year.
    (D(2020, 2, 29), None, "29 กุมภาพันธ์ 2563", "29 February 2020"),
    (D(2020, 2, 28), D(2020, 3, 1), "28 กุมภาพันธ์ – 1 มีนาคม 2563", "28 February – 1 March 2020"),
    (D(2018, 2, 7), D(2018, 2, 8), "7–8 กุมภาพันธ์ 2561", "7–8 February 2018"),
    # The turn of the year, one day apart.
    (
        D(2022, 12, 31),
        D(2023, 1, 1),
        "31 ธันวาคม 2565 – 1 มกราคม 2566",
        "31 December 2022 – 1 January 2023",
    ),
]


@pytest.mark.parametrize(("start", "end", "thai", "english"), RANGES)
def test_date_ranges_in_both_calendars(start, end, thai, english):
    assert thaidates.format_range(start, end, lang="th") == thai
    assert thaidates.format_range(start, end, lang="en") == english


@pytest.mark.parametrize(
    ("value", "precision", "thai", "english"),
    [
        (D(2010, 3, 1), "month", "มีนาคม 2553", "March 2010"),
        (D(2010, 3, 1), "year", "พ.ศ. 2553", "2010"),
        (D(2012, 8, 31), "month", "สิงหาคม 2555", "August 2012"),
        (D(2024, 2, 29), "day", "29 กุมภาพันธ์ 2567", "29 February 2024"),
        (D(2023, 1, 1), "year", "พ.ศ. 2566", "2023"),
    ],
)
def test_month_and_year_forms(value, precision, thai, english):
    assert thaidates.format_date(value, precision, lang="th") == thai
    assert thaidates.format_date(value, precision, lang="en") == english


@pytest.mark.parametrize(
    ("start", "end", "precision", "thai", "english"),
    [
        (
            D(2010, 3, 1),
            D(2012, 8, 31),
            "month",
            "มีนาคม 2553 – สิงหาคม 2555",
            "March 2010 – August 2012",
        ),
        (D(2010, 3, 1), D(2010, 8, 31), "month", "มีนาคม – สิงหาคม 2553", "March – August 2010"),
        (D(2010, 3, 1), D(2012, 8, 31), "year", "พ.ศ. 2553–2555", "2010–2012"),
    ],
)
def test_month_and_year_ranges(start, end, precision, thai, english):
    assert thaidates.format_range(start, end, precision, lang="th") == thai
    assert thaidates.format_range(start, end, precision, lang="en") == english


@pytest.mark.parametrize(
    ("lang", "template", "expected"),
    [
        ("th", "{{ start|caldate:end }}", "24–25 สิงหาคม 2565"),
        ("en", "{{ start|caldate:end }}", "24–25 August 2022"),
        ("th", "{{ start|caldate }}", "24 สิงหาคม 2565"),
        ("th", '{{ start|caldate:"month" }}', "สิงหาคม 2565"),
        ("th", '{{ start|caldate:"year" }}', "พ.ศ. 2565"),
        ("en", '{{ start|caldate:"year" }}', "2022"),
        ("th", "{{ start|calyear }}", "2565"),
    ],
)
def test_template_filter_follows_the_active_language(lang, template, expected):
    context = Context({"start": D(2022, 8, 24), "end": D(2022, 8, 25)})
    with translation.override(lang):
        assert Template(template).render(context) == expected


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("24/08/2565", D(2022, 8, 24)),
        ("24/08/2022", D(2022, 8, 24)),
        ("29/02/2563", D(2020, 2, 29)),  # a BE leap day must not be rejected
        ("2565-08-24", D(2022, 8, 24)),
        ("01/01/2566", D(2023, 1, 1)),
    ],
)
def test_thai_staff_can_type_buddhist_era_years(typed, stored):
    with translation.override("th"):
        assert BuddhistEraDateField().clean(typed) == stored


@pytest.mark.parametrize("typed", ["2022-08-24", "24/08/2022", "24-08-2022", "24.08.2022"])
def test_english_staff_type_gregorian_dates(typed):
    with translation.override("en"):
        assert BuddhistEraDateField().clean(typed) == D(2022, 8, 24)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_date_is_read_day_first_in_both_languages(lang):
    """08/07/2022 is 8 July for every staff member, as the field's message says."""
    with translation.override(lang):
        assert BuddhistEraDateField().clean("08/07/2022") == D(2022, 7, 8)


def test_a_month_first_date_is_refused_with_the_day_first_example():
    from django.core.exceptions import ValidationError

    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        BuddhistEraDateField().clean("08/24/2022")
    assert "24/08/2022" in " ".join(excinfo.value.messages)


def test_invalid_date_is_refused_with_a_thai_message():
    from django.core.exceptions import ValidationError

    with translation.override("th"):
        with pytest.raises(ValidationError) as excinfo:
            BuddhistEraDateField().clean("15/13/2565")  # no 13th month: the general message
        message = " ".join(excinfo.value.messages)  # lazy: read it while Thai is active
    assert "24/08/2565" in message
    assert "วัน" in message


@pytest.mark.parametrize(("lang", "shown"), [("th", "24/08/2565"), ("en", "2022-08-24")])
def test_dates_are_shown_back_in_the_staff_members_calendar(lang, shown):
    with translation.override(lang):
        assert BuddhistEraDateField().prepare_value(D(2022, 8, 24)) == shown


def test_a_shown_be_date_round_trips_without_drift():
    field = BuddhistEraDateField()
    with translation.override("th"):
        for value in (D(2022, 8, 24), D(2020, 2, 29), D(1996, 1, 1)):
            assert field.clean(field.prepare_value(value)) == value
