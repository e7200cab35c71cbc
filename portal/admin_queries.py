"""What an admin page reads from its query string, checked before the database sees it.

- `/admin/events/event/add/?network=cspp` pre-fills the network; Django passed the value
  straight to the autocomplete widget, which looked it up and failed on a key that is not
  a number (a 500). Values a related field cannot take are dropped: the form opens empty.
- `/admin/…/?id__in=99999999999999999999` filters a list by any field; a number beyond
  the column's range reached the database, which SQLite refuses with an error (a 500).
  Such a lookup is refused like any other disallowed one (400).
- A NUL character in a search (`?q=%00`, the autocompletes' `term`) or a list filter
  reached PostgreSQL, which refuses NUL in any text (a 500): it is dropped from searches,
  and a filter value holding one is refused (400).
- `/admin/…/1/change/?_to_field=` (empty) skipped Django's check of the field and then
  looked up a field named "" (a 500); an empty one means the primary key, as no value does.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models


def _fits(field, text: str) -> bool:
    """Whether a lookup value for an integer column is a number inside its range."""
    try:
        number = field.to_python(text)
    except (ValidationError, TypeError, ValueError):
        return True  # not a number at all: Django refuses it itself ("?e=1")
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return number is None or ((low is None or number >= low) and (high is None or number <= high))


def _final_field(opts, lookup: str):
    """The field a lookup path ends on (`event__id__in` → Event.id), and the lookup."""
    field, parts = None, lookup.split("__")
    while parts:
        try:
            field = opts.get_field(parts[0])
        except FieldDoesNotExist:
            break
        parts.pop(0)
        if field.is_relation and field.related_model is not None:
            if not parts:
                field = getattr(field, "target_field", field.related_model._meta.pk)
                break
            opts = field.related_model._meta
    return field, "__".join(parts)


class CheckedQueryAdminMixin:
    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.opts.get_field(name)
            except FieldDoesNotExist:
                continue
            if not (field.many_to_one or field.many_to_many or field.one_to_one):
                continue
            key = field.related_model._meta.pk if field.many_to_many else field.target_field
            try:
                for item in value if isinstance(value, list) else [value]:
                    key.to_python(item)
            except ValidationError:
                del initial[name]
        return initial

    def get_object(self, request, object_id, from_field=None):
        return super().get_object(request, object_id, from_field or None)

    def get_search_results(self, request, queryset, search_term):
        # The autocompletes search through here too.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))

    def lookup_allowed(self, lookup, value, request=None):
        if isinstance(value, str) and "\x00" in value:
            return False
        field, final = _final_field(self.opts, lookup)
        if isinstance(field, models.IntegerField) and final not in {"isnull"}:
            values = value.split(",") if final == "in" and isinstance(value, str) else [value]
            if not all(_fits(field, item) for item in values if isinstance(item, str)):
                return False
        return super().lookup_allowed(lookup, value, request)
