"""The open datasets of this app: organisations, networks and their memberships.

Public fields only: never a person, an email, a phone number or a staff note. Related
records are named by slug only when they are public themselves (`opendata.public_slug`).
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from networks import selectors
from networks.models import Membership, OrganisationKind
from portal.models import PublishedQuerySet
from portal.opendata import (
    SLUG_COLUMN,
    Column,
    Dataset,
    ForeignKey,
    path_for,
    public_slug,
    public_values,
)


def _countries(value) -> str:
    """Country codes of a (multiple) country field as `TH LA` (ISO 3166-1 alpha-2)."""
    if not value:
        return ""
    if isinstance(value, str):
        return " ".join(code for code in value.split(",") if code)
    return " ".join(str(getattr(code, "code", code)) for code in value)


# --- organisations ----------------------------------------------------------------------

ORGANISATION_COLUMNS = (
    SLUG_COLUMN,
    Column("name_th", "string", _("Name in Thai.")),
    Column("name_en", "string", _("Name in English.")),
    Column("acronym_th", "string", _("Short name in Thai.")),
    Column("acronym_en", "string", _("Short name in English.")),
    Column(
        "kind",
        "string",
        _("Kind of organisation, as a code (local_government, cso, academic …)."),
        enum=tuple(OrganisationKind.values),
    ),
    Column("country", "string", _("Country, as an ISO 3166-1 alpha-2 code.")),
    Column("city_th", "string", _("Province or city, in Thai.")),
    Column("city_en", "string", _("Province or city, in English.")),
    Column("parent", "string", _("Slug of the organisation this one belongs to, if any.")),
    Column("website", "string", _("Web site.")),
    Column("url", "string", _("Page of the organisation on this portal (path).")),
)


def organisation_queryset(filters: dict):
    return selectors.organisation_directory(filters=filters).order_by("pk")


def organisation_rows(queryset):
    names = [c.name for c in ORGANISATION_COLUMNS if c.name not in {"parent", "url"}]
    values = queryset.values(*names, *public_values("parent"))
    now, path = timezone.now(), path_for("networks:organisation_detail")
    for row in values.iterator(chunk_size=2000):
        row["parent"] = public_slug(row, "parent", now)
        row["country"] = str(row["country"] or "")
        row["url"] = path(row["slug"])
        yield row


# --- networks ---------------------------------------------------------------------------

NETWORK_COLUMNS = (
    SLUG_COLUMN,
    Column("name_th", "string", _("Name in Thai.")),
    Column("name_en", "string", _("Name in English.")),
    Column("acronym_th", "string", _("Short name in Thai.")),
    Column("acronym_en", "string", _("Short name in English.")),
    Column("coordinator", "string", _("Slug of the coordinating organisation.")),
    Column("founded", "integer", _("Year founded (Common Era).")),
    Column("member_count", "integer", _("Number of published member organisations.")),
    Column("url", "string", _("Page of the network on this portal (path).")),
)


def network_queryset(filters: dict):
    return selectors.network_list(filters=filters).order_by("pk")


def network_rows(queryset):
    names = [c.name for c in NETWORK_COLUMNS if c.name not in {"coordinator", "url"}]
    values = queryset.values(*names, *public_values("coordinator"))
    now, path = timezone.now(), path_for("networks:network_detail")
    for row in values.iterator(chunk_size=2000):
        row["coordinator"] = public_slug(row, "coordinator", now)
        row["url"] = path(row["slug"])
        yield row


# --- memberships ------------------------------------------------------------------------

MEMBERSHIP_COLUMNS = (
    Column("network", "string", _("Slug of the network."), required=True),
    Column("organisation", "string", _("Slug of the member organisation."), required=True),
    Column("organisation_name_th", "string", _("Name of the member in Thai.")),
    Column("organisation_name_en", "string", _("Name of the member in English.")),
    Column("role_th", "string", _("Role of the member in the network, in Thai.")),
    Column("role_en", "string", _("Role of the member in the network, in English.")),
    Column("start", "date", _("Member from (YYYY-MM-DD), if known.")),
    Column("end", "date", _("Member until (YYYY-MM-DD); empty while still a member.")),
)


def membership_queryset(filters: dict):
    """The memberships of the networks the networks list's filters select, between public
    records only."""
    networks = selectors.network_list(filters=filters).order_by().values("pk")
    return (
        Membership.objects.filter(network__in=networks)
        .filter(PublishedQuerySet.published_q("organisation__"))
        .order_by("network_id", "organisation_id", "pk")
    )


def membership_rows(queryset):
    values = queryset.values(
        "network__slug",
        "organisation__slug",
        "organisation__name_th",
        "organisation__name_en",
        "role_th",
        "role_en",
        "start",
        "end",
    )
    for row in values.iterator(chunk_size=2000):
        yield {
            "network": row["network__slug"],
            "organisation": row["organisation__slug"],
            "organisation_name_th": row["organisation__name_th"],
            "organisation_name_en": row["organisation__name_en"],
            "role_th": row["role_th"],
            "role_en": row["role_en"],
            "start": row["start"],
            "end": row["end"],
        }


def datasets() -> list[Dataset]:
    from networks.views import NetworkListView, OrganisationListView

    return [
        Dataset(
            key="organisations",
            title=_("Organisations"),
            description=_(
                "Every published organisation: name and short name in Thai and English, kind, "
                "country, province or city, the organisation it belongs to and its web site."
            ),
            columns=ORGANISATION_COLUMNS,
            queryset=organisation_queryset,
            rows=organisation_rows,
            list_url_name="networks:organisation_list",
            export_url_name="networks:organisation_export",
            list_view=OrganisationListView,
            primary_key=("slug",),
            foreign_keys=(ForeignKey("parent", "organisations"),),
            order=40,
        ),
        Dataset(
            key="networks",
            title=_("Networks"),
            description=_(
                "Every published network: name, coordinating organisation, year founded and "
                "number of members."
            ),
            columns=NETWORK_COLUMNS,
            queryset=network_queryset,
            rows=network_rows,
            list_url_name="networks:network_list",
            export_url_name="networks:network_export",
            list_view=NetworkListView,
            primary_key=("slug",),
            foreign_keys=(ForeignKey("coordinator", "organisations"),),
            order=50,
        ),
        Dataset(
            key="network-memberships",
            title=_("Network memberships"),
            description=_(
                "Which organisation is a member of which network, in what role, from when "
                "and until when."
            ),
            columns=MEMBERSHIP_COLUMNS,
            queryset=membership_queryset,
            rows=membership_rows,
            list_url_name="networks:network_list",
            export_url_name="networks:membership_export",
            list_view=NetworkListView,
            foreign_keys=(
                ForeignKey("network", "networks"),
                ForeignKey("organisation", "organisations"),
            ),
            order=51,
        ),
    ]
