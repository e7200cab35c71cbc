"""Editors and Publishers can edit every part of the records they edit: each inline of
their admins and the records those forms let them add (an event's series). Without it the
admin hides the inline, and a fact has no home for them (issue 12, points 2 and 5)."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from portal.roles import EDITORS, PUBLISHERS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
def test_every_inline_of_an_admin_a_group_edits_is_editable_by_it(group):
    user = get_user_model().objects.create_user("staff", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    missing = []
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        if not user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            continue
        for inline in model_admin.inlines:
            inline_opts = inline.model._meta
            for action in ("add", "change", "delete", "view"):
                if not user.has_perm(f"{inline_opts.app_label}.{action}_{inline_opts.model_name}"):
                    missing.append(f"{action} {inline_opts.label} (in {opts.label})")
    assert missing == []


@pytest.mark.parametrize("group", [EDITORS, PUBLISHERS])
def test_an_editor_sees_awards_sources_and_cases_on_the_event_form_and_may_add_a_series(
    client, group
):
    user = get_user_model().objects.create_user("staff", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    page = client.get(reverse("admin:events_event_add")).content.decode()
    for prefix in ("awards", "good_practice_links", "sources"):
        assert f'id="{prefix}-group"' in page, prefix
    assert 'id="add_id_series"' in page
    assert client.get(reverse("admin:events_eventseries_add")).status_code == 200
