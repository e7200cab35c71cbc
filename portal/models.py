"""Shared pieces every app's models use: publishing status and its queryset."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.locking import VersionedModel


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    ARCHIVED = "archived", _("Archived")


def can_preview(user, model=None) -> bool:
    """Whether `user` may see drafts and archived records: active staff who may view
    `model` in the admin (any active staff when no model is named)."""
    if not (user is not None and user.is_active and user.is_staff):
        return False
    if model is None:
        return True
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.view_{opts.model_name}")


class PublishedQuerySet(models.QuerySet):
    """The visibility rule of published content, written once for every app."""

    @staticmethod
    def published_q(prefix: str = "") -> Q:
        """The published rule as a `Q`, for a lookup through a relation (`prefix="network__"`)."""
        return Q(
            **{f"{prefix}status": Status.PUBLISHED, f"{prefix}published_at__lte": timezone.now()}
        )

    def published(self):
        """Records the public may see: published, with a publication time that has come."""
        return self.filter(self.published_q())

    def visible_to(self, user):
        """Published records for everyone; every record for active staff who may view the
        model (Editors, Publishers), who preview drafts."""
        return self.all() if can_preview(user, self.model) else self.published()


class PublishedModel(VersionedModel):
    """Published content: a status, the time it went public, and timestamps; a version
    number against lost edits (`portal.locking`)."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("published at"),
        null=True,
        blank=True,
        help_text=_("Filled in when the record is first published."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )


class ExportLog(models.Model):
    """One export of an admin list holding personal data: who, when, what. Nobody edits it."""

    user = models.ForeignKey(
        "auth.User",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150)
    exported_at = models.DateTimeField(_("exported at"), default=timezone.now, db_index=True)
    model = models.CharField(_("list"), max_length=100, db_index=True)
    filters = models.TextField(_("filters and search"), blank=True)
    row_count = models.PositiveIntegerField(_("rows"))
    file_format = models.CharField(_("format"), max_length=10)

    class Meta:
        ordering = ["-exported_at", "-pk"]
        verbose_name = _("export of personal data")
        verbose_name_plural = _("exports of personal data")

    def __str__(self):
        from portal import thaidates

        when = timezone.localtime(self.exported_at)
        return f"{self.username} · {self.model} · {thaidates.format_date(when)} {when:%H:%M}"


class SitePageKey(models.TextChoices):
    ABOUT = "about", _("About Phakhi")
    ACCESSIBILITY = "accessibility", _("Accessibility statement")
    PRIVACY = "privacy", _("Privacy notice")


class SitePage(VersionedModel):
    """One of the site's own pages (about, accessibility, privacy), in both languages.

    Staff edit them in the admin; the footer of every page links to them. The
    body is plain text: a blank line starts a new paragraph.
    """

    key = models.CharField(_("page"), max_length=20, choices=SitePageKey.choices, unique=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Plain text. Leave a blank line between paragraphs.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name = _("site page")
        verbose_name_plural = _("site pages")

    def __str__(self):
        return self.get_key_display()

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse(self.key)


class SignInCounter(models.Model):
    """Failed (or still undecided) sign-in attempts under one throttle key (portal/auth.py).

    A row per key: a hash of the user name and address, or of the address alone. Rows
    are written only with single atomic statements, never read-modify-write.
    """

    key = models.CharField(max_length=80, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    # When the last attempt that was let through was counted (seconds since the epoch).
    counted_at = models.FloatField(db_index=True)

    class Meta:
        verbose_name = _("sign-in counter")
        verbose_name_plural = _("sign-in counters")

    def __str__(self):
        return f"{self.key[:12]}… {self.count}"
