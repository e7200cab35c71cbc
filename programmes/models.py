"""Programmes and the good-practice cases they document."""

from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.fields import CountryField, DateField, URLField, YearField, plausible_year_constraint
from portal.i18n import translated
from portal.images import ProcessedImageField
from portal.models import PublishedModel, PublishedQuerySet
from portal.sources import AbstractSource

SLUG_HELP = _("The web address of the page: Latin letters, digits and hyphens only.")


def _title_with_acronym(obj) -> str:
    title = str(translated(obj, "title"))
    acronym = str(translated(obj, "acronym"))
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
        return str(translated(self, "name"))


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
        help_text=_(
            "The status as the source states it (for example “กำลังดำเนินการ”: ongoing). "
            "Leave empty to derive it from the dates; the admin shows the derived one beside it."
        ),
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
    staff_notes = models.TextField(
        _("staff notes"),
        blank=True,
        help_text=_("Private notes for staff. Never shown on the public site."),
    )

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
        """The stage the source states (staff record it), or the one the dates give today."""
        return self.stage or self.derived_stage

    @property
    def stage_is_stated(self) -> bool:
        return bool(self.stage)

    @property
    def derived_stage(self) -> str:
        """The stage the dates give today, whatever the source states."""
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

    def get_derived_stage_display(self) -> str:
        stage = self.derived_stage
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
        return str(translated(self, "text"))[:80]

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
    url = URLField(_("address"), max_length=500)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return str(translated(self, "label")) or self.url


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
        return str(translated(self, "title"))

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
        return str(translated(self, "caption")) or PurePosixPath(self.image.name).name


class ProgrammeSource(AbstractSource):
    FACTS = [
        ("dates", _("dates")),
        ("duration", _("duration")),
        ("status", _("programme status")),
        ("partners", _("partners")),
        ("funding", _("funding")),
        ("countries", _("countries")),
        ("results", _("results")),
    ]

    programme = models.ForeignKey(
        Programme, models.CASCADE, related_name="sources", verbose_name=_("programme")
    )

    class Meta(AbstractSource.Meta):
        pass


class TransferStatus(models.TextChoices):
    """How far a local government went with a case, in the order practice travels."""

    STUDIED = "studied", _("Studied")
    PILOTED = "piloted", _("Piloted")
    ADOPTED = "adopted", _("Adopted")
    SCALED = "scaled", _("Scaled up")


class TransferQuerySet(models.QuerySet):
    def public(self):
        """Transfers of published cases to published organisations (what public pages show)."""
        now = timezone.now()
        return self.filter(
            good_practice__status="published",
            good_practice__published_at__lte=now,
            organisation__status="published",
            organisation__published_at__lte=now,
        )


class Transfer(models.Model):
    """A local government took up a good-practice case: studied, piloted, adopted or scaled it.

    The programme it happened through is a field here; an event it happened through is
    declared on the events side (`Event.transfers`), so programmes never imports events.
    """

    good_practice = models.ForeignKey(
        GoodPractice, models.CASCADE, related_name="transfers", verbose_name=_("good practice")
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        related_name="practice_transfers",
        verbose_name=_("adopting organisation"),
        help_text=_("The local government that took the practice up."),
    )
    status = models.CharField(_("stage reached"), max_length=10, choices=TransferStatus.choices)
    start_year = YearField(
        _("from year"), null=True, blank=True, help_text=_("Buddhist-Era years are accepted.")
    )
    end_year = YearField(_("to year"), null=True, blank=True)
    programme = models.ForeignKey(
        Programme,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="transfers",
        verbose_name=_("through programme"),
    )
    note = models.CharField(_("note"), max_length=400, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(
        _("sample transfer"),
        default=False,
        help_text=_("Generated to show the pictures; the pages say so clearly."),
    )

    objects = TransferQuerySet.as_manager()

    class Meta:
        ordering = ["good_practice", "order", "pk"]
        verbose_name = _("good-practice transfer")
        verbose_name_plural = _("good-practice transfers")
        constraints = [
            models.UniqueConstraint(
                fields=["good_practice", "organisation", "status"], name="transfer_unique"
            ),
            plausible_year_constraint("start_year", name="transfer_start_year_plausible"),
            plausible_year_constraint("end_year", name="transfer_end_year_plausible"),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="transfer_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.good_practice} → {self.organisation} ({self.get_status_display()})"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The last year cannot come before the first.")},
                code="end_before_start",
            )
        if (
            self.good_practice_id
            and self.organisation_id
            and self.good_practice.local_government_id == self.organisation_id
        ):
            raise ValidationError(
                {"organisation": _("A case cannot travel to the local government it comes from.")},
                code="same_organisation",
            )


class TransferSource(AbstractSource):
    FACTS = [
        ("status", _("stage reached")),
        ("years", _("years")),
        ("programme", _("programme")),
    ]

    transfer = models.ForeignKey(
        Transfer, models.CASCADE, related_name="sources", verbose_name=_("transfer")
    )

    class Meta(AbstractSource.Meta):
        pass
