"""Homes for every fact of a real report (issue 12): times, ceremony roles, qualified totals,
awards, good practices, series and batches, sources, and private staff notes."""

import datetime
import re

import pytest

from events.models import (
    Event,
    ParticipantGroup,
    RoleKind,
    TotalQualifier,
    check_participants,
    totals_consistent,
)
from tests.events.factories import (
    AwardFactory,
    EventFactory,
    EventGoodPracticeFactory,
    EventSeriesFactory,
    EventSourceFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    ParticipantGroupFactory,
    PersonFactory,
    RoleFactory,
)
from tests.sitemaps import sitemap_paths, sitemap_xml

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- 1. the event's own times ---------------------------------------------------------


@pytest.mark.parametrize(("lang", "shown"), [("th", "เวลา 09.00–16.30 น."), ("en", "09:00–16:30")])
def test_the_event_page_shows_its_times_with_the_dates(client, lang, shown):
    event = EventFactory(start_time=datetime.time(9, 0), end_time=datetime.time(16, 30))
    assert shown in text_of(page(client, f"/{lang}/events/{event.slug}/"))


def test_the_structured_data_carries_the_times(client):
    event = EventFactory(start_time=datetime.time(9, 0), end_time=datetime.time(16, 30))
    html = page(client, f"/en/events/{event.slug}/")
    assert '"startDate": "2022-08-24T09:00:00+07:00"' in html
    assert '"endDate": "2022-08-25T16:30:00+07:00"' in html


def test_an_event_without_times_shows_none(client):
    event = EventFactory()
    html = page(client, f"/en/events/{event.slug}/")
    assert "09:00" not in html and 'datetime="2022-08-24"' in html


def test_the_icalendar_entry_carries_the_times(client):
    import icalendar

    event = EventFactory(start_time=datetime.time(9, 0), end_time=datetime.time(16, 30))
    calendar = icalendar.Calendar.from_ical(client.get(f"/en/events/{event.slug}.ics").content)
    (entry,) = [c for c in calendar.walk() if c.name == "VEVENT"]
    start, end = entry["DTSTART"].dt, entry["DTEND"].dt
    assert (start.date(), start.hour, start.minute) == (datetime.date(2022, 8, 24), 9, 0)
    assert (end.date(), end.hour, end.minute) == (datetime.date(2022, 8, 25), 16, 30)
    assert start.utcoffset() == datetime.timedelta(hours=7)


def test_an_end_time_before_the_start_time_on_one_day_is_refused():
    event = EventFactory.build(
        end_date=datetime.date(2022, 8, 24),
        start_time=datetime.time(13, 0),
        end_time=datetime.time(9, 0),
    )
    with pytest.raises(Exception) as info:
        event.full_clean(exclude=["slug"])
    assert "end_time" in info.value.message_dict


# --- 2. ceremony roles, apart from the report's author --------------------------------


@pytest.mark.parametrize(
    ("lang", "labels", "author"),
    [
        ("th", ("ผู้กล่าวรายงาน", "ผู้กล่าวต้อนรับ", "พิธีกร"), "ผู้เขียนรายงาน"),
        (
            "en",
            ("Opening report", "Welcome remarks", "Master of ceremonies"),
            "Event report written by",
        ),
    ],
)
def test_ceremony_roles_show_their_position_and_never_read_as_the_author(
    client, lang, labels, author
):
    event = EventFactory()
    speaker = PersonFactory(given_name_th="สมชาย", given_name_en="Somchai")
    RoleFactory(
        event=event,
        person=speaker,
        role=RoleKind.OPENING_REPORT,
        position_held_th="ผู้อำนวยการสำนักพัฒนาเครือข่ายการเลือกตั้ง",
        position_held_en="Director of the Election Network Development Bureau",
    )
    RoleFactory(event=event, role=RoleKind.WELCOME)
    RoleFactory(event=event, role=RoleKind.MASTER_OF_CEREMONIES)
    writer = PersonFactory(given_name_th="ศิรินาฎ", given_name_en="Sirinat")
    event.reporter = writer
    event.save()
    text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    for label in labels:
        assert label in text
    position = "ผู้อำนวยการสำนักพัฒนาเครือข่ายการเลือกตั้ง" if lang == "th" else "Director of"
    assert position in text
    # The author is credited under a label no ceremony role uses.
    assert author in text
    assert all(author != str(choice) for _value, choice in RoleKind.choices)
    programme_part = text.split(author)[0]
    credits = text.split(author)[1]
    assert ("Sirinat" in credits or "ศิรินาฎ" in credits) and "Somchai" not in credits
    assert "สมชาย" not in credits
    assert "ผู้กล่าวรายงาน" in programme_part or "Opening report" in programme_part


