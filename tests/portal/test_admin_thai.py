"""Thai staff read the admin in Thai, not in Django's English fall-backs.

Django's Thai catalogues for the admin miss strings; the project catalogue
fills them (portal/admin_th.py, portal/admin_th_js.py). These tests read
Django's own English catalogues, so a Django upgrade that brings new admin
strings without Thai fails here until they are added to those modules.
"""

import json
import re
from pathlib import Path

import django
import pytest
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation
from django.views.i18n import JavaScriptCatalog

CONTRIB = Path(django.__file__).parent / "contrib"

# English catalogues whose strings Thai staff meet in the admin.
CATALOGUES = [("admin", "django"), ("admin", "djangojs"), ("auth", "django")]

# Msgids whose Thai is rightly the same as the English: no words to translate.
SAME_IN_THAI = {
    "%(filter_title)s ",  # a heading made of the filter's (already translated) title
    "%(class_name)s %(instance)s",  # a model's and a record's names, both translated elsewhere
}

# English words that stay in Thai text: key names, product names and character ranges.
KEPT_WORDS = {"Control", "Command", "Mac", "ID", "Django", "LogEntry", "Single", "Sign-On"}
KEPT_WORDS |= {"LDAP", "a-z", "A-Z", "UTF-8", "HTTPS", "Referer", "SSO"}
PLACEHOLDERS = re.compile(r"%\(\w+\)[sdr]|%[sdr]|\{\w*\}|<[^>]+>|&\w+;")


def english_messages(app, domain):
    path = CONTRIB / app / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    with path.open("rb") as fh:
        return [message for message in read_po(fh) if message.id]


def thai_translator(app, domain):
    """What Thai pages get: the django domain as activated, djangojs as the jsi18n view builds it."""
    if domain == "django":
        return translation
    paths = JavaScriptCatalog().get_paths([f"django.contrib.{app}"])
    return DjangoTranslation("th", domain=domain, localedirs=paths)


def renderings(translator, message):
    """(English, Thai) pairs for the message; one per plural form."""
    if isinstance(message.id, tuple | list):
        singular, plural = message.id[:2]
        if message.context:
            return [
                (english, translator.npgettext(message.context, singular, plural, n))
                for english, n in ((singular, 1), (plural, 2))
            ]
        return [
            (english, translator.ngettext(singular, plural, n))
            for english, n in ((singular, 1), (plural, 2))
        ]
    if message.context:
        return [(message.id, translator.pgettext(message.context, message.id))]
    return [(message.id, translator.gettext(message.id))]


def english_words(text):
    return set(re.findall(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]", PLACEHOLDERS.sub(" ", text)))


@pytest.mark.parametrize(("app", "domain"), CATALOGUES, ids=lambda value: value)
def test_every_admin_string_reads_in_thai(app, domain):
    translator = thai_translator(app, domain)
    in_english = []
    with translation.override("th"):
        for message in english_messages(app, domain):
            for english, thai in renderings(translator, message):
                if english in SAME_IN_THAI:
                    continue
                if thai == english or english_words(thai) - KEPT_WORDS:
                    in_english.append((message.context, english, thai))
    assert in_english == [], "add these to portal/admin_th.py or portal/admin_th_js.py"


@pytest.mark.django_db
def test_user_list_in_the_admin_is_thai(admin_client):
    admin_client.cookies["phakhi_language"] = "th"
    response = admin_client.get("/admin/auth/user/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "แสดงจำนวน" in page
    assert "Show counts" not in page
    assert "ข้ามไปยังเนื้อหาหลัก" in page
    assert "Skip to main content" not in page


@pytest.mark.django_db
def test_user_list_in_english_stays_english(admin_client):
    admin_client.cookies["phakhi_language"] = "en"
    page = admin_client.get("/admin/auth/user/").content.decode()
    assert "Show counts" in page
    assert "แสดงจำนวน" not in page


@pytest.mark.django_db
def test_admin_javascript_catalogue_is_thai(admin_client):
    admin_client.cookies["phakhi_language"] = "th"
    script = admin_client.get("/admin/jsi18n/").content.decode()
    catalogue = json.loads(script.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
    assert catalogue["%(sel)s of %(cnt)s selected"] == ["เลือกแล้ว %(sel)s จาก %(cnt)s รายการ"]
    assert catalogue["Choose all %s"] == "เลือก %s ทั้งหมด"
    assert catalogue["abbrev. month January\x04Jan"] == "ม.ค."
