"""The site map: the portal's own pages plus every Sitemap class the apps define."""

import importlib
import inspect

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

SITEMAP_APPS = ("networks", "programmes", "events")


class SectionSitemap(Sitemap):
    """Home and the section indexes, in both languages."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "programmes:list",
            "events:list",
            "networks:organisation_list",
            "networks:network_list",
            "programmes:goodpractice_list",
            "publications:list",
        ]

    def location(self, item):
        return reverse(item)


def all_sitemaps() -> dict[str, type[Sitemap]]:
    sitemaps: dict[str, type[Sitemap]] = {"sections": SectionSitemap}
    for label in SITEMAP_APPS:
        try:
            module = importlib.import_module(f"{label}.sitemaps")
        except ModuleNotFoundError as exc:
            if exc.name != f"{label}.sitemaps":
                raise
            continue
        for name, obj in inspect.getmembers(module, inspect.isclass):
            if issubclass(obj, Sitemap) and obj.__module__ == module.__name__:
                sitemaps[f"{label}-{name.removesuffix('Sitemap').lower()}"] = obj
    return sitemaps
