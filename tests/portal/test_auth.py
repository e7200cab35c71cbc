"""Sign-in throttling on the partners' sign-in page and the admin's."""

import threading

import pytest
from django.contrib.auth.backends import ModelBackend
from django.db import connection
from django.test import RequestFactory

from portal.auth import ThrottledAdminAuthenticationForm, client_address
from portal.models import SignInCounter

pytestmark = pytest.mark.django_db

PARTNER_SIGN_IN = "/{lang}/accounts/sign-in/"
ADMIN_SIGN_IN = "/admin/login/"
REFUSED = {
    "th": "พยายามลงชื่อเข้าใช้ด้วยชื่อผู้ใช้นี้จากเครือข่ายของคุณผิดหลายครั้งเกินไป",
    "en": "Too many failed attempts to sign in with this user name from your network.",
}
REFUSED_ADDRESS = {
    "th": "พยายามลงชื่อเข้าใช้จากเครือข่ายของคุณผิดหลายครั้งเกินไป",
    "en": "Too many failed attempts to sign in from your network.",
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


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_address_cannot_try_many_user_names(client, member, settings, lang):
    """Spraying passwords over many names from one address is stopped across names."""
    settings.PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS = 4
    url = PARTNER_SIGN_IN.format(lang=lang)
    for number in range(4):
        response = sign_in(client, url, "wrong", username=f"guess{number}")
        assert REFUSED_ADDRESS[lang] not in response.content.decode()
    response = sign_in(client, url, "correct horse 42")
    assert REFUSED_ADDRESS[lang] in response.content.decode()
    assert "_auth_user_id" not in client.session
    # The real user elsewhere is not affected.
    assert sign_in(client, url, "correct horse 42", address="198.51.100.9").status_code == 302


def test_a_right_password_does_not_wipe_the_address_count(client, member, settings):
    """An attacker with one valid account cannot reset the count of the address."""
    settings.PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    url = PARTNER_SIGN_IN.format(lang="en")
    sign_in(client, url, "wrong", username="guess1")
    sign_in(client, url, "wrong", username="guess2")
    assert sign_in(client, url, "correct horse 42").status_code == 302
    client.logout()
    sign_in(client, url, "wrong", username="guess3")
    response = sign_in(client, url, "wrong", username="guess4")
    assert REFUSED_ADDRESS["en"] in response.content.decode()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_message_says_how_long_to_wait(client, member, lang):
    url = PARTNER_SIGN_IN.format(lang=lang)
    for _ in range(4):
        response = sign_in(client, url, "wrong")
    expected = {"th": "โปรดรอ 15 นาที", "en": "Wait 15 minutes"}[lang]
    assert expected in response.content.decode()


def _request(address, **headers):
    return RequestFactory().post("/admin/login/", REMOTE_ADDR=address, **headers)


def test_the_address_is_remote_addr_without_a_configured_proxy(settings):
    settings.PHAKHI_CLIENT_IP_HEADER = ""
    request = _request("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "127.0.0.1"


def test_the_proxy_header_names_the_client_only_from_a_trusted_proxy(settings):
    settings.PHAKHI_CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.PHAKHI_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    # nginx appends the address it saw; what the client wrote further left is not believed.
    forwarded = "6.6.6.6, 203.0.113.7, 10.1.2.3"
    assert client_address(_request("127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)) == "203.0.113.7"
    # A client reaching gunicorn directly cannot choose its address.
    assert client_address(_request("198.51.100.9", HTTP_X_FORWARDED_FOR="6.6.6.6")) == (
        "198.51.100.9"
    )
    # Garbage in the header falls back to the proxy's own view.
    assert client_address(_request("127.0.0.1", HTTP_X_FORWARDED_FOR="<script>")) == "127.0.0.1"
    settings.PHAKHI_CLIENT_IP_HEADER = "X-Real-IP"
    assert client_address(_request("127.0.0.1", HTTP_X_REAL_IP="2001:db8::7")) == "2001:db8::7"


def test_behind_a_proxy_anonymous_guesses_do_not_lock_the_real_user_out(client, member, settings):
    """The audit's case: every request comes from the proxy's address. With the header
    configured, the attacker's guesses count against the attacker's address only."""
    settings.PHAKHI_CLIENT_IP_HEADER = "X-Forwarded-For"
    settings.PHAKHI_TRUSTED_PROXIES = ["127.0.0.1"]
    url = PARTNER_SIGN_IN.format(lang="en")
    for _ in range(5):
        client.post(
            url,
            {"username": "somchai", "password": "wrong"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR="6.6.6.6",
        )
    attacker = client.post(
        url,
        {"username": "somchai", "password": "correct horse 42"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6",
    )
    assert REFUSED["en"] in attacker.content.decode()
    real_user = client.post(
        url,
        {"username": "somchai", "password": "correct horse 42"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.50",
    )
    assert real_user.status_code == 302


def test_an_ipv6_client_counts_by_its_network(client, member, settings):
    settings.PHAKHI_LOGIN_MAX_FAILURES_PER_ADDRESS = 2
    url = PARTNER_SIGN_IN.format(lang="en")
    sign_in(client, url, "wrong", username="a", address="2001:db8:1:2::1")
    sign_in(client, url, "wrong", username="b", address="2001:db8:1:2::2")
    response = sign_in(client, url, "wrong", username="c", address="2001:db8:1:2::3")
    assert REFUSED_ADDRESS["en"] in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_forty_concurrent_guesses_check_at_most_the_limit(django_user_model, settings, monkeypatch):
    """Threads on their own database connections: the count cannot be raced past."""
    settings.PHAKHI_LOGIN_MAX_FAILURES = 5
    django_user_model.objects.create_superuser("boss", password="the right one 99")
    checked = []
    lock = threading.Lock()
    original = ModelBackend.authenticate

    def counting(self, request, username=None, password=None, **kwargs):
        with lock:
            checked.append(password)
        return original(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counting)
    barrier = threading.Barrier(40)
    refused = []

    def guess(number):
        try:
            form = ThrottledAdminAuthenticationForm(
                _request("203.0.113.7"), data={"username": "boss", "password": f"guess {number}"}
            )
            barrier.wait()
            valid = form.is_valid()
            assert not valid
            with lock:
                refused.append(form.errors.as_data()["__all__"][0].code)
        finally:
            connection.close()

    threads = [threading.Thread(target=guess, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refused) == 40
    assert len(checked) <= 5
    assert refused.count("too_many_attempts") >= 35
    assert SignInCounter.objects.count() == 2  # the name at this address, and the address


def test_sign_in_works_and_is_limited_with_the_cache_down(client, member, settings):
    """Counts live in the database: an unreachable Redis changes nothing."""
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/5",
        }
    }
    url = PARTNER_SIGN_IN.format(lang="en")
    assert sign_in(client, url, "correct horse 42").status_code == 302
    client.logout()
    for _ in range(3):
        sign_in(client, url, "wrong")
    assert REFUSED["en"] in sign_in(client, url, "correct horse 42").content.decode()
