"""Thai word boundaries in visible page text only (portal/thaibreak.py)."""

import re

import pytest

from portal.thaibreak import boundaries, break_html, words


def test_words_follow_the_dictionary_and_long_compounds_split_into_their_words():
    assert words("สิ่งพิมพ์ของเครือข่าย") == ("สิ่งพิมพ์", "ของ", "เครือข่าย")
    assert "ธรรมาภิบาล" in words("การส่งเสริมธรรมาภิบาลท้องถิ่น")
    assert words("เอเชียตะวันออกเฉียงใต้") == ("เอเชีย", "ตะวันออก", "เฉียง", "ใต้")
    assert boundaries("สิ่งพิมพ์ของ") == {len("สิ่งพิมพ์")}


def test_only_visible_text_of_the_body_is_marked():
    page = (
        '<html><head><title>สิ่งพิมพ์ของเครือข่าย</title><script type="application/ld+json">'
        '{"name": "สิ่งพิมพ์ของเครือข่าย"}</script></head><body>'
        '<a href="/th/" title="สิ่งพิมพ์ของเครือข่าย" aria-label="สิ่งพิมพ์ของเครือข่าย">สิ่งพิมพ์ของเครือข่าย</a>'
        "<svg><text>สิ่งพิมพ์ของเครือข่าย</text></svg><select><option>สิ่งพิมพ์ของเครือข่าย</option></select>"
        "<textarea>สิ่งพิมพ์ของเครือข่าย</textarea><p>English only &amp; ท้องถิ่น</p></body></html>"
    )
    marked = break_html(page)
    assert marked.count('<span class="tw">') == 2
    assert ">สิ่งพิมพ์<wbr>ของ<wbr>เครือข่าย</span></a>" in marked
    assert '<span class="tw">ท้องถิ่น</span></p>' in marked
    # Nothing else changed: the title, JSON-LD, attributes, SVG, options and textarea.
    assert re.sub(r'<span class="tw">|</span>|<wbr>', "", marked) == page


def test_html_without_thai_is_returned_as_it_is():
    page = "<html><body><p>Only English</p></body></html>"
    assert break_html(page) is page


@pytest.mark.django_db
def test_thai_pages_carry_word_boundaries_but_titles_attributes_and_feeds_do_not(
    client, demo_site, settings
):
    settings.PHAKHI_THAI_WORD_BREAKS = True
    html = client.get("/th/programmes/delgosea/").content.decode()
    assert "<wbr>" in html
    head = html.split("<body", 1)[0]
    assert "<wbr>" not in head and 'class="tw"' not in head
    for attribute in re.findall(r'(?:title|alt|aria-label|content|value)="([^"]*)"', html):
        assert "<" not in attribute and "&lt;wbr" not in attribute
    for url in ("/th/publications/feed.atom", "/th/events/feed.atom", "/th/events/calendar.ics"):
        response = client.get(url)
        assert response.status_code == 200
        assert (
            "wbr" not in response.content.decode() and 'class="tw"' not in response.content.decode()
        )


@pytest.mark.django_db
def test_the_admin_is_left_alone(admin_client, demo_site, settings):
    settings.PHAKHI_THAI_WORD_BREAKS = True
    html = admin_client.get("/admin/events/event/").content.decode()
    assert "<wbr>" not in html


@pytest.mark.django_db
def test_the_setting_turns_the_word_boundaries_off(client, demo_site, settings):
    settings.PHAKHI_THAI_WORD_BREAKS = False
    assert "<wbr>" not in client.get("/th/programmes/delgosea/").content.decode()
