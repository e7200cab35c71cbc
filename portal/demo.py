"""The one way demo loaders write a record: create or update it, and save only what changed.

Each app's `demo.load()` (registered from its `AppConfig.ready()`, run by
`manage.py load_demo` in `INSTALLED_APPS` order) builds its records with
`upsert`, so running the demo twice changes nothing, not even `updated_at`.
"""

from django.db.models import Model


def _same(field, current, value) -> bool:
    """Equal as the database would store them (a list of country codes equals its Countries)."""
    if field.is_relation:
        return current == value
    return field.get_prep_value(current) == field.get_prep_value(value)


def upsert(model: type[Model], lookup: dict, values: dict) -> Model:
    """The record matching `lookup`, created or brought up to `values`.

    It is validated (`full_clean`) and saved only when it is new or a value differs.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup)
    changed = obj.pk is None
    for name, value in values.items():
        field = model._meta.get_field(name)
        if not _same(field, getattr(obj, name), value):
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return obj
