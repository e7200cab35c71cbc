"""The admin home's dashboard: counts by status, recent changes, and the data-quality list."""

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal import dashboard, registry
from portal.models import Status
from tests.events.factories import (
    EventFactory,
    EventOrganiserFactory,
    EventSourceFactory,
    OrganisationFactory,
    ParticipantGroupFactory,
    PublicationFactory,
    bulk_events,
)

LANGS = ["th", "en"]
pytestmark = pytest.mark.django_db


def _complete_event(**extra):
    """An event that passes every check."""
    fields = {
        "summary_th": "สรุป",
        "summary_en": "Summary",
        "venue_name_th": "โรงแรม",
        "source_url": "https://example.org/report",
        **extra,
    }
    event = EventFactory(**fields)
    EventOrganiserFactory(event=event)
    return event


def _admin_home(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode()


def _section(html: str, key: str) -> str:
    """The HTML of one data-quality rule ("" when it is not listed)."""
    marker = f'data-check="{key}"'
    if marker not in html:
        return ""
    return html.split(marker, 1)[1].split("</section>", 1)[0]


def test_every_app_registers_its_counts_and_checks():
    assert {
        "networks.Organisation",
        "programmes.Programme",
        "publications.Publication",
        "events.Event",
    } <= {model._meta.label for model in registry.status_counts}
    keys = {check.key for check in registry.quality_checks}
    assert {
        "event-no-thai",
        "event-no-english",
        "event-totals-differ",
        "event-no-organisers",
        "event-no-venue",
        "event-no-source",
        "publication-no-file",
        "organisation-duplicates",
    } <= keys


@pytest.mark.parametrize("lang", LANGS)
def test_counts_by_status_link_to_the_filtered_list(admin_client_in, lang):
    client = admin_client_in(lang)
    EventFactory.create_batch(3)
    EventFactory(status=Status.DRAFT)
    html = _admin_home(client)
    assert "Records by status" in html or "จำนวนรายการตามสถานะ" in html
    url = reverse("admin:events_event_changelist") + "?status__exact=published"
    assert f'<a href="{url}">3</a>' in html
    assert f'<a href="{url.replace("published", "draft")}">1</a>' in html
    assert ("ฉบับร่าง" if lang == "th" else "Draft") in html


@pytest.mark.parametrize("lang", LANGS)
def test_recent_changes_say_who_what_and_when_with_a_link(admin_client_in, admin_user, lang):
    client = admin_client_in(lang)
    event = EventFactory(title_th="สัมมนาเครือข่าย")
    admin_user.first_name, admin_user.last_name = "สมศรี", "ใจดี"
    admin_user.save()
    entry = LogEntry.objects.log_actions(
        user_id=admin_user.pk,
        queryset=[event],
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Summary"]}}]',
        single_object=True,
    )
    entry.action_time = entry.action_time.replace(year=2026, month=12, day=2, hour=7, minute=5)
    entry.save()
    html = _admin_home(client)
    change_url = reverse("admin:events_event_change", args=[event.pk])
    assert f'<a href="{change_url}">สัมมนาเครือข่าย</a>' in html
    assert "สมศรี ใจดี" in html
    # Bangkok time, in the staff member's calendar.
    assert ("2 ธันวาคม 2569 14:05 น." if lang == "th" else "2 December 2026 14:05") in html
    assert ("แก้ไข" if lang == "th" else "changed") in html


def test_each_rule_lists_the_records_to_fix_with_links(admin_client_in):
    client = admin_client_in("en")
    good = _complete_event()
    no_thai = _complete_event(title_th="", summary_th="")
    no_english_summary = _complete_event(summary_en="")
    no_organisers = EventFactory(
        summary_th="ก", summary_en="a", venue_name_th="v", source_url="https://e.org"
    )
    no_venue = _complete_event(venue_name_th="")
    no_source = _complete_event(source_url="")
    differs = _complete_event(declared_participants=100)
    ParticipantGroupFactory(event=differs, count=60)
    ParticipantGroupFactory(event=differs, count=30)
    confirmed = _complete_event(declared_participants=100, totals_difference_confirmed=True)
    ParticipantGroupFactory(event=confirmed, count=60)
    adds_up = _complete_event(declared_participants=90)
    ParticipantGroupFactory(event=adds_up, count=90)
    no_file = PublicationFactory(abstract_th="บท", abstract_en="Abstract")

    html = _admin_home(client)

    def listed(key, obj):
        return reverse(
            f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]
        ) in _section(html, key)

    assert listed("event-no-thai", no_thai) and not listed("event-no-thai", good)
    assert listed("event-no-english", no_english_summary)
    assert not listed("event-no-english", no_thai)
    assert listed("event-no-organisers", no_organisers)
    assert not listed("event-no-organisers", good)
    assert listed("event-no-venue", no_venue) and not listed("event-no-venue", good)
    assert listed("event-no-source", no_source) and not listed("event-no-source", good)
    assert listed("event-totals-differ", differs)
    assert not listed("event-totals-differ", confirmed)
    assert not listed("event-totals-differ", adds_up)
    assert listed("publication-no-file", no_file)
    for key in ("event-no-thai", "event-no-venue", "event-no-source", "event-totals-differ"):
        assert not listed(key, good)


