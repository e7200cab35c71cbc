"""Sources of a record's facts: the shared abstract model and what the public pages show.

Each app keeps its own concrete source model (networks for organisations, programmes
for programmes, events for events) so no app imports a higher one; they all inherit
`AbstractSource`, declare which of their facts a source can support
(`FACTS = [(key, label), ...]`) and register the fields `bilingual` translates
(title, publisher, note, stated value). A source says which facts it supports and,
optionally, the value it gives for them (“30 months”): two sources that support the same
fact with different values disagree, and the public “Sources” section says so openly.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.fields import DateField, URLField
from portal.i18n import translated


class AbstractSource(models.Model):
    """A document a record's facts come from. Subclasses add the FK to their record."""

    FACTS: list[tuple[str, str]] = []  # (key, label) of the facts a source can support

    title = models.CharField(_("title"), max_length=400, blank=True)
    url = URLField(_("address (URL)"), max_length=500, blank=True)
    publisher = models.CharField(_("publisher"), max_length=300, blank=True)
    seen_on = DateField(_("date seen"), null=True, blank=True)
    supports = models.JSONField(
        _("facts it supports"),
        default=list,
        blank=True,
        help_text=_("Which facts of the record this source gives."),
    )
    stated_value = models.CharField(
        _("value it gives"),
        max_length=300,
        blank=True,
        help_text=_(
            "What the source says for those facts, when it matters (for example “30 months”). "
            "Two sources giving different values for the same fact are shown as disagreeing."
        ),
    )
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return str(translated(self, "title")) or self.url or str(self.pk)

    def clean(self):
        errors = {}
        if not (getattr(self, "title_th", "") or getattr(self, "title_en", "") or self.url):
            errors["title_th"] = _("Give the source a title or an address.")
        known = {key for key, _label in self.FACTS}
        if not isinstance(self.supports, list) or any(k not in known for k in self.supports):
            errors["supports"] = _("Choose facts from the list.")
        if errors:
            raise ValidationError(errors)

    def supported_facts(self) -> list[str]:
        labels = dict(self.FACTS)
        return [labels[key] for key in self.supports or () if key in labels]


@dataclass(frozen=True)
class Disagreement:
    fact: str  # the fact's label
    claims: list[tuple[AbstractSource, str]]  # each source with the value it gives


def disagreements(sources, lang: str | None = None) -> list[Disagreement]:
    """Facts that two or more sources give different values for (no queries: pass the rows)."""
    sources = list(sources)
    if not sources:
        return []
    found = []
    for key, label in sources[0].FACTS:
        claims = [
            (source, str(translated(source, "stated_value", lang)))
            for source in sources
            if key in (source.supports or ())
        ]
        claims = [(source, value) for source, value in claims if value]
        if len({value.strip().casefold() for _source, value in claims}) > 1:
            found.append(Disagreement(fact=label, claims=claims))
    return found


SOURCE_TRANSLATED_FIELDS = ("title", "publisher", "stated_value", "note")
