from modeltranslation.translator import TranslationOptions, register

from events.models import Event, EventAlbum, ParticipantGroup, Photo, Role, Session


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "theme",
        "venue_name",
        "venue_address",
        "venue_city",
        "summary",
        "objectives",
        "body",
        "outcome_title",
        "outcome_statement",
        "reporter_name",
        "image_credit",
    )
    required_languages = ()


@register(Session)
class SessionTranslationOptions(TranslationOptions):
    fields = ("title", "description")
    required_languages = ()


@register(Role)
class RoleTranslationOptions(TranslationOptions):
    fields = ("position_held",)
    required_languages = ()


@register(ParticipantGroup)
class ParticipantGroupTranslationOptions(TranslationOptions):
    fields = ("label", "unit_label")
    required_languages = ()


@register(EventAlbum)
class EventAlbumTranslationOptions(TranslationOptions):
    fields = ("label",)
    required_languages = ()


@register(Photo)
class PhotoTranslationOptions(TranslationOptions):
    fields = ("caption", "credit")
    required_languages = ()
