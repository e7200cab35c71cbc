"""Factories of programmes records, built on the networks factories."""

import datetime

import factory
from django.utils import timezone

from portal.models import Status
from programmes.models import (
    GoodPractice,
    ImpactStatement,
    PartnerRole,
    Programme,
    ProgrammeLink,
    ProgrammePartner,
    ProgrammeSource,
    TeamMember,
    TeamRole,
    Theme,
    Transfer,
    TransferStatus,
)
from tests.networks.factories import (  # noqa: F401  (re-exported for higher apps' tests)
    NetworkFactory,
    OrganisationFactory,
    PersonFactory,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name_th = factory.Sequence(lambda n: f"หัวข้อ {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title_th = factory.Sequence(lambda n: f"โครงการทดสอบ {n}")
    title_en = factory.Sequence(lambda n: f"Test programme {n}")
    slug = factory.Sequence(lambda n: f"programme-{n}")
    start_date = datetime.date(2015, 1, 1)
    end_date = datetime.date(2016, 12, 31)
    status = Status.PUBLISHED


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammePartner

    programme = factory.SubFactory(ProgrammeFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = PartnerRole.LOCAL


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    programme = factory.SubFactory(ProgrammeFactory)
    person = factory.SubFactory(PersonFactory)
    role = TeamRole.COORDINATOR


class ImpactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImpactStatement

    programme = factory.SubFactory(ProgrammeFactory)
    text_th = factory.Sequence(lambda n: f"ผลกระทบ {n}")
    text_en = factory.Sequence(lambda n: f"Impact {n}")
    order = factory.Sequence(lambda n: n + 1)


class LinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeLink

    programme = factory.SubFactory(ProgrammeFactory)
    url = factory.Sequence(lambda n: f"https://example.org/{n}")
    label_en = factory.Sequence(lambda n: f"Link {n}")


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    title_th = factory.Sequence(lambda n: f"กรณีศึกษา {n}")
    title_en = factory.Sequence(lambda n: f"Case {n}")
    slug = factory.Sequence(lambda n: f"case-{n}")
    country = "TH"
    status = Status.PUBLISHED


class TransferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Transfer

    good_practice = factory.SubFactory(GoodPracticeFactory)
    organisation = factory.SubFactory(OrganisationFactory, kind="local_government", country="KH")
    status = TransferStatus.ADOPTED
    start_year = 2013


class ProgrammeSourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeSource

    programme = factory.SubFactory(ProgrammeFactory)
    title_th = factory.Sequence(lambda n: f"แหล่งข้อมูล {n}")
    title_en = factory.Sequence(lambda n: f"Source {n}")
    url = factory.Sequence(lambda n: f"https://example.org/programme-source/{n}")


def bulk_programmes(count: int, **extra) -> list[Programme]:
    """Many published programmes at once (bulk_create skips save(), so publish here)."""
    now = timezone.now()
    return Programme.objects.bulk_create(
        Programme(
            title_th=f"โครงการ {i}",
            title_en=f"Programme {i}",
            slug=f"bulk-programme-{i}",
            start_date=datetime.date(2000 + i % 20, 1 + i % 12, 1),
            end_date=datetime.date(2021, 1, 1),
            countries=["TH", "LA"],
            status=Status.PUBLISHED,
            published_at=now,
            **extra,
        )
        for i in range(count)
    )
