import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from tests.sitemaps import sitemap_xml

BASE_DIR = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({}, None, "/th/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}, None, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "th-TH,th;q=0.9,en;q=0.5"}, None, "/th/"),
        ({"HTTP_ACCEPT_LANGUAGE": "th"}, "en", "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en"}, "th", "/th/"),
    ],
)
def test_root_redirects_by_cookie_then_accept_language(client, settings, headers, cookie, expected):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_page_answers_in_its_language(client, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize(("lang", "other"), [("th", "en"), ("en", "th")])
def test_switcher_leads_to_the_same_page_with_the_query_kept(client, lang, other):
    response = client.get(f"/{lang}/organisations/?kind=academic&page=2")
    html = response.content.decode()
    assert f'href="/{other}/organisations/?kind=academic&amp;page=2"' in html


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_page_has_hreflang_alternates_and_a_canonical_link(client, lang):
    html = client.get(f"/{lang}/").content.decode()
    assert '<link rel="alternate" hreflang="th" href="http://testserver/th/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/">' in html
    assert f'<link rel="canonical" href="http://testserver/{lang}/">' in html


def test_reading_a_page_remembers_its_language_for_the_root_redirect(client, settings):
    client.get("/en/")
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="th")["Location"] == "/en/"


@pytest.mark.parametrize(("lang", "heading"), [("th", "ไม่พบหน้าที่ต้องการ"), ("en", "Page not found")])
def test_404_page_in_both_languages(client, lang, heading):
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert heading in html
    assert f'<html lang="{lang}">' in html


@pytest.mark.parametrize(("lang", "heading"), [("th", "เกิดข้อผิดพลาด"), ("en", "Server error")])
def test_500_page_in_both_languages(rf, lang, heading):
    from django.utils import translation
    from django.views.defaults import server_error

    with translation.override(lang):
        response = server_error(rf.get(f"/{lang}/"))
    assert response.status_code == 500
    assert heading in response.content.decode()


def test_healthz_answers_200_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\ndatabase: ok\ncache: local\n"


def test_healthz_answers_503_without_the_database(client, monkeypatch):
    from django.db import OperationalError

    def refuse(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503


def _run_settings(env: dict) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env, DJANGO_SETTINGS_MODULE="portal.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_not_debugging():
    result = _run_settings({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
    assert "started" not in result.stdout


def test_starts_with_a_secret_key():
    result = _run_settings({"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


THIRD_PARTY = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!testserver)""")


@pytest.mark.parametrize("path", ["/th/", "/en/", "/admin/login/"])
def test_pages_load_nothing_from_another_host(client, path):
    html = client.get(path).content.decode()
    assert not THIRD_PARTY.search(html), THIRD_PARTY.search(html)


def test_tabbed_translation_admin_uses_our_own_jquery_ui(settings):
    from modeltranslation import admin as mt_admin

    js = [str(path) for path in mt_admin.TabbedTranslationAdmin.Media.js]
    assert "vendor/jquery-ui/jquery-ui.min.js" in js
    assert not any("//" in path for path in js)
    assert (BASE_DIR / "static/vendor/jquery-ui/jquery-ui.min.js").exists()


def test_font_and_its_licence_are_served_from_static(client):
    css = (BASE_DIR / "static/css/fonts.css").read_text()
    assert "sarabun-thai-400-normal.woff2" in css
    for url in ("/th/", "/admin/login/"):
        assert "/static/css/fonts.css" in client.get(url).content.decode(), url
    assert (BASE_DIR / "static/fonts/sarabun-thai-400-normal.woff2").stat().st_size > 1000
    assert "Open Font License" in (BASE_DIR / "static/fonts/OFL-Sarabun.txt").read_text()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgres_test_database_segments_thai_into_trigrams():
    with connection.cursor() as cursor:
        cursor.execute("SELECT show_trgm('ไทย')")
        (trigrams,) = cursor.fetchone()
    assert trigrams, "the database's LC_CTYPE is not UTF-8: Thai search would not work"


@override_settings(DEBUG=False)
def test_junk_query_parameters_never_cause_a_server_error(client):
    """Pages that read their query string, given bytes that are not text or not numbers."""
    paths = [
        "/th/programmes/?page=%00",
        "/en/events/?year=%ff%fe&page=-1",
        "/th/search/?q=%00%ff",
        "/en/publications/?kind[]=x&sort=%00",
        "/th/organisations/?country=%ff&q=%00",
    ]
    for path in paths:
        assert client.get(path).status_code in {200, 400, 404}, path


def test_sitemap_lists_pages_in_both_languages_with_alternates(client):
    xml = sitemap_xml(client)
    assert "<loc>http://testserver/th/</loc>" in xml
    assert "<loc>http://testserver/en/</loc>" in xml
    assert 'hreflang="x-default"' in xml


@pytest.mark.parametrize(
    ("lang", "code", "expected"),
    [("th", "LA", "ลาว"), ("en", "LA", "Laos"), ("th", "KH", "กัมพูชา"), ("en", "VN", "Vietnam")],
)
def test_country_names_follow_the_language_everywhere(lang, code, expected):
    """django-countries itself (admin selects, get_country_display) names countries in Thai."""
    from django.utils import translation
    from django_countries import countries
    from django_countries.fields import Country

    with translation.override(lang):
        assert countries.name(code) == expected
        assert Country(code).name == expected
        assert dict(countries)[code] == expected


def test_favicon_is_served_from_static(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].startswith("/static/favicon")
    assert 'rel="icon"' in client.get("/th/").content.decode()


def test_page_and_site_map_give_the_same_x_default(client):
    """Both point at the unprefixed address, which sends each visitor to their language."""
    xml = sitemap_xml(client)
    assert 'hreflang="x-default" href="http://testserver/programmes/"' in xml
    html = client.get("/en/programmes/?page=1").content.decode()
    assert (
        '<link rel="alternate" hreflang="x-default" href="http://testserver/programmes/">' in html
    )
    assert client.get("/programmes/").status_code == 302


def test_the_site_map_is_an_index_of_sections_none_longer_than_its_limit(client, monkeypatch):
    from django.test.utils import CaptureQueriesContext

    from portal.sitemaps import I18nSitemap
    from tests.networks.factories import OrganisationFactory, bulk_organisations

    def index_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    bulk_organisations(30)
    few = index_queries()
    # 30 organisations in two languages, 20 addresses a page: three pages.
    monkeypatch.setattr(I18nSitemap, "limit", 20)
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index
    pages = re.findall(
        r"<loc>http://testserver(/sitemap-networks-organisation\.xml[^<]*)</loc>", index
    )
    assert len(pages) == 3
    xml = [client.get(page.replace("&amp;", "&")).content.decode() for page in pages]
    assert [page.count("<url>") for page in xml] == [20, 20, 20]
    # Every organisation once in each language, across the pages.
    locations = re.findall(r"<url>\s*<loc>([^<]+)</loc>", "".join(xml))
    assert len(set(locations)) == 60
    assert client.get("/sitemap-networks-organisation.xml?p=4").status_code == 404
    monkeypatch.undo()
    for _ in range(30):
        OrganisationFactory()
    assert index_queries() == few  # one aggregate per section, not a pass over the records
