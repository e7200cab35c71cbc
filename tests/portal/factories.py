"""Factories of the project level: user accounts (Django's auth)."""

import factory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("secret-pass-123")


class StaffFactory(UserFactory):
    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True


class EditorFactory(StaffFactory):
    """Staff in the Editors group: they may view (and preview) every content record."""

    username = factory.Sequence(lambda n: f"editor{n}")

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def editors_group(self, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        from portal.roles import EDITORS

        if create:
            self.groups.add(Group.objects.get(name=EDITORS))
