"""The open datasets of this app: programmes, their partners, and good practices.

Public fields only: never the team's contacts, a staff note or a draft. Related records
are named by slug only when they are public themselves (`opendata.public_slug`).
"""

from collections import defaultdict

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.opendata import (
    SLUG_COLUMN,
    Column,
    Dataset,
    ForeignKey,
    batched,
    path_for,
    public_slug,
    public_values,
)
from programmes import selectors
from programmes.models import (
    GoodPractice,
    PartnerRole,
    Programme,
    ProgrammePartner,
    Stage,
    TeamMember,
)


def _codes(value) -> str:
    if not value:
        return ""
    if isinstance(value, str):
        return " ".join(code for code in value.split(",") if code)
    return " ".join(str(getattr(code, "code", code)) for code in value)


def _themes(model, ids: list[int]) -> dict[int, str]:
    """Theme slugs of each record, one query for a batch of records."""
    through = model.themes.through
    owner = f"{model._meta.model_name}_id"
    themes: dict[int, list[str]] = defaultdict(list)
    rows = through.objects.filter(**{f"{owner}__in": ids}).order_by("theme__order", "theme__slug")
    for owner_id, slug in rows.values_list(owner, "theme__slug"):
        themes[owner_id].append(slug)
    return {key: " ".join(value) for key, value in themes.items()}


# --- programmes -------------------------------------------------------------------------

PROGRAMME_COLUMNS = (
    SLUG_COLUMN,
    Column("title_th", "string", _("Title in Thai.")),
    Column("title_en", "string", _("Title in English.")),
    Column("acronym_th", "string", _("Short name in Thai.")),
    Column("acronym_en", "string", _("Short name in English.")),
    Column("summary_th", "string", _("Summary in Thai.")),
    Column("summary_en", "string", _("Summary in English.")),
    Column(
        "status",
        "string",
        _("Programme status: planned, ongoing or completed (as stated, else from the dates)."),
        enum=tuple(Stage.values),
    ),
    Column("start_date", "date", _("Start (YYYY-MM-DD).")),
    Column("end_date", "date", _("End (YYYY-MM-DD).")),
    Column("date_precision", "string", _("How precise the dates are: day, month or year.")),
    Column("lead_organisation", "string", _("Slug of the implementing organisation.")),
    Column("countries", "string", _("Countries, ISO 3166-1 alpha-2 codes separated by spaces.")),
    Column("themes", "string", _("Theme slugs, separated by spaces.")),
    Column("dac_sector", "string", _("OECD DAC 5-digit sector code, where staff chose one.")),
    Column("parent", "string", _("Slug of the larger programme this one is part of.")),
    Column(
        "partners",
        "string",
        _("Partners as “organisation-slug (role)”, separated by semicolons."),
    ),
    Column("url", "string", _("Page of the programme on this portal (path).")),
    Column("iati_url", "string", _("The programme's IATI activity record (path).")),
)


def programme_queryset(filters: dict):
    chosen = selectors.programme_list(filters=filters).order_by().values("pk")
    return Programme.objects.filter(pk__in=chosen).order_by("pk")


def _partners(ids: list[int]) -> dict[int, str]:
    partners: dict[int, list[str]] = defaultdict(list)
    rows = (
        ProgrammePartner.objects.filter(programme_id__in=ids)
        .filter(Programme.objects.published_q("organisation__"))
        .order_by("programme_id", "order", "pk")
        .values_list("programme_id", "organisation__slug", "role")
    )
    for programme_id, slug, role in rows:
        partners[programme_id].append(f"{slug} ({role})")
    return {key: "; ".join(value) for key, value in partners.items()}


def programme_rows(queryset):
    from programmes import iati

    fields = [
        "pk",
        "slug",
        "title_th",
        "title_en",
        "acronym_th",
        "acronym_en",
        "summary_th",
        "summary_en",
        "stage",
        "start_date",
        "end_date",
        "date_precision",
        "countries",
        "dac_sector",
        *public_values("lead_organisation"),
        *public_values("parent"),
    ]
    now, path, iati_path = (
        timezone.now(),
        path_for("programmes:detail"),
        path_for("programmes:iati"),
    )
    for batch in batched(queryset.values(*fields).iterator(chunk_size=1000)):
        ids = [row["pk"] for row in batch]
        themes, partners = _themes(Programme, ids), _partners(ids)
        for row in batch:
            programme = Programme(
                slug=row["slug"],
                stage=row["stage"],
                start_date=row["start_date"],
                end_date=row["end_date"],
            )
            row.update(
                status=programme.current_stage,
                lead_organisation=public_slug(row, "lead_organisation", now),
                parent=public_slug(row, "parent", now),
                countries=_codes(row["countries"]),
                themes=themes.get(row["pk"], ""),
                partners=partners.get(row["pk"], ""),
                url=path(row["slug"]),
                iati_url=iati_path(row["slug"]) if iati.is_reportable(programme) else "",
            )
            yield row


# --- partners ---------------------------------------------------------------------------