def test_a_reporter_role_keeps_the_position_on_the_credits_line(client):
    event = EventFactory()
    RoleFactory(event=event, role=RoleKind.REPORTER, position_held_en="Project officer, CSNM")
    assert "Project officer, CSNM" in text_of(page(client, f"/en/events/{event.slug}/"))


# --- 3. approximate totals -------------------------------------------------------------


@pytest.mark.parametrize(
    ("qualifier", "declared", "groups", "consistent"),
    [
        (TotalQualifier.EXACT, 150, 150, True),
        (TotalQualifier.EXACT, 150, 160, False),
        (TotalQualifier.MORE_THAN, 150, 160, True),
        (TotalQualifier.MORE_THAN, 150, 150, False),
        (TotalQualifier.MORE_THAN, 150, 140, False),
        (TotalQualifier.AT_LEAST, 150, 150, True),
        (TotalQualifier.AT_LEAST, 150, 149, False),
        (TotalQualifier.ABOUT, 150, 165, True),
        (TotalQualifier.ABOUT, 150, 135, True),
        (TotalQualifier.ABOUT, 150, 166, False),
        (TotalQualifier.ABOUT, 5, 6, True),
        (TotalQualifier.ABOUT, 5, 7, False),
    ],
)
def test_the_totals_rule(qualifier, declared, groups, consistent):
    assert totals_consistent(qualifier, declared, groups) is consistent
    assert check_participants(declared, [groups], qualifier).reconciles is consistent


@pytest.mark.parametrize(
    ("lang", "shown", "declared_row"),
    [("th", "มากกว่า 150 คน", "มากกว่า 150"), ("en", "more than 150 people", "more than 150")],
)
def test_a_more_than_total_is_shown_as_such_and_not_contradicted(client, lang, shown, declared_row):
    event = EventFactory(declared_participants=150, participants_qualifier=TotalQualifier.MORE_THAN)
    ParticipantGroupFactory(event=event, count=100)
    ParticipantGroupFactory(event=event, count=60)
    html = page(client, f"/{lang}/events/{event.slug}/")
    text = text_of(html)
    assert shown in text
    assert re.search(r"<dd>\s*150 (คน|people)\s*</dd>", html) is None
    assert declared_row in text
    assert "⚠" not in text
    # The list row words it the same way.
    assert ("มากกว่า 150" if lang == "th" else "more than 150") in text_of(
        page(client, f"/{lang}/events/")
    )


def test_a_more_than_total_below_its_groups_is_flagged(client):
    event = EventFactory(declared_participants=150, participants_qualifier=TotalQualifier.MORE_THAN)
    ParticipantGroupFactory(event=event, count=120)
    assert Event.objects.with_participant_totals().get(pk=event.pk).participant_check.differs
    assert "⚠" in page(client, f"/en/events/{event.slug}/")


@pytest.mark.parametrize(("lang", "note"), [("th", "ไม่ได้นับ"), ("en", "not counted")])
def test_a_category_named_without_a_count_is_shown_and_left_out_of_sums(client, lang, note):
    event = EventFactory(declared_participants=20)
    ParticipantGroupFactory(event=event, count=20)
    ParticipantGroupFactory(
        event=event, count=None, label_th="แขกผู้มีเกียรติ", label_en="Distinguished guests"
    )
    annotated = Event.objects.with_participant_totals().get(pk=event.pk)
    assert (annotated.groups_total, annotated.groups_count) == (20, 1)
    assert annotated.participant_check.reconciles
    text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert ("แขกผู้มีเกียรติ" if lang == "th" else "Distinguished guests") in text
    assert note in text and "⚠" not in text


def test_a_group_with_units_still_needs_its_count():
    group = ParticipantGroup(
        event=EventFactory(), label_en="Provinces", units=77, per_unit=4, count=None
    )
    with pytest.raises(Exception) as info:
        group.full_clean()
    assert "count" in info.value.message_dict


# --- 10. a confirmed difference reads neutrally ---------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_confirmed_difference_is_shown_neutrally(client, lang):
    event = EventFactory(declared_participants=100, totals_difference_confirmed=True)
    ParticipantGroupFactory(event=event, count=90)
    text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert "⚠" not in text
    assert "ไม่ตรงกับยอดรวม" not in text and "does not add up" not in text
    assert ("ตามที่แหล่งข้อมูลระบุ" if lang == "th" else "as in the source") in text


