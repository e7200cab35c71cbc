import pytest
from django.template.loader import render_to_string
from django.utils import translation

from networks import demo, selectors
from networks.models import Membership, Network, Organisation, Person
from networks.sitemaps import NetworkSitemap, OrganisationSitemap

pytestmark = pytest.mark.django_db


def _snapshot():
    return (
        sorted(Organisation.objects.values_list("slug", "updated_at", "parent__slug")),
        sorted(Network.objects.values_list("slug", "updated_at", "coordinator__slug")),
        sorted(Person.objects.values_list("slug", "updated_at", "organisation__slug")),
        Membership.objects.count(),
    )


def test_demo_loads_twice_without_change():
    summary = demo.load()
    assert "organisations" in summary
    first = _snapshot()
    demo.load()
    assert _snapshot() == first


def test_demo_has_the_seed_records_under_the_slugs_other_apps_use():
    demo.load()
    csnm = Organisation.objects.published().get(slug="csnm")
    assert [a.slug for a in csnm.ancestors()] == [
        "kku-faculty-of-humanities-and-social-sciences",
        "khon-kaen-university",
    ]
    bureau = Organisation.objects.get(slug="ect-election-network-development-bureau")
    assert bureau.parent.slug == "ect"
    sddc = Network.objects.published().get(slug="sddc")
    assert sddc.coordinator == bureau
    for slug in ("tei", "european-commission", "usaid-asia", "senate", "ministry-of-interior"):
        assert Organisation.objects.published().filter(slug=slug).exists()
    chairman = Person.objects.get(slug="ittiporn-boonpracong")
    with translation.override("en"):
        assert str(chairman.display_name) == "Mr Ittiporn Boonpracong"
    with translation.override("th"):
        assert str(chairman.display_name) == "นายอิทธิพร บุญประคอง"
        assert str(Person.objects.get(slug="chamniern-vorratnchaiphan").display_name) == (
            "ดร.จำเนียร วรรัตน์ชัยพันธ์"
        )
    assert Person.objects.filter(slug="sirinat-mattra").exists()
    # No contact details and no consent were in the sources.
    assert not Person.objects.exclude(email="", phone="").exists()
    assert not Person.objects.public().exists()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_home_page_partial(django_assert_num_queries, lang):
    demo.load()
    with translation.override(lang), django_assert_num_queries(3):
        context = selectors.home_page()
        html = render_to_string("networks/includes/_home.html", context)
    assert "/networks/sddc/" in html
    assert ("13 องค์กร" if lang == "th" else "13 organisations") in html


def test_sitemaps_list_published_records_with_alternates():
    demo.load()
    assert OrganisationSitemap().items().count() == Organisation.objects.published().count()
    assert NetworkSitemap.i18n and NetworkSitemap.alternates and NetworkSitemap.x_default
    assert {n.slug for n in NetworkSitemap().items()} >= {"sddc", "mekong-cso-partnership"}
