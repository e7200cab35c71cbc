"""The demo site's public pages, for the browser tests that look at every kind of page.

One page of each kind (the first address of each sitemap section, plus the pages no
sitemap lists: search, sign-in, a missing page, the pictures of programmes, networks and
transfers), or every page the sitemaps list.
"""

import io
import re
from urllib.parse import urlsplit

from django.core.management import call_command
from django.test import Client

EXTRA = {
    "search": "/{lang}/search/?q=%E0%B9%80%E0%B8%84%E0%B8%A3%E0%B8%B7%E0%B8%AD%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A2",
    "sign-in": "/{lang}/accounts/sign-in/",
    "not-found": "/{lang}/events/no-such-event/",
    "publication-list-filtered": "/{lang}/publications/?kind=manual",
    "statistics": "/{lang}/statistics/",
    "partnerships": "/{lang}/partnerships/",
    "partnerships-programme": "/{lang}/partnerships/programme/delgosea/",
    "partnerships-network": "/{lang}/partnerships/network/sddc/",
    "transfers": "/{lang}/good-practices/transfers/",
    "data": "/{lang}/data/",
}


def load_demo(settings) -> None:
    """The demo content, the two sample good-practice cases (with their images) and the
    sample transfers (so that every picture has data), served as in production: Thai word
    boundaries on (tests/settings.py turns them off)."""
    settings.PHAKHI_THAI_WORD_BREAKS = True
    settings.DEBUG = True  # the demo partner account is made only in debug
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_sample_transfers", stdout=io.StringIO())  # with the sample cases
    settings.DEBUG = False


def sitemap_paths(lang: str) -> list[str]:
    """Every page the sitemaps list in one language, as paths, in sitemap order."""
    client = Client()
    index = client.get("/sitemap.xml").content.decode()
    paths: list[str] = []
    for section in re.findall(r"<loc>([^<]+)</loc>", index):
        body = client.get(urlsplit(section).path).content.decode()
        for loc in re.findall(r"<loc>([^<]+)</loc>", body):
            path = urlsplit(loc).path
            if path.startswith(f"/{lang}/") and path not in paths:
                paths.append(path)
    return paths


def kind_of(path: str) -> str:
    """`/th/events/x/` → "events-detail", `/th/events/` → "events-list"."""
    parts = [part for part in path.split("/") if part][1:]
    if not parts:
        return "home"
    if len(parts) == 1:
        return f"{parts[0]}-list"
    if parts[1] == "years":
        return f"{parts[0]}-year"
    return f"{parts[0]}-detail"


def one_of_each_kind(lang: str) -> dict[str, str]:
    """One path per kind of page, in one language, each path once."""
    kinds: dict[str, str] = {}
    for path in sitemap_paths(lang):
        kinds.setdefault(kind_of(path), path)
    for kind, path in EXTRA.items():
        if (address := path.format(lang=lang)) not in kinds.values():
            kinds[kind] = address
    return kinds
