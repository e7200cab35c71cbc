"""Sign-in throttling on the partners' sign-in page and the admin's."""

import pytest

pytestmark = pytest.mark.django_db

PARTNER_SIGN_IN = "/{lang}/accounts/sign-in/"
ADMIN_SIGN_IN = "/admin/login/"
REFUSED = {
    "th": "พยายามลงชื่อเข้าใช้ด้วยชื่อผู้ใช้นี้ผิดหลายครั้งเกินไป",
    "en": "Too many failed attempts to sign in with this user name.",
}


@pytest.fixture(autouse=True)
def _three_attempts(settings):
    settings.PHAKHI_LOGIN_MAX_FAILURES = 3


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user("somchai", password="correct horse 42")


def sign_in(client, url, password, username="somchai", address="203.0.113.7"):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_partner_sign_in_is_refused_after_repeated_failures_even_with_the_right_password(
    client, member, lang
):
    url = PARTNER_SIGN_IN.format(lang=lang)
    for _ in range(3):
        response = sign_in(client, url, "wrong")
        assert response.status_code == 200
        assert REFUSED[lang] not in response.content.decode()
    response = sign_in(client, url, "correct horse 42")
    assert response.status_code == 200
    assert REFUSED[lang] in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_per_user_name_and_address(client, member, django_user_model):
    url = PARTNER_SIGN_IN.format(lang="en")
    for _ in range(3):
        sign_in(client, url, "wrong")
    # The same account from another address, and another account from this one, still work.
    assert sign_in(client, url, "correct horse 42", address="198.51.100.9").status_code == 302
    client.logout()
    django_user_model.objects.create_user("malee", password="another pass 77")
    assert sign_in(client, url, "another pass 77", username="malee").status_code == 302


def test_a_success_before_the_limit_starts_the_count_again(client, member):
    url = PARTNER_SIGN_IN.format(lang="en")
    for _ in range(2):
        sign_in(client, url, "wrong")
    assert sign_in(client, url, "correct horse 42").status_code == 302
    client.logout()
    for _ in range(2):
        sign_in(client, url, "wrong")
    assert sign_in(client, url, "correct horse 42").status_code == 302


def test_the_lockout_ends_when_its_period_has_passed(client, member, settings, monkeypatch):
    """The cache's own clock is moved on: the count expires as it would in production."""
    import time

    settings.PHAKHI_LOGIN_LOCKOUT_SECONDS = 600
    url = PARTNER_SIGN_IN.format(lang="en")
    for _ in range(3):
        sign_in(client, url, "wrong")
    started = time.time()
    monkeypatch.setattr(time, "time", lambda: started + 590)
    assert sign_in(client, url, "correct horse 42").status_code == 200  # still refused
    monkeypatch.setattr(time, "time", lambda: started + 601)
    assert sign_in(client, url, "correct horse 42").status_code == 302


def test_admin_sign_in_is_throttled_too(client, admin_user):
    client.cookies["phakhi_language"] = "th"
    for _ in range(3):
        sign_in(client, ADMIN_SIGN_IN, "wrong", username="admin")
    response = sign_in(client, ADMIN_SIGN_IN, "password", username="admin")
    assert response.status_code == 200
    assert REFUSED["th"] in response.content.decode()
