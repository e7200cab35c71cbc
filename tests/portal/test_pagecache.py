"""The page cache for anonymous visitors, and compression of pages that carry no secret."""

import gzip
import os
import uuid
from html.parser import HTMLParser

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from networks.models import Organisation
from portal import pagecache
from portal.models import Status
from tests.networks.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/3")


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.PHAKHI_PAGE_CACHE_SECONDS = 300
    settings.PHAKHI_FRAGMENT_CACHE_SECONDS = 300


def get(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, headers=headers)
    response.queries = len(queries)
    return response


def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(client):
    OrganisationFactory(slug="tei", name_en="Thailand Environment Institute")
    first = get(client, "/en/organisations/tei/")
    second = get(client, "/en/organisations/tei/")
    assert first["X-Page-Cache"] == "miss" and first.queries > 0
    assert second["X-Page-Cache"] == "hit" and second.queries == 0
    assert second.content == first.content
    assert "Thailand Environment Institute" in second.content.decode()
    assert second["Content-Type"].startswith("text/html")
    assert second["Content-Language"] == "en"


def test_pages_are_kept_apart_by_language_and_query_string(client):
    OrganisationFactory(
        slug="tei", name_th="สถาบันสิ่งแวดล้อมไทย", name_en="Thailand Environment Institute"
    )
    thai = get(client, "/th/organisations/tei/")
    english = get(client, "/en/organisations/tei/")
    assert english["X-Page-Cache"] == "miss"
    assert "สถาบันสิ่งแวดล้อมไทย" in thai.content.decode()
    assert '<html lang="en">' in english.content.decode()
    get(client, "/en/organisations/")
    filtered = get(client, "/en/organisations/?q=Thailand")
    assert filtered["X-Page-Cache"] == "miss"


def test_a_record_saved_is_visible_on_the_next_request(client):
    organisation = OrganisationFactory(slug="tei", name_en="Old name")
    get(client, "/en/organisations/tei/")
    organisation.name_en = "New name"
    organisation.save()
    response = get(client, "/en/organisations/tei/")
    assert response["X-Page-Cache"] == "miss"
    assert "New name" in response.content.decode()


def test_unpublishing_removes_the_record_from_cached_lists_at_once(client):
    organisation = OrganisationFactory(slug="tei", name_en="Thailand Environment Institute")
    assert "Thailand Environment Institute" in get(client, "/en/organisations/").content.decode()
    organisation.status = Status.DRAFT
    organisation.save()
    assert (
        "Thailand Environment Institute" not in get(client, "/en/organisations/").content.decode()
    )
    assert client.get("/en/organisations/tei/").status_code == 404


