"""Factories of networks records; the factories of higher apps build on these."""

import factory
from django.utils import timezone

from networks.models import (
    Membership,
    Network,
    Organisation,
    OrganisationKind,
    OrganisationSource,
    Person,
)
from portal.models import Status


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_th = factory.Sequence(lambda n: f"องค์กรทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test organisation {n}")
    kind = OrganisationKind.CSO
    country = "TH"
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    status = Status.PUBLISHED


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    name_th = factory.Sequence(lambda n: f"เครือข่ายทดสอบ {n}")
    name_en = factory.Sequence(lambda n: f"Test network {n}")
    slug = factory.Sequence(lambda n: f"network-{n}")
    status = Status.PUBLISHED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    organisation = factory.SubFactory(OrganisationFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    honorific_th = "นาย"
    honorific_en = "Mr"
    given_name_th = factory.Sequence(lambda n: f"สมชาย{n}")
    family_name_th = "ใจดี"
    given_name_en = factory.Sequence(lambda n: f"Somchai{n}")
    family_name_en = "Jaidee"
    slug = factory.Sequence(lambda n: f"person-{n}")
    # Private contacts on every test person, so a test that looks for a leak can find one.
    email = factory.Sequence(lambda n: f"private{n}@example.org")
    phone = factory.Sequence(lambda n: f"+66 81 000 {n:04d}")


class OrganisationSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationSource

    organisation = factory.SubFactory(OrganisationFactory)
    title_th = factory.Sequence(lambda n: f"แหล่งข้อมูล {n}")
    title_en = factory.Sequence(lambda n: f"Source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/organisation-source/{n}")


def bulk_organisations(count: int, **extra) -> list[Organisation]:
    """Many published organisations at once (bulk_create skips save(), so publish here)."""
    now = timezone.now()
    return Organisation.objects.bulk_create(
        Organisation(
            name_th=f"องค์กร {i}",
            name_en=f"Organisation {i}",
            kind=OrganisationKind.CSO,
            country="TH",
            slug=f"bulk-{i}",
            status=Status.PUBLISHED,
            published_at=now,
            **extra,
        )
        for i in range(count)
    )
