from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworksConfig(AppConfig):
    name = "networks"
    verbose_name = _("Organisations and networks")

    def ready(self):
        self.grant_roles()
        from networks import demo, search, selectors, sitemaps
        from networks.models import Organisation
        from portal import registry

        for source in search.SOURCES:
            registry.register_search_source(source)
        registry.register_sitemap(
            "networks-organisation",
            sitemaps.OrganisationSitemap,
            list_pages=("networks:organisation_list",),
        )
        registry.register_sitemap(
            "networks-network", sitemaps.NetworkSitemap, list_pages=("networks:network_list",)
        )
        registry.register_home_block(
            registry.HomeBlock(
                "networks", "networks/includes/_home.html", selectors.home_page, order=40
            )
        )
        registry.register_figure(
            registry.Figure(
                "organisations",
                _("organisations"),
                lambda: Organisation.objects.published().count(),
                order=40,
            )
        )
        registry.register_demo("networks", demo.load)

        from networks import archive
        from portal.registry import register_archive_generator

        register_archive_generator(
            "networks", archive.generate, remove=archive.remove, pages=archive.pages
        )

        # Counts by status and data-quality checks of the admin home.
        from networks import dashboard

        dashboard.register()

        # Statistics and the partnership picture (issue 16).
        from networks import partnerships, statistics
        from networks.models import Network

        statistics.register()
        partnerships.register()
        registry.register_graph_scope(
            registry.GraphScope("network", Network.objects.published, order=20)
        )
        registry.register_list_page("networks:partnerships")

    def grant_roles(self):
        """What Editors, Publishers and Partner managers may do with this app's records."""
        from networks.models import Membership, Network, Organisation, OrganisationSource, Person
        from portal import roles

        roles.grant_editing(Organisation, Network, Person)
        roles.grant_editing(Membership, OrganisationSource, actions=roles.ROWS)
