"""Events: what happened, where, who organised it, who spoke, and how many came.

Individual attendance (`Participation`) is private: public pages only ever show
figures derived from it, never the rows themselves.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import npgettext, pgettext_lazy

from portal.fields import CountryField, DateField, URLField
from portal.i18n import translated
from portal.images import ProcessedImageField
from portal.models import PublishedModel, PublishedQuerySet
from portal.sources import AbstractSource

RESERVED_SLUGS = {"calendar", "series"}


class EventKind(models.TextChoices):
    FORUM = "forum", _("Forum")
    SEMINAR = "seminar", _("Seminar")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    MEETING = "meeting", _("Meeting")
    OTHER = "other", _("Other event")


class OrganiserRole(models.TextChoices):
    ORGANISER = "organiser", _("Organiser")
    CO_ORGANISER = "co-organiser", _("Co-organiser")
    HOST = "host", _("Host")
    SPONSOR = "sponsor", _("Sponsor")


class SessionKind(models.TextChoices):
    OPENING = "opening", _("Opening")
    PLENARY = "plenary", _("Plenary")
    PANEL = "panel", _("Panel discussion")
    SPECIAL_LECTURE = "special_lecture", _("Special lecture")
    BREAKOUT = "breakout", _("Breakout group")
    CEREMONY = "ceremony", _("Ceremony")
    CLOSING = "closing", _("Closing")


class RoleKind(models.TextChoices):
    # In the order a Thai programme runs: the master of ceremonies, the opening report
    # (ผู้กล่าวรายงาน, a speech to the presiding chair, not the report of the event), the
    # welcome, then the chair who opens the event.
    MASTER_OF_CEREMONIES = "mc", _("Master of ceremonies")
    OPENING_REPORT = "opening_report", _("Opening report")
    WELCOME = "welcome", _("Welcome remarks")
    PRESIDING_CHAIR = "presiding_chair", _("Presiding chair")
    KEYNOTE = "keynote", _("Keynote speaker")
    PANELIST = "panelist", _("Panellist")
    MODERATOR = "moderator", _("Moderator")
    LECTURER = "lecturer", _("Lecturer")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    # Whoever wrote the account of the event on this site (shown with the credits).
    REPORTER = "reporter", _("Author of the event report")

    @classmethod
    def heading(cls, kind: str, count: int) -> str:
        """The role's name as a heading above `count` people: "Panellists" above five."""
        plurals = {
            cls.MASTER_OF_CEREMONIES: lambda n: npgettext(
                "role heading", "Master of ceremonies", "Masters of ceremonies", n
            ),
            cls.OPENING_REPORT: lambda n: npgettext(
                "role heading", "Opening report", "Opening reports", n
            ),
            cls.WELCOME: lambda n: npgettext(
                "role heading", "Welcome remarks", "Welcome remarks", n
            ),
            cls.PRESIDING_CHAIR: lambda n: npgettext(
                "role heading", "Presiding chair", "Presiding chairs", n
            ),
            cls.KEYNOTE: lambda n: npgettext(
                "role heading", "Keynote speaker", "Keynote speakers", n
            ),
            cls.PANELIST: lambda n: npgettext("role heading", "Panellist", "Panellists", n),
            cls.MODERATOR: lambda n: npgettext("role heading", "Moderator", "Moderators", n),
            cls.LECTURER: lambda n: npgettext("role heading", "Lecturer", "Lecturers", n),
            cls.RAPPORTEUR: lambda n: npgettext("role heading", "Rapporteur", "Rapporteurs", n),
            cls.REPORTER: lambda n: npgettext(
                "role heading", "Author of the event report", "Authors of the event report", n
            ),
        }
        plural = plurals.get(kind)
        return plural(count) if plural else str(dict(cls.choices).get(kind, kind))


class TotalQualifier(models.TextChoices):
    """How the source words the declared participant total."""

    EXACT = "", _("exactly")
    MORE_THAN = "more_than", _("more than")
    ABOUT = "about", _("about")
    AT_LEAST = "at_least", _("at least")


