from networks.models import Network, Organisation
from portal.sitemaps import PublishedSitemap


class OrganisationSitemap(PublishedSitemap):
    model = Organisation
    priority = 0.5


class NetworkSitemap(PublishedSitemap):
    model = Network
    priority = 0.6
