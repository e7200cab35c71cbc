"""The open dataset of this app: the publications catalogue; and a programme's public
publications for its IATI record (`registry.register_record_documents`).

The catalogue describes every published publication, partners-only ones included (their
existence and title are public on the library's pages); it never holds a file, a download
record, a partner account or a file's stored name. The download link of a partners-only
file leads to the sign-in, as on the library's page.
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
from portal.registry import RecordDocument
from publications import selectors
from publications.models import Access, Publication, PublicationKind

COLUMNS = (
    SLUG_COLUMN,
    Column("title_th", "string", _("Title in Thai.")),
    Column("title_en", "string", _("Title in English.")),
    Column(
        "kind",
        "string",
        _("Kind: manual, summary, seminar, paper, presentation, statement or report."),
        enum=tuple(PublicationKind.values),
    ),
    Column("year", "integer", _("Year of publication (Common Era).")),
    Column("authors", "string", _("Authors as they appear on the document.")),
    Column("publisher", "string", _("Slug of the publishing organisation.")),
    Column("programme", "string", _("Slug of the programme it belongs to.")),
    Column("languages", "string", _("Languages of the document, ISO 639-1 codes.")),
    Column(
        "access",
        "string",
        _("public, or partners (partners-only: signed-in partners download the file)."),
        enum=tuple(Access.values),
    ),
    Column("file_type", "string", _("Media type of the file (application/pdf …).")),
    Column("file_size", "integer", _("Size of the file in bytes.")),
    Column("page_count", "integer", _("Pages of the file, where they could be read.")),
    Column("sha256", "string", _("SHA-256 checksum of the file.")),
    Column("download_count", "integer", _("Downloads counted so far.")),
    Column("url", "string", _("Page of the publication on this portal (path).")),
    Column("download_url", "string", _("Download address of the file (path), if it has one.")),
)


def queryset(filters: dict):
    chosen = selectors.publication_library(filters=filters).order_by().values("pk")
    return Publication.objects.filter(pk__in=chosen).order_by("pk")


def _languages(ids: list[int]) -> dict[int, str]:
    found: dict[int, list[str]] = defaultdict(list)
    through = Publication.languages.through.objects.filter(publication_id__in=ids)
    for publication_id, code in through.order_by("language__code").values_list(
        "publication_id", "language__code"
    ):
        found[publication_id].append(code)
    return {key: " ".join(codes) for key, codes in found.items()}


def rows(queryset):
    fields = [
        "pk",
        "slug",
        "title_th",
        "title_en",
        "kind",
        "year",
        "authors",
        "access",
        "file",
        "content_type",
        "file_size",
        "page_count",
        "sha256",
        "download_count",
        *public_values("publisher"),
        *public_values("programme"),
    ]
    now = timezone.now()
    path, download = path_for("publications:detail"), path_for("publications:download")
    for batch in batched(queryset.values(*fields).iterator(chunk_size=1000)):
        languages = _languages([row["pk"] for row in batch])
        for row in batch:
            has_file = bool(row.pop("file"))
            row.update(
                publisher=public_slug(row, "publisher", now),
                programme=public_slug(row, "programme", now),
                languages=languages.get(row["pk"], ""),
                file_type=row["content_type"] if has_file else "",
                url=path(row["slug"]),
                download_url=download(row["slug"]) if has_file else "",
            )
            if not has_file:
                row.update(file_size=None, page_count=None, sha256="")
            yield row


def programme_documents(ids: list[int]) -> dict[int, list[RecordDocument]]:
    """Each programme's public publications (public access), for its IATI record."""
    found: dict[int, list[RecordDocument]] = defaultdict(list)
    publications = (
        Publication.objects.published()
        .filter(programme_id__in=ids, access=Access.PUBLIC)
        .order_by("programme_id", "-year", "pk")
    )
    for batch in batched(publications.iterator(chunk_size=1000)):
        languages = _languages([p.pk for p in batch])
        for publication in batch:
            found[publication.programme_id].append(
                RecordDocument(
                    titles={"th": publication.title_th or "", "en": publication.title_en or ""},
                    path=publication.get_absolute_url(),
                    languages=tuple(languages.get(publication.pk, "").split()),
                )
            )
    return found


def datasets() -> list[Dataset]:
    from publications.views import PublicationListView

    return [
        Dataset(
            key="publications",
            title=_("Publications catalogue"),
            description=_(
                "Every published publication: title in Thai and English, kind, year, authors, "
                "publisher, programme, languages, access, file type, size, checksum and "
                "downloads."
            ),
            columns=COLUMNS,
            queryset=queryset,
            rows=rows,
            list_url_name="publications:list",
            export_url_name="publications:export",
            list_view=PublicationListView,
            primary_key=("slug",),
            foreign_keys=(
                ForeignKey("publisher", "organisations"),
                ForeignKey("programme", "programmes"),
            ),
            order=70,
        )
    ]
