"""Publications: documents with their checked files, partner accounts and download records.

A publication may belong to a programme and present good-practice cases; the link
to the cases is declared here (`Publication.good_practices`), as events declare
theirs (`Event.documents`), so `programmes` never imports this app.
"""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.fields import DateField, YearField, plausible_year_constraint
from portal.i18n import translated
from portal.images import ProcessedImageField
from portal.models import PublishedModel, PublishedQuerySet
from portal.storage import protected_storage

SLUG_HELP = _("The web address of the page: Latin letters, digits and hyphens only.")


class Language(models.Model):
    """A language a document is written in (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("E.g. th, en, lo."))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("document language")
        verbose_name_plural = _("document languages")

    def __str__(self):
        return str(translated(self, "name")) or self.code


class PublicationKind(models.TextChoices):
    MANUAL = "manual", _("Manual")
    SUMMARY = "summary", _("Summary")
    SEMINAR_DOCUMENT = "seminar", _("Seminar document")
    PAPER = "paper", _("Paper")
    PRESENTATION = "presentation", _("Presentation")
    STATEMENT = "statement", _("Statement")
    REPORT = "report", _("Report")


class Access(models.TextChoices):
    PUBLIC = "public", _("Public")
    PARTNERS = "partners", _("Partners only")


def publication_file_name(instance, filename: str) -> str:
    """A safe generated name; the original name is kept in `original_filename` for downloads."""
    suffix = PurePosixPath(filename).suffix.lower()
    if not suffix[1:].isalnum() or len(suffix) > 6:
        suffix = ""
    return f"publications/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{suffix}"


class PublicationQuerySet(PublishedQuerySet):
    pass


class Publication(PublishedModel):
    title = models.CharField(_("title"), max_length=500, blank=True)
    kind = models.CharField(_("kind"), max_length=12, choices=PublicationKind.choices)
    languages = models.ManyToManyField(
        Language, related_name="publications", blank=True, verbose_name=_("languages")
    )
    year = YearField(
        _("year"),
        null=True,
        blank=True,
        help_text=_("A Buddhist-Era year (e.g. 2555) is converted to the Common Era."),
    )
    authors = models.CharField(
        _("authors"), max_length=500, blank=True, help_text=_("As they appear on the document.")
    )
    publisher = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("publisher"),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("programme"),
    )
    good_practices = models.ManyToManyField(
        "programmes.GoodPractice",
        related_name="publications",
        blank=True,
        verbose_name=_("good-practice cases"),
        help_text=_("The cases this publication presents."),
    )
    abstract = models.TextField(_("abstract"), blank=True)
    file = models.FileField(
        _("file"),
        upload_to=publication_file_name,
        storage=protected_storage,
        max_length=300,
        blank=True,
    )
    original_filename = models.CharField(
        _("original file name"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The name the file is downloaded under."),
    )
    file_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    content_type = models.CharField(_("content type"), max_length=120, blank=True, editable=False)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, editable=False)
    is_placeholder = models.BooleanField(
        _("placeholder file"),
        default=False,
        help_text=_("The file stands in for a document the portal does not hold yet."),
    )
    cover = ProcessedImageField(
        _("cover image"), upload_to="publications/covers/", renditions=(240, 480), blank=True
    )
    access = models.CharField(
        _("access"), max_length=10, choices=Access.choices, default=Access.PUBLIC, db_index=True
    )
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=SLUG_HELP)

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "-pk"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")
        constraints = [
            plausible_year_constraint("year", name="publication_plausible_year"),
        ]

    def __str__(self):
        return str(translated(self, "title"))

    def get_absolute_url(self):
        return reverse("publications:detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("publications:download", kwargs={"slug": self.slug})

    @property
    def is_partners_only(self) -> bool:
        return self.access == Access.PARTNERS

    def clean(self):
        super().clean()
        if not (self.title_th or self.title_en):
            raise ValidationError(
                {"title_th": _("Give the publication a title in Thai or in English.")},
                code="title_required",
            )


class PartnerAccount(models.Model):
    """A user account with the right to download partners-only files."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="partner_account",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_accounts",
        verbose_name=_("partner organisation"),
        help_text=_("Leave empty when staff grant access to a person without an organisation."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to withdraw access without deleting.")
    )
    valid_until = DateField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["user__username"]
        verbose_name = _("partner account")
        verbose_name_plural = _("partner accounts")

    def __str__(self):
        return str(self.user)

    @property
    def is_current(self) -> bool:
        if not self.is_active:
            return False
        return self.valid_until is None or self.valid_until >= timezone.localdate()


class DownloadRecord(models.Model):
    """Who downloaded a partners-only file, and when."""

    publication = models.ForeignKey(
        Publication, models.CASCADE, related_name="download_records", verbose_name=_("publication")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        related_name="publication_downloads",
        verbose_name=_("user"),
    )
    downloaded_at = models.DateTimeField(_("downloaded at"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-downloaded_at"]
        verbose_name = _("download record")
        verbose_name_plural = _("download records")

    def __str__(self):
        return f"{self.user} – {self.publication} – {self.downloaded_at:%Y-%m-%d %H:%M}"


class DownloadMonth(models.Model):
    """How many times a publication was downloaded in a month (no one's identity): the
    downloads-over-time statistic reads these counters, not a row per download."""

    publication = models.ForeignKey(
        Publication, models.CASCADE, related_name="download_months", verbose_name=_("publication")
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        ordering = ["publication", "month"]
        verbose_name = _("downloads in a month")
        verbose_name_plural = _("downloads by month")
        constraints = [
            models.UniqueConstraint(fields=["publication", "month"], name="download_month_unique"),
        ]

    def __str__(self):
        return f"{self.publication} – {self.month:%Y-%m}: {self.count}"
