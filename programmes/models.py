"""Programmes, the good-practice cases they document, and the publications they release."""

import uuid
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from portal import thaidates
from portal.fields import DateField
from portal.i18n import text_in
from portal.images import ProcessedImageField
from portal.models import PublishedModel, PublishedQuerySet
from portal.storage import protected_storage

SLUG_HELP = _("The web address of the page: Latin letters, digits and hyphens only.")


def _title_with_acronym(obj) -> str:
    title, _lang = text_in(obj, "title")
    acronym, _lang = text_in(obj, "acronym")
    if acronym and acronym != title:
        return f"{title} ({acronym})"
    return title


class Theme(models.Model):
    """A small taxonomy staff can extend: good governance, environment, …"""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=SLUG_HELP)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "slug"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return text_in(self, "name")[0]


class Stage(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("programme stage", "Planned")
    ONGOING = "ongoing", pgettext_lazy("programme stage", "Ongoing")
    COMPLETED = "completed", pgettext_lazy("programme stage", "Completed")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class ProgrammeQuerySet(PublishedQuerySet):
    def spanning_year(self, year: int):
        """Programmes running at some time in a Common-Era year."""
        return self.filter(start_date__year__lte=year).filter(
            Q(end_date__isnull=True) | Q(end_date__year__gte=year)
        )


class Programme(PublishedModel):
    title = models.CharField(_("title"), max_length=500, blank=True)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="programmes", blank=True, verbose_name=_("themes")
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    objectives = models.TextField(
        _("objectives"), blank=True, help_text=_("What the programme set out to do.")
    )
    body = models.TextField(_("body"), blank=True)
    stage = models.CharField(
        _("programme status"),
        max_length=10,
        choices=Stage.choices,
        blank=True,
        help_text=_("Leave empty to derive it from the dates."),
    )
    start_date = DateField(_("start"), null=True, blank=True)
    end_date = DateField(_("end"), null=True, blank=True)
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
        help_text=_(
            "Month: the source gives only months (enter the first day of each month); "
            "the pages then show month and year only."
        ),
    )
    lead_organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programmes",
        verbose_name=_("implementing organisation"),
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    networks = models.ManyToManyField(
        "networks.Network", related_name="programmes", blank=True, verbose_name=_("networks")
    )
    cover = ProcessedImageField(
        _("cover image"), upload_to="programmes/covers/", renditions=(480, 960), blank=True
    )
    cover_credit = models.CharField(_("cover credit"), max_length=300, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=SLUG_HELP)

    objects = ProgrammeQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="programme_ends_after_start",
            ),
        ]

    def __str__(self):
        return _title_with_acronym(self)

    def get_absolute_url(self):
        return reverse("programmes:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not (self.title_th or self.title_en):
            raise ValidationError(
                {"title_th": _("Give the programme a title in Thai or in English.")},
                code="title_required",
            )
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The programme cannot end before it starts.")},
                code="end_before_start",
            )

    @property
    def current_stage(self) -> str:
        """The stage staff set, or the one the dates give today."""
        if self.stage:
            return self.stage
        today = timezone.localdate()
        if self.start_date and self.start_date > today:
            return Stage.PLANNED
        if self.end_date and self.end_date < today:
            return Stage.COMPLETED
        if self.start_date:
            return Stage.ONGOING
        return ""

    def get_current_stage_display(self) -> str:
        stage = self.current_stage
        return Stage(stage).label if stage else ""

    @property
    def duration_months(self) -> int | None:
        """Length in months, counting both the first and the last month ("30 months")."""
        start, end = self.start_date, self.end_date
        if not (start and end):
            return None
        if self.date_precision == DatePrecision.DAY:
            return max(1, round(((end - start).days + 1) / 30.4375))
        return (end.year - start.year) * 12 + end.month - start.month + 1

    @property
    def years(self) -> list[int]:
        """The Common-Era years the programme spans."""
        if not self.start_date:
            return []
        end = self.end_date or max(self.start_date, timezone.localdate())
        return list(range(self.start_date.year, end.year + 1))

    @property
    def country_count(self) -> int:
        return len(self.countries)


class PartnerRole(models.TextChoices):
    FUNDER = "funder", _("Funder")
    IMPLEMENTER = "implementer", _("Implementer")
    LEAD = "lead", _("Lead partner")
    LOCAL = "local", _("Local partner")
    ASSOCIATE = "associate", _("Associate")


