"""Security headers on every kind of response, and the flags of every cookie the site sets.

The suite runs with production settings (no DEBUG), over HTTPS as a proxy would forward it.
"""

import pytest
from django.contrib.auth import get_user_model

from tests.publications.test_downloads import fetch

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]

PUBLIC_PAGES = [
    "/{lang}/",
    "/{lang}/events/",
    "/{lang}/events/sddc-allied-networks-forum-2022/",
    "/{lang}/programmes/",
    "/{lang}/programmes/delgosea/",
    "/{lang}/good-practices/",
    "/{lang}/organisations/",
    "/{lang}/organisations/tei/",
    "/{lang}/networks/mekong-cso-partnership/",
    "/{lang}/publications/",
    "/{lang}/publications/delgosea-trainers-manual-16-good-practices/",
    "/{lang}/search/?q=delgosea",
    "/{lang}/accounts/sign-in/",
    "/{lang}/no-such-page/",  # the 404 page
]
OTHER_RESPONSES = [
    "/{lang}/publications/delgosea-trainers-manual-16-good-practices/download/",
    "/{lang}/publications/delgosea-trainers-manual-16-good-practices/cite.ris",
    "/robots.txt",
    "/sitemap.xml",
    "/healthz",
    "/",  # a redirect
]
ADMIN_PAGES = [
    "/admin/",
    "/admin/events/event/",
    "/admin/events/event/add/",
    "/admin/networks/organisation/add/",
    "/admin/programmes/programme/add/",
    "/admin/publications/publication/add/",
]


@pytest.fixture
def demo(demo_site):
    """The demo site, loaded once for this module (tests/conftest.py)."""


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("headers-staff", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def assert_security_headers(response, path):
    csp = response.headers.get("Content-Security-Policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()}
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp, path
    assert directives.get("default-src") == ["'self'"], path
    assert directives.get("script-src") == ["'self'"], path
    assert directives.get("style-src") == ["'self'"], path
    assert directives.get("object-src") == ["'none'"], path
    assert directives.get("base-uri") == ["'none'"], path
    assert directives.get("frame-ancestors") == ["'none'"], path
    policy = response.headers.get("Permissions-Policy", "")
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy, path
    assert response.headers.get("Cross-Origin-Opener-Policy") == "same-origin", path
    assert response.headers.get("Cross-Origin-Resource-Policy") == "same-origin", path
    assert response.headers.get("X-Frame-Options") == "DENY", path
    assert response.headers.get("X-Content-Type-Options") == "nosniff", path
    assert response.headers.get("Referrer-Policy") == "same-origin", path
    assert "max-age=31536000" in response.headers.get("Strict-Transport-Security", ""), path


def assert_cookie_flags(response, path):
    for name, morsel in response.cookies.items():
        assert morsel["secure"] is True, (path, name)
        assert morsel["httponly"] is True, (path, name)
        assert morsel["samesite"] == "Lax", (path, name)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("template", PUBLIC_PAGES + OTHER_RESPONSES)
def test_public_responses_carry_every_security_header(client, demo, lang, template):
    path = template.format(lang=lang)
    response = fetch(client, path, secure=True)
    assert response.status_code in {200, 302, 404}, path
    assert_security_headers(response, path)
    assert_cookie_flags(response, path)


def test_the_download_is_a_file_with_the_headers(client, demo):
    path = "/en/publications/delgosea-trainers-manual-16-good-practices/download/"
    response = fetch(client, path, secure=True)
    assert response.status_code == 200
    assert response.body.startswith(b"%PDF")
    assert response.headers["Content-Type"] == "application/pdf"
    assert_security_headers(response, path)


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_admin_pages_carry_every_security_header(staff, demo, path):
    response = staff.get(path, secure=True)
    assert response.status_code == 200, path
    assert_security_headers(response, path)
    assert_cookie_flags(response, path)


def test_the_400_page_for_a_foreign_host_carries_the_headers(client, demo):
    response = client.get("/en/", secure=True, headers={"host": "evil.example"})
    assert response.status_code == 400
    assert_security_headers(response, "/en/ (foreign host)")


def test_every_cookie_the_site_sets_is_secure_httponly_and_same_site(client, demo):
    """The language cookie (any public page), the CSRF cookie (a form) and the session
    cookie (signing in) are the site's cookies: each one Secure, HttpOnly and SameSite."""
    seen = {}
    for path, data in [
        ("/en/", None),
        ("/admin/login/", None),
        ("/en/accounts/sign-in/", None),
        (
            "/en/accounts/sign-in/",
            {"username": "partner", "password": "phakhi-demo-partner"},
        ),
    ]:
        response = client.post(path, data, secure=True) if data else client.get(path, secure=True)
        assert response.status_code in {200, 302}, path
        assert_cookie_flags(response, path)
        seen.update(response.cookies)
    assert {"phakhi_language", "csrftoken", "sessionid"} <= set(seen)


def test_the_admin_has_no_inline_style_or_script_left(staff, demo):
    """The policy forbids inline styles and scripts, so none may be left in the pages."""
    for path in [*ADMIN_PAGES, "/admin/events/event/"]:
        html = staff.get(path, secure=True).content.decode()
        assert "<style" not in html, path
        assert ' style="' not in html, path
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            # Either a file, or JSON data the browser does not run.
            assert "src=" in opening or 'type="application/' in opening, (path, opening)


def test_an_admin_change_form_carries_every_security_header(staff, demo):
    from events.models import Event

    event = Event.objects.get(slug="sddc-allied-networks-forum-2022")
    for path in (
        f"/admin/events/event/{event.pk}/change/",
        f"/admin/events/event/{event.pk}/history/",
    ):
        response = staff.get(path, secure=True)
        assert response.status_code == 200, path
        assert_security_headers(response, path)
        html = response.content.decode()
        assert "<style" not in html and ' style="' not in html, path