def about_tolerance(declared: int) -> int:
    """How far groups may be from “about N”: a tenth of N, halves rounded up, at least one
    person. Whole numbers only, so the dashboard's database rule gives the same answer."""
    return max(1, (declared + 5) // 10)


def totals_consistent(qualifier: str, declared: int, groups_total: int) -> bool:
    """Whether groups summing to `groups_total` agree with the declared total as worded.

    exactly N: the sum is N; more than N: the sum is above N; at least N: N or above;
    about N: within 10 % of N (and at least one person either side).
    """
    if qualifier == TotalQualifier.MORE_THAN:
        return groups_total > declared
    if qualifier == TotalQualifier.AT_LEAST:
        return groups_total >= declared
    if qualifier == TotalQualifier.ABOUT:
        return abs(groups_total - declared) <= about_tolerance(declared)
    return groups_total == declared


class Reconciliation(models.TextChoices):
    """How the participant groups compare with the declared total."""

    RECONCILES = "reconciles", _("The groups add up to the declared total")
    DIFFERS = "differs", _("The groups do not add up to the declared total")
    NO_TOTAL = "no_total", _("No declared total to check against")
    NO_GROUPS = "no_groups", _("No breakdown by group")


@dataclass(frozen=True)
class ParticipantCheck:
    declared: int | None
    groups_total: int
    groups_count: int  # groups with a count (those named without one are left out)
    qualifier: str = TotalQualifier.EXACT

    @property
    def status(self) -> str:
        if not self.groups_count:
            return Reconciliation.NO_GROUPS
        if self.declared is None:
            return Reconciliation.NO_TOTAL
        if totals_consistent(self.qualifier, self.declared, self.groups_total):
            return Reconciliation.RECONCILES
        return Reconciliation.DIFFERS

    @property
    def reconciles(self) -> bool:
        return self.status == Reconciliation.RECONCILES

    @property
    def differs(self) -> bool:
        return self.status == Reconciliation.DIFFERS

    @property
    def difference(self) -> int:
        return (self.groups_total - self.declared) if self.declared is not None else 0

    @property
    def label(self) -> str:
        return Reconciliation(self.status).label


def check_participants(
    declared: int | None, counts, qualifier: str = TotalQualifier.EXACT
) -> ParticipantCheck:
    """Compare a declared total with the groups' counts (ints; None, a group without a
    count, is left out of the sum and the count of groups)."""
    counts = [c for c in counts if c is not None]
    return ParticipantCheck(
        declared=declared,
        groups_total=sum(counts),
        groups_count=len(counts),
        qualifier=qualifier or TotalQualifier.EXACT,
    )


class EventQuerySet(PublishedQuerySet):
    def upcoming(self, today: datetime.date | None = None):
        """Events that have not ended yet, soonest first."""
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today).order_by("start_date", "pk")

    def past(self, today: datetime.date | None = None):
        """Events that have ended, most recent first."""
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today).order_by("-start_date", "-pk")

    def with_participant_totals(self):
        """Annotate `groups_total` and `groups_count` (one query, no N+1).

        Correlated subqueries rather than a join and GROUP BY: the database computes them
        only for the rows of the page, and a list's count() leaves them out, where a
        GROUP BY would aggregate every event's groups first (measured on 10,000 events).
        """
        groups = ParticipantGroup.objects.filter(event=models.OuterRef("pk")).order_by()
        groups = groups.values("event")
        return self.annotate(
            groups_total=models.Subquery(
                groups.annotate(total=models.Sum("count")).values("total"),
                output_field=models.IntegerField(),
            ),
            groups_count=Coalesce(
                models.Subquery(
                    groups.annotate(n=models.Count("count")).values("n"),
                    output_field=models.IntegerField(),
                ),
                0,
            ),
        )


