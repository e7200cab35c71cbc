"""Organisations, the networks they form, and the people who work in them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.fields import (
    CountryField,
    DateField,
    URLField,
    YearField,
    plausible_year_constraint,
)
from portal.i18n import Text, first_text, translated
from portal.images import ProcessedImageField
from portal.locking import VersionedModel
from portal.models import PublishedModel, PublishedQuerySet
from portal.sources import AbstractSource


class OrganisationKind(models.TextChoices):
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    LG_ASSOCIATION = "lg_association", _("Local-government association")
    CSO = "cso", _("Civil-society organisation")
    ACADEMIC = "academic", _("Academic institution")
    GOVERNMENT = "government", _("Government agency")
    INTERNATIONAL = "international", _("International organisation or funder")
    MEDIA = "media", _("Media")
    BUSINESS = "business", _("Business")


class OrganisationQuerySet(PublishedQuerySet):
    pass


class Organisation(PublishedModel):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(
        _("acronym"),
        max_length=50,
        blank=True,
        help_text=_("Short name, e.g. TEI, ECT or ศปส."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, db_index=True
    )
    country = CountryField(_("country"), blank=True, db_index=True)
    city = models.CharField(_("province/city"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent organisation"),
        help_text=_(
            "The organisation this one belongs to: a bureau inside an office, "
            "a centre inside a faculty."
        ),
    )
    website = URLField(_("website"), blank=True)
    logo = ProcessedImageField(
        _("logo"), upload_to="organisations/logos/", renditions=(160, 320), blank=True
    )
    description = models.TextField(_("description"), blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The web address of the page: Latin letters, digits and hyphens only."),
    )

    staff_notes = models.TextField(
        _("staff notes"),
        blank=True,
        help_text=_("Private notes for staff. Never shown on the public site."),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="organisation_not_own_parent"
            ),
        ]

    def __str__(self):
        name = str(translated(self, "name"))
        acronym = str(translated(self, "acronym"))
        if acronym and acronym != name:
            return f"{name} ({acronym})"
        return name

    def get_absolute_url(self):
        return reverse("networks:organisation_detail", kwargs={"slug": self.slug})

    def ancestors(self) -> list["Organisation"]:
        """The parent, its parent and so on, nearest first (stops at a cycle)."""
        chain: list[Organisation] = []
        seen = {self.pk}
        node = self.parent
        while node is not None and node.pk not in seen:
            chain.append(node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.pk is not None and self.parent_id == self.pk:
            raise ValidationError(
                {"parent": _("An organisation cannot be its own parent.")}, code="parent_self"
            )
        if self.pk is not None and any(a.pk == self.pk for a in self.parent.ancestors()):
            raise ValidationError(
                {
                    "parent": _(
                        "%(parent)s already belongs to this organisation; "
                        "an organisation cannot be its own ancestor."
                    )
                    % {"parent": self.parent}
                },
                code="parent_cycle",
            )


class NetworkQuerySet(PublishedQuerySet):
    pass


class Network(PublishedModel):
    name = models.CharField(_("name"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    description = models.TextField(_("description"), blank=True)
    coordinator = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="coordinated_networks",
        verbose_name=_("coordinating organisation"),
    )
    founded = YearField(
        _("year founded"),
        null=True,
        blank=True,
        help_text=_("A Buddhist-Era year (e.g. 2553) is converted to the Common Era."),
    )
    members = models.ManyToManyField(
        Organisation,
        through="Membership",
        related_name="networks",
        blank=True,
        verbose_name=_("members"),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("The web address of the page: Latin letters, digits and hyphens only."),
    )

    objects = NetworkQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        constraints = [
            plausible_year_constraint("founded", name="network_founded_plausible_year"),
        ]

    def __str__(self):
        name = str(translated(self, "name"))
        acronym = str(translated(self, "acronym"))
        if acronym and acronym != name:
            return f"{name} ({acronym})"
        return name

    def get_absolute_url(self):
        return reverse("networks:network_detail", kwargs={"slug": self.slug})


class Membership(models.Model):
    network = models.ForeignKey(
        Network, models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    organisation = models.ForeignKey(
        Organisation,
        models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(
        _("role"), max_length=200, blank=True, help_text=_("E.g. founding member, secretariat.")
    )
    start = DateField(_("from"), null=True, blank=True)
    end = DateField(_("to"), null=True, blank=True)

    class Meta:
        ordering = ["network", "organisation"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(start__isnull=True) | Q(end__isnull=True) | Q(end__gte=F("start")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.organisation} – {self.network}"

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": _("The membership cannot end before it starts.")}, code="end_before_start"
            )


class PersonQuerySet(models.QuerySet):
    def public(self):
        """People who agreed to appear on public pages."""
        return self.filter(public_consent=True)


class Person(VersionedModel):
    honorific = models.CharField(
        _("honorific"),
        max_length=50,
        blank=True,
        help_text=_("E.g. นาย, นาง, นางสาว, ดร., Mr, Ms, Dr."),
    )
    given_name = models.CharField(_("given name"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150, blank=True)
    position = models.CharField(_("position"), max_length=400, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    country = CountryField(_("country"), blank=True)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Private: never shown on public pages.")
    )
    phone = models.CharField(
        _("phone"), max_length=50, blank=True, help_text=_("Private: never shown on public pages.")
    )
    public_consent = models.BooleanField(
        _("agreed to appear publicly"),
        default=False,
        help_text=_(
            "Tick only with the person's recorded consent. Without it the name appears only "
            "where the person holds a public role at a public event."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Optional stable identifier: Latin letters, digits and hyphens only."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["given_name", "family_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return str(self.display_name)

    def _name_in(self, lang: str) -> str:
        parts = [
            getattr(self, f"{field}_{lang}", "") or "" for field in ("given_name", "family_name")
        ]
        name = " ".join(p for p in parts if p)
        if not name:
            return ""
        honorific = getattr(self, f"honorific_{lang}", "") or ""
        if not honorific:
            return name
        # Thai honorifics are written against the name (นายอิทธิพร); English ones with a space.
        separator = "" if lang == "th" else " "
        return f"{honorific}{separator}{name}"

    @property
    def display_name(self) -> Text:
        """The name with its honorific, in the page's language, else in the other one."""
        return first_text(self._name_in)

    @property
    def display_position(self) -> Text:
        return translated(self, "position")


class OrganisationSource(AbstractSource):
    FACTS = [
        ("name", _("name")),
        ("kind", _("kind of organisation")),
        ("location", _("location")),
        ("parent", _("parent organisation")),
        ("description", _("description")),
    ]

    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="sources", verbose_name=_("organisation")
    )

    class Meta(AbstractSource.Meta):
        pass
