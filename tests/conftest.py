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
