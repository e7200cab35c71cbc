"""Country names for the networks app: the portal's own (see portal/countries.py)."""

from portal.countries import country_choices, country_name, sort_key

__all__ = ["country_choices", "country_name", "sort_key"]
