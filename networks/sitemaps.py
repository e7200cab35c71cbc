from django.contrib.sitemaps import Sitemap

from networks.models import Network, Organisation


class OrganisationSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Organisation.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class NetworkSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Network.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at
