import pytest
from django.utils import translation


@pytest.fixture
def admin_client_in(client, admin_user):
    """An admin client whose pages are in the given language."""

    def make(lang: str):
        client.force_login(admin_user)
        client.cookies["phakhi_language"] = lang
        return client

    return make


@pytest.fixture(autouse=True)
def _reset_language():
    yield
    translation.activate("th")