def test_an_unconfirmed_difference_is_still_flagged(client):
    event = EventFactory(declared_participants=100)
    ParticipantGroupFactory(event=event, count=90)
    assert "⚠" in page(client, f"/en/events/{event.slug}/")


# --- 4. awards ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_awards_show_on_the_event_and_the_recipient_organisation(client, lang):
    event = EventFactory(title_th="งานมอบรางวัล", title_en="Awards ceremony")
    winner = OrganisationFactory(status="published")
    AwardFactory(
        event=event,
        organisation=winner,
        title_th="รางวัลพระปกเกล้า",
        title_en="King Prajadhipok's Award",
        category_th="ประเภทความโปร่งใส",
        category_en="Transparency",
        citation_th="เทศบาลที่เปิดเผยข้อมูลต่อประชาชน",
        citation_en="A municipality that opens its records to the public",
    )
    title = "รางวัลพระปกเกล้า" if lang == "th" else "King Prajadhipok"
    event_text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert title in event_text
    assert ("ประเภทความโปร่งใส" if lang == "th" else "Transparency") in event_text
    org_html = page(client, f"/{lang}/organisations/{winner.slug}/")
    assert title in text_of(org_html) and f"/{lang}/events/{event.slug}/" in org_html


def test_an_award_at_a_draft_event_stays_off_the_organisation_page(client):
    winner = OrganisationFactory(status="published")
    AwardFactory(event=EventFactory(status="draft"), organisation=winner, title_en="Hidden prize")
    assert "Hidden prize" not in page(client, f"/en/organisations/{winner.slug}/")


def test_an_award_needs_a_recipient():
    award = AwardFactory.build(event=EventFactory(), organisation=None, person=None)
    with pytest.raises(Exception) as info:
        award.full_clean()
    assert "organisation" in info.value.message_dict


# --- 5. good practices at events ---------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "role_label"), [("th", "ได้รับรางวัลในงาน"), ("en", "Awarded at the event")]
)
def test_good_practices_show_on_the_event_and_the_good_practice(client, lang, role_label):
    event = EventFactory()
    case = GoodPracticeFactory(title_th="เทศบาลเมืองน่าอยู่", title_en="Liveable town")
    EventGoodPracticeFactory(event=event, good_practice=case, role="awarded")
    event_text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert ("เทศบาลเมืองน่าอยู่" if lang == "th" else "Liveable town") in event_text
    assert role_label in event_text
    case_html = page(client, case.get_absolute_url().replace("/th/", f"/{lang}/", 1))
    assert event.get_absolute_url().replace("/th/", f"/{lang}/", 1) in case_html
    assert role_label in text_of(case_html)


def test_a_draft_good_practice_is_not_linked_from_the_event(client):
    event = EventFactory()
    EventGoodPracticeFactory(
        event=event, good_practice=GoodPracticeFactory(status="draft", title_en="Secret case")
    )
    assert "Secret case" not in page(client, f"/en/events/{event.slug}/")


# --- 6. series with numbered batches ----------------------------------------------------


def _series_with_batches():
    series = EventSeriesFactory(title_th="หลักสูตรผู้นำประชาธิปไตย", title_en="Democracy leaders")
    first = EventFactory(
        series=series,
        batch_number=1,
        batch_place_th="จังหวัดเชียงใหม่",
        batch_place_en="Chiang Mai",
        start_date=datetime.date(2023, 1, 10),
        end_date=datetime.date(2023, 1, 12),
    )
    second = EventFactory(
        series=series,
        batch_number=2,
        batch_place_th="จังหวัดขอนแก่น",
        batch_place_en="Khon Kaen",
        start_date=datetime.date(2023, 3, 7),
        end_date=datetime.date(2023, 3, 9),
    )
    return series, first, second


@pytest.mark.parametrize(
    ("lang", "batch", "other"),
    [
        ("th", "รุ่นที่ 2 ที่จังหวัดขอนแก่น", "รุ่นที่ 1 ที่จังหวัดเชียงใหม่"),
        ("en", "Batch 2, Khon Kaen", "Batch 1, Chiang Mai"),
    ],
)
def test_a_batch_links_its_series_and_siblings(client, lang, batch, other):
    series, first, second = _series_with_batches()
    html = page(client, f"/{lang}/events/{second.slug}/")
    text = text_of(html)
    assert batch in text and other in text
    assert f"/{lang}/events/series/{series.slug}/" in html
    assert f"/{lang}/events/{first.slug}/" in html
    # Not the edition: “ครั้งที่” is another thing.
    assert "ครั้งที่" not in text


