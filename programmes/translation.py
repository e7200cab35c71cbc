from modeltranslation.translator import TranslationOptions, register

from portal.sources import SOURCE_TRANSLATED_FIELDS
from programmes.models import (
    GoodPractice,
    GoodPracticeImage,
    ImpactStatement,
    Programme,
    ProgrammeLink,
    ProgrammeSource,
    Theme,
    Transfer,
    TransferSource,
)


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "acronym", "summary", "objectives", "body", "cover_credit")
    required_languages = ()


@register(ImpactStatement)
class ImpactStatementTranslationOptions(TranslationOptions):
    fields = ("text",)
    required_languages = ()


@register(ProgrammeLink)
class ProgrammeLinkTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ()


@register(GoodPractice)
class GoodPracticeTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ()


@register(GoodPracticeImage)
class GoodPracticeImageTranslationOptions(TranslationOptions):
    fields = ("caption",)
    required_languages = ()


@register(ProgrammeSource)
class ProgrammeSourceTranslationOptions(TranslationOptions):
    fields = SOURCE_TRANSLATED_FIELDS
    required_languages = ()


@register(Transfer)
class TransferTranslationOptions(TranslationOptions):
    fields = ("note",)
    required_languages = ()


@register(TransferSource)
class TransferSourceTranslationOptions(TranslationOptions):
    fields = SOURCE_TRANSLATED_FIELDS
    required_languages = ()
