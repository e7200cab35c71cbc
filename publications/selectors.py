"""Reads of the publication library: the list with its filters, the page, who may download.

Events link to publications from their side (`Event.documents`, reverse name
`events`), so this module reaches the Event model only through the app registry.
"""

from django.apps import apps
from django.db.models import F, Prefetch, QuerySet

from portal.collation import collated
from portal.models import PublishedQuerySet
from programmes.models import (
    Programme,
)
from publications.models import (
    Access,
    Language,
    PartnerAccount,
    Publication,
    PublicationKind,
)

HOME_LIMIT = 3
SORT_NEWEST = "newest"
SORT_DOWNLOADS = "downloads"


def _event_model():
    return apps.get_model("events", "Event") if apps.is_installed("events") else None


# --- who may download ------------------------------------------------------------------


def is_partner(user) -> bool:
    """Signed in with a current partner account (active, not expired)."""
    if not user.is_authenticated:
        return False
    try:
        account = user.partner_account
    except PartnerAccount.DoesNotExist:
        return False
    return account.is_current


def can_download(user, publication: Publication) -> bool:
    """Public files for everyone; partners-only files for current partners and staff."""
    if not publication.is_partners_only:
        return True
    return bool(user.is_authenticated and (user.is_staff or is_partner(user)))


def partner_account_for(user) -> PartnerAccount | None:
    if not user.is_authenticated:
        return None
    return PartnerAccount.objects.filter(user=user).first()


# --- the library -----------------------------------------------------------------------


def filter_choices() -> dict:
    """The values the library's filters offer: only those some published publication has."""
    published = Publication.objects.published()
    languages = Language.objects.filter(pk__in=published.values("languages").order_by()).order_by(
        collated("name"), "code"
    )
    years = sorted(
        set(published.exclude(year=None).values_list("year", flat=True).distinct()),
        reverse=True,
    )
    programmes = Programme.objects.published().filter(
        pk__in=published.values("programme_id").order_by()
    )
    choices = {
        "kinds": list(PublicationKind.choices),
        "languages": [(language.code, str(language)) for language in languages],
        "years": years,
        "programmes": [(p.slug, str(p)) for p in programmes.order_by(collated("title"), "pk")],
        "events": [],
        "access": list(Access.choices),
    }
    Event = _event_model()
    if Event is not None:
        events = Event.objects.published().filter(documents__in=published).distinct()
        choices["events"] = [(e.slug, str(e)) for e in events.order_by("-start_date", "pk")]
    return choices


def _with_list_relations(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("programme", "publisher").prefetch_related(
        Prefetch("languages", queryset=Language.objects.order_by("code"))
    )


def publication_library(*, filters: dict | None = None) -> QuerySet:
    """Published publications matching the filters, newest first or most downloaded first."""
    filters = filters or {}
    queryset = Publication.objects.published()
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    if filters.get("language"):
        queryset = queryset.filter(
            pk__in=Publication.languages.through.objects.filter(
                language__code=filters["language"]
            ).values("publication_id")
        )
    if filters.get("year"):
        queryset = queryset.filter(year=int(filters["year"]))
    if filters.get("programme"):
        queryset = queryset.filter(programme__slug=filters["programme"])
    if filters.get("event"):
        Event = _event_model()
        if Event is not None:
            linked = Event.documents.through.objects.filter(
                PublishedQuerySet.published_q("event__"), event__slug=filters["event"]
            ).values("publication_id")
            queryset = queryset.filter(pk__in=linked)
    if filters.get("access"):
        queryset = queryset.filter(access=filters["access"])
    if filters.get("sort") == SORT_DOWNLOADS:
        ordering = [F("download_count").desc(), F("year").desc(nulls_last=True), "-pk"]
    else:
        ordering = [F("year").desc(nulls_last=True), F("published_at").desc(), "-pk"]
    return _with_list_relations(queryset).order_by(*ordering)


# --- one publication -------------------------------------------------------------------


def publication_detail_queryset(user=None) -> QuerySet:
    """Published publications (staff also preview drafts) with what their page shows."""
    queryset = _with_list_relations(Publication.objects.visible_to(user))
    Event = _event_model()
    if Event is not None:
        queryset = queryset.prefetch_related(
            Prefetch(
                "events",
                queryset=Event.objects.published().order_by("-start_date", "pk"),
                to_attr="published_events",
            )
        )
    return queryset


def downloadable_queryset(user=None) -> QuerySet:
    """The publications whose file the download view may look at (before the access check)."""
    return Publication.objects.visible_to(user)


def publications_for(obj) -> list[Publication]:
    """The published publications of a programme (its own), an event (its documents)
    or an organisation (those it published)."""
    Organisation = apps.get_model("networks", "Organisation")
    if isinstance(obj, Programme):
        queryset = Publication.objects.published().filter(programme=obj)
    elif isinstance(obj, Organisation):
        queryset = Publication.objects.published().filter(publisher=obj)
    elif hasattr(obj, "documents"):
        queryset = obj.documents.published()
    else:
        return []
    return list(
        _with_list_relations(queryset).order_by(F("year").desc(nulls_last=True), "kind", "pk")
    )


def home_page() -> dict:
    """The latest published publications for the home page (2 queries)."""
    latest = _with_list_relations(Publication.objects.published()).order_by("-published_at", "-pk")[
        :HOME_LIMIT
    ]
    return {"library_home": list(latest)}
