from types import SimpleNamespace

import pytest
from django.utils import translation

from portal.i18n import Text, page_language, translated

THAI_ONLY = SimpleNamespace(title_th="ธรรมาภิบาล", title_en="")
BOTH = SimpleNamespace(title_th="ธรรมาภิบาล", title_en="Good governance")
NEITHER = SimpleNamespace(title_th="", title_en=None)


@pytest.mark.parametrize(
    ("obj", "lang", "expected"),
    [
        (BOTH, "th", Text("ธรรมาภิบาล", "th", False)),
        (BOTH, "en", Text("Good governance", "en", False)),
        # falls back, and says in which language
        (THAI_ONLY, "en", Text("ธรรมาภิบาล", "th", True)),
        (NEITHER, "en", Text("", "en", False)),
    ],
)
def test_translated_falls_back_to_the_other_language(obj, lang, expected):
    assert translated(obj, "title", lang) == expected


def test_the_active_language_is_the_default():
    with translation.override("en-gb"):
        assert page_language() == "en"
        assert str(translated(BOTH, "title")) == "Good governance"
    with translation.override("th"):
        assert str(translated(BOTH, "title")) == "ธรรมาภิบาล"
