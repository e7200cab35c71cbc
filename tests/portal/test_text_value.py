"""The one bilingual text value (portal.i18n.Text) and the filters that show it."""

import dataclasses
from types import SimpleNamespace

import pytest
from django.template import engines
from django.utils import translation

from portal.i18n import Text, first_text, translated

THAI_ONLY = SimpleNamespace(title_th="งาน <script>alert(1)</script>", title_en="")
BOTH = SimpleNamespace(title_th="ธรรมาภิบาล", title_en="Good governance")
LONG = SimpleNamespace(body_th="ย่อหน้าแรก\nบรรทัดสอง\n\nย่อหน้า <b>สอง</b>", body_en="")


def render(source: str, lang: str, **context) -> str:
    template = engines["django"].from_string("{% load portal_tags %}" + source)
    with translation.override(lang):
        return template.render(context)


def test_a_text_prints_as_its_plain_text_and_is_true_only_with_text():
    value = Text("ธรรมาภิบาล", "th", is_fallback=True)
    assert str(value) == "ธรรมาภิบาล" and f"{value}" == "ธรรมาภิบาล"
    assert value and not Text("", "en")
    with pytest.raises(dataclasses.FrozenInstanceError):
        value.text = "อื่น"


def test_first_text_prefers_the_page_language_and_says_when_it_falls_back():
    names = {"th": "นายอิทธิพร", "en": ""}
    assert first_text(names.get, "en") == Text("นายอิทธิพร", "th", is_fallback=True)
    assert first_text(names.get, "th") == Text("นายอิทธิพร", "th", is_fallback=False)
    assert first_text({}.get, "en") == Text("", "en", is_fallback=False)


def test_translated_reads_the_active_language_by_default():
    with translation.override("en"):
        assert translated(BOTH, "title") == Text("Good governance", "en", False)
        assert translated(THAI_ONLY, "title").is_fallback


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_plain_form_escapes_markup_and_adds_nothing(lang):
    html = render(
        '<title>{{ obj|tr:"title" }}</title><img alt="{{ obj|tr:"title" }}">', lang, obj=THAI_ONLY
    )
    escaped = "งาน &lt;script&gt;alert(1)&lt;/script&gt;"
    assert html == f'<title>{escaped}</title><img alt="{escaped}">'


def test_the_html_form_marks_a_fallback_with_its_language_and_a_note():
    html = render('{{ obj|tr:"title"|bilingual }}', "en", obj=THAI_ONLY)
    assert html == (
        '<span lang="th">งาน &lt;script&gt;alert(1)&lt;/script&gt;</span>'
        ' <small class="fallback-note">(in Thai)</small>'
    )
    english = SimpleNamespace(title_th="", title_en="<i>Forum</i>")
    assert render('{{ obj|tr:"title"|bilingual }}', "th", obj=english) == (
        '<span lang="en">&lt;i&gt;Forum&lt;/i&gt;</span>'
        ' <small class="fallback-note">(ภาษาอังกฤษ)</small>'
    )


def test_text_in_the_page_language_is_escaped_and_not_marked():
    html = render('{{ obj|tr:"title"|bilingual }}', "th", obj=THAI_ONLY)
    assert html == "งาน &lt;script&gt;alert(1)&lt;/script&gt;"


def test_the_note_can_be_left_out_where_the_design_says_it_already():
    html = render('{{ obj|tr:"title"|bilingual:"nonote" }}', "en", obj=THAI_ONLY)
    assert html == '<span lang="th">งาน &lt;script&gt;alert(1)&lt;/script&gt;</span>'


def test_long_text_falls_back_as_marked_paragraphs_with_the_note_after_them():
    assert render('{{ obj|tr:"body"|bilingual:"paragraphs" }}', "en", obj=LONG) == (
        '<div class="long-text" lang="th"><p>ย่อหน้าแรก<br>บรรทัดสอง</p>\n\n'
        "<p>ย่อหน้า &lt;b&gt;สอง&lt;/b&gt;</p></div>"
        '<p class="fallback-note">(in Thai)</p>'
    )
    assert render('{{ obj|tr:"body"|bilingual:"quote" }}', "en", obj=LONG).startswith(
        '<blockquote lang="th"><p>ย่อหน้าแรก'
    )
    assert render('{{ obj|tr:"body"|bilingual:"paragraphs" }}', "th", obj=LONG).startswith(
        '<div class="long-text"><p>'
    )


def test_an_empty_field_renders_nothing_and_is_false_in_if():
    empty = SimpleNamespace(title_th="", title_en=None)
    source = '[{{ obj|tr:"title"|bilingual }}][{% if obj|tr:"title" %}yes{% else %}no{% endif %}]'
    assert render(source, "en", obj=empty) == "[][no]"


def test_an_unknown_option_is_an_error_not_a_silent_default():
    with pytest.raises(ValueError, match="unknown options"):
        render('{{ obj|tr:"title"|bilingual:"paragraph" }}', "en", obj=BOTH)


def test_the_other_language_is_shown_only_when_it_has_its_own_text():
    source = '{% with other=obj|tr_other:"title" %}{{ other.lang }}:{{ other }}{% endwith %}'
    assert render(source, "th", obj=BOTH) == "en:Good governance"
    assert render(source, "en", obj=THAI_ONLY) == "th:งาน &lt;script&gt;alert(1)&lt;/script&gt;"
    assert render(source, "th", obj=THAI_ONLY) == "en:"


def test_a_shortened_text_keeps_its_language_and_the_whole_note():
    words = SimpleNamespace(summary_th="หนึ่ง สอง สาม สี่", summary_en="")
    html = render('{{ obj|tr:"summary"|tr_words:2|bilingual }}', "en", obj=words)
    assert html == '<span lang="th">หนึ่ง สอง…</span> <small class="fallback-note">(in Thai)</small>'
