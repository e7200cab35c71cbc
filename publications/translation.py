from modeltranslation.translator import TranslationOptions, register

from publications.models import Language, Publication


@register(Language)
class LanguageTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ()


@register(Publication)
class PublicationTranslationOptions(TranslationOptions):
    fields = ("title", "authors", "abstract")
    required_languages = ()
