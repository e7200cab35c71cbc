"""Reads of the publication library: the list with its filters, the page, who may download.

Events link to publications from their side (`Event.documents`), so what a
publication's page and the library show of events is contributed by the events
app through `portal.registry` (a section and the `event` list filter).
"""

from django.db.models import F, Prefetch, QuerySet

from portal import pagecache, registry
from portal.collation import collated
from portal.models import can_preview
from programmes.models import Programme
from publications.models import (
    Access,
    Language,
    PartnerAccount,
    Publication,
    PublicationKind,
)

HOME_LIMIT = 3
LONG_TEXTS = ("abstract", "abstract_th", "abstract_en")
SORT_NEWEST = "newest"
SORT_DOWNLOADS = "downloads"


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
    return bool(user.is_authenticated and (can_preview(user, Publication) or is_partner(user)))


def partner_account_for(user) -> PartnerAccount | None:
    if not user.is_authenticated:
        return None
    return PartnerAccount.objects.filter(user=user).first()


# --- the library -----------------------------------------------------------------------


def filter_choices() -> dict:
    """What the list filters offer, computed once per change of the records (pagecache)."""
    return pagecache.cached("publications:filter-choices", _filter_choices)


def _filter_choices() -> dict:
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
        "access": list(Access.choices),
    }
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
    if filters.get("publisher"):
        queryset = queryset.filter(publisher=filters["publisher"])
    if filters.get("good_practice"):
        queryset = queryset.filter(good_practices=filters["good_practice"])
    for list_filter in registry.list_filters_for(Publication._meta.label):
        if filters.get(list_filter.key):
            queryset = list_filter.apply(queryset, filters[list_filter.key])
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
    queryset = Publication.objects.visible_to(user)
    # Higher apps may load what citations read (events: `presented_at`, see citations.py).
    return _with_list_relations(queryset).prefetch_related(
        *registry.prefetches_for(Publication._meta.label)
    )


def downloadable_queryset(user=None) -> QuerySet:
    """The publications whose file the download view may look at (before the access check)."""
    return Publication.objects.visible_to(user)


# --- sections of other apps' pages (registered in apps.py) ---------------------------------


def _section_rows(queryset: QuerySet) -> QuerySet:
    """A few publications on another record's page: what their row shows, nothing more
    (no languages: one query fewer, and the publication's page has them)."""
    return queryset.defer(*LONG_TEXTS).order_by(F("year").desc(nulls_last=True), "kind", "pk")


def publications_of_programme(programme) -> QuerySet:
    """The programme's own published publications, newest first."""
    return _section_rows(Publication.objects.published().filter(programme=programme))


def publications_of_publisher(organisation) -> QuerySet:
    """The published publications an organisation published, newest first."""
    return _section_rows(Publication.objects.published().filter(publisher=organisation))


def publications_presenting(good_practice) -> QuerySet:
    """The published publications that present a good-practice case, newest first."""
    return _section_rows(Publication.objects.published().filter(good_practices=good_practice))


def home_page() -> dict:
    """The latest published publications for the home page (2 queries)."""
    latest = _with_list_relations(Publication.objects.published()).order_by("-published_at", "-pk")[
        :HOME_LIMIT
    ]
    return {"library_home": list(latest)}
