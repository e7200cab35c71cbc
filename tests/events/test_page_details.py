"""Details of the event pages a reader noticed (issue 15), each kept from coming back."""

import re

import pytest

from events.models import RoleKind

LANGS = ["th", "en"]
ECT = "/{lang}/events/sddc-allied-networks-forum-2022/"
CSOS = "/{lang}/events/csos-regional-conference-2018/"


def text_of(html: str) -> str:
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", main))


@pytest.fixture
def pages(client, demo_site):
    def get(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200, path
        return response.content.decode()

    return get


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_no_space_before_commas_in_speaker_lists(pages, lang):
    for path in (ECT, CSOS):
        text = text_of(pages(path.format(lang=lang)))
        assert " ," not in text
        assert re.search(r"\w, \w", text)  # names and positions are still there


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_quotes_inside_a_quoted_title_become_single_quotes(pages, lang):
    text = text_of(pages(ECT.format(lang=lang)))
    expected = {
        "th": "“กล่าวคำปฏิญาณตนและร้องเพลง ‘ศส.ปชต. ร่วมใจ’”",
        "en": "“Pledge and the song ‘SDDC United’”",
    }[lang]
    assert expected in text
    assert not re.search(r"“[^”]*“", text.replace(expected, ""))  # no quote opens twice


@pytest.mark.django_db
def test_role_headings_are_plural_above_several_people(pages):
    html = pages(ECT.format(lang="en"))
    headings = re.findall(r"<dt>\s*([^<]+?)\s*</dt>", html)
    assert "Panellists" in headings and "Panellist" not in headings
    assert RoleKind.heading(RoleKind.PANELIST, 1) == "Panellist"
    assert RoleKind.heading(RoleKind.MODERATOR, 2) == "Moderators"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_organiser_lines_name_every_parent(pages, lang):
    text = text_of(pages(CSOS.format(lang=lang)))
    expected = {
        "en": "Center for Civil Society and Nonprofit Management, Faculty of Humanities "
        "and Social Sciences, Khon Kaen University",
        "th": "มหาวิทยาลัยขอนแก่น",
    }[lang]
    assert expected in text


@pytest.mark.django_db
def test_the_chairman_is_spelt_the_same_everywhere(pages):
    text = text_of(pages(ECT.format(lang="en")))
    assert "Itthiporn" not in text
    assert text.count("Ittiporn Boonpracong") >= 2  # the summary and his role


@pytest.mark.django_db
@pytest.mark.parametrize("lang", LANGS)
def test_calendar_link_and_print_address_are_marked_for_print(pages, lang):
    html = pages(ECT.format(lang=lang))
    assert re.search(r'<span class="calendar-link">· <a href="[^"]+\.ics">', html)
    record = re.search(r'<p class="print-only print-record">([^<]+)</p>', html).group(1)
    assert ECT.format(lang=lang) in record
    assert re.search(r"25\d\d" if lang == "th" else r"20\d\d", record)
