"""Good-practice transfers: the record, its admin, the pages that show it, the sample command."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from networks.models import Organisation
from portal.models import Status
from programmes.models import GoodPractice, Transfer, TransferStatus
from tests.networks.factories import OrganisationFactory
from tests.programmes.factories import GoodPracticeFactory, ProgrammeFactory, TransferFactory

pytestmark = pytest.mark.django_db

LANGS = ["th", "en"]


def url(lang: str, name: str, **kwargs) -> str:
    with translation.override(lang):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def travelled():
    """A Thai case taken up in Cambodia (adopted) and Laos (studied), through a programme."""
    programme = ProgrammeFactory(slug="delgosea-test", title_en="Partnership programme")
    home = OrganisationFactory(
        name_en="Home City", name_th="เมืองต้นทาง", kind="local_government", country="TH"
    )
    case = GoodPracticeFactory(
        slug="waste", title_en="Waste sorting", title_th="คัดแยกขยะ", programme=programme,
        local_government=home, country="TH",
    )  # fmt: skip
    siem_reap = OrganisationFactory(
        name_en="Siem Reap", name_th="เสียมราฐ", kind="local_government", country="KH", slug="sr"
    )
    vientiane = OrganisationFactory(
        name_en="Vientiane", name_th="เวียงจันทน์", kind="local_government", country="LA", slug="vt"
    )
    adopted = TransferFactory(
        good_practice=case, organisation=siem_reap, status=TransferStatus.ADOPTED,
        start_year=2013, end_year=2014, programme=programme,
        note_en="Adopted city-wide", note_th="นำไปใช้ทั้งเมือง",
    )  # fmt: skip
    adopted.sources.create(title_en="Impact report", url="https://example.org/report")
    TransferFactory(
        good_practice=case, organisation=vientiane, status=TransferStatus.STUDIED, start_year=2012
    )
    return {"case": case, "programme": programme, "siem_reap": siem_reap, "vientiane": vientiane}


# --- the record -----------------------------------------------------------------------------


def test_a_buddhist_era_year_is_stored_in_the_common_era(travelled):
    transfer = Transfer(
        good_practice=travelled["case"],
        organisation=OrganisationFactory(),
        status=TransferStatus.PILOTED,
        start_year=2556,
        end_year=2557,
    )
    transfer.full_clean()
    assert (transfer.start_year, transfer.end_year) == (2013, 2014)


def test_a_transfer_cannot_end_before_it_starts_or_go_home(travelled):
    backwards = Transfer(
        good_practice=travelled["case"],
        organisation=OrganisationFactory(),
        status=TransferStatus.PILOTED,
        start_year=2015,
        end_year=2013,
    )
    with pytest.raises(ValidationError) as error:
        backwards.full_clean()
    assert "end_year" in error.value.message_dict
    home = Transfer(
        good_practice=travelled["case"],
        organisation=travelled["case"].local_government,
        status=TransferStatus.ADOPTED,
    )
    with pytest.raises(ValidationError) as error:
        home.full_clean()
    assert "organisation" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        Transfer.objects.create(
            good_practice=travelled["case"],
            organisation=OrganisationFactory(),
            status=TransferStatus.ADOPTED,
            start_year=2015,
            end_year=2013,
        )


# --- admin ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_transfers_are_entered_beside_the_case_and_beside_the_organisation(
    admin_client_in, travelled, lang
):
    client = admin_client_in(lang)
    case_page = client.get(
        reverse("admin:programmes_goodpractice_change", args=[travelled["case"].pk])
    ).content.decode()
    assert 'name="transfers-TOTAL_FORMS"' in case_page
    assert "Siem Reap" in case_page or "เสียมราฐ" in case_page
    organisation_page = client.get(
        reverse("admin:networks_organisation_change", args=[travelled["siem_reap"].pk])
    ).content.decode()
    assert 'name="practice_transfers-TOTAL_FORMS"' in organisation_page
    assert {"th": "ตัวอย่างที่ดีที่นำไปใช้", "en": "good practices it took up"}[
        lang
    ].lower() in organisation_page.lower()
    transfer_page = client.get(
        reverse("admin:programmes_transfer_change", args=[travelled["case"].transfers.first().pk])
    )
    assert transfer_page.status_code == 200
    assert 'name="sources-TOTAL_FORMS"' in transfer_page.content.decode()


def test_staff_add_a_transfer_in_the_case_admin_with_a_buddhist_era_year(
    admin_client_in, travelled
):
    client = admin_client_in("th")
    case = travelled["case"]
    change = reverse("admin:programmes_goodpractice_change", args=[case.pk])
    form = client.get(change).context["adminform"].form
    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and not isinstance(value, list | tuple)
    }
    data.update(
        {
            "title_th": case.title_th,
            "title_en": case.title_en,
            "slug": case.slug,
            "country": "TH",
            "programme": case.programme_id,
            "local_government": case.local_government_id,
            "status": Status.PUBLISHED,
            "published_at_0": "",
            "published_at_1": "",
            "version": case.version,
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
            "transfers-TOTAL_FORMS": "1",
            "transfers-INITIAL_FORMS": "0",
            "transfers-0-organisation": OrganisationFactory(slug="new-city").pk,
            "transfers-0-status": TransferStatus.PILOTED,
            "transfers-0-start_year": "2560",
            "transfers-0-note_th": "ทดลองในสองชุมชน",
        }
    )
    response = client.post(change, data)
    assert response.status_code == 302, response.context and [
        f.errors for f in response.context["inline_admin_formsets"][1].formset.forms
    ]
    added = Transfer.objects.get(organisation__slug="new-city")
    assert (added.status, added.start_year) == (TransferStatus.PILOTED, 2017)


# --- public pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_case_page_says_where_the_practice_went(client, travelled, lang):
    html = client.get(url(lang, "programmes:goodpractice_detail", slug="waste")).content.decode()
    assert {"th": "ตัวอย่างที่ดีนี้ไปถึงที่ใดบ้าง", "en": "Where this practice went"}[lang] in html
    assert {"th": "เสียมราฐ", "en": "Siem Reap"}[lang] in html
    assert {"th": "นำไปใช้จริง", "en": "Adopted"}[lang] in html
    # The years in the page's calendar.
    assert {"th": "2556–2557", "en": "2013–2014"}[lang] in html
    assert {"th": "นำไปใช้ทั้งเมือง", "en": "Adopted city-wide"}[lang] in html
    assert "https://example.org/report" in html
    assert "/organisations/sr/" in html


def test_a_draft_adopter_stays_off_the_public_pages(client, travelled):
    Organisation.objects.filter(slug="vt").update(status=Status.DRAFT)
    html = client.get(url("en", "programmes:goodpractice_detail", slug="waste")).content.decode()
    assert "Vientiane" not in html
    summary = client.get(url("en", "programmes:transfers")).content.decode()
    assert "Laos" not in summary


@pytest.mark.parametrize("lang", LANGS)
def test_the_adopter_page_lists_the_practices_it_took_up(client, travelled, lang):
    html = client.get(url(lang, "networks:organisation_detail", slug="sr")).content.decode()
    assert {"th": "ตัวอย่างที่ดีที่นำไปใช้", "en": "Good practices it took up"}[lang] in html
    assert "/good-practices/waste/" in html
    assert {"th": "2556", "en": "2013"}[lang] in html


def _flow_numbers(html: str) -> tuple[list[int], list[tuple[str, str, int]]]:
    figure = html[html.index('class="chart flow"') :]
    figure = figure[: figure.index("</figure>")]
    bands = [int(n) for n in re.findall(r'class="flow-band"[^>]*data-count="(\d+)"', figure)]
    table = figure[figure.index("<table") :]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td class=\"total\">(\d+)</td></tr>", table)
    return bands, [(a, b, int(n)) for a, b, n in rows]


@pytest.mark.parametrize("lang", LANGS)
def test_the_programme_page_shows_how_many_cases_moved_and_where(client, travelled, lang):
    html = client.get(url(lang, "programmes:detail", slug="delgosea-test")).content.decode()
    assert {"th": "ตัวอย่างที่ดี 1 กรณีถูกนำไปใช้", "en": "1 good-practice case was taken up"}[lang] in html
    assert {"th": "องค์กรปกครองส่วนท้องถิ่น 2 แห่ง", "en": "2 local governments"}[lang] in html
    bands, rows = _flow_numbers(html)
    assert sorted(bands) == sorted(n for _a, _b, n in rows) == [1, 1]
    names = {"th": ("ไทย", "กัมพูชา", "ลาว"), "en": ("Thailand", "Cambodia", "Laos")}[lang]
    assert {(a, b) for a, b, _n in rows} == {(names[0], names[1]), (names[0], names[2])}
    assert 'role="img"' in html and "<desc" in html
    assert "/partnerships/programme/delgosea-test/" in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_portal_transfer_page_has_a_picture_a_table_and_a_summary(client, travelled, lang):
    response = client.get(url(lang, "programmes:transfers"))
    assert response.status_code == 200
    html = response.content.decode()
    bands, rows = _flow_numbers(html)
    assert sum(bands) == sum(n for _a, _b, n in rows) == 2
    assert re.search(r'<svg[^>]*role="img"[^>]*aria-labelledby="transfer-flows-title', html)


def test_the_library_filters_cases_by_where_and_how_far_they_travelled(client, travelled):
    GoodPracticeFactory(slug="stayed-home", title_en="Stayed at home")
    base = url("en", "programmes:goodpractice_list")
    everything = client.get(base).content.decode()
    assert "Stayed at home" in everything and "Waste sorting" in everything
    assert 'name="adopted_in"' in everything and 'name="stage"' in everything
    in_cambodia = client.get(base + "?adopted_in=KH").content.decode()
    assert "Waste sorting" in in_cambodia and "Stayed at home" not in in_cambodia
    adopted_in_laos = client.get(base + "?adopted_in=LA&stage=adopted").content.decode()
    assert "Waste sorting" not in adopted_in_laos
    studied = client.get(base + "?stage=studied").content.decode()
    assert "Waste sorting" in studied and "Stayed at home" not in studied


def _grow(case, count: int) -> None:
    for i in range(count):
        transfer = TransferFactory(
            good_practice=case,
            organisation=OrganisationFactory(
                kind="local_government", country=["KH", "LA", "VN"][i % 3]
            ),
            status=list(TransferStatus)[i % 4],
        )
        transfer.sources.create(title_en=f"Source {i}")


@pytest.mark.parametrize(
    "name", ["programmes:goodpractice_detail", "programmes:transfers", "programmes:detail"]
)
def test_transfer_pages_cost_the_same_queries_however_many_transfers(
    client, django_assert_num_queries, name
):
    small_programme, big_programme = ProgrammeFactory(slug="small"), ProgrammeFactory(slug="big")
    small = GoodPracticeFactory(slug="small", programme=small_programme)
    big = GoodPracticeFactory(slug="big", programme=big_programme)
    _grow(small, 1)
    kwargs = {} if name == "programmes:transfers" else {"slug": "small"}
    with CaptureQueriesContext(connection) as context:
        client.get(url("th", name, **kwargs))
    expected = len(context.captured_queries)
    _grow(big, 15)
    kwargs = {} if name == "programmes:transfers" else {"slug": "big"}
    for lang in LANGS:
        with django_assert_num_queries(expected):
            assert client.get(url(lang, name, **kwargs)).status_code == 200


# --- the sample command ---------------------------------------------------------------------


def test_sample_transfers_are_labelled_and_removed_again(client):
    call_command("load_sample_transfers", stdout=io.StringIO())
    transfers = Transfer.objects.all()
    assert transfers.count() == 12 and all(t.is_sample for t in transfers)
    assert all(t.good_practice.is_sample for t in transfers)
    assert all(t.programme_id is None for t in transfers)
    html = client.get(url("en", "programmes:transfers")).content.decode()
    assert "Sample transfers" in html
    case_page = client.get(
        url("th", "programmes:goodpractice_detail", slug="sample-case-open-budget")
    ).content.decode()
    assert "การถ่ายทอดตัวอย่าง ไม่ใช่ข้อมูลจริง" in case_page
    call_command("load_sample_transfers", stdout=io.StringIO())
    assert Transfer.objects.count() == 12  # idempotent
    call_command("load_sample_transfers", "--remove", stdout=io.StringIO())
    assert not Transfer.objects.exists()
    assert not Organisation.objects.filter(slug__startswith="sample-lg-").exists()
    assert GoodPractice.objects.filter(is_sample=True).count() == 2


def test_the_demo_records_no_transfer(settings):
    call_command("load_demo", stdout=io.StringIO())
    assert not Transfer.objects.exists()


def test_staff_add_a_practice_an_organisation_took_up_on_its_admin_page(admin_client_in):
    from tests.networks.test_admin import _organisation_post

    client = admin_client_in("en")
    case = GoodPracticeFactory(slug="budget")
    data = _organisation_post(
        name_en="Khon Kaen City",
        slug="kk-city",
        kind="local_government",
        **{
            "practice_transfers-TOTAL_FORMS": "1",
            "practice_transfers-0-good_practice": case.pk,
            "practice_transfers-0-status": TransferStatus.SCALED,
            "practice_transfers-0-start_year": "2561",
            "practice_transfers-0-end_year": "2562",
        },
    )
    response = client.post(reverse("admin:networks_organisation_add"), data)
    assert response.status_code == 302
    transfer = Transfer.objects.get(organisation__slug="kk-city")
    assert (transfer.good_practice, transfer.status, transfer.start_year, transfer.end_year) == (
        case,
        TransferStatus.SCALED,
        2018,
        2019,
    )
