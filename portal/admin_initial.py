"""Initial values from an admin add page's query string, checked before any widget sees them.

`/admin/events/event/add/?network=cspp` pre-fills the network; Django passes the value
straight to the autocomplete widget, which looks it up and fails on a key that is not a
number (a 500). Values a related field cannot take are dropped, so the form opens empty.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError


class CheckedInitialDataMixin:
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