def test_organisations_that_look_like_duplicates_are_listed(admin_client_in):
    client = admin_client_in("th")
    tei = OrganisationFactory(name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute")
    foundation = OrganisationFactory(name_th="มูลนิธิสถาบันสิ่งแวดล้อมไทย", name_en="")
    other = OrganisationFactory(name_th="สมาคมสิ่งแวดล้อมไทย", name_en="Thai Environment Association")
    section = _section(_admin_home(client), "organisation-duplicates")
    for org in (tei, foundation):
        assert reverse("admin:networks_organisation_change", args=[org.pk]) in section
    assert reverse("admin:networks_organisation_change", args=[other.pk]) not in section


def test_a_long_list_is_capped_and_links_to_the_filtered_changelist(admin_client_in):
    client = admin_client_in("en")
    bulk_events(12)  # no organisers, no venue, no source, no summaries
    html = _admin_home(client)
    section = _section(html, "event-no-source")
    assert "(12)" in section
    assert (
        section.count("/admin/events/event/") - section.count("?quality=")
        == dashboard.ROWS_PER_CHECK
    )
    more = reverse("admin:events_event_changelist") + "?quality=event-no-source"
    assert f'href="{more}"' in section and "See all 12 records" in section
    # The filtered changelist shows exactly the records of the rule.
    _complete_event(title_en="A complete one")
    response = client.get(more)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 12


def test_nothing_to_fix_says_so(admin_client_in):
    client = admin_client_in("th")
    _complete_event()
    html = _admin_home(client)
    assert "ไม่มีรายการที่ต้องแก้ไข" in html


def _home_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        _admin_home(client)
    return len(queries)


def test_the_admin_home_makes_the_same_queries_at_two_thousand_more_events(
    admin_client_in, admin_user
):
    client = admin_client_in("th")
    bulk_events(20, prefix="few")
    for _ in range(3):
        _complete_event()
        OrganisationFactory()
    content_type = ContentType.objects.get_for_model(admin_user)
    LogEntry.objects.create(
        user=admin_user,
        content_type=content_type,
        object_id=str(admin_user.pk),
        object_repr="x",
        action_flag=ADDITION,
    )
    _admin_home(client)  # warms the duplicate-names cache and the content types
    few = _home_queries(client)
    bulk_events(2_000, prefix="many")
    for _ in range(30):
        OrganisationFactory()
    _admin_home(client)
    many = _home_queries(client)
    assert many == few
    # Each rule still shows only its first rows, and counts them all.
    section = _section(_admin_home(client), "event-no-source")
    assert "(2020)" in section
    assert section.count("<li>") == dashboard.ROWS_PER_CHECK


def test_an_event_with_a_source_record_but_no_source_link_has_a_source(admin_client_in):
    """“Without a source” counts the sources entered as records, not only the old link."""
    client = admin_client_in("th")
    with_record = _complete_event(source_url="", title_en="Sourced by a record")
    EventSourceFactory(event=with_record, url="", title_th="รายงานของกรม")
    without = _complete_event(source_url="", title_en="No source at all")
    section = _section(_admin_home(client), "event-no-source")
    assert reverse("admin:events_event_change", args=[without.pk]) in section
    assert reverse("admin:events_event_change", args=[with_record.pk]) not in section
    assert "(1)" in section
    listed = client.get(reverse("admin:events_event_changelist") + "?quality=event-no-source")
    assert [e.pk for e in listed.context["cl"].result_list] == [without.pk]


@pytest.mark.parametrize(
    "qualifier, declared, parts, flagged",
    [
        ("more_than", 150, [100, 60], False),  # “more than 150”, parts 160: fine
        ("more_than", 150, [100, 50], True),  # 150 is not more than 150
        ("at_least", 150, [100, 50], False),
        ("at_least", 150, [100, 40], True),
        ("about", 100, [60, 35], False),  # within a tenth
        ("about", 100, [60, 30], False),
        ("about", 100, [60, 29], True),
        ("about", 25, [28], False),  # a tenth of 25 rounds up to 3
        ("", 150, [100, 60], True),
        ("", 150, [100, 50], False),
    ],
)
def test_does_not_add_up_applies_the_qualified_total_rule(
    admin_client_in, qualifier, declared, parts, flagged
):
    client = admin_client_in("en")
    event = _complete_event(participants_qualifier=qualifier, declared_participants=declared)
    for count in parts:
        ParticipantGroupFactory(event=event, count=count)
    ParticipantGroupFactory(event=event, count=None, label_en="Observers")  # named, no count
    section = _section(_admin_home(client), "event-totals-differ")
    assert (reverse("admin:events_event_change", args=[event.pk]) in section) is flagged
    # The dashboard and the event's own check agree.
    assert event.participant_check.differs is flagged


@pytest.mark.parametrize("lang", LANGS)
def test_recent_changes_name_the_record_in_the_readers_language(admin_client_in, admin_user, lang):
    """A Thai staff member's save is listed under the English name on the English admin
    (events keep their Thai-first name on purpose; organisations follow the reader)."""
    client = admin_client_in(lang)
    org = OrganisationFactory(name_th="สถาบันพระปกเกล้า", name_en="King Prajadhipok's Institute")
    with translation.override("th"):
        LogEntry.objects.log_actions(
            user_id=admin_user.pk, queryset=[org], action_flag=ADDITION, single_object=True
        )
    html = _admin_home(client)
    change_url = reverse("admin:networks_organisation_change", args=[org.pk])
    name = "สถาบันพระปกเกล้า" if lang == "th" else "King Prajadhipok&#x27;s Institute"
    assert f'<a href="{change_url}">{name}</a>' in html


def test_recent_changes_and_view_links_read_in_thai(client, admin_user):
    """A change made on the English admin reads in Thai on the Thai home, field labels of
    both languages included; a list a Publisher may only read says “ดู”, not “ดู:”."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.roles import PUBLISHERS
    from tests.portal.admin_forms import form_data

    publisher = get_user_model().objects.create_user("pub", is_staff=True)
    publisher.groups.add(Group.objects.get(name=PUBLISHERS))
    event = EventFactory(summary_th="สรุปเดิม")
    client.force_login(admin_user)
    client.cookies["phakhi_language"] = "en"
    url = reverse("admin:events_event_change", args=[event.pk])
    response = client.post(url, form_data(client.get(url).content.decode(), summary_th="สรุปใหม่"))
    assert response.status_code == 302
    client.force_login(publisher)
    client.cookies["phakhi_language"] = "th"
    html = _admin_home(client)
    recent = html.split('id="recent-actions-module"', 1)[1].split("</div>", 1)[0]
    assert "Summary [th]" not in recent and "Summary" not in recent
    assert "สรุป [th]" in recent, recent
    assert ">ดู</a>" in html and ">ดู:</a>" not in html
