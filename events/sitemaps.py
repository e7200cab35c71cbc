from django.contrib.sitemaps import Sitemap

from events.models import Event


class EventSitemap(Sitemap):
    """Published events, in both languages with alternates."""

    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"

    def items(self):
        return Event.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