class _FormReader(HTMLParser):
    """The fields of the admin's change form, as a browser would submit them unchanged."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")
        elif tag == "select" and name:
            self._select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


@pytest.mark.django_db(transaction=True)
def test_an_admin_edit_is_visible_to_the_public_on_the_next_request(client, admin_user):
    organisation = OrganisationFactory(slug="tei", name_en="Old name", name_th="ชื่อเดิม")
    assert "Old name" in get(client, "/en/organisations/tei/").content.decode()
    assert get(client, "/en/organisations/tei/")["X-Page-Cache"] == "hit"

    staff = Client()
    staff.force_login(admin_user)
    change = reverse("admin:networks_organisation_change", args=[organisation.pk])
    form = _FormReader()
    form.feed(staff.get(change).content.decode())
    form.data.update({"name_en": "New name", "confirm_not_duplicate": "on"})
    response = staff.post(change, form.data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Organisation.objects.get(pk=organisation.pk).name_en == "New name"

    response = get(client, "/en/organisations/tei/")
    assert response["X-Page-Cache"] == "miss"
    assert "New name" in response.content.decode()
    assert "Old name" not in response.content.decode()


def test_signed_in_visitors_neither_read_nor_fill_the_cache(client, admin_user):
    OrganisationFactory(slug="tei", name_en="Thailand Environment Institute")
    staff = Client()
    staff.force_login(admin_user)
    assert "X-Page-Cache" not in staff.get("/en/organisations/tei/")
    assert get(client, "/en/organisations/tei/")["X-Page-Cache"] == "miss"
    assert "X-Page-Cache" not in staff.get("/en/organisations/tei/")


def test_a_page_with_a_csrf_token_is_never_cached(client):
    first = client.get("/en/accounts/sign-in/")
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    second = client.get("/en/accounts/sign-in/")
    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert 'name="csrfmiddlewaretoken"' in second.content.decode()


def test_a_visitor_with_the_page_gets_304(client):
    OrganisationFactory(slug="tei")
    first = get(client, "/en/organisations/tei/")
    assert first["ETag"] and first["Last-Modified"]
    assert "must-revalidate" in first["Cache-Control"]
    again = client.get("/en/organisations/tei/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    since = client.get(
        "/en/organisations/tei/", headers={"if-modified-since": first["Last-Modified"]}
    )
    assert since.status_code == 304


def test_long_junk_query_strings_are_not_stored(client):
    OrganisationFactory(slug="tei")
    path = "/en/organisations/?q=" + "x" * (pagecache.MAX_QUERY_LENGTH + 1)
    assert get(client, path).status_code == 200
    assert "X-Page-Cache" not in get(client, path)


# --- two instances sharing one Redis ----------------------------------------------------


def _redis_available() -> bool:
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False
    return True


@pytest.fixture
def two_instances(settings):
    """Two cache connections to one Redis, as two app processes have."""
    if not _redis_available():
        if os.environ.get("CI"):
            pytest.fail(f"Redis at {REDIS_URL} is not reachable in CI")
        pytest.skip("no Redis server at " + REDIS_URL)
    prefix = f"phakhi-test-{uuid.uuid4().hex}"
    backend = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": prefix,
    }
    settings.CACHES = {**settings.CACHES, "instance_a": backend, "instance_b": dict(backend)}
    yield
    caches["instance_a"].clear()
    caches["instance_b"].close()
    caches["instance_a"].close()


def test_an_edit_through_one_instance_is_seen_through_the_other(client, settings, two_instances):
    organisation = OrganisationFactory(slug="tei", name_en="Old name")
    settings.PHAKHI_PAGE_CACHE_ALIAS = "instance_a"
    assert get(client, "/en/organisations/tei/")["X-Page-Cache"] == "miss"
    settings.PHAKHI_PAGE_CACHE_ALIAS = "instance_b"
    shared = get(client, "/en/organisations/tei/")
    assert shared["X-Page-Cache"] == "hit" and shared.queries == 0  # filled by instance A

    organisation.name_en = "New name"
    organisation.save()  # the edit happens in instance B's process
    settings.PHAKHI_PAGE_CACHE_ALIAS = "instance_a"
    response = get(client, "/en/organisations/tei/")
    assert response["X-Page-Cache"] == "miss"
    assert "New name" in response.content.decode()


# --- compression --------------------------------------------------------------------------


def test_public_pages_are_compressed(client):
    OrganisationFactory(slug="tei", name_en="Thailand Environment Institute")
    response = client.get("/en/organisations/tei/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Thailand Environment Institute" in gzip.decompress(response.content).decode()
    cached = client.get("/en/organisations/tei/", headers={"accept-encoding": "gzip"})
    assert cached["X-Page-Cache"] == "hit" and cached["Content-Encoding"] == "gzip"


def test_pages_with_a_csrf_token_or_a_session_are_not_compressed(client, admin_user):
    OrganisationFactory(slug="tei")
    sign_in = client.get("/en/accounts/sign-in/", headers={"accept-encoding": "gzip"})
    assert 'name="csrfmiddlewaretoken"' in sign_in.content.decode()
    assert not sign_in.has_header("Content-Encoding")
    staff = Client()
    staff.force_login(admin_user)
    page = staff.get("/en/organisations/tei/", headers={"accept-encoding": "gzip"})
    assert page.status_code == 200 and not page.has_header("Content-Encoding")


# --- fragments ----------------------------------------------------------------------------


def _figures(html: str) -> dict:
    import re

    section = re.search(r'<section class="figures".*?</section>', html, re.S).group(0)
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", section))


def test_figures_and_filter_choices_are_computed_once_per_change_even_for_signed_in_staff(
    admin_user,
):
    staff = Client()
    staff.force_login(admin_user)
    OrganisationFactory()
    first = get(staff, "/en/")
    again = get(staff, "/en/")
    assert "X-Page-Cache" not in again  # the page itself is never cached for staff
    assert again.queries < first.queries
    assert _figures(again.content.decode())["organisations"] == "1"
    OrganisationFactory()
    changed = get(staff, "/en/")
    assert changed.queries == first.queries
    assert _figures(changed.content.decode())["organisations"] == "2"

    directory = get(staff, "/en/organisations/")
    assert get(staff, "/en/organisations/").queries < directory.queries
