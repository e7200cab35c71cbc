"""Faults degrade: Redis down, the database down, error reports configured."""

import json
import logging

import pytest
from django.db import connection

UNREACHABLE_REDIS = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:1/5",  # nothing listens on port 1
    }
}
REAL_REDIS = {
    "default": {
        "BACKEND": "portal.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/5",
    }
}


def _redis_answers() -> bool:
    import redis

    try:
        return redis.Redis.from_url("redis://127.0.0.1:6379/5", socket_connect_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_pages_are_served_with_redis_down(client, settings, lang):
    settings.CACHES = UNREACHABLE_REDIS
    settings.PHAKHI_PAGE_CACHE_SECONDS = 300
    settings.PHAKHI_FRAGMENT_CACHE_SECONDS = 300
    for path in (f"/{lang}/", f"/{lang}/events/", f"/{lang}/publications/", "/sitemap.xml"):
        assert client.get(path).status_code == 200, path


@pytest.mark.django_db
def test_healthz_reports_the_cache_as_degraded_with_redis_down(client, settings):
    settings.CACHES = UNREACHABLE_REDIS
    response = client.get("/healthz")
    assert response.status_code == 200  # the portal still serves: keep it in the pool
    assert response.content == b"degraded\ndatabase: ok\ncache: degraded\n"


@pytest.mark.django_db
def test_healthz_reports_a_working_redis(client, settings):
    if not _redis_answers():
        pytest.fail("These tests need Redis at 127.0.0.1:6379")
    settings.CACHES = REAL_REDIS
    response = client.get("/healthz")
    assert response.content == b"ok\ndatabase: ok\ncache: ok\n"


def test_redis_errors_are_misses_and_no_ops(settings):
    from django.core.cache import cache

    settings.CACHES = UNREACHABLE_REDIS
    assert cache.get("anything", "fallback") == "fallback"
    assert cache.add("key", 1) is False
    cache.set("key", 1)
    assert cache.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        cache.incr("key")


@pytest.fixture
def broken_database(monkeypatch):
    """The database connection breaks: every new connection fails for real (PostgreSQL: a
    port nothing listens on; SQLite: a file in a folder that does not exist)."""
    saved = connection.connection
    original = connection.get_connection_params

    def unreachable():
        params = original()
        if connection.vendor == "postgresql":
            params["port"] = 1
            params["host"] = "127.0.0.1"
        else:
            params["database"] = "/nonexistent/folder/phakhi.sqlite3"
        return params

    monkeypatch.setattr(connection, "get_connection_params", unreachable)
    connection.connection = None
    yield
    monkeypatch.undo()
    connection.connection = saved


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "lang,heading",
    [("th", "ใช้งานไม่ได้ชั่วคราว"), ("en", "Temporarily unavailable")],
)
def test_database_down_answers_503_with_retry_after_in_the_pages_language(
    client, broken_database, lang, heading, settings
):
    client.raise_request_exception = False  # as in production: the handler's page is the answer
    sign_in = {"username": "somchai", "password": "anything"}
    for path, data in (
        (f"/{lang}/", None),
        (f"/{lang}/events/", None),
        (f"/{lang}/accounts/sign-in/", sign_in),
    ):
        response = client.post(path, data) if data else client.get(path)
        assert response.status_code == 503, path
        assert response["Retry-After"] == str(settings.PHAKHI_RETRY_AFTER_SECONDS)
        assert heading in response.content.decode()
        assert f'<html lang="{lang}">' in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_database_down_on_the_admin_and_healthz(client, broken_database):
    client.raise_request_exception = False
    client.cookies["sessionid"] = "a" * 32  # a signed-in visitor: the session is read first
    assert client.get("/admin/").status_code == 503
    response = client.get("/healthz")
    assert response.status_code == 503
    assert b"database: unavailable" in response.content


@pytest.mark.parametrize(
    "admins,words",
    [
        ([("Ops", "ops@example.org")], "The team has been told"),
        ([], "The error has been recorded for the team"),
    ],
)
def test_the_500_page_says_only_what_is_true(rf, settings, admins, words):
    from portal.faults import server_error

    settings.ADMINS = admins
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert words in response.content.decode()


def test_error_mail_and_log_format_come_from_the_environment():
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "SECRET_KEY": "x" * 50,
        "DEBUG": "",
        "ADMINS": "Somchai <ops@example.org>, noc@example.org",
        "EMAIL_HOST": "smtp.example.org",
        "LOG_FORMAT": "json",
    }
    script = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.ADMINS, s.EMAIL_HOST, "
        "s.LOGGING['handlers']['console']['formatter'], "
        "s.LOGGING['loggers']['django.request']['handlers']]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    admins, host, formatter, handlers = json.loads(result.stdout)
    assert admins == [["Somchai", "ops@example.org"], ["noc@example.org", "noc@example.org"]]
    assert host == "smtp.example.org"
    assert formatter == "json"
    assert "mail_admins" in handlers


@pytest.mark.django_db
def test_a_server_error_is_mailed_to_the_admins_and_logged_as_json(client, settings, mailoutbox):
    from portal.logformat import JSONFormatter

    settings.ADMINS = [("Ops", "ops@example.org")]
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(JSONFormatter().format(record))

    handler = Keep(level=logging.ERROR)
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.raise_request_exception = False
        with pytest.MonkeyPatch.context() as patch:
            from portal import views

            def broken():
                raise RuntimeError("a bug in the home page")

            patch.setattr(views.selectors, "home_page_context", broken)
            response = client.get("/en/")
    finally:
        logger.removeHandler(handler)
    assert response.status_code == 500
    assert "The team has been told" in response.content.decode()
    assert [m.to for m in mailoutbox] == [["ops@example.org"]]
    entry = json.loads(records[0])
    assert entry["level"] == "ERROR"
    assert entry["path"] == "/en/"
    assert entry["status"] == 500
    assert "RuntimeError: a bug in the home page" in entry["exception"]


@pytest.mark.django_db(transaction=True)
def test_an_outage_mails_the_admins_once_not_once_per_request(
    client, broken_database, settings, mailoutbox
):
    from portal.faults import OutageMailFilter

    for handler in logging.getLogger("django.request").handlers:
        for found in handler.filters:
            if isinstance(found, OutageMailFilter):
                found._last = float("-inf")  # earlier tests' outages were within the period
    settings.ADMINS = [("Ops", "ops@example.org")]
    client.raise_request_exception = False
    for _ in range(5):
        assert client.get("/en/events/").status_code == 503
    assert len(mailoutbox) == 1
