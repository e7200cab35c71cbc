from modeltranslation.translator import TranslationOptions, register

from portal.models import SitePage


@register(SitePage)
class SitePageTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ()
