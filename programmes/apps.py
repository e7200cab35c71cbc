from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = _("Programmes")

    def ready(self):
        self.grant_roles()
        from django.urls import reverse
        from django.utils.http import urlencode

        from portal import registry
        from programmes import demo, search, selectors, sitemaps, years
        from programmes.models import Programme

        registry.register_section(
            "networks.Organisation",
            registry.Section(
                "programmes",
                "programmes/includes/_organisation_programmes.html",
                selectors.programmes_for_organisation,
                lambda organisation: (
                    f"{reverse('programmes:list')}?{urlencode({'organisation': organisation.slug})}"
                ),
                order=10,
            ),
        )
        for source in search.SOURCES:
            registry.register_search_source(source)
        registry.register_year_section(years.MILESTONES)
        registry.register_sitemap(
            "programmes-programme", sitemaps.ProgrammeSitemap, list_pages=("programmes:list",)
        )
        registry.register_sitemap("programmes-programmeyear", sitemaps.ProgrammeYearSitemap)
        registry.register_sitemap(
            "programmes-goodpractice",
            sitemaps.GoodPracticeSitemap,
            list_pages=("programmes:goodpractice_list",),
        )
        registry.register_home_block(
            registry.HomeBlock(
                "programmes", "programmes/includes/_home.html", selectors.home_page, order=10
            )
        )
        registry.register_figure(
            registry.Figure(
                "programmes",
                _("programmes"),
                lambda: Programme.objects.published().count(),
                order=10,
            )
        )
        registry.register_countries(selectors.country_codes_of_programmes)
        registry.register_demo("programmes", demo.load)

        from programmes import exports

        for dataset in exports.datasets():
            registry.register_dataset(dataset)
        registry.register_public_people(exports.team_members)
        registry.register_data_link(
            registry.DataLink(
                "iati",
                _("Programmes as IATI activities"),
                _(
                    "Every published programme with a start date as an IATI 2.03 activity: "
                    "titles and descriptions in Thai and English, participating organisations "
                    "and their roles, status, dates, countries, sector, documents and related "
                    "programmes. Each programme's page links its own record."
                ),
                "programmes:iati_activities",
                standard="IATI 2.03",
                order=10,
            )
        )

        from portal.registry import register_archive_generator
        from programmes import archive

        register_archive_generator(
            "programmes", archive.generate, remove=archive.remove, pages=archive.pages
        )

        # Counts by status and data-quality checks of the admin home.
        from programmes import dashboard

        dashboard.register()

        # Good-practice transfers, statistics and the partnership picture (issue 16).
        from programmes import statistics

        statistics.register()
        registry.register_section(
            "networks.Organisation",
            registry.Section(
                "transfers",
                "programmes/includes/_organisation_transfers.html",
                selectors.transfers_of_organisation,
                limit=10,
                order=15,
            ),
        )
        registry.register_relation(
            registry.Relation(
                "programmes",
                _("programmes"),
                selectors.partner_pairs,
                lambda n: ngettext("%(count)d programme", "%(count)d programmes", n) % {"count": n},
            )
        )
        registry.register_graph_scope(
            registry.GraphScope("programme", Programme.objects.published, order=10)
        )

    def grant_roles(self):
        """What Editors, Publishers and Partner managers may do with this app's records."""
        from portal import roles
        from programmes.models import (
            GoodPractice,
            GoodPracticeImage,
            ImpactStatement,
            Programme,
            ProgrammeLink,
            ProgrammePartner,
            ProgrammeSource,
            TeamMember,
            Theme,
            Transfer,
            TransferSource,
        )

        roles.grant_editing(Programme, GoodPractice)
        roles.grant_editing(Transfer, TransferSource, actions=roles.ROWS)
        roles.grant_editing(
            ProgrammePartner,
            TeamMember,
            ImpactStatement,
            ProgrammeLink,
            GoodPracticeImage,
            ProgrammeSource,
            actions=roles.ROWS,
        )
        roles.grant_editing(Theme, actions=roles.READ)
