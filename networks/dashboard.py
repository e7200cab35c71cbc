"""What the directory adds to the admin home's dashboard (see portal.dashboard)."""

from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.dashboard import missing_text
from portal.registry import QualityCheck


def _duplicates(queryset):
    from networks.services import organisation_duplicate_pks

    return queryset.filter(pk__in=organisation_duplicate_pks())


def register() -> None:
    from networks.models import Network, Organisation

    registry.register_status_count(Organisation)
    registry.register_status_count(Network)
    for key, model, label, lang in (
        (
            "organisation-no-thai",
            Organisation,
            _("Organisations without a Thai name"),
            "th",
        ),
        (
            "organisation-no-english",
            Organisation,
            _("Organisations without an English name"),
            "en",
        ),
        ("network-no-thai", Network, _("Networks without a Thai name"), "th"),
        ("network-no-english", Network, _("Networks without an English name"), "en"),
    ):
        registry.register_quality_check(
            QualityCheck(key, model, label, missing_text("name", lang=lang), order=10)
        )
    registry.register_quality_check(
        QualityCheck(
            "organisation-duplicates",
            Organisation,
            _("Organisations that look like duplicates"),
            _duplicates,
            order=90,
        )
    )
