"""Reads for the home page that combine the apps' published records."""

import importlib

from django.apps import apps
from django.db.models import Sum

from portal.countries import country_codes

# Each module's `home_page()` adds its section's data to the home page's context.
HOME_PAGE_MODULES = (
    "networks.selectors",
    "programmes.selectors",
    "publications.selectors",
    "events.selectors",
)


def home_page_context() -> dict:
    """What the home page shows: the figures at a glance and each section's latest records."""
    context: dict = {"figures": figures()}
    for module_name in HOME_PAGE_MODULES:
        module = importlib.import_module(module_name)
        if hasattr(module, "home_page"):
            context.update(module.home_page())
    return context


def figures() -> dict:
    """The portal's records at a glance, counted from published records only (5 queries)."""
    Programme = apps.get_model("programmes", "Programme")
    Publication = apps.get_model("publications", "Publication")
    Event = apps.get_model("events", "Event")
    Organisation = apps.get_model("networks", "Organisation")

    events = Event.objects.published()
    event_rows = events.values_list("venue_country", "countries_represented")
    programme_countries = Programme.objects.published().values_list("countries", flat=True)
    countries: set[str] = set()
    for venue, represented in event_rows:
        countries.update(code for code in [str(venue), *country_codes(represented)] if code)
    for value in programme_countries:
        countries.update(country_codes(value))
    return {
        "programmes": Programme.objects.published().count(),
        "events": len(event_rows),
        "participants": events.aggregate(total=Sum("declared_participants"))["total"] or 0,
        "organisations": Organisation.objects.published().count(),
        "countries": len(countries),
        "publications": Publication.objects.published().count(),
    }
