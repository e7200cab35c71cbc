from modeltranslation.translator import TranslationOptions, register

from events.models import (
    Award,
    Event,
    EventAlbum,
    EventSeries,
    EventSource,
    ParticipantGroup,
    Photo,
    Role,
    Session,
)
from portal.sources import SOURCE_TRANSLATED_FIELDS


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
        "batch_place",
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


@register(EventSeries)
class EventSeriesTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ()


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("title", "category", "citation")
    required_languages = ()


@register(EventSource)
class EventSourceTranslationOptions(TranslationOptions):
    fields = SOURCE_TRANSLATED_FIELDS
    required_languages = ()
