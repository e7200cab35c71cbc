import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template import Context, Template
from django.utils import timezone, translation

from programmes.models import (
    DatePrecision,
    PartnerRole,
    Programme,
    Stage,
)
from tests.networks.factories import OrganisationFactory
from tests.programmes.factories import PartnerFactory, ProgrammeFactory

D = datetime.date


def programme(start, end, precision=DatePrecision.DAY, **extra) -> Programme:
    return Programme(
        title_en="P", slug="p", start_date=start, end_date=end, date_precision=precision, **extra
    )


@pytest.mark.parametrize(
    ("start", "end", "precision", "months"),
    [
        (D(2010, 3, 1), D(2012, 8, 1), DatePrecision.MONTH, 30),  # DELGOSEA
        (D(2012, 11, 1), D(2013, 2, 1), DatePrecision.MONTH, 4),  # across the turn of the year
        (D(2012, 12, 1), D(2013, 1, 1), DatePrecision.MONTH, 2),
        (D(2020, 5, 1), D(2020, 5, 1), DatePrecision.MONTH, 1),
        (D(2015, 1, 1), D(2016, 12, 31), DatePrecision.DAY, 24),
        (D(2021, 12, 15), D(2022, 1, 14), DatePrecision.DAY, 1),  # turn of the year, by days
        (D(2022, 8, 24), D(2022, 8, 25), DatePrecision.DAY, 1),
        (D(2010, 3, 1), None, DatePrecision.MONTH, None),
    ],
)
def test_duration_is_derived_from_the_dates(start, end, precision, months):
    assert programme(start, end, precision).duration_months == months


def test_years_and_country_count_are_derived():
    p = programme(D(2010, 3, 1), D(2012, 8, 1), countries=["TH", "VN", "PH", "ID", "KH"])
    assert p.years == [2010, 2011, 2012]
    assert p.country_count == 5
    assert programme(None, None).years == []


def test_stage_is_derived_from_the_dates_unless_staff_set_it():
    today = timezone.localdate()
    assert programme(D(2010, 3, 1), D(2012, 8, 1)).current_stage == Stage.COMPLETED
    assert programme(today, None).current_stage == Stage.ONGOING
    future = today + datetime.timedelta(days=40)
    assert programme(future, None).current_stage == Stage.PLANNED
    assert programme(None, None).current_stage == ""
    staff_set = programme(D(2010, 3, 1), D(2012, 8, 1), stage=Stage.ONGOING)
    assert staff_set.current_stage == Stage.ONGOING


def test_clean_refuses_an_end_before_the_start_and_a_missing_title():
    with pytest.raises(ValidationError) as error:
        programme(D(2012, 8, 1), D(2010, 3, 1)).clean()
    assert "end_date" in error.value.message_dict
    untitled = programme(None, None)
    untitled.title_en = ""
    with pytest.raises(ValidationError) as error:
        untitled.clean()
    assert "title_th" in error.value.message_dict
    thai_only = programme(None, None)
    thai_only.title_en, thai_only.title_th = "", "โครงการ"
    thai_only.clean()


@pytest.mark.django_db
def test_database_refuses_an_end_before_the_start():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeFactory(start_date=D(2012, 8, 1), end_date=D(2010, 3, 1))


@pytest.mark.django_db
def test_an_organisation_holds_a_role_in_a_programme_once():
    partner = PartnerFactory(role=PartnerRole.FUNDER)
    with pytest.raises(IntegrityError), transaction.atomic():
        PartnerFactory(
            programme=partner.programme, organisation=partner.organisation, role=PartnerRole.FUNDER
        )
    PartnerFactory(
        programme=partner.programme, organisation=partner.organisation, role=PartnerRole.LOCAL
    )


@pytest.mark.django_db
def test_slugs_are_unique():
    ProgrammeFactory(slug="delgosea")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeFactory(slug="delgosea")


def test_str_shows_the_acronym():
    p = Programme(title_en="Partnership", acronym_en="DELGOSEA", title_th="ภาคี")
    with translation.override("en"):
        assert str(p) == "Partnership (DELGOSEA)"
    with translation.override("th"):
        assert str(p) == "ภาคี (DELGOSEA)"


def _period(p, lang):
    with translation.override(lang):
        return Template("{% load programmes_tags %}{% programme_period p %}").render(
            Context({"p": p})
        )


@pytest.mark.parametrize(
    ("start", "end", "precision", "th", "en"),
    [
        (
            D(2010, 3, 1),
            D(2012, 8, 1),
            DatePrecision.MONTH,
            "มีนาคม 2553 – สิงหาคม 2555 (30 เดือน)",
            "March 2010 – August 2012 (30 months)",
        ),
        (
            D(2022, 8, 24),
            D(2022, 8, 25),
            DatePrecision.DAY,
            "24–25 สิงหาคม 2565",
            "24–25 August 2022",
        ),
        (
            D(2021, 12, 15),
            D(2022, 1, 14),
            DatePrecision.DAY,
            "15 ธันวาคม 2564 – 14 มกราคม 2565 (1 เดือน)",
            "15 December 2021 – 14 January 2022 (1 month)",
        ),
        (
            D(2012, 11, 1),
            D(2013, 2, 1),
            DatePrecision.MONTH,
            "พฤศจิกายน 2555 – กุมภาพันธ์ 2556 (4 เดือน)",
            "November 2012 – February 2013 (4 months)",
        ),
        (D(2010, 1, 1), D(2012, 1, 1), DatePrecision.YEAR, "พ.ศ. 2553–2555", "2010–2012"),
        (D(2010, 3, 1), None, DatePrecision.MONTH, "มีนาคม 2553", "March 2010"),
    ],
)
def test_period_reads_in_the_page_calendar_with_the_duration(start, end, precision, th, en):
    p = programme(start, end, precision)
    assert _period(p, "th") == th
    assert _period(p, "en") == en


def test_period_is_empty_without_dates():
    assert _period(programme(None, None), "en") == ""


@pytest.mark.django_db
def test_organisation_in_a_programme_cannot_be_deleted_from_under_it():
    organisation = OrganisationFactory()
    ProgrammeFactory(lead_organisation=organisation)
    with pytest.raises(Exception) as error, transaction.atomic():
        organisation.delete()
    assert "ProtectedError" in type(error.value).__name__
