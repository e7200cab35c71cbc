"""The pieces every app shares: who sees drafts, the filtered list view, the year, country and
web-address fields."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import connection
from django.forms import modelform_factory
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from events.models import Event, EventAlbum, Participation
from events.views import EventDetailView
from networks.models import Membership, Network, Organisation, OrganisationKind, Person
from networks.views import NetworkDetailView, OrganisationDetailView
from portal.collation import thai_sort_key
from portal.models import PublishedQuerySet, Status
from programmes.models import GoodPractice, Programme, ProgrammeLink
from programmes.views import GoodPracticeDetailView, ProgrammeDetailView
from publications.models import Publication
from publications.views import PublicationDetailView, publication_bibtex
from tests.events.factories import EventFactory, ParticipantGroupFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, OrganisationFactory
from tests.programmes.factories import GoodPracticeFactory, ProgrammeFactory, ThemeFactory
from tests.publications.factories import LanguageFactory, PublicationFactory

pytestmark = pytest.mark.django_db

User = get_user_model()


def _user(**flags):
    """A user with `flags`; staff are Editors, who may view (and so preview) every record."""
    from django.contrib.auth.models import Group

    from portal.roles import EDITORS

    user = User.objects.create_user(
        username="-".join(f"{k}{int(v)}" for k, v in flags.items()), password="x", **flags
    )
    if flags.get("is_staff"):
        user.groups.add(Group.objects.get(name=EDITORS))
    return user


# --- who sees drafts -------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    model: type
    make: Callable
    path: str  # /en/<path>/<slug>/
    view: Callable


KINDS = [
    Kind("event", Event, EventFactory, "events", EventDetailView.as_view()),
    Kind("programme", Programme, ProgrammeFactory, "programmes", ProgrammeDetailView.as_view()),
    Kind(
        "good practice",
        GoodPractice,
        GoodPracticeFactory,
        "good-practices",
        GoodPracticeDetailView.as_view(),
    ),
    Kind(
        "publication",
        Publication,
        PublicationFactory,
        "publications",
        PublicationDetailView.as_view(),
    ),
    Kind(
        "organisation",
        Organisation,
        OrganisationFactory,
        "organisations",
        OrganisationDetailView.as_view(),
    ),
    Kind("network", Network, NetworkFactory, "networks", NetworkDetailView.as_view()),
]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_visible_to_gives_drafts_to_active_staff_only(kind):
    published = kind.make(status=Status.PUBLISHED)
    draft = kind.make(status=Status.DRAFT)
    archived = kind.make(status=Status.ARCHIVED)
    everything = {published.pk, draft.pk, archived.pk}

    def visible(user):
        return set(kind.model.objects.visible_to(user).values_list("pk", flat=True))

    from django.contrib.auth.models import AnonymousUser

    assert visible(None) == {published.pk}
    assert visible(AnonymousUser()) == {published.pk}
    assert visible(_user(is_staff=False, is_active=True)) == {published.pk}
    assert visible(_user(is_staff=True, is_active=False)) == {published.pk}
    assert visible(_user(is_staff=True, is_active=True)) == everything


def test_published_waits_for_its_publication_time():
    now = timezone.now()
    later = ProgrammeFactory(status=Status.PUBLISHED)
    Programme.objects.filter(pk=later.pk).update(published_at=now + datetime.timedelta(days=1))
    assert not Programme.objects.published().filter(pk=later.pk).exists()
    assert Programme.objects.visible_to(_user(is_staff=True, is_active=True)).filter(pk=later.pk)


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_a_draft_page_is_a_preview_for_active_staff_and_404_for_everyone_else(client, kind):
    draft = kind.make(status=Status.DRAFT)
    path = f"/en/{kind.path}/{draft.slug}/"
    assert client.get(path).status_code == 404

    # The view itself, not only the sign-in backend, refuses an inactive staff account.
    request = RequestFactory().get(path)
    request.user = _user(is_staff=True, is_active=False)
    with translation.override("en"), pytest.raises(Http404):
        kind.view(request, slug=draft.slug)

    client.force_login(_user(is_staff=True, is_active=True))
    response = client.get(path)
    assert response.status_code == 200
    assert "Preview:" in response.content.decode()


def test_a_published_page_says_nothing_of_a_preview_to_staff(client):
    publication = PublicationFactory(status=Status.PUBLISHED)
    client.force_login(_user(is_staff=True, is_active=True))
    assert "Preview:" not in client.get(f"/en/publications/{publication.slug}/").content.decode()


def test_an_inactive_staff_account_gets_no_draft_citation():
    draft = PublicationFactory(status=Status.DRAFT)
    request = RequestFactory().get(f"/en/publications/{draft.slug}/cite.bib")
    request.user = _user(is_staff=True, is_active=False)
    with pytest.raises(Http404):
        publication_bibtex(request, slug=draft.slug)
    request.user = _user(is_staff=True, is_active=True)
    assert publication_bibtex(request, slug=draft.slug).status_code == 200


def test_published_q_follows_a_relation():
    public, draft = NetworkFactory(), NetworkFactory(status=Status.DRAFT)
    later = NetworkFactory()
    Network.objects.filter(pk=later.pk).update(
        published_at=timezone.now() + datetime.timedelta(days=1)
    )
    organisation = OrganisationFactory()
    for network in (public, draft, later):
        MembershipFactory(network=network, organisation=organisation)
    shown = Membership.objects.filter(PublishedQuerySet.published_q("network__"))
    assert [m.network_id for m in shown] == [public.pk]


# --- the filtered list view ------------------------------------------------------------------


def _past_event(**extra):
    event = EventFactory(kind="forum", programme=ProgrammeFactory(), network=NetworkFactory())
    ParticipantGroupFactory(event=event)
    return event


def _programme():
    programme = ProgrammeFactory(lead_organisation=OrganisationFactory(), countries=["LA"])
    programme.themes.add(ThemeFactory())
    return programme


def _case():
    case = GoodPracticeFactory(
        programme=ProgrammeFactory(),
        local_government=OrganisationFactory(kind=OrganisationKind.LOCAL_GOVERNMENT),
        country="LA",
    )
    case.themes.add(ThemeFactory())
    return case


def _publication():
    publication = PublicationFactory(
        kind="manual", programme=ProgrammeFactory(), publisher=OrganisationFactory()
    )
    publication.languages.add(LanguageFactory())
    return publication


def _organisation():
    return OrganisationFactory(kind=OrganisationKind.CSO, parent=OrganisationFactory(kind="media"))


def _network():
    network = NetworkFactory(coordinator=OrganisationFactory())
    MembershipFactory(network=network)
    return network


@dataclass(frozen=True)
class Listing:
    name: str
    path: str
    make: Callable
    filter: str  # a valid filter that every made row matches ("" when the list has none)
    junk: str  # an invalid filter value, to be ignored
    per_page: int | None


LISTS = [
    Listing("programmes", "/th/programmes/", _programme, "country=LA", "theme=nope", 20),
    Listing("year archive", "/th/programmes/years/2015/", _programme, "", "", 20),
    Listing("good practices", "/th/good-practices/", _case, "country=LA", "programme=x", 20),
    Listing("publications", "/th/publications/", _publication, "kind=manual", "year=abc", 20),
    Listing("events", "/th/events/", _past_event, "kind=forum", "network=%00", 20),
    Listing("organisations", "/th/organisations/", _organisation, "kind=cso", "country=ZZ", 24),
    Listing("networks", "/th/networks/", _network, "", "", None),
]
PAGED = [listing for listing in LISTS if listing.per_page]


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize("listing", PAGED, ids=lambda x: x.name)
@pytest.mark.parametrize("page", ["999", "abc", "0", "-1", "last", "1.5"])
def test_a_page_that_is_not_a_page_is_a_404(client, listing, page):
    listing.make()
    assert client.get(listing.path, {"page": page}).status_code == 404


@pytest.mark.parametrize("listing", PAGED, ids=lambda x: x.name)
def test_the_first_page_of_an_empty_list_is_a_page(client, listing):
    assert client.get(listing.path).status_code == 200
    assert client.get(listing.path, {"page": "1"}).status_code == 200


@pytest.mark.parametrize("listing", PAGED, ids=lambda x: x.name)
def test_pages_keep_the_filters(client, listing):
    for _ in range(listing.per_page + 1):
        listing.make()
    query = f"{listing.filter}&" if listing.filter else ""
    first = client.get(f"{listing.path}?{listing.filter}")
    assert first.context["page_obj"].paginator.num_pages == 2
    assert f'href="?{query.replace("&", "&amp;")}page=2"' in first.content.decode()
    second = client.get(f"{listing.path}?{query}page=2")
    assert second.status_code == 200
    assert f'href="?{query.replace("&", "&amp;")}page=1"' in second.content.decode()
    assert len(second.context["page_obj"].object_list) >= 1


@pytest.mark.parametrize("listing", [x for x in LISTS if x.junk], ids=lambda x: x.name)
def test_an_invalid_filter_value_is_dropped_and_the_others_kept(client, listing):
    listing.make()
    listing.make()
    valid = client.get(f"{listing.path}?{listing.filter}")
    with_junk = client.get(f"{listing.path}?{listing.filter}&{listing.junk}")
    assert with_junk.status_code == 200
    assert with_junk.context["filters"] == valid.context["filters"] != {}
    assert with_junk.context["page_obj"].paginator.count == 2


@pytest.mark.parametrize("listing", LISTS, ids=lambda x: x.name)
def test_a_list_costs_the_same_queries_with_one_row_or_two_pages_of_them(client, listing):
    listing.make()
    expected = _queries(client, listing.path)
    for _ in range(30):
        listing.make()
    assert _queries(client, listing.path) == expected
    if listing.per_page:
        query = f"{listing.filter}&" if listing.filter else ""
        # The events list shows its upcoming events on the first page only: one query fewer.
        assert _queries(client, f"{listing.path}?{query}page=2") <= expected


# --- the year field --------------------------------------------------------------------------


def test_a_buddhist_era_year_through_the_admin_form_is_stored_in_the_common_era(rf, admin_user):
    request = rf.get("/admin/networks/network/add/")
    request.user = admin_user
    with translation.override("th"):
        form_class = admin.site._registry[Network].get_form(request)
        form = form_class(
            {
                "name_th": "เครือข่ายทดสอบ",
                "slug": "be-network",
                "status": Status.DRAFT,
                "founded": "2553",
            }
        )
        assert form.is_valid(), form.errors
    assert form.save().founded == 2010
    assert Network.objects.get(slug="be-network").founded == 2010


@pytest.mark.parametrize(
    ("model", "field", "extra"),
    [
        (Publication, "year", {"title_th": "คู่มือ", "kind": "manual", "slug": "be-manual"}),
        (Network, "founded", {"name_th": "เครือข่าย", "slug": "be-network"}),
    ],
)
@pytest.mark.parametrize(("typed", "stored"), [("2555", 2012), ("2012", 2012), ("", None)])
def test_a_model_form_stores_a_typed_year_in_the_common_era(model, field, extra, typed, stored):
    form_class = modelform_factory(model, fields=[*extra, field])
    form = form_class({**extra, field: typed})
    assert form.is_valid(), form.errors
    form.save()
    assert getattr(model.objects.get(slug=extra["slug"]), field) == stored


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("th", "กรุณากรอกปีระหว่าง 1800 ถึง 2200 หรือปีพุทธศักราชระหว่าง 2401 ถึง 2743"),
        ("en", "Enter a year between 1800 and 2200, or a Buddhist-Era year between 2401 and 2743."),
    ],
)
@pytest.mark.parametrize("typed", ["1700", "2300", "3000"])
def test_an_implausible_year_is_refused_with_a_message_in_the_staff_language(lang, message, typed):
    form_class = modelform_factory(Publication, fields=["title_th", "kind", "slug", "year"])
    with translation.override(lang):
        form = form_class({"title_th": "คู่มือ", "kind": "manual", "slug": "x", "year": typed})
        assert not form.is_valid()
        assert form.errors["year"] == [message]


def test_full_clean_converts_and_checks_a_year_too():
    network = Network(name_th="เครือข่าย", slug="n", founded=2553)
    network.full_clean()
    assert network.founded == 2010
    publication = Publication(title_th="คู่มือ", kind="manual", slug="p", year=9000)
    with pytest.raises(Exception) as error:
        publication.full_clean()
    assert "year" in error.value.message_dict


# --- the country field -----------------------------------------------------------------------


COUNTRY_FIELDS = [
    (Organisation, "country"),
    (Person, "country"),
    (Programme, "countries"),
    (GoodPractice, "country"),
    (Event, "venue_country"),
    (Event, "countries_represented"),
    (Participation, "country"),
]


def _admin_field(model, name, admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    return admin.site._registry[model].get_form(request).base_fields[name]


@pytest.mark.parametrize(("model", "name"), COUNTRY_FIELDS, ids=lambda x: getattr(x, "__name__", x))
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_country_select_has_the_region_first_then_the_rest_by_name(
    admin_user, model, name, lang
):
    if model is Participation:
        field = modelform_factory(model, fields=[name]).base_fields[name]
    else:
        field = _admin_field(model, name, admin_user)
    with translation.override(lang):
        choices = [(code, str(label)) for code, label in field.choices]
    if choices[0][0] == "":
        assert choices[0][1] == "---------"
        choices = choices[1:]
    region = settings.COUNTRIES_FIRST
    assert [code for code, _name in choices[: len(region)]] == region
    assert choices[len(region)] == ("", settings.COUNTRIES_FIRST_BREAK)
    rest = [label for _code, label in choices[len(region) + 1 :]]
    assert len(rest) > 200
    names = dict(choices)
    if lang == "th":
        assert names["TH"] == "ไทย" and names["JP"] == "ญี่ปุ่น"
        # Dictionary order: เกาหลีใต้ sorts under ก, before จีน and ญี่ปุ่น.
        assert rest.index("เกาหลีใต้") < rest.index("จีน") < rest.index("ญี่ปุ่น")
        assert rest == sorted(rest, key=thai_sort_key)
    else:
        assert names["TH"] == "Thailand" and names["JP"] == "Japan"
        assert rest.index("Afghanistan") == 0
        assert rest.index("China") < rest.index("Japan") < rest.index("South Korea")


def test_a_form_made_in_one_language_names_countries_in_the_language_it_is_shown_in(admin_user):
    with translation.override("th"):
        field = _admin_field(Organisation, "country", admin_user)
    with translation.override("en"):
        assert ("LA", "Laos") in [(c, str(n)) for c, n in field.choices]
    with translation.override("th"):
        assert ("LA", "ลาว") in [(c, str(n)) for c, n in field.choices]


def test_an_admin_form_stores_a_chosen_country(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    form_class = admin.site._registry[GoodPractice].get_form(request)
    field = form_class.base_fields["country"]
    assert field.clean("LA") == "LA"
    assert field.clean("") == ""
    with pytest.raises(Exception):  # noqa: B017 — a code that is no country is refused
        field.clean("ZZ")


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("th", ["ไทย", "ลาว", "──────────", "ญี่ปุ่น", "ฝรั่งเศส"]),
        ("en", ["Thailand", "Laos", "──────────", "France", "Japan"]),
    ],
)
def test_a_filter_offers_its_countries_region_first_then_by_name(client, lang, expected):
    for codes in (["JP"], ["LA", "FR"], ["TH"]):
        ProgrammeFactory(countries=codes)
    form = client.get(f"/{lang}/programmes/").context["form"]
    labels = [str(label) for _code, label in form.fields["country"].choices]
    assert labels[0] == {"th": "ทั้งหมด", "en": "All"}[lang]
    assert labels[1:] == expected


# --- the web-address field -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (Organisation, "website"),
        (ProgrammeLink, "url"),
        (Event, "source_url"),
        (EventAlbum, "url"),
    ],
)
def test_a_web_address_typed_without_a_scheme_is_https(admin_user, model, name):
    field = modelform_factory(model, fields=[name]).base_fields[name]
    assert field.clean("www.example.org/report") == "https://www.example.org/report"
    assert field.clean("http://example.org") == "http://example.org"


@pytest.mark.parametrize(("model", "name"), [(Organisation, "website"), (Event, "source_url")])
def test_the_admin_forms_take_an_address_without_a_scheme_as_https(admin_user, model, name):
    field = _admin_field(model, name, admin_user)
    assert field.clean("example.org") == "https://example.org"
