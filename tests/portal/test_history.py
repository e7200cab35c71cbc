"""History and restore: every admin save kept with who, when and what changed."""

import datetime

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from events.models import Event, Session
from networks.models import Network, Organisation, Person
from programmes.models import GoodPractice, Programme
from publications.models import Publication
from tests.events.factories import AwardFactory, EventFactory, SessionFactory
from tests.portal.admin_forms import form_data

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]

WORDS = {
    "th": {
        "title": "(อังกฤษ)",
        "changed": "แก้ไข",
        "restore": "นำฉบับนี้กลับมาใช้",
        "restored": "นำฉบับวันที่",
    },
    "en": {
        "title": "(English)",
        "changed": "Changed",
        "restore": "Restore this version",
        "restored": "Restored the version of",
    },
}


@pytest.fixture
def somchai(client):
    def make(lang):
        user = get_user_model().objects.create_superuser(
            "somchai", "s@example.org", "pw", first_name="Somchai", last_name="Dee"
        )
        client.force_login(user)
        client.cookies["phakhi_language"] = lang
        return client

    return make


def save(client, event, **changes):
    url = reverse("admin:events_event_change", args=[event.pk])
    response = client.post(url, form_data(client.get(url).content.decode(), **changes))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_every_content_record_is_versioned_with_its_inlines():
    for model in (Organisation, Network, Person, Programme, GoodPractice, Publication, Event):
        assert reversion.is_registered(model), model
    assert reversion.is_registered(Session)
    from reversion.revisions import _get_options

    assert "sessions" in _get_options(Event).follow


@pytest.mark.parametrize("lang", LANGS)
def test_the_history_shows_who_when_and_each_field_changed_in_the_staff_language(somchai, lang):
    client = somchai(lang)
    event = EventFactory(title_en="First title")
    session = SessionFactory(event=event, title_en="Opening")
    save(client, event)
    save(client, event, title_en="Second title", **{"sessions-0-title_en": "Welcome"})
    assert Session.objects.get(pk=session.pk).title_en == "Welcome"

    html = client.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()
    words = WORDS[lang]
    assert "Somchai Dee" in html
    assert f"{words['title']}: First title → Second title" in html
    assert "Opening → Welcome" in html
    assert words["changed"] in html and words["restore"] in html
    year = timezone.localdate().year
    table = html.split('id="change-history"')[1].split("</table>")[0]
    if lang == "th":
        assert str(year + 543) in table and str(year) not in table
    else:
        assert str(year) in table and str(year + 543) not in table


def test_an_awards_category_is_named_as_the_kind_of_award_in_the_thai_history(somchai):
    """The award's "category" is the kind of award (ประเภทรางวัล), not the participant
    category that shares the English word (ประเภทผู้เข้าร่วม), wherever the field is named."""
    client = somchai("th")
    event = EventFactory()
    AwardFactory(event=event, category_th="ระดับดีเด่น")
    save(client, event)
    save(client, event, **{"awards-0-category_th": "ระดับดีมาก"})

    html = client.get(reverse("admin:events_event_history", args=[event.pk])).content.decode()
    assert "ระดับดีเด่น → ระดับดีมาก" in html
    line = next(part for part in html.split("<li") if "ระดับดีเด่น → ระดับดีมาก" in part)
    assert "ประเภทรางวัล" in line and "ประเภทผู้เข้าร่วม" not in line


@pytest.mark.parametrize("lang", LANGS)
def test_an_earlier_version_is_restored_after_confirmation_and_the_restore_is_recorded(
    somchai, lang
):
    client = somchai(lang)
    event = EventFactory(title_en="Original", venue_name_en="Hall A")
    save(client, event)
    save(client, event, title_en="Mistake", venue_name_en="Hall B")
    versions = list(reversion.models.Version.objects.get_for_object(event).order_by("pk"))
    # The state before the first admin save, then the two saves.
    assert len(versions) == 3
    first = versions[0]

    url = reverse("admin:events_event_revision", args=[event.pk, first.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    # The confirmation: the old version in the form, nothing changed yet.
    assert 'value="Original"' in html
    assert Event.objects.get(pk=event.pk).title_en == "Mistake"

    assert client.post(url, form_data(html)).status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.venue_name_en) == ("Original", "Hall A")
    # The restore is itself in the history, and the lock moved past every earlier save.
    assert reversion.models.Version.objects.get_for_object(event).count() == 4
    newest = reversion.models.Version.objects.get_for_object(event).first()
    assert newest.field_dict["version"] == event.version
    assert event.version > max(v.field_dict["version"] for v in versions)
    history = client.get(reverse("admin:events_event_history", args=[event.pk]))
    text = history.content.decode()
    assert WORDS[lang]["restored"] in text
    assert f"{WORDS[lang]['title']}: Mistake → Original" in text
    # And the restored record saves normally afterwards.
    save(client, event, title_en="After restore")


def test_restoring_an_event_restores_its_sessions(somchai):
    client = somchai("en")
    event = EventFactory()
    session = SessionFactory(event=event, title_en="Kept")
    save(client, event)
    first = reversion.models.Version.objects.get_for_object(event).first()
    save(client, event, **{"sessions-0-DELETE": "on"})
    assert not Session.objects.filter(pk=session.pk).exists()
    url = reverse("admin:events_event_revision", args=[event.pk, first.pk])
    assert client.post(url, form_data(client.get(url).content.decode())).status_code == 302
    assert Session.objects.get(pk=session.pk).title_en == "Kept"


def test_history_dates_of_a_known_moment_are_in_the_buddhist_era(somchai):
    from django.utils import translation

    from portal.history import format_when

    moment = timezone.make_aware(datetime.datetime(2024, 7, 20, 17, 0))
    with translation.override("th"):
        assert format_when(moment) == "20 กรกฎาคม 2567 17:00 น."
    with translation.override("en"):
        assert format_when(moment) == "20 July 2024 17:00"