class Event(PublishedModel):
    title = models.CharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_(
            "The web address of the event, in Latin letters, digits and hyphens, the same for "
            "both languages (for example csos-regional-conference-2018)."
        ),
    )
    kind = models.CharField(
        _("kind of event"), max_length=20, choices=EventKind.choices, default=EventKind.FORUM
    )
    theme = models.CharField(
        _("theme"),
        max_length=400,
        blank=True,
        help_text=_("The theme or slogan the event was held under, if it had one."),
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"),
        null=True,
        blank=True,
        help_text=_("For a recurring event: which time it was held (2 for the second)."),
    )
    programme = models.ForeignKey(
        "programmes.Programme",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("programme"),
    )
    network = models.ForeignKey(
        "networks.Network",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("network"),
    )
    organisers = models.ManyToManyField(
        "networks.Organisation",
        through="EventOrganiser",
        related_name="events",
        blank=True,
        verbose_name=_("organisers"),
    )
    start_date = DateField(_("start date"))
    end_date = DateField(_("end date"))
    start_time = models.TimeField(
        _("start time"),
        null=True,
        blank=True,
        help_text=_(
            "When the event began on its first day, if the source says (for example 09:00)."
        ),
    )
    end_time = models.TimeField(
        _("end time"),
        null=True,
        blank=True,
        help_text=_("When the event ended on its last day, if the source says."),
    )
    series = models.ForeignKey(
        "EventSeries",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("series"),
        help_text=_("A series of numbered batches this event belongs to (รุ่น)."),
    )
    batch_number = models.PositiveSmallIntegerField(
        _("batch number"),
        null=True,
        blank=True,
        help_text=_(
            "Which batch of the series this event was (2 for “รุ่นที่ 2”). Not the same as the "
            "edition of a recurring event (“ครั้งที่ 2”)."
        ),
    )
    batch_place = models.CharField(
        _("batch place"),
        max_length=200,
        blank=True,
        help_text=_(
            "Where this batch was held, as the series names it: “จังหวัดขอนแก่น” in Thai, "
            "“Khon Kaen” in English."
        ),
    )
    venue_name = models.CharField(_("venue"), max_length=300, blank=True)
    venue_address = models.CharField(_("venue address"), max_length=400, blank=True)
    venue_city = models.CharField(_("city"), max_length=120, blank=True)
    venue_country = CountryField(_("country"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
    objectives = models.TextField(_("objectives"), blank=True)
    body = models.TextField(_("report"), blank=True)
    outcome_title = models.CharField(
        _("outcome title"),
        max_length=300,
        blank=True,
        help_text=_("What the outcome is called, for example “Joint statement”."),
    )
    outcome_statement = models.TextField(
        _("outcome statement"),
        blank=True,
        help_text=_("The text of a statement or declaration the event adopted."),
    )
    reporter = models.ForeignKey(
        "networks.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="reported_events",
        verbose_name=_("reporter"),
        help_text=_("The person who wrote the report. Their name is shown publicly."),
    )
    reporter_name = models.CharField(
        _("reporter name"),
        max_length=200,
        blank=True,
        help_text=_("Only when the reporter is not in the people directory."),
    )
    image_credit = models.CharField(_("image credit"), max_length=300, blank=True)
    source_url = URLField(
        _("source link"),
        max_length=500,
        blank=True,
        help_text=_("The original report or news item this record is based on."),
    )
    declared_participants = models.PositiveIntegerField(
        _("declared number of participants"),
        null=True,
        blank=True,
        help_text=_(
            "The total the organisers reported. The participant groups are checked against it."
        ),
    )
    participants_qualifier = models.CharField(
        _("the declared total is"),
        max_length=10,
        choices=TotalQualifier.choices,
        default=TotalQualifier.EXACT,
        blank=True,
        help_text=_("As the source words it: “more than 150 people” is more than 150."),
    )
    organisations_represented = models.PositiveIntegerField(
        _("number of organisations represented"), null=True, blank=True
    )
    countries_represented = CountryField(_("countries represented"), multiple=True, blank=True)
    totals_difference_confirmed = models.BooleanField(
        _("the participant figures differ on purpose"),
        default=False,
        help_text=_(
            "Tick only when the groups really do not add up to the declared total in the source."
        ),
    )
    documents = models.ManyToManyField(
        "publications.Publication",
        blank=True,
        related_name="events",
        verbose_name=_("documents"),
        help_text=_("Papers, presentations and other publications from this event."),
    )
    transfers = models.ManyToManyField(
        "programmes.Transfer",
        blank=True,
        related_name="events",
        verbose_name=_("good-practice transfers"),
        help_text=_(
            "Local governments that studied, piloted or adopted a good practice through this "
            "event (a study visit, a training)."
        ),
    )

    staff_notes = models.TextField(
        _("staff notes"),
        blank=True,
        help_text=_("Private notes for staff. Never shown on the public site."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")), name="event_ends_after_start"
            ),
            models.UniqueConstraint(
                fields=["series", "batch_number"], name="event_batch_number_unique_in_series"
            ),
        ]

    def __str__(self):
        # Thai first whatever the language: staff know an event by its Thai title, and the
        # admin's lists and search read the same in both languages.
        return str(translated(self, "title", "th")) or self.slug

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if not (self.title_th or self.title_en):
            errors["title_th"] = _("Give the event a title in Thai or in English.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The event cannot end before it starts.")
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is reserved; choose another slug.")
        if (
            self.start_time
            and self.end_time
            and self.start_date == self.end_date
            and self.end_time < self.start_time
        ):
            errors["end_time"] = _("The event cannot end before it starts.")
        if self.end_time and not self.start_time:
            errors["start_time"] = _("Give the start time too, or neither.")
        if self.batch_number is not None and not self.series_id:
            errors["series"] = _("A batch number belongs to a series: choose the series.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_multi_day(self) -> bool:
        return self.end_date != self.start_date

    @property
    def participant_check(self) -> ParticipantCheck:
        """Groups vs declared total, from annotations when present, else from the groups."""
        if hasattr(self, "groups_total") and hasattr(self, "groups_count"):
            return ParticipantCheck(
                self.declared_participants,
                self.groups_total or 0,
                self.groups_count or 0,
                self.participants_qualifier or TotalQualifier.EXACT,
            )
        return check_participants(
            self.declared_participants,
            [g.count for g in self.participant_groups.all()],
            self.participants_qualifier,
        )

    @property
    def participant_total(self) -> int | None:
        """The figure to show: the declared total, or the groups' sum when none was declared."""
        if self.declared_participants is not None:
            return self.declared_participants
        check = self.participant_check
        return check.groups_total if check.groups_count else None

    @property
    def participant_total_qualifier(self) -> str:
        """The wording of `participant_total`: the source's for a declared total, else exact."""
        if self.declared_participants is not None:
            return self.participants_qualifier or TotalQualifier.EXACT
        return TotalQualifier.EXACT

    @property
    def missing_languages(self) -> list[str]:
        return [lang for lang in ("th", "en") if not getattr(self, f"title_{lang}")]


class EventOrganiser(models.Model):
    event = models.ForeignKey(
        Event, models.CASCADE, related_name="event_organisers", verbose_name=_("event")
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        related_name="event_roles",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=20, choices=OrganiserRole.choices, default=OrganiserRole.ORGANISER
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation", "role"], name="event_organiser_unique"
            ),
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Session(models.Model):
    event = models.ForeignKey(
        Event, models.CASCADE, related_name="sessions", verbose_name=_("event")
    )
    kind = models.CharField(_("kind of session"), max_length=20, choices=SessionKind.choices)
    number = models.PositiveSmallIntegerField(
        _("number"),
        null=True,
        blank=True,
        help_text=_("Its number within its kind, for example 3 for breakout group 3."),
    )
    title = models.CharField(_("title or topic"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(_("starts at"), null=True, blank=True)
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "number", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(starts_at__isnull=True)
                | Q(ends_at__isnull=True)
                | Q(ends_at__gte=F("starts_at")),
                name="session_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["event", "kind", "number"], name="session_number_unique_within_kind"
            ),
        ]

    def __str__(self):
        label = self.get_kind_display()
        if self.number:
            label = f"{label} {self.number}"
        title = str(translated(self, "title"))
        return f"{label}: {title}" if title else str(label)

    def clean(self):
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            errors["ends_at"] = _("The session cannot end before it starts.")
        try:
            event = self.event
        except Event.DoesNotExist:
            event = None
        if event is not None and event.start_date and event.end_date:
            for name in ("starts_at", "ends_at"):
                value = getattr(self, name)
                if value is None:
                    continue
                day = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
                if not event.start_date <= day <= event.end_date:
                    errors[name] = _(
                        "This time falls outside the event's dates. Sessions must take place "
                        "between the event's start and end dates."
                    )
        if errors:
            raise ValidationError(errors)


class Role(models.Model):
    event = models.ForeignKey(Event, models.CASCADE, related_name="roles", verbose_name=_("event"))
    session = models.ForeignKey(
        Session,
        models.CASCADE,
        null=True,
        blank=True,
        related_name="roles",
        verbose_name=_("session"),
        help_text=_("Leave empty for a role at the event as a whole."),
    )
    person = models.ForeignKey(
        "networks.Person", models.PROTECT, related_name="event_roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    position_held = models.CharField(
        _("position held at the time"),
        max_length=400,
        blank=True,
        help_text=_("As the source gives it, for example “Chairman of the Election Commission”."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("role")
        verbose_name_plural = _("roles")

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}"

    def clean(self):
        if self.session_id and self.event_id and self.session.event_id != self.event_id:
            raise ValidationError({"session": _("Choose a session of this event.")})


class ParticipantGroup(models.Model):
    event = models.ForeignKey(
        Event, models.CASCADE, related_name="participant_groups", verbose_name=_("event")
    )
    label = models.CharField(_("category"), max_length=300, blank=True)
    count = models.PositiveIntegerField(
        _("number of people"),
        null=True,
        blank=True,
        help_text=_("Leave empty when the source names the category without a number."),
    )
    units = models.PositiveIntegerField(
        _("units"), null=True, blank=True, help_text=_("For example 77 (provinces).")
    )
    unit_label = models.CharField(
        _("unit name"), max_length=60, blank=True, help_text=_("For example “provinces”.")
    )
    per_unit = models.PositiveIntegerField(
        _("people per unit"), null=True, blank=True, help_text=_("For example 4 (people each).")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("participant group")
        verbose_name_plural = _("participant groups")
        constraints = [
            models.CheckConstraint(condition=Q(count__gte=0), name="participant_group_count_gte_0"),
            models.CheckConstraint(
                condition=Q(units__isnull=True)
                | Q(per_unit__isnull=True)
                | Q(count=F("units") * F("per_unit")),
                name="participant_group_units_times_per_unit",
            ),
        ]

    def __str__(self):
        label = str(translated(self, "label"))
        return label if self.count is None else f"{label}: {self.count}"

    @property
    def has_breakdown(self) -> bool:
        return self.units is not None and self.per_unit is not None

    def clean(self):
        errors = {}
        if not (self.label_th or self.label_en):
            errors["label_th"] = _("Name the category in Thai or in English.")
        if (self.units is None) != (self.per_unit is None):
            errors["per_unit"] = _(
                "Give both the number of units and the people per unit, or neither."
            )
        elif self.has_breakdown and self.count is None:
            errors["count"] = _("Give the number of people the units come to.")
        elif self.has_breakdown and self.count is not None:
            if self.count != self.units * self.per_unit:
                errors["count"] = _(
                    "%(units)s × %(per_unit)s is %(product)s, not %(count)s. "
                    "Correct the count or the units."
                ) % {
                    "units": self.units,
                    "per_unit": self.per_unit,
                    "product": self.units * self.per_unit,
                    "count": self.count,
                }
        if errors:
            raise ValidationError(errors)


class Participation(models.Model):
    """One person's attendance: private, never shown on a public page."""

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="participations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        "networks.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("person"),
    )
    name = models.CharField(
        _("name as registered"),
        max_length=200,
        blank=True,
        help_text=_("When the participant is not in the people directory."),
    )
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("organisation"),
    )
    group = models.ForeignKey(
        ParticipantGroup,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
        verbose_name=_("category"),
    )
    country = CountryField(_("country"), blank=True)
    attended = models.BooleanField(_("attended"), default=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("individual attendance")
        verbose_name_plural = _("individual attendance (private)")

    def __str__(self):
        return str(self.person or self.name or self.pk)

    def clean(self):
        if not self.person_id and not self.name:
            raise ValidationError({"person": _("Choose a person or type the name as registered.")})
        if self.group_id and self.event_id and self.group.event_id != self.event_id:
            raise ValidationError({"group": _("Choose a category of this event.")})


class EventAlbum(models.Model):
    event = models.ForeignKey(Event, models.CASCADE, related_name="albums", verbose_name=_("event"))
    label = models.CharField(_("label"), max_length=200, blank=True)
    url = URLField(_("address (URL)"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("external photo album")
        verbose_name_plural = _("external photo albums")

    def __str__(self):
        return str(translated(self, "label")) or self.url

    def clean(self):
        if not (self.label_th or self.label_en):
            raise ValidationError({"label_th": _("Name the album in Thai or in English.")})


class Photo(models.Model):
    event = models.ForeignKey(Event, models.CASCADE, related_name="photos", verbose_name=_("event"))
    image = ProcessedImageField(_("image"), upload_to="events/photos/%Y/", renditions=(320, 960))
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=200, blank=True)
    is_placeholder = models.BooleanField(
        _("placeholder"),
        default=False,
        help_text=_("A generated stand-in, not a photograph of the event; labelled as such."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return str(translated(self, "caption")) or self.image.name


class EventSeries(PublishedModel):
    """A series of events held in numbered batches (รุ่นที่ 1, รุ่นที่ 2 …), often in turn
    in different provinces. Distinct from a recurring event's edition (ครั้งที่)."""

    title = models.CharField(_("title"), max_length=300, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        unique=True,
        help_text=_("The web address of the series, in Latin letters, digits and hyphens."),
    )
    summary = models.TextField(_("summary"), blank=True)
    programme = models.ForeignKey(
        "programmes.Programme",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="event_series",
        verbose_name=_("programme"),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self):
        return str(translated(self, "title", "th")) or self.slug

    def get_absolute_url(self):
        return reverse("events:series", kwargs={"slug": self.slug})

    def clean(self):
        if not (self.title_th or self.title_en):
            raise ValidationError({"title_th": _("Give the series a title in Thai or in English.")})


class Award(models.Model):
    """An award or recognition given at an event, to an organisation or a person."""

    event = models.ForeignKey(Event, models.CASCADE, related_name="awards", verbose_name=_("event"))
    organisation = models.ForeignKey(
        "networks.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("recipient organisation"),
    )
    person = models.ForeignKey(
        "networks.Person",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="awards",
        verbose_name=_("recipient person"),
    )
    title = models.CharField(
        _("award"),
        max_length=300,
        blank=True,
        help_text=_("For example “King Prajadhipok's Award”."),
    )
    # The kind of award ("ประเภทรางวัล"), not the participant category of the same English word.
    category = models.CharField(pgettext_lazy("award", "category"), max_length=300, blank=True)
    citation = models.TextField(_("citation"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("award or recognition")
        verbose_name_plural = _("awards and recognitions")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(person__isnull=False),
                name="award_has_recipient",
            ),
        ]

    def __str__(self):
        return f"{translated(self, 'title')} – {self.organisation or self.person}"

    def clean(self):
        errors = {}
        if not (self.organisation_id or self.person_id):
            errors["organisation"] = _("Choose the organisation or the person who received it.")
        if not (self.title_th or self.title_en):
            errors["title_th"] = _("Name the award in Thai or in English.")
        if errors:
            raise ValidationError(errors)


class GoodPracticeRole(models.TextChoices):
    PRESENTED = "presented", _("Presented at the event")
    AWARDED = "awarded", _("Awarded at the event")


class EventGoodPractice(models.Model):
    """A good practice presented or awarded at an event (declared here: events may import
    programmes, never the other way)."""

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="good_practice_links", verbose_name=_("event")
    )
    good_practice = models.ForeignKey(
        "programmes.GoodPractice",
        models.PROTECT,
        related_name="event_links",
        verbose_name=_("good practice"),
    )
    role = models.CharField(
        _("role"),
        max_length=12,
        choices=GoodPracticeRole.choices,
        default=GoodPracticeRole.PRESENTED,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("good practice at the event")
        verbose_name_plural = _("good practices at the event")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "good_practice", "role"], name="event_good_practice_unique"
            ),
        ]

    def __str__(self):
        return f"{self.good_practice} ({self.get_role_display()})"


class EventSource(AbstractSource):
    FACTS = [
        ("dates", _("dates and times")),
        ("venue", _("venue")),
        ("participants", _("participants")),
        ("organisers", _("organisers")),
        ("speakers", _("speakers")),
        ("awards", _("awards")),
    ]

    event = models.ForeignKey(
        Event, models.CASCADE, related_name="sources", verbose_name=_("event")
    )

    class Meta(AbstractSource.Meta):
        pass
