from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = _("Publications")

    def ready(self):
        self.grant_roles()
        from django.urls import reverse
        from django.utils.http import urlencode

        from portal import registry
        from publications import demo, search, selectors, sitemaps, years
        from publications.models import Publication

        def library(**query):
            return f"{reverse('publications:list')}?{urlencode(query)}"

        listed = "publications/includes/_publications_for.html"
        registry.register_section(
            "networks.Organisation",
            registry.Section(
                "publications",
                listed,
                selectors.publications_of_publisher,
                lambda organisation: library(publisher=organisation.slug),
                order=30,
            ),
        )
        registry.register_section(
            "programmes.Programme",
            registry.Section(
                "publications",
                listed,
                selectors.publications_of_programme,
                lambda programme: library(programme=programme.slug),
                order=20,
            ),
        )
        registry.register_section(
            "programmes.GoodPractice",
            registry.Section(
                "publications",
                "publications/includes/_good_practice_publications.html",
                selectors.publications_presenting,
                lambda case: library(good_practice=case.slug),
            ),
        )
        for source in search.SOURCES:
            registry.register_search_source(source)
        registry.register_year_section(years.PUBLICATIONS)
        registry.register_sitemap(
            "publications-publication",
            sitemaps.PublicationSitemap,
            list_pages=("publications:list",),
        )
        registry.register_home_block(
            registry.HomeBlock(
                "publications", "publications/includes/_home.html", selectors.home_page, order=30
            )
        )
        registry.register_figure(
            registry.Figure(
                "publications",
                _("publications"),
                lambda: Publication.objects.published().count(),
                order=60,
            )
        )
        registry.register_demo("publications", demo.load)

        from publications import exports

        for dataset in exports.datasets():
            registry.register_dataset(dataset)
        registry.register_record_documents("programmes.Programme", exports.programme_documents)

        from portal.registry import register_archive_generator
        from publications import archive

        register_archive_generator(
            "publications", archive.generate, remove=archive.remove, pages=archive.pages
        )

        # Counts by status and data-quality checks of the admin home.
        from publications import dashboard

        dashboard.register()

        from publications import statistics

        statistics.register()

    def grant_roles(self):
        """What Editors, Publishers and Partner managers may do with this app's records."""
        from portal import roles
        from publications.models import DownloadRecord, Language, PartnerAccount, Publication

        roles.grant_editing(Publication)
        roles.grant_editing(Language, actions=roles.READ)
        roles.grant(roles.PARTNER_MANAGERS, PartnerAccount, roles.ROWS)
        roles.grant(roles.PARTNER_MANAGERS, DownloadRecord, roles.READ)
