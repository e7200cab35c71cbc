"""Programme dates and JSON-LD.

{% load programmes_tags %}
{% programme_period programme %}          มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)
"""

from django import template
from django.utils.translation import ngettext

from portal import jsonld, thaidates
from programmes.models import (
    DatePrecision,
    PartnerRole,
)

register = template.Library()

MIN_DAYS_FOR_MONTHS = 27


def duration_text(months: int | None) -> str:
    if not months:
        return ""
    return ngettext("%(count)s month", "%(count)s months", months) % {"count": months}


@register.simple_tag
def programme_period(programme) -> str:
    """The programme's dates in the page's calendar, with its length in months.

    Month precision shows month and year only; year precision shows the years
    and no length (the months are not known).
    """
    if not (programme.start_date or programme.end_date):
        return ""
    precision = programme.date_precision or DatePrecision.DAY
    text = thaidates.format_range(programme.start_date, programme.end_date, precision)
    # A programme of a few days has no length in months worth saying.
    short = (
        precision == DatePrecision.DAY
        and programme.start_date
        and programme.end_date
        and (programme.end_date - programme.start_date).days < MIN_DAYS_FOR_MONTHS
    )
    if precision != DatePrecision.YEAR and programme.duration_months and not short:
        text = f"{text} ({duration_text(programme.duration_months)})"
    return text


@register.simple_tag(takes_context=True)
def programme_json_ld(context, programme):
    """Schema.org Project for a programme's page (partners from the prefetched relation)."""
    request = context.get("request")
    partners = list(programme.partners.all())

    def organisations(*roles):
        return [
            jsonld.organisation(request, p.organisation, with_parent=False)
            for p in partners
            if p.role in roles
        ]

    data = {
        "@type": "Project",
        "name": jsonld.text(programme, "title"),
        "alternateName": jsonld.text(programme, "acronym"),
        "url": jsonld.absolute(request, programme.get_absolute_url()),
        "description": jsonld.text(programme, "summary"),
        "foundingDate": jsonld.partial_date(programme.start_date, programme.date_precision),
        "dissolutionDate": jsonld.partial_date(programme.end_date, programme.date_precision),
        "funder": organisations(PartnerRole.FUNDER),
        "member": organisations(PartnerRole.IMPLEMENTER, PartnerRole.LEAD, PartnerRole.LOCAL),
        "areaServed": [{"@type": "Country", "identifier": str(c)} for c in programme.countries],
    }
    if programme.lead_organisation_id:
        data["parentOrganization"] = jsonld.organisation(
            request, programme.lead_organisation, with_parent=False
        )
    return jsonld.script(data)
