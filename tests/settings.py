"""Settings for the test suite: production settings plus test-only speedups."""

import os

# The suite runs without DEBUG, as production does, whatever the shell says (`make test`
# sets DEBUG=true for its set-up steps): the security settings derived from it at import
# (secure cookies, HSTS) are the production ones. It needs a throwaway key.
os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "insecure-key-for-the-test-suite-only")

from portal.settings import *  # noqa: F403
from portal.settings import STORAGES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_SSL_REDIRECT = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests measure what a page renders and costs; the page cache in front of it has its own
# tests (tests/portal/test_pagecache.py), which turn it on.
PHAKHI_PAGE_CACHE_SECONDS = 0
PHAKHI_FRAGMENT_CACHE_SECONDS = 0
# Tests compare pages with plain Thai strings; the word boundaries have their own tests
# (tests/portal/test_thaibreak.py and the browser tests of tests/e2e/), which turn them on.
PHAKHI_THAI_WORD_BREAKS = False