@pytest.mark.parametrize(
    ("lang", "dates", "place"),
    [("th", "7–9 มีนาคม 2566", "จังหวัดขอนแก่น"), ("en", "7–9 March 2023", "Khon Kaen")],
)
def test_the_series_page_lists_every_batch_with_dates_and_places(client, lang, dates, place):
    series, first, second = _series_with_batches()
    EventFactory(series=series, batch_number=3, status="draft", title_en="Draft batch")
    html = page(client, f"/{lang}/events/series/{series.slug}/")
    text = text_of(html)
    assert ("หลักสูตรผู้นำประชาธิปไตย" if lang == "th" else "Democracy leaders") in text
    assert dates in text and place in text
    assert f"/{lang}/events/{first.slug}/" in html and f"/{lang}/events/{second.slug}/" in html
    assert "Draft batch" not in html


def test_a_draft_series_is_not_found_and_not_in_the_site_map(client):
    series = EventSeriesFactory(status="draft")
    assert client.get(f"/en/events/series/{series.slug}/").status_code == 404
    published = EventSeriesFactory()
    paths = sitemap_paths(client)
    assert f"/en/events/series/{published.slug}/" in paths
    assert f"/th/events/series/{published.slug}/" in paths
    assert f"/en/events/series/{series.slug}/" not in paths


def test_the_series_is_found_by_site_search(client):
    EventSeriesFactory(title_en="Zyxwise leaders course")
    html = page(client, "/en/search/?q=zyxwise")
    assert "<mark>Zyxwise</mark> leaders course" in html  # the matched word highlighted


def test_a_batch_number_is_unique_within_its_series():
    series = EventSeriesFactory()
    EventFactory(series=series, batch_number=1)
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(series=series, batch_number=1)


# --- 7. sources and their disagreements -------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "disagreement"),
    [
        ("th", "แหล่ง ก ระบุว่า 300 คน; แหล่ง ข ระบุว่า 320 คน"),
        ("en", "Source A gives 300 people; Source B gives 320 people"),
    ],
)
def test_sources_and_their_disagreements_show_on_the_event_page(client, lang, disagreement):
    event = EventFactory()
    EventSourceFactory(
        event=event,
        title_th="แหล่ง ก",
        title_en="Source A",
        publisher_en="The organiser",
        supports=["participants"],
        stated_value_th="300 คน",
        stated_value_en="300 people",
    )
    EventSourceFactory(
        event=event,
        title_th="แหล่ง ข",
        title_en="Source B",
        supports=["participants"],
        stated_value_th="320 คน",
        stated_value_en="320 people",
    )
    text = text_of(page(client, f"/{lang}/events/{event.slug}/"))
    assert ("แหล่งข้อมูล" if lang == "th" else "Sources") in text
    assert disagreement in text


def test_agreeing_sources_show_no_disagreement(client):
    event = EventFactory()
    for title in ("Source A", "Source B"):
        EventSourceFactory(
            event=event, title_en=title, supports=["participants"], stated_value_en="300 people"
        )
    text = text_of(page(client, f"/en/events/{event.slug}/"))
    assert "Source A" in text and "Where the sources disagree" not in text


def test_a_source_supports_only_facts_of_its_record():
    source = EventSourceFactory.build(event=EventFactory(), supports=["duration"])
    with pytest.raises(Exception) as info:
        source.full_clean()
    assert "supports" in info.value.message_dict


# --- 8. staff notes never leave the admin ------------------------------------------------

SECRET = "Zqx-private-staff-note"


def test_staff_notes_are_never_public(client):
    series = EventSeriesFactory()
    event = EventFactory(staff_notes=SECRET, series=series, batch_number=1)
    urls = (
        [f"/{lang}/events/{event.slug}/" for lang in LANGS]
        + [f"/{lang}/events/series/{series.slug}/" for lang in LANGS]
        + [
            "/th/events/",
            "/en/events/feed.atom",
            f"/en/events/{event.slug}.ics",
            "/en/events/calendar.ics",
        ]
    )
    for url in urls:
        assert SECRET not in page(client, url), url
    # Site search does not look through the notes: the event is not found by them.
    assert f"/en/events/{event.slug}/" not in page(client, f"/en/search/?q={SECRET}")
    assert f"/en/events/{event.slug}/" in page(client, f"/en/search/?q={event.title_en}")
    assert SECRET not in sitemap_xml(client)


