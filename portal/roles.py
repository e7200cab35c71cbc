"""Staff roles: the Editors, Publishers and Partner managers groups and their permissions.

Each app says, from its `AppConfig.ready()`, which of its models each role may
work with (`grant_editing`, `grant`), so portal never names an app's models. The
"publish" permission (`publish_<model>`) is made here for every model with a
publishing status (`PublishedModel`), and `PublishingAdminMixin` checks it.

The groups are made by a `post_migrate` handler rather than a data migration:
Django creates permissions only after migrations have run (in its own
`post_migrate` handler), so a data migration would have to create them itself
from the historical models and would miss any model added later, and a test
database flushed between transactional tests would lose the groups. The handler
runs once per `migrate` (and after each flush), after every app's permissions
exist; it only adds what is missing, so it is safe to run again and never takes
away a permission staff have given a group in the admin.
"""

from collections import defaultdict

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

EDITORS = "Editors"
PUBLISHERS = "Publishers"
PARTNER_MANAGERS = "Partner managers"
GROUPS = (EDITORS, PUBLISHERS, PARTNER_MANAGERS)

CONTENT = ("add", "change", "view")
ROWS = ("add", "change", "delete", "view")
READ = ("view",)

# group name -> {(app_label, model_name): {actions}}
_grants: dict[str, dict[tuple[str, str], set[str]]] = defaultdict(lambda: defaultdict(set))


def grant(group: str, model, actions=CONTENT) -> None:
    """Let `group` do `actions` ("add", "change", "delete", "view", "publish") on `model`."""
    opts = model._meta
    _grants[group][(opts.app_label, opts.model_name)].update(actions)


def grant_editing(*models, actions=CONTENT) -> None:
    """Editors and Publishers may do `actions` on `models`; Publishers may also publish
    those with a publishing status."""
    from portal.models import PublishedModel

    for model in models:
        grant(EDITORS, model, actions)
        grant(PUBLISHERS, model, actions)
        if issubclass(model, PublishedModel):
            grant(PUBLISHERS, model, ("publish",))


def publish_codename(model) -> str:
    return f"publish_{model._meta.model_name}"


def can_publish(user, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.{publish_codename(model)}")


def _concrete_subclasses(base):
    for subclass in base.__subclasses__():
        if not subclass._meta.abstract and not subclass._meta.proxy:
            yield subclass
        yield from _concrete_subclasses(subclass)


def ensure_groups(using="default") -> None:
    """Create the publish permissions and the groups; add every granted permission."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.management import create_contenttypes
    from django.contrib.contenttypes.models import ContentType

    from portal.models import PublishedModel

    for app_config in apps.get_app_configs():
        if app_config.models_module is None:
            continue
        create_contenttypes(app_config, verbosity=0, using=using)
        create_permissions(app_config, verbosity=0, using=using)
    for model in _concrete_subclasses(PublishedModel):
        if not model._meta.swapped:
            content_type = ContentType.objects.db_manager(using).get_for_model(model)
            Permission.objects.using(using).get_or_create(
                content_type=content_type,
                codename=publish_codename(model),
                defaults={"name": f"Can publish {model._meta.verbose_name_raw}"},
            )
    for name in GROUPS:
        group, _created = Group.objects.using(using).get_or_create(name=name)
        wanted = _grants.get(name, {})
        codes = {
            (app_label, f"{action}_{model_name}")
            for (app_label, model_name), actions in wanted.items()
            for action in actions
        }
        permissions = [
            permission
            for permission in Permission.objects.using(using)
            .filter(codename__in={code for _app, code in codes})
            .select_related("content_type")
            if (permission.content_type.app_label, permission.codename) in codes
        ]
        group.permissions.add(*permissions)


def _on_post_migrate(sender, using="default", **kwargs):
    from django.apps import apps

    # Once per migrate, after the last app's permissions were made (the signal is sent
    # for each app with models, in INSTALLED_APPS order).
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label == with_models[-1].label:
        ensure_groups(using)


def connect_signals() -> None:
    post_migrate.connect(_on_post_migrate, dispatch_uid="portal.roles.ensure_groups")


class PublishingAdminMixin:
    """ModelAdmin mixin for models with a status: only those who may publish set it.

    Without the publish permission the status and publication time are read-only,
    a POST that changes the status anyway is refused (403), published or archived
    records are read-only, and the publish, unpublish and archive actions are hidden.
    """

    publishing_fields = ("status", "published_at")
    publishing_actions = ("publish_selected", "unpublish_selected", "archive_selected")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Added to whatever actions the app's admin declares.
        own = list(self.actions or ())
        self.actions = [*own, *(name for name in self.publishing_actions if name not in own)]

    def has_publish_permission(self, request, obj=None) -> bool:
        return can_publish(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not self.has_publish_permission(request, obj):
            fields += [name for name in self.publishing_fields if name not in fields]
        return fields

    def has_change_permission(self, request, obj=None):
        from portal.models import Status

        allowed = super().has_change_permission(request, obj)
        if allowed and obj is not None and obj.status != Status.DRAFT:
            return self.has_publish_permission(request, obj)
        return allowed

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        from django.contrib.admin.utils import unquote

        from portal.models import Status

        if request.method == "POST" and not self.has_publish_permission(request):
            obj = self.get_object(request, unquote(object_id)) if object_id else None
            current = obj.status if obj is not None else Status.DRAFT
            for name in self.publishing_fields:
                if name == "status" and request.POST.get("status", current) != current:
                    raise PermissionDenied
                if name == "published_at" and any(
                    key.startswith("published_at") and value for key, value in request.POST.items()
                ):
                    if obj is None or obj.published_at is None:
                        raise PermissionDenied
        return super().changeform_view(request, object_id, form_url, extra_context)

    def _set_status(self, request, queryset, status, message):
        import reversion

        changed = 0
        with transaction.atomic(), reversion.create_revision():
            reversion.set_user(request.user)
            pks = list(queryset.values_list("pk", flat=True))
            # Locked by primary key: the changelist's joins cannot be locked on PostgreSQL.
            for obj in self.model._base_manager.select_for_update().filter(pk__in=pks):
                if obj.status != status:
                    obj.status = status
                    obj.save()
                    changed += 1
        self.message_user(request, message(changed) % {"count": changed}, messages.SUCCESS)

    @admin.action(description=_("Publish the selected records"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        from portal.models import Status

        self._set_status(
            request,
            queryset,
            Status.PUBLISHED,
            lambda n: ngettext("%(count)d record published.", "%(count)d records published.", n),
        )

    @admin.action(description=_("Return the selected records to draft"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        from portal.models import Status

        self._set_status(
            request,
            queryset,
            Status.DRAFT,
            lambda n: ngettext(
                "%(count)d record returned to draft.", "%(count)d records returned to draft.", n
            ),
        )

    @admin.action(description=_("Archive the selected records"), permissions=["publish"])
    def archive_selected(self, request, queryset):
        from portal.models import Status

        self._set_status(
            request,
            queryset,
            Status.ARCHIVED,
            lambda n: ngettext("%(count)d record archived.", "%(count)d records archived.", n),
        )
