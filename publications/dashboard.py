"""What the library adds to the admin home's dashboard (see portal.dashboard)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.dashboard import missing_text
from portal.registry import QualityCheck


def _without_file(queryset):
    return queryset.filter(Q(file="") | Q(file__isnull=True))


def register() -> None:
    from publications.models import Publication

    registry.register_status_count(Publication)
    for key, label, lang in (
        ("publication-no-thai", _("Publications without a Thai title or abstract"), "th"),
        ("publication-no-english", _("Publications without an English title or abstract"), "en"),
    ):
        registry.register_quality_check(
            QualityCheck(
                key,
                Publication,
                label,
                missing_text("title", "abstract", lang=lang),
                order=30,
            )
        )
    registry.register_quality_check(
        QualityCheck(
            "publication-no-file",
            Publication,
            _("Publications without a file"),
            _without_file,
            order=31,
        )
    )
