"""`make load`'s pieces that run in-process: the addresses it loads, the admin edit it
makes through a scraped change form, its wrk script and report."""

import pytest
from django.urls import reverse

from portal.loadtest import WrkResult
from portal.management.commands.load import (
    ChangeForm,
    editable_model,
    format_report,
    lua_script,
    site_paths,
)
from tests.sitemaps import sitemap_paths


def test_the_addresses_are_the_site_map_in_both_languages_and_the_public_downloads(
    demo_site, db, settings
):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "testserver"]  # as the load run's instances
    paths = site_paths()
    assert "/th/" in paths and "/en/" in paths
    assert any(p.startswith("/th/events/") and p != "/th/events/" for p in paths)
    downloads = [p for p in paths if p.endswith("/download/")]
    assert downloads
    from django.test import Client

    client = Client()
    # The site map's own pages answer 200 (tests/test_demo_site.py fetches each); the rest
    # are its language-neutral alternates, which redirect by language, and the downloads.
    listed = sitemap_paths(client)
    assert listed <= set(paths)
    for path in paths:
        if path in listed:
            continue
        response = client.get(path)
        assert response.status_code in (200, 302), path  # "/…" redirects by language
        if response.streaming:
            assert b"".join(response.streaming_content), path


def test_the_scraped_admin_form_saves_an_edit_that_the_public_page_shows(
    demo_site, db, admin_client
):
    model, field = editable_model()
    record = model.objects.published().order_by("pk").first()
    change = reverse(
        f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[record.pk]
    )
    form = ChangeForm.read(admin_client.get(change).content.decode())
    assert form.value("csrfmiddlewaretoken")
    form.set(field, f"{form.value(field)} edited-by-the-load-test")
    data = {}
    for name, value in form.pairs():
        data.setdefault(name, []).append(value)
    response = admin_client.post(change, {**data, "_save": "Save"})
    assert response.status_code == 302, response.context["adminform"].form.errors
    record.refresh_from_db()
    assert getattr(record, field).endswith("edited-by-the-load-test")
    admin_client.logout()
    from django.utils import translation

    with translation.override("en"):
        page = admin_client.get(record.get_absolute_url())
    assert "edited-by-the-load-test" in page.content.decode()


def test_the_wrk_script_walks_every_address():
    script = lua_script(["/th/", '/en/search/?q="x"'])
    assert '"/th/"' in script and '\\"x\\"' in script
    assert "wrk.format" in script


@pytest.mark.parametrize("errors,seen,word", [(0, True, "yes"), (3, False, "NO")])
def test_the_report_gives_errors_and_p99(errors, seen, word):
    result = WrkResult(requests=100, seconds=60, rps=1.7, p50_ms=10, p99_ms=250, errors=errors)
    text = format_report({"A": result, "B": result}, 60, 64, seen)
    assert f"errors: {2 * errors}" in text
    assert "p99: 250.0 ms" in text
    assert f"next request: {word}" in text
