from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        self.grant_roles()
        from django.db.models import Sum
        from django.urls import reverse
        from django.utils.http import urlencode

        from events import demo, search, selectors, sitemaps, years
        from events.forms import library_event_filter
        from events.models import Event
        from portal import registry

        def events_list(**query):
            return f"{reverse('events:list')}?{urlencode(query)}"

        related = "events/includes/_related_events.html"
        registry.register_section(
            "networks.Organisation",
            registry.Section(
                "events",
                related,
                selectors.events_for_organisation,
                lambda organisation: events_list(organisation=organisation.slug),
                order=20,
            ),
        )
        registry.register_section(
            "networks.Network",
            registry.Section(
                "events",
                related,
                selectors.events_for_network,
                lambda network: events_list(network=network.slug),
            ),
        )
        registry.register_section(
            "programmes.Programme",
            registry.Section(
                "events",
                related,
                selectors.events_for_programme,
                lambda programme: events_list(programme=programme.slug),
                order=10,
            ),
        )
        registry.register_section(
            "publications.Publication",
            registry.Section(
                "events",
                "events/includes/_publication_events.html",
                selectors.events_for_publication,
                lambda publication: events_list(publication=publication.slug),
            ),
        )
        registry.register_section(
            "networks.Organisation",
            registry.Section(
                "awards", "events/includes/_organisation_awards.html",
                selectors.awards_for_organisation, limit=10, order=25,
            ),
        )  # fmt: skip
        registry.register_section(
            "programmes.GoodPractice",
            registry.Section(
                "events", "events/includes/_good_practice_events.html",
                selectors.events_for_good_practice, limit=10, order=20,
            ),
        )  # fmt: skip
        registry.register_list_filter("publications.Publication", library_event_filter)
        # Issue 16: statistics, the partnership picture's events, transfers through events.
        from django.utils.translation import ngettext

        from events import statistics

        statistics.register()
        registry.register_relation(
            registry.Relation(
                "events",
                _("events"),
                selectors.organiser_pairs,
                lambda n: ngettext("%(count)d event", "%(count)d events", n) % {"count": n},
            )
        )
        registry.register_prefetch("programmes.Transfer", selectors.transfer_events_prefetch)
        registry.register_prefetch("publications.Publication", selectors.presented_at_prefetch)
        for source in search.SOURCES:
            registry.register_search_source(source)
        registry.register_year_section(years.EVENTS)
        registry.register_year_section(years.GOOD_PRACTICES)
        registry.register_sitemap(
            "events-event", sitemaps.EventSitemap, list_pages=("events:list",)
        )
        registry.register_sitemap("events-series", sitemaps.EventSeriesSitemap)
        registry.register_home_block(
            registry.HomeBlock(
                "events", "events/includes/_home.html", selectors.home_page, order=20
            )
        )
        published = Event.objects.published
        registry.register_figure(
            registry.Figure("events", _("events"), lambda: published().count(), order=20)
        )
        registry.register_figure(
            registry.Figure(
                "participants",
                _("participants at events"),
                lambda: published().aggregate(total=Sum("declared_participants"))["total"] or 0,
                order=30,
            )
        )
        registry.register_countries(selectors.country_codes_of_events)
        registry.register_demo("events", demo.load)

        from events import exports

        for dataset in exports.datasets():
            registry.register_dataset(dataset)
        registry.register_public_people(exports.people_in_public_roles)
        registry.register_public_people(exports.event_reporters)

        from events import archive
        from portal.registry import register_archive_generator

        register_archive_generator(
            "events", archive.generate, remove=archive.remove, pages=archive.pages
        )

        # Counts by status and data-quality checks of the admin home.
        from events import dashboard

        dashboard.register()

    def grant_roles(self):
        """What Editors, Publishers and Partner managers may do with this app's records."""
        from events.models import (
            Award,
            Event,
            EventAlbum,
            EventGoodPractice,
            EventOrganiser,
            EventSeries,
            EventSource,
            ParticipantGroup,
            Participation,
            Photo,
            Role,
            Session,
        )
        from portal import roles

        roles.grant_editing(Event, EventSeries)
        roles.grant_editing(
            Award,
            EventGoodPractice,
            EventSource,
            EventOrganiser,
            Session,
            Role,
            ParticipantGroup,
            Participation,
            EventAlbum,
            Photo,
            actions=roles.ROWS,
        )
