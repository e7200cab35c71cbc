"""A record written in one language only, on every kind of public page in the other one.

Its text falls back, marked with `lang` and a visible note in the page's body, and
stays plain text where markup is not allowed: inside <title>, in attribute values
(alt, content, aria-*) and in JSON-LD.
"""

import json
import re
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from events.models import Event, Photo, RoleKind
from networks.models import Network, Organisation
from programmes.models import GoodPractice, GoodPracticeImage, Programme
from publications.models import Publication
from tests.events.factories import EventFactory, EventOrganiserFactory, RoleFactory
from tests.networks.factories import (
    MembershipFactory,
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
)
from tests.programmes.factories import GoodPracticeFactory, ProgrammeFactory
from tests.publications.factories import PublicationFactory, image_bytes

pytestmark = pytest.mark.django_db

# (page language, the one language the records are written in)
DIRECTIONS = [
    pytest.param("en", "th", id="thai-only-on-english-pages"),
    pytest.param("th", "en", id="english-only-on-thai-pages"),
]
# The visible note after fallback text, in the page's language.
NOTE = {("en", "th"): "(in Thai)", ("th", "en"): "(ภาษาอังกฤษ)"}
# A word every record's text carries, so one search finds them all.
MARKER = {"th": "ภาคีเดียวภาษา", "en": "Monolingua"}

ATTRIBUTE_NAME = re.compile(r"^[a-z_:][a-z0-9_.:-]*$")