class ProgrammePartner(models.Model):
    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="partners", verbose_name=_("programme")
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        related_name="programme_partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=12, choices=PartnerRole.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "organisation", "role"], name="programme_partner_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.get_role_display()}"


class TeamRole(models.TextChoices):
    DIRECTOR = "director", _("Director")
    MANAGER = "manager", _("Manager")
    COORDINATOR = "coordinator", _("Coordinator")
    FOCAL_POINT = "focal_point", _("Focal point")


class TeamMember(models.Model):
    """A person's role in a programme's team.

    A programme role is a public role, as a role at an event is: the person's name
    and position appear on the public programme page (never their email or phone),
    whatever `Person.public_consent` says. Record only people the programme itself
    names publicly.
    """

    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="team", verbose_name=_("programme")
    )
    person = models.ForeignKey(
        "networks.Person",
        models.PROTECT,
        related_name="programme_roles",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=12, choices=TeamRole.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("team member")
        verbose_name_plural = _("team")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "role"], name="programme_team_member_unique"
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"


class ImpactStatement(models.Model):
    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="impacts", verbose_name=_("programme")
    )
    text = models.TextField(_("statement"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("impact statement")
        verbose_name_plural = _("impact statements")

    def __str__(self):
        return text_in(self, "text")[0][:80]

    def clean(self):
        super().clean()
        if not (self.text_th or self.text_en):
            raise ValidationError(
                {"text_th": _("Write the statement in Thai or in English.")}, code="text_required"
            )


class ProgrammeLink(models.Model):
    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="links", verbose_name=_("programme")
    )
    label = models.CharField(_("label"), max_length=200, blank=True)
    url = models.URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return text_in(self, "label")[0] or self.url


class GoodPractice(PublishedModel):
    title = models.CharField(_("title"), max_length=500, blank=True)
    programme = models.ForeignKey(
        Programme,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("programme"),
    )
    local_government = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("local government"),
        help_text=_("The local government the practice comes from."),
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    themes = models.ManyToManyField(
        Theme, related_name="good_practices", blank=True, verbose_name=_("themes")
    )
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    source_publication = models.ForeignKey(
        "Publication",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="good_practices",
        verbose_name=_("source publication"),
    )
    is_sample = models.BooleanField(
        _("sample case"),
        default=False,
        help_text=_("Made up to show the layout; the page says so clearly."),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True, help_text=SLUG_HELP)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self):
        return text_in(self, "title")[0]

    def get_absolute_url(self):
        return reverse("programmes:goodpractice_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not (self.title_th or self.title_en):
            raise ValidationError(
                {"title_th": _("Give the case a title in Thai or in English.")},
                code="title_required",
            )


class GoodPracticeImage(models.Model):
    good_practice = models.ForeignKey(
        GoodPractice, models.CASCADE, related_name="images", verbose_name=_("good practice")
    )
    image = ProcessedImageField(
        _("image"), upload_to="good-practices/", renditions=(480, 960, 1600)
    )
    caption = models.CharField(_("caption"), max_length=500, blank=True)
    credit = models.CharField(_("credit"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["good_practice", "order", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return text_in(self, "caption")[0] or PurePosixPath(self.image.name).name


class Language(models.Model):
    """A language a document is written in (ISO 639-1 code)."""

    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("E.g. th, en, lo."))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        ordering = ["code"]
        verbose_name = _("document language")
        verbose_name_plural = _("document languages")

    def __str__(self):
        return text_in(self, "name")[0] or self.code


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
    year = models.PositiveSmallIntegerField(
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
        Programme,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name=_("programme"),
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
            models.CheckConstraint(
                condition=Q(year__isnull=True) | Q(year__gte=1800, year__lte=2200),
                name="publication_plausible_year",
            ),
        ]

    def __str__(self):
        return text_in(self, "title")[0]

    def get_absolute_url(self):
        return reverse("programmes:publication_detail", kwargs={"slug": self.slug})

    def get_download_url(self):
        return reverse("programmes:publication_download", kwargs={"slug": self.slug})

    @property
    def is_partners_only(self) -> bool:
        return self.access == Access.PARTNERS

    def clean(self):
        super().clean()
        if self.year:
            self.year = thaidates.common_era_year(self.year)
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
