"""Roles: what Editors, Publishers and Partner managers may do, through the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import Event
from portal.models import Status
from portal.roles import EDITORS, PARTNER_MANAGERS, PUBLISHERS, ensure_groups
from tests.events.factories import EventFactory
from tests.portal.admin_forms import form_data
from tests.portal.factories import UserFactory
from tests.publications.factories import PartnerAccountFactory, PublicationFactory, with_file

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def member_of(client, group: str | None, lang: str = "th", username: str = "staff"):
    user = UserFactory(username=username, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    client.cookies["phakhi_language"] = lang
    return client


def codes(group: str) -> set[str]:
    return {
        f"{app}.{code}"
        for app, code in Group.objects.get(name=group).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }


def test_the_migrations_make_the_three_groups_with_their_permissions():
    editors, publishers, partners = codes(EDITORS), codes(PUBLISHERS), codes(PARTNER_MANAGERS)
    assert {"events.add_event", "events.change_event", "events.view_event"} <= editors
    assert {"networks.change_organisation", "programmes.change_goodpractice"} <= editors
    assert {"events.delete_session", "publications.change_publication"} <= editors
    assert not any(code.split(".")[1].startswith("publish_") for code in editors)
    assert "events.delete_event" not in editors
    assert editors < publishers
    assert {
        "events.publish_event",
        "networks.publish_organisation",
        "networks.publish_network",
        "programmes.publish_programme",
        "programmes.publish_goodpractice",
        "publications.publish_publication",
    } <= publishers
    assert partners == {
        "publications.add_partneraccount",
        "publications.change_partneraccount",
        "publications.delete_partneraccount",
        "publications.view_partneraccount",
        "publications.view_downloadrecord",
    }


def test_making_the_groups_again_changes_nothing_and_keeps_staff_choices():
    editors = Group.objects.get(name=EDITORS)
    extra = Group.objects.get(name=PARTNER_MANAGERS).permissions.first()
    editors.permissions.add(extra)
    before = codes(EDITORS)
    ensure_groups()
    assert codes(EDITORS) == before
    assert Group.objects.count() == 3


@pytest.mark.parametrize("lang", LANGS)
def test_the_admin_lists_the_groups(admin_client, lang):
    admin_client.cookies["phakhi_language"] = lang
    html = admin_client.get(reverse("admin:auth_group_changelist")).content.decode()
    for name in (EDITORS, PUBLISHERS, PARTNER_MANAGERS):
        assert name in html


# --- Editors ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_an_editor_edits_a_draft_but_cannot_publish_it(client, lang):
    editor = member_of(client, EDITORS, lang)
    event = EventFactory(status=Status.DRAFT, title_en="Draft")
    url = reverse("admin:events_event_change", args=[event.pk])
    html = editor.get(url).content.decode()
    assert 'name="status"' not in html  # read-only for editors

    assert editor.post(url, form_data(html, title_en="Edited draft")).status_code == 302
    event.refresh_from_db()
    assert (event.title_en, event.status) == ("Edited draft", Status.DRAFT)

    # A crafted POST that sets the status is refused.
    crafted = form_data(editor.get(url).content.decode(), status=Status.PUBLISHED)
    assert editor.post(url, crafted).status_code == 403
    crafted["status"] = Status.ARCHIVED
    assert editor.post(url, crafted).status_code == 403
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT

    # No publish action is offered, and a posted one does nothing.
    changelist = reverse("admin:events_event_changelist")
    assert "publish_selected" not in editor.get(changelist).content.decode()
    editor.post(changelist, {"action": "publish_selected", "_selected_action": [event.pk]})
    assert Event.objects.get(pk=event.pk).status == Status.DRAFT


def test_an_editor_creates_drafts_and_only_views_published_records(client):
    editor = member_of(client, EDITORS)
    assert editor.get(reverse("admin:events_event_add")).status_code == 200
    published = EventFactory(status=Status.PUBLISHED, title_en="Live")
    url = reverse("admin:events_event_change", args=[published.pk])
    response = editor.get(url)
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
    assert editor.post(url, {"title_en": "Changed"}).status_code == 403
    assert Event.objects.get(pk=published.pk).title_en == "Live"
    # Editors may not delete records nor manage partner accounts.
    assert editor.get(reverse("admin:events_event_delete", args=[published.pk])).status_code == 403
    assert editor.get(reverse("admin:publications_partneraccount_changelist")).status_code == 403


# --- Publishers ------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_a_publisher_publishes_unpublishes_and_archives(client, lang):
    publisher = member_of(client, PUBLISHERS, lang)
    event = EventFactory(status=Status.DRAFT)
    url = reverse("admin:events_event_change", args=[event.pk])
    html = publisher.get(url).content.decode()
    assert 'name="status"' in html
    assert publisher.post(url, form_data(html, status=Status.PUBLISHED)).status_code == 302
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED and event.published_at is not None

    changelist = reverse("admin:events_event_changelist")
    assert "publish_selected" in publisher.get(changelist).content.decode()
    for action, status in (
        ("unpublish_selected", Status.DRAFT),
        ("archive_selected", Status.ARCHIVED),
        ("publish_selected", Status.PUBLISHED),
    ):
        response = publisher.post(
            changelist, {"action": action, "_selected_action": [event.pk]}, follow=True
        )
        assert response.status_code == 200
        assert Event.objects.get(pk=event.pk).status == status
    assert publisher.get(reverse("admin:publications_partneraccount_changelist")).status_code == 403


# --- Partner managers ------------------------------------------------------------


def test_a_partner_manager_manages_partner_accounts_and_reads_downloads_only(client):
    manager = member_of(client, PARTNER_MANAGERS)
    account = PartnerAccountFactory()
    assert manager.get(reverse("admin:publications_partneraccount_changelist")).status_code == 200
    change = manager.get(reverse("admin:publications_partneraccount_change", args=[account.pk]))
    assert 'name="_save"' in change.content.decode()
    assert manager.get(reverse("admin:publications_downloadrecord_changelist")).status_code == 200
    assert manager.get(reverse("admin:events_event_changelist")).status_code == 403
    assert manager.get(reverse("admin:publications_publication_changelist")).status_code == 403


# --- custom views ----------------------------------------------------------------


def test_previewing_drafts_needs_permission_to_view_them(client):
    draft = EventFactory(status=Status.DRAFT, slug="draft-event")
    url = f"/en/events/{draft.slug}/"
    assert member_of(client, None, username="bare").get(url).status_code == 404
    client.logout()
    assert member_of(client, EDITORS, username="editor").get(url).status_code == 200


def test_partners_only_downloads_for_staff_need_permission_to_view_publications(client):
    from publications.models import Access

    publication = with_file(PublicationFactory(slug="for-partners", access=Access.PARTNERS))
    url = f"/th/publications/{publication.slug}/download/"

    def status(response):
        if response.streaming:
            b"".join(response.streaming_content)  # read to the end, which closes the file
        return response.status_code

    assert status(member_of(client, None, username="bare").get(url)) == 403
    client.logout()
    assert status(member_of(client, EDITORS, username="editor").get(url)) == 200
