"""No lost edits: two staff open the same event, both save; the second is refused."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from events.models import Event
from tests.events.factories import EventFactory
from tests.portal.admin_forms import form_data

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]

REFUSAL = {
    "th": "มีผู้อื่นบันทึกระเบียนนี้หลังจากที่ท่านเปิด",
    "en": "Someone else saved this record after you opened it",
}


def staff(client, username: str, lang: str, **names):
    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "pw")
    for key, value in names.items():
        setattr(user, key, value)
    user.save()
    client.force_login(user)
    client.cookies["phakhi_language"] = lang
    return client


@pytest.mark.parametrize("lang", LANGS)
def test_a_stale_save_is_refused_with_what_changed_and_neither_edit_is_lost(
    client, django_user_model, lang
):
    from django.test import Client

    event = EventFactory(title_th="งานเดิม", title_en="Old title", venue_name_en="Hall A")
    url = reverse("admin:events_event_change", args=[event.pk])
    first = staff(client, "somchai", lang, first_name="Somchai", last_name="Dee")
    second = staff(Client(), "malee", lang)

    # Both open the form.
    first_form = first.get(url).content.decode()
    second_form = second.get(url).content.decode()

    # The first saves a new English title.
    response = first.post(url, form_data(first_form, title_en="First's title"))
    assert response.status_code == 302
    assert Event.objects.get(pk=event.pk).title_en == "First's title"

    # The second, from the form opened before, changes the venue: refused.
    response = second.post(url, form_data(second_form, venue_name_en="Hall B"))
    assert response.status_code == 200
    html = response.content.decode()
    assert REFUSAL[lang] in html
    # What changed since, field by field, and who changed it.
    assert "Old title → First&#x27;s title" in html or "Old title → First's title" in html
    assert "Somchai Dee" in html
    # The first's change stands, the second's is not saved, and its typed value is kept.
    event.refresh_from_db()
    assert event.title_en == "First's title" and event.venue_name_en == "Hall A"
    assert 'value="Hall B"' in html

    # After reloading, the second saves; both edits are there.
    response = second.post(url, form_data(second.get(url).content.decode(), venue_name_en="Hall B"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.venue_name_en) == ("First's title", "Hall B")


def test_saving_the_same_form_twice_is_refused_the_second_time(admin_client):
    event = EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    data = form_data(admin_client.get(url).content.decode(), title_en="Once")
    assert admin_client.post(url, data).status_code == 302
    assert admin_client.post(url, {**data, "title_en": "Twice"}).status_code == 200
    assert Event.objects.get(pk=event.pk).title_en == "Once"


def test_every_save_raises_the_version():
    event = EventFactory()
    before = event.version
    event.save()
    event.refresh_from_db()
    assert event.version == before + 1


@pytest.mark.parametrize(
    "factory_path",
    [
        "tests.networks.factories.OrganisationFactory",
        "tests.networks.factories.NetworkFactory",
        "tests.networks.factories.PersonFactory",
        "tests.programmes.factories.ProgrammeFactory",
        "tests.programmes.factories.GoodPracticeFactory",
        "tests.publications.factories.PublicationFactory",
        "tests.events.factories.EventFactory",
    ],
)
def test_every_content_admin_form_carries_the_version_it_was_opened_on(admin_client, factory_path):
    import importlib

    module, name = factory_path.rsplit(".", 1)
    obj = getattr(importlib.import_module(module), name)()
    admin_client.cookies["phakhi_language"] = "th"
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    html = admin_client.get(url).content.decode()
    assert f'name="lock_version" value="{obj.version}"' in html
    data = form_data(html)
    obj.save()  # someone else saves meanwhile
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert REFUSAL["th"] in response.content.decode()
