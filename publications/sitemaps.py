from portal.sitemaps import PublishedSitemap
from publications.models import Publication


class PublicationSitemap(PublishedSitemap):
    """Publication pages (partners-only ones too: their page is public, their file is not)."""

    model = Publication
    priority = 0.6