@pytest.mark.parametrize("lang", LANGS)
def test_staff_see_and_edit_the_notes_in_the_admin(admin_client, lang):
    admin_client.cookies["phakhi_language"] = lang
    event = EventFactory(staff_notes=SECRET)
    html = admin_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert SECRET in html
    assert ("บันทึกของเจ้าหน้าที่" if lang == "th" else "Staff notes") in html


# --- the admin -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_event_admin_offers_every_new_fact_side_by_side(admin_client, lang):
    admin_client.cookies["phakhi_language"] = lang
    event = EventFactory(series=EventSeriesFactory(), batch_number=1)
    AwardFactory(event=event)
    EventGoodPracticeFactory(event=event)
    EventSourceFactory(event=event)
    for url in (f"/admin/events/event/{event.pk}/change/", "/admin/events/event/add/"):
        html = admin_client.get(url).content.decode()
        for name in (
            "start_time",
            "end_time",
            "participants_qualifier",
            "batch_place_th",
            "batch_place_en",
            "awards-0-title_th" if "change" in url else "awards-TOTAL_FORMS",
            "good_practice_links-TOTAL_FORMS",
            "sources-TOTAL_FORMS",
            "staff_notes",
        ):
            assert f'name="{name}"' in html, (url, name)
    html = admin_client.get("/admin/events/eventseries/add/").content.decode()
    assert 'name="title_th"' in html and 'name="title_en"' in html


def test_the_admin_accepts_a_more_than_total_its_groups_exceed():
    from django.forms import inlineformset_factory

    from events.forms import ParticipantGroupFormSet

    event = EventFactory(declared_participants=150, participants_qualifier="more_than")
    formset_class = inlineformset_factory(
        Event, ParticipantGroup, formset=ParticipantGroupFormSet, fields=["label_th", "count"]
    )
    data = {
        "participant_groups-TOTAL_FORMS": "1",
        "participant_groups-INITIAL_FORMS": "0",
        "participant_groups-0-label_th": "กลุ่ม",
        "participant_groups-0-count": "160",
    }
    assert formset_class(data, instance=event, prefix="participant_groups").is_valid()
    event.participants_qualifier = ""
    formset = formset_class(data, instance=event, prefix="participant_groups")
    assert not formset.is_valid()
    assert "160" in str(formset.non_form_errors())


# --- query counts ---------------------------------------------------------------------------


def _count(client, url) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _furnish(event, n: int) -> None:
    for _ in range(n):
        AwardFactory(event=event)
        AwardFactory(event=event, organisation=None, person=PersonFactory())
        EventGoodPracticeFactory(event=event)
        EventSourceFactory(event=event, supports=["participants"], stated_value_en=f"{n}")
        ParticipantGroupFactory(event=event, count=None)


def test_the_event_page_costs_the_same_queries_however_many_facts(
    client, django_assert_num_queries
):
    series = EventSeriesFactory()
    small = EventFactory(series=series, batch_number=1)
    _furnish(small, 1)
    baseline = _count(client, f"/en/events/{small.slug}/")
    big = EventFactory(series=series, batch_number=2)
    _furnish(big, 12)
    for number in range(3, 15):
        EventFactory(series=series, batch_number=number)
    for lang in LANGS:
        with django_assert_num_queries(baseline):
            client.get(f"/{lang}/events/{big.slug}/")


def test_the_series_page_costs_the_same_queries_however_many_batches(
    client, django_assert_num_queries
):
    series = EventSeriesFactory()
    EventFactory(series=series, batch_number=1)
    baseline = _count(client, f"/en/events/series/{series.slug}/")
    for number in range(2, 20):
        EventFactory(series=series, batch_number=number)
    with django_assert_num_queries(baseline):
        client.get(f"/th/events/series/{series.slug}/")


def test_the_organisation_page_costs_the_same_queries_however_many_awards(
    client, django_assert_num_queries
):
    winner = OrganisationFactory(status="published")
    AwardFactory(organisation=winner)
    baseline = _count(client, f"/en/organisations/{winner.slug}/")
    for _ in range(15):
        AwardFactory(organisation=winner)
    with django_assert_num_queries(baseline):
        client.get(f"/th/organisations/{winner.slug}/")
