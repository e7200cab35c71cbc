"""What programmes add to the admin home's dashboard (see portal.dashboard)."""

from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.dashboard import missing_text
from portal.registry import QualityCheck


def register() -> None:
    from programmes.models import GoodPractice, Programme

    registry.register_status_count(Programme)
    registry.register_status_count(GoodPractice)
    for key, model, label, lang in (
        (
            "programme-no-thai",
            Programme,
            _("Programmes without a Thai title or summary"),
            "th",
        ),
        (
            "programme-no-english",
            Programme,
            _("Programmes without an English title or summary"),
            "en",
        ),
        (
            "goodpractice-no-thai",
            GoodPractice,
            _("Good-practice cases without a Thai title or summary"),
            "th",
        ),
        (
            "goodpractice-no-english",
            GoodPractice,
            _("Good-practice cases without an English title or summary"),
            "en",
        ),
    ):
        registry.register_quality_check(
            QualityCheck(key, model, label, missing_text("title", "summary", lang=lang), order=20)
        )
