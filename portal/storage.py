"""Storage for files that must never be reachable through a public media URL."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


class ProtectedStorage(FileSystemStorage):
    """Files under PROTECTED_MEDIA_ROOT, outside MEDIA_ROOT, with no URL.

    They are served only by a view that checks permission first. The location
    is read from settings on each use, so tests and deployments that change
    PROTECTED_MEDIA_ROOT are followed.
    """

    def __init__(self, **kwargs):
        kwargs.pop("location", None)
        kwargs.pop("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return settings.PROTECTED_MEDIA_ROOT

    @property
    def location(self):
        from pathlib import Path

        return str(Path(self.base_location).resolve())

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Protected files have no public URL; use the download view.")

    def deconstruct(self):
        return ("portal.storage.ProtectedStorage", (), {})


def protected_storage() -> ProtectedStorage:
    """The storage callable used by FileFields (keeps migrations free of paths)."""
    return ProtectedStorage()
