"""The generated archive (`manage.py generate_archive`) at a tiny scale on the test database."""

import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, F

from events import archive as events_archive
from events.models import Event, ParticipantGroup, Participation, Role, Session
from networks import archive as networks_archive
from networks.models import Membership, Network, Organisation, Person
from portal import loadtest
from portal.archive import MARK_EN, MARK_TH, PREFIX, scaled
from programmes import archive as programmes_archive
from programmes.models import GoodPractice, Programme
from publications import archive as publications_archive
from publications.models import Language, Publication

pytestmark = pytest.mark.django_db

SCALE = 0.002
APPS = ("networks", "programmes", "publications", "events")


def generate(scale=SCALE, seed=1, **options) -> str:
    out = io.StringIO()
    call_command("generate_archive", scale=scale, seed=seed, stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for label in APPS
        for model in apps.get_app_config(label).get_models()
    }


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # as make run loads it
    call_command("load_demo", stdout=io.StringIO())


def test_counts_follow_the_scale():
    output = generate()
    events = scaled(events_archive.EVENTS, SCALE)
    assert Organisation.objects.count() == scaled(networks_archive.ORGANISATIONS, SCALE) == 10
    assert Person.objects.count() == scaled(networks_archive.PEOPLE, SCALE)
    assert Network.objects.count() == scaled(networks_archive.NETWORKS, SCALE)
    assert Programme.objects.count() == scaled(programmes_archive.PROGRAMMES, SCALE)
    assert GoodPractice.objects.count() == scaled(programmes_archive.GOOD_PRACTICES, SCALE)
    assert Publication.objects.count() == scaled(publications_archive.PUBLICATIONS, SCALE) == 40
    assert Event.objects.count() == events == 20
    assert Session.objects.count() == 3 * events
    assert Role.objects.count() == 4 * events
    assert ParticipantGroup.objects.count() == 4 * events
    assert Participation.objects.count() == events_archive.ATTENDANCE_PER_EVENT * events == 600
    assert Membership.objects.exists()
    # Organisations belong to others, up to three levels deep.
    assert Organisation.objects.filter(parent__isnull=True).exists()
    assert Organisation.objects.filter(parent__parent__isnull=False).exists()
    # Attendance records point at a group of their own event.
    assert not Participation.objects.exclude(group__event=F("event")).exists()
    assert "600 attendance records" in output


def test_one_tenth_is_a_tenth_of_scale_one():
    assert scaled(events_archive.EVENTS, 0.1) == 1000
    assert scaled(events_archive.EVENTS, 1) == 10000
    assert scaled(publications_archive.PUBLICATIONS, 1) == 20000
    assert scaled(networks_archive.ORGANISATIONS, 1) == 5000
    assert scaled(events_archive.EVENTS, 1) * events_archive.ATTENDANCE_PER_EVENT == 300000


def test_every_record_is_marked_as_generated():
    generate()
    for model in (Organisation, Network, Person, Programme, GoodPractice, Publication, Event):
        slugs = list(model.objects.values_list("slug", flat=True))
        assert slugs and all(slug.startswith(PREFIX) for slug in slugs), model
    for model, field in (
        (Organisation, "name"),
        (Network, "name"),
        (Programme, "title"),
        (GoodPractice, "title"),
        (Publication, "title"),
        (Event, "title"),
    ):
        for th, en in model.objects.values_list(f"{field}_th", f"{field}_en"):
            assert th.endswith(MARK_TH) and en.endswith(MARK_EN), (model, th, en)
    # Thai text runs words together, as Thai does; the English is English.
    event = Event.objects.first()
    assert "ครั้งที่" in event.title_th and "no." in event.title_en
    # Most records are published, some are drafts.
    published = Publication.objects.filter(status="published").count()
    assert published > Publication.objects.count() / 2
    drafts = sum(
        model.objects.filter(status="draft").count()
        for model in (Organisation, Network, GoodPractice, Publication, Event)
    )
    assert drafts > 0
    # No file is needed: generated publications carry none.
    assert not Publication.objects.exclude(file="").exists()


def snapshot(seed: int) -> dict:
    """Generate in a transaction of its own, read the slugs and titles, roll it back."""
    with transaction.atomic():
        generate(seed=seed)
        rows = {
            model._meta.label: list(
                model.objects.order_by("slug").values_list("slug", f"{field}_th", f"{field}_en")
            )
            for model, field in (
                (Organisation, "name"),
                (Network, "name"),
                (Programme, "title"),
                (Publication, "title"),
                (Event, "title"),
            )
        }
        rows["parents"] = list(
            Organisation.objects.order_by("slug").values_list("slug", "parent__slug")
        )
        rows["organisers"] = list(
            Event.objects.order_by("slug").values_list("slug", "organisers__slug")
        )
        transaction.set_rollback(True)
    assert not Event.objects.exists()
    return rows


def test_the_same_seed_gives_the_same_archive_and_another_seed_another():
    first, again, other = snapshot(1), snapshot(1), snapshot(2)
    assert first == again
    assert first["networks.Organisation"] and first != other


def test_thai_and_english_search_find_generated_records(client):
    generate()
    for path in ("/th/search/?q=ธรรมาภิบาล", "/en/search/?q=governance"):
        response = client.get(path)
        assert response.status_code == 200
        assert f"/{path[1:3]}/events/{PREFIX}event-" in response.content.decode()


def test_refuses_a_database_with_other_records_unless_forced(demo):
    with pytest.raises(CommandError, match="--force"):
        generate()
    assert not Event.objects.filter(slug__startswith=PREFIX).exists()
    generate(force=True)
    assert Event.objects.filter(slug__startswith=PREFIX).exists()


def test_refuses_to_generate_twice():
    generate()
    with pytest.raises(CommandError, match="--remove"):
        generate()


def test_remove_deletes_exactly_the_generated_rows_and_keeps_the_demo(demo):
    before = counts()
    demo_events = set(Event.objects.values_list("slug", flat=True))
    generate(force=True)
    assert counts()["events.Participation"] > before["events.Participation"]
    call_command("generate_archive", remove=True, stdout=io.StringIO())
    assert counts() == before
    assert set(Event.objects.values_list("slug", flat=True)) == demo_events
    assert Language.objects.filter(code="th").exists()  # the demo's language stays


def test_remove_on_a_generated_only_database_leaves_it_empty():
    generate()
    call_command("generate_archive", remove=True, stdout=io.StringIO())
    assert not any(counts().values()), {k: v for k, v in counts().items() if v}


def test_the_benchmark_picks_its_pages_from_the_archive():
    generate()
    pages = {page.key: page for page in loadtest.pages_to_measure()}
    organisations = Organisation.objects.published().annotate(n=Count("event_roles"))
    busiest = sorted(organisations, key=lambda o: (-o.n, o.slug))[0]
    assert pages["organisation-many"].path == f"/th/organisations/{busiest.slug}/"
    assert pages["event"].path.startswith(f"/th/events/{PREFIX}event-")
    assert Event.objects.published().filter(slug=pages["event"].path.split("/")[3]).exists()
    assert pages["admin-events"].staff and not pages["home"].staff
    for key in ("library", "library-filter", "events-200", "events-en", "search", "calendar"):
        assert key in pages
    orders = [page.order for page in loadtest.pages_to_measure()]
    assert orders == sorted(orders)
    assert {p.key for p in loadtest.pages_to_measure("/events/")} >= {"events", "event"}
