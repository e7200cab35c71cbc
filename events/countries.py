"""Thai names of the region's countries on event pages.

django-countries' Thai catalogue (th_TH) "translates" these names into English
(msgstr "Myanmar") and takes precedence over this app's catalogue, so the event
pages name the region's countries through their own context-marked strings and
fall back to django-countries for the rest. (A portal-wide fix, e.g.
COUNTRIES_OVERRIDE or the project catalogue, belongs to the lead.)
"""

from django.utils.translation import pgettext_lazy
from django_countries import countries

REGION_COUNTRY_NAMES = {
    "BN": pgettext_lazy("country", "Brunei"),
    "KH": pgettext_lazy("country", "Cambodia"),
    "ID": pgettext_lazy("country", "Indonesia"),
    "LA": pgettext_lazy("country", "Laos"),
    "MY": pgettext_lazy("country", "Malaysia"),
    "MM": pgettext_lazy("country", "Myanmar"),
    "PH": pgettext_lazy("country", "Philippines"),
    "SG": pgettext_lazy("country", "Singapore"),
    "TH": pgettext_lazy("country", "Thailand"),
    "VN": pgettext_lazy("country", "Vietnam"),
    "TL": pgettext_lazy("country", "Timor-Leste"),
    "CN": pgettext_lazy("country", "China"),
}


def country_name(country) -> str:
    """The country's name in the active language; accepts a code or a Country object."""
    code = getattr(country, "code", country) or ""
    if code in REGION_COUNTRY_NAMES:
        return str(REGION_COUNTRY_NAMES[code])
    return str(countries.name(code)) if code else ""
