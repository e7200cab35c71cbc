import pytest


@pytest.fixture(scope="module")
def module_files(tmp_path_factory):
    """Upload folders shared by the tests of one module (see `demo_site`)."""
    return tmp_path_factory.mktemp("module-files")


def _media_settings(base) -> dict:
    return {"MEDIA_ROOT": base / "media", "PROTECTED_MEDIA_ROOT": base / "protected"}


@pytest.fixture(autouse=True)
def _media_folders(request, settings, tmp_path):
    """Every test writes uploads into throwaway folders; tests of the demo site share the
    module's, where `load_demo` stored the demo's files."""
    base = (
        request.getfixturevalue("module_files") if "demo_site" in request.fixturenames else tmp_path
    )
    for name, value in _media_settings(base).items():
        setattr(settings, name, value)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, module_files):
    """The whole demo, as `make run` loads it, once per module.

    It is loaded inside a transaction that is rolled back when the module ends; each
    test runs in a savepoint inside it, so what one test changes the next never sees.
    Tests that use it need the `db` fixture (or the django_db mark) as usual. Its value
    is what `load_demo` printed.
    """
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    output = io.StringIO()
    with django_db_blocker.unblock(), transaction.atomic():
        # The demo partner account is made only in debug.
        with override_settings(DEBUG=True, **_media_settings(module_files)):
            call_command("load_demo", stdout=output)
        yield output.getvalue()
        transaction.set_rollback(True)


@pytest.fixture(scope="session", autouse=True)
def _database_features(django_db_setup, django_db_blocker):
    """Django asks SQLite once per process whether it has JSON, with a query of its own, the
    first time a JSON field is used; asked here, that query is never counted in a test of a
    page's queries that happens to run first in its process."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            assert connection.features.supports_json_field


@pytest.fixture(scope="session", autouse=True)
def _no_stray_sessions(django_db_setup, django_db_blocker):
    """A thread of the browser tests' live server can still hold its PostgreSQL session when
    the run ends, and the test database cannot be dropped while any session is on it ("being
    accessed by other users"): those sessions are ended just before Django drops it."""
    from django.db import connections

    yield
    with django_db_blocker.unblock():
        for connection in connections.all():
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    )


@pytest.fixture(autouse=True)
def _empty_cache():
    """No test sees another's cached values (sign-in failure counts, for one)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts and ends in the site's default language, whatever the last one did."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def admin_client_in(client, admin_user):
    """An admin client whose pages are in the given language."""

    def make(lang: str):
        client.force_login(admin_user)
        client.cookies["phakhi_language"] = lang
        return client

    return make


def pytest_collection_modifyitems(config, items):
    """Long tests first: those that drive a browser or are marked `heavy`.

    Each of the suite's processes starts with half of the tests (`--dist=worksteal`) and
    one that runs out takes half of what the other has not started, from the end: with the
    long tests first, what is handed over is short tests, and the processes finish within
    a few seconds of each other, instead of one waiting while the other runs a minute of
    browser tests it was handed last. Only the order changes."""
    items.sort(
        key=lambda item: (
            not any(item.iter_markers("browser")) and not any(item.iter_markers("heavy"))
        )
    )


def pytest_configure(config):
    """Two test-only speedups that change no assertion.

    - The cyclic garbage collector runs far less often: the suite makes millions of
      short-lived template objects and no long-lived cycles worth collecting early.
    - The test client keeps one copy of each template context, taken when the page's
      template first renders it, instead of a fresh copy at every `{% include %}` (the
      event admin's change form renders 2,900 templates). `response.context[...]`
      still finds what the view put in the context.
    """
    import gc
    from copy import copy

    from django.test import client
    from django.test.utils import ContextList

    gc.set_threshold(100_000, 50, 1000)

    def store_rendered_templates(store, signal, sender, template, context, **kwargs):
        store.setdefault("templates", []).append(template)
        contexts = store.setdefault("context", ContextList())
        # Keyed by id, holding the context itself so that no id is reused in the request.
        copied = store.setdefault("_copied_contexts", {})
        if id(context) not in copied:
            copied[id(context)] = context
            contexts.append(copy(context))

    client.store_rendered_templates = store_rendered_templates
