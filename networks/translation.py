from modeltranslation.translator import TranslationOptions, register

from networks.models import Membership, Network, Organisation, OrganisationSource, Person
from portal.sources import SOURCE_TRANSLATED_FIELDS


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "city", "description")
    required_languages = ()


@register(Network)
class NetworkTranslationOptions(TranslationOptions):
    fields = ("name", "acronym", "description")
    required_languages = ()


@register(Membership)
class MembershipTranslationOptions(TranslationOptions):
    fields = ("role",)
    required_languages = ()


@register(Person)
class PersonTranslationOptions(TranslationOptions):
    fields = ("honorific", "given_name", "family_name", "position")
    required_languages = ()


@register(OrganisationSource)
class OrganisationSourceTranslationOptions(TranslationOptions):
    fields = SOURCE_TRANSLATED_FIELDS
    required_languages = ()