PARTNER_COLUMNS = (
    Column("programme", "string", _("Slug of the programme."), required=True),
    Column("organisation", "string", _("Slug of the partner organisation."), required=True),
    Column("organisation_name_th", "string", _("Name of the partner in Thai.")),
    Column("organisation_name_en", "string", _("Name of the partner in English.")),
    Column(
        "role",
        "string",
        _("Role: funder, implementer, lead, local, associate or extending."),
        enum=tuple(PartnerRole.values),
    ),
    Column("order", "integer", _("Position in the programme's list of partners.")),
)


def partner_queryset(filters: dict):
    chosen = selectors.programme_list(filters=filters).order_by().values("pk")
    return (
        ProgrammePartner.objects.filter(programme__in=chosen)
        .filter(Programme.objects.published_q("organisation__"))
        .order_by("programme_id", "order", "pk")
    )


def partner_rows(queryset):
    values = queryset.values(
        "programme__slug",
        "organisation__slug",
        "organisation__name_th",
        "organisation__name_en",
        "role",
        "order",
    )
    for row in values.iterator(chunk_size=2000):
        yield {
            "programme": row["programme__slug"],
            "organisation": row["organisation__slug"],
            "organisation_name_th": row["organisation__name_th"],
            "organisation_name_en": row["organisation__name_en"],
            "role": row["role"],
            "order": row["order"],
        }


# --- good practices ---------------------------------------------------------------------

GOOD_PRACTICE_COLUMNS = (
    SLUG_COLUMN,
    Column("title_th", "string", _("Title in Thai.")),
    Column("title_en", "string", _("Title in English.")),
    Column("summary_th", "string", _("Summary in Thai.")),
    Column("summary_en", "string", _("Summary in English.")),
    Column("programme", "string", _("Slug of the programme that documented the case.")),
    Column("local_government", "string", _("Slug of the local government it comes from.")),
    Column("country", "string", _("Country, as an ISO 3166-1 alpha-2 code.")),
    Column("themes", "string", _("Theme slugs, separated by spaces.")),
    Column("is_sample", "boolean", _("true for a sample case made up to show the layout.")),
    Column("url", "string", _("Page of the case on this portal (path).")),
)


def good_practice_queryset(filters: dict):
    chosen = selectors.good_practice_list(filters=filters).order_by().values("pk")
    return GoodPractice.objects.filter(pk__in=chosen).order_by("pk")


def good_practice_rows(queryset):
    fields = [
        "pk",
        "slug",
        "title_th",
        "title_en",
        "summary_th",
        "summary_en",
        "country",
        "is_sample",
        *public_values("programme"),
        *public_values("local_government"),
    ]
    now, path = timezone.now(), path_for("programmes:goodpractice_detail")
    for batch in batched(queryset.values(*fields).iterator(chunk_size=1000)):
        themes = _themes(GoodPractice, [row["pk"] for row in batch])
        for row in batch:
            row.update(
                programme=public_slug(row, "programme", now),
                local_government=public_slug(row, "local_government", now),
                country=str(row["country"] or ""),
                themes=themes.get(row["pk"], ""),
                url=path(row["slug"]),
            )
            yield row


def team_members():
    """Ids of people in the team of a published programme (a public role, see TeamMember)."""
    published = Programme.objects.published().values("pk")
    return TeamMember.objects.filter(programme__in=published).order_by().values("person_id")


def datasets() -> list[Dataset]:
    from programmes.views import GoodPracticeListView, ProgrammeListView

    return [
        Dataset(
            key="programmes",
            title=_("Programmes"),
            description=_(
                "Every published programme: title and summary in Thai and English, status, "
                "dates, implementing organisation, countries, themes, DAC sector and partners "
                "with their roles."
            ),
            columns=PROGRAMME_COLUMNS,
            queryset=programme_queryset,
            rows=programme_rows,
            list_url_name="programmes:list",
            export_url_name="programmes:export",
            list_view=ProgrammeListView,
            primary_key=("slug",),
            foreign_keys=(
                ForeignKey("lead_organisation", "organisations"),
                ForeignKey("parent", "programmes"),
            ),
            order=10,
        ),
        Dataset(
            key="programme-partners",
            title=_("Programme partners"),
            description=_("Each partner organisation of each programme, with its role."),
            columns=PARTNER_COLUMNS,
            queryset=partner_queryset,
            rows=partner_rows,
            list_url_name="programmes:list",
            export_url_name="programmes:partner_export",
            list_view=ProgrammeListView,
            foreign_keys=(
                ForeignKey("programme", "programmes"),
                ForeignKey("organisation", "organisations"),
            ),
            order=11,
        ),
        Dataset(
            key="good-practices",
            title=_("Good practices"),
            description=_(
                "Every published good-practice case: title and summary in Thai and English, "
                "programme, local government, country and themes."
            ),
            columns=GOOD_PRACTICE_COLUMNS,
            queryset=good_practice_queryset,
            rows=good_practice_rows,
            list_url_name="programmes:goodpractice_list",
            export_url_name="programmes:goodpractice_export",
            list_view=GoodPracticeListView,
            primary_key=("slug",),
            foreign_keys=(
                ForeignKey("programme", "programmes"),
                ForeignKey("local_government", "organisations"),
            ),
            order=60,
        ),
    ]
