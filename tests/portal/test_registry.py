"""The apps talk through plain imports along the dependency direction and through portal.registry."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal import registry
from portal.demo import upsert
from programmes.models import Programme
from tests.events.factories import EventFactory
from tests.networks.factories import NetworkFactory, OrganisationFactory
from tests.programmes.factories import GoodPracticeFactory, ProgrammeFactory
from tests.publications.factories import PublicationFactory
from tests.sitemaps import sitemap_xml

ROOT = Path(__file__).resolve().parents[2]
# The dependency order, lowest first: an app may use the ones before it, never those after.
APP_ORDER = ["networks", "programmes", "publications", "events"]


def _python_files(folder: str):
    for path in sorted((ROOT / folder).rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def test_app_code_never_looks_up_apps_or_modules_by_name():
    lookups = re.compile(r"get_model|is_installed|import_module")
    found = []
    for folder in ["portal", *APP_ORDER]:
        for path in _python_files(folder):
            relative = path.relative_to(ROOT).as_posix()
            if relative == "portal/registry.py":
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if lookups.search(line):
                    found.append(f"{relative}:{number}: {line.strip()}")
    assert found == []


def test_no_app_imports_an_app_above_it_and_portal_imports_none():
    found = []
    for position, folder in enumerate(["portal", *APP_ORDER]):
        higher = APP_ORDER[position:]  # portal sits at 0, below every app
        if not higher:
            continue
        pattern = re.compile(rf"^\s*(from|import)\s+({'|'.join(higher)})\b", re.M)
        for path in _python_files(folder):
            for match in pattern.finditer(path.read_text()):
                found.append(f"{path.relative_to(ROOT)}: {match.group(0).strip()}")
    assert found == []


def _tag_libraries() -> dict[str, str]:
    """Each app's template tag library names → the app."""
    return {
        path.stem: app
        for app in APP_ORDER
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def test_no_template_loads_a_tag_library_of_a_higher_app():
    libraries = _tag_libraries()
    assert {"networks_tags", "programmes_tags", "publications_tags", "events_tags"} <= set(
        libraries
    )
    found = []
    for path in sorted((ROOT / "templates").rglob("*.html")):
        folder = path.relative_to(ROOT / "templates").parts[0]
        # Project templates (base, includes, portal, errors) sit below every app.
        level = APP_ORDER.index(folder) if folder in APP_ORDER else -1
        for load in re.findall(r"{%\s*load\s+([^%]+?)\s*%}", path.read_text()):
            for name in load.split():
                app = libraries.get(name)
                if app is not None and APP_ORDER.index(app) > level:
                    found.append(f"{path.relative_to(ROOT)} loads {name}")
    assert found == []


def test_installed_apps_follow_the_dependency_order():
    installed = [app for app in settings.INSTALLED_APPS if app in APP_ORDER]
    assert installed == APP_ORDER


def test_demo_loaders_run_in_dependency_order():
    assert [loader.label for loader in registry.demo_loaders] == APP_ORDER


def test_every_app_registers_its_search_sources_in_the_results_order():
    keys = [source.key for source in registry.search_sources]
    assert keys == [
        "programmes",
        "events",
        "event-series",
        "organisations",
        "networks",
        "good_practices",
        "publications",
    ]
    assert {source.model._meta.app_label for source in registry.search_sources} == set(APP_ORDER)


def test_a_second_registration_under_the_same_key_replaces_the_first(monkeypatch):
    monkeypatch.setattr(registry, "figures", [])
    registry.register_figure(registry.Figure("x", "first", lambda: 1))
    registry.register_figure(registry.Figure("x", "second", lambda: 2))
    assert [figure.label for figure in registry.figures] == ["second"]


# --- site map ----------------------------------------------------------------------------


def _path_without_language(url: str) -> str:
    return re.sub(r"^/(th|en)/", "/", url)


@pytest.mark.django_db
def test_the_sitemap_lists_every_apps_pages_in_both_languages(client):
    records = [
        OrganisationFactory(),
        NetworkFactory(),
        ProgrammeFactory(),
        GoodPracticeFactory(),
        PublicationFactory(),
        EventFactory(),
    ]
    xml = sitemap_xml(client)
    locations = set(re.findall(r"<loc>http://testserver([^<]+)</loc>", xml))
    # Every app has its sitemap; portal adds the year archive of outputs.
    assert {sitemap.__module__.split(".")[0] for sitemap in registry.sitemaps.values()} == {
        "portal",
        *APP_ORDER,
    }
    pages = ["home", *registry.list_pages]
    assert {"programmes:list", "events:list", "publications:list"} <= set(pages)
    for lang in ("th", "en"):
        with translation.override(lang):
            expected = [reverse(name) for name in pages]
            expected += [record.get_absolute_url() for record in records]
            expected.append(reverse("programmes:year", kwargs={"year": 2015}))
            expected.append(reverse("year", kwargs={"year": 2022}))  # the event's year
        for url in expected:
            assert url in locations, url
            other = "en" if lang == "th" else "th"
            assert (
                f'hreflang="{other}" href="http://testserver/{other}{_path_without_language(url)}"'
                in xml
            )


# --- demo upsert -------------------------------------------------------------------------


@pytest.mark.django_db
def test_upsert_creates_then_saves_only_what_changed():
    values = {"title_en": "Demo programme", "countries": ["TH", "KH"], "status": "published"}
    created = upsert(Programme, {"slug": "demo"}, values)
    stamp = created.updated_at

    again = upsert(Programme, {"slug": "demo"}, {**values, "countries": ["KH", "TH"]})
    assert again.pk == created.pk
    assert Programme.objects.get(pk=created.pk).updated_at == stamp

    changed = upsert(Programme, {"slug": "demo"}, {**values, "title_en": "Renamed"})
    assert Programme.objects.get(pk=changed.pk).title_en == "Renamed"
    assert Programme.objects.get(pk=changed.pk).updated_at > stamp
    assert Programme.objects.count() == 1