class MarkupChecker(HTMLParser):
    """Collects what would break a page: tags inside <title>, markup inside attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.in_title = False
        self.json_ld: list[str] = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        if self.in_title:
            self.problems.append(f"<{tag}> inside <title>")
        for name, value in attrs:
            if not ATTRIBUTE_NAME.match(name):
                self.problems.append(f"malformed attribute name {name!r} on <{tag}>")
            if value and "<" in value:
                self.problems.append(f"markup in {tag}[{name}]: {value!r}")
        if tag == "title":
            self.in_title = True
        self._in_json_ld = tag == "script" and ("type", "application/ld+json") in attrs

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "title":
            self.in_title = False

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(data)


def markup_problems(html: str) -> list[str]:
    checker = MarkupChecker()
    checker.feed(html)
    checker.close()
    problems = list(checker.problems)
    # Whatever a parser does with <title> (RCDATA in HTML5), its raw text has no markup.
    for title in re.findall(r"<title[^>]*>(.*?)</title>", html, re.S):
        if "<" in title:
            problems.append(f"markup in <title>: {title!r}")
    for payload in checker.json_ld:
        for value in _strings(json.loads(payload)):
            if "<" in value:
                problems.append(f"markup in JSON-LD: {value!r}")
    return problems


def _strings(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
    elif isinstance(data, str):
        yield data


def only_in(lang: str, **fields) -> dict:
    """Translated fields with text in `lang` and none in the other language."""
    other = "en" if lang == "th" else "th"
    values = {}
    for field, text in fields.items():
        values[f"{field}_{lang}"] = text
        values[f"{field}_{other}"] = ""
    return values


def one_language_records(lang: str) -> dict:
    """A record of every kind, written in `lang` only, linked as they would be."""
    word = MARKER[lang]
    label = {
        "th": {
            "organisation": f"มูลนิธิ{word}",
            "network": f"เครือข่าย{word}",
            "programme": f"โครงการ{word}",
            "case": f"กรณีศึกษา{word}",
            "publication": f"คู่มือ{word}",
            "event": f"เวที{word}",
            "photo": f"พิธีเปิด{word}",
            "image": f"ภาพกิจกรรม{word}",
            "person": "นางสาวสมหญิง รักษ์ภาษา",
        },
        "en": {
            "organisation": f"{word} Foundation",
            "network": f"{word} Network",
            "programme": f"{word} Programme",
            "case": f"{word} Case",
            "publication": f"{word} Handbook",
            "event": f"{word} Forum",
            "photo": f"{word} opening ceremony",
            "image": f"{word} field visit",
            "person": "Ms Jane Onelang",
        },
    }[lang]
    long_text = {"th": "ย่อหน้าแรก\n\nย่อหน้าที่สอง", "en": "First paragraph.\n\nSecond one."}[lang]
    organisation = OrganisationFactory(
        slug="one-language-organisation",
        **only_in(lang, name=label["organisation"], description=long_text, acronym="", city=""),
    )
    network = NetworkFactory(
        slug="one-language-network",
        coordinator=organisation,
        **only_in(lang, name=label["network"], description=long_text, acronym=""),
    )
    MembershipFactory(network=network, organisation=organisation)
    programme = ProgrammeFactory(
        slug="one-language-programme",
        lead_organisation=organisation,
        **only_in(lang, title=label["programme"], summary=long_text, body=long_text, acronym=""),
    )
    programme.networks.add(network)
    case = GoodPracticeFactory(
        slug="one-language-case",
        programme=programme,
        **only_in(lang, title=label["case"], summary=long_text, body=long_text),
    )
    GoodPracticeImage.objects.create(
        good_practice=case,
        image=SimpleUploadedFile("visit.jpg", image_bytes(), "image/jpeg"),
        **only_in(lang, caption=label["image"]),
    )
    publication = PublicationFactory(
        slug="one-language-publication",
        programme=programme,
        **only_in(lang, title=label["publication"], abstract=long_text, authors=""),
    )
    event = EventFactory(
        slug="one-language-event",
        programme=programme,
        network=network,
        **only_in(lang, title=label["event"], summary=long_text, body=long_text, venue_city=""),
    )
    EventOrganiserFactory(event=event, organisation=organisation)
    given, family = label["person"].split(" ", 1)
    person = PersonFactory(
        **only_in(lang, honorific="", given_name=given, family_name=family, position="")
    )
    RoleFactory(event=event, person=person, role=RoleKind.KEYNOTE)
    Photo.objects.create(
        event=event,
        image=SimpleUploadedFile("opening.jpg", image_bytes(), "image/jpeg"),
        **only_in(lang, caption=label["photo"], credit=""),
    )
    return {
        "label": label,
        "organisation": organisation,
        "network": network,
        "programme": programme,
        "case": case,
        "publication": publication,
        "event": event,
    }


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


# page (under the language prefix), and the records whose fallback text its body shows
PAGES = [
    ("/", ["programme", "event", "publication", "network"]),
    ("/programmes/", ["programme", "organisation"]),
    ("/programmes/one-language-programme/", ["programme", "case", "network", "organisation"]),
    ("/good-practices/", ["case", "programme"]),
    ("/good-practices/one-language-case/", ["case", "programme", "image"]),
    ("/publications/", ["publication"]),
    ("/publications/one-language-publication/", ["publication", "programme"]),
    ("/events/", ["event"]),
    ("/events/one-language-event/", ["event", "organisation", "programme", "network", "photo"]),
    ("/organisations/", ["organisation"]),
    ("/organisations/one-language-organisation/", ["organisation", "network"]),
    ("/networks/", ["network", "organisation"]),
    ("/networks/one-language-network/", ["network", "organisation"]),
    ("/search/?q={marker}", ["programme", "case", "publication", "event", "organisation"]),
]


@pytest.mark.parametrize(("path", "shown"), PAGES, ids=[p for p, _ in PAGES])
@pytest.mark.parametrize(("page_lang", "text_lang"), DIRECTIONS)
def test_one_language_records_fall_back_visibly_and_never_break_the_markup(
    client, page_lang, text_lang, path, shown
):
    records = one_language_records(text_lang)
    label = records["label"]
    html = page(client, f"/{page_lang}{path.format(marker=MARKER[text_lang])}")

    assert markup_problems(html) == []
    # Search marks the matched word inside the title (<mark>); the language span is the same.
    html = re.sub(r"</?mark>", "", html) if "/search/" in path else html
    for key in shown:
        assert f'<span lang="{text_lang}">{label[key]}</span>' in html, key
    assert NOTE[page_lang, text_lang] in html


DETAIL_TITLES = [
    ("/programmes/one-language-programme/", "programme"),
    ("/good-practices/one-language-case/", "case"),
    ("/publications/one-language-publication/", "publication"),
    ("/events/one-language-event/", "event"),
    ("/organisations/one-language-organisation/", "organisation"),
    ("/networks/one-language-network/", "network"),
]


@pytest.mark.parametrize(("path", "key"), DETAIL_TITLES, ids=[p for p, _ in DETAIL_TITLES])
@pytest.mark.parametrize(("page_lang", "text_lang"), DIRECTIONS)
def test_detail_pages_name_the_record_in_plain_text_where_markup_is_not_allowed(
    client, page_lang, text_lang, path, key
):
    label = one_language_records(text_lang)["label"]
    html = page(client, f"/{page_lang}{path}")

    assert title_of(html).startswith(f"{label[key]} · ")
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert description and "&lt;" not in description
    # The page's heading shows the same text, marked, with the note.
    assert re.search(
        rf'<h1>\s*<span lang="{text_lang}">{re.escape(label[key])}</span> '
        rf'<small class="fallback-note">{re.escape(NOTE[page_lang, text_lang])}</small>\s*</h1>',
        html,
    )


@pytest.mark.parametrize(("page_lang", "text_lang"), DIRECTIONS)
def test_photo_captions_are_plain_alt_text_and_marked_captions(client, page_lang, text_lang):
    label = one_language_records(text_lang)["label"]
    event = page(client, f"/{page_lang}/events/one-language-event/")
    case = page(client, f"/{page_lang}/good-practices/one-language-case/")

    assert f'alt="{label["photo"]}"' in event
    assert f'alt="{label["image"]}"' in case
    note = NOTE[page_lang, text_lang]
    figcaption = rf'<figcaption>.*?<span lang="{text_lang}">{{}}</span> <small class="fallback-note">{re.escape(note)}</small>'
    assert re.search(figcaption.format(re.escape(label["photo"])), event, re.S)
    assert re.search(figcaption.format(re.escape(label["image"])), case, re.S)


@pytest.mark.parametrize(("page_lang", "text_lang"), DIRECTIONS)
def test_long_texts_fall_back_as_paragraphs_marked_with_their_language(
    client, page_lang, text_lang
):
    one_language_records(text_lang)
    html = page(client, f"/{page_lang}/events/one-language-event/")
    first, second = {
        "th": ("ย่อหน้าแรก", "ย่อหน้าที่สอง"),
        "en": ("First paragraph.", "Second one."),
    }[text_lang]
    assert (
        f'<div class="long-text" lang="{text_lang}"><p>{first}</p>\n\n<p>{second}</p></div>'
        f'<p class="fallback-note">{NOTE[page_lang, text_lang]}</p>'
    ) in html


def test_the_checker_catches_the_markup_bugs_it_guards_against():
    broken_title = '<title><span lang="th">งาน</span> · Phakhi</title>'
    broken_alt = '<img src="a.jpg" alt="<span lang="th">พิธีเปิด</span>">'
    assert markup_problems(broken_title)
    assert any("attribute" in problem for problem in markup_problems(broken_alt))
    assert markup_problems('<script type="application/ld+json">{"name": "<span>x</span>"}</script>')
    assert markup_problems('<title>งาน · Phakhi</title><img alt="พิธีเปิด">') == []


@pytest.fixture
def demo(demo_site):
    """The demo site as `make run` loads it, once for this module (tests/conftest.py)."""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_demo_page_puts_markup_in_titles_or_attributes(client, demo, lang):
    models = [Programme, GoodPractice, Publication, Event, Organisation, Network]
    with translation.override(lang):
        paths = [f"/{lang}/"] + [
            record.get_absolute_url() for model in models for record in model.objects.published()
        ]
    assert len(paths) > 2 * len(models)  # the demo has records of every kind
    problems = {path: markup_problems(page(client, path)) for path in paths}
    assert {path: found for path, found in problems.items() if found} == {}
    # An English-only funder on a Thai page: the title is its plain name.
    usaid = page(client, "/th/organisations/usaid-asia/")
    assert "<span" not in title_of(usaid) and "(ภาษาอังกฤษ)" in usaid
