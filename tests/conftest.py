import pytest


@pytest.fixture(autouse=True)
def _media_folders(settings, tmp_path):
    """Every test writes uploads into throwaway folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PROTECTED_MEDIA_ROOT = tmp_path / "protected"


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
