from types import SimpleNamespace

import pytest
from django.utils import translation

from portal.i18n import page_language, text, text_in

THAI_ONLY = SimpleNamespace(title_th="ธรรมาภิบาล", title_en="")
BOTH = SimpleNamespace(title_th="ธรรมาภิบาล", title_en="Good governance")
NEITHER = SimpleNamespace(title_th="", title_en=None)


@pytest.mark.parametrize(
    ("obj", "lang", "expected"),
    [
        (BOTH, "th", ("ธรรมาภิบาล", "th")),
        (BOTH, "en", ("Good governance", "en")),
        (THAI_ONLY, "en", ("ธรรมาภิบาล", "th")),  # falls back, and says in which language
        (NEITHER, "en", ("", "en")),
    ],
)
def test_text_in_falls_back_to_the_other_language(obj, lang, expected):
    assert text_in(obj, "title", lang) == expected


def test_the_active_language_is_the_default():
    with translation.override("en-gb"):
        assert page_language() == "en"
        assert text(BOTH, "title") == "Good governance"
    with translation.override("th"):
        assert text(BOTH, "title") == "ธรรมาภิบาล"
