"""Hostile requests to every URL pattern, drawn by Hypothesis: never a 5xx, never the
hostile markup reflected unescaped.

Each example is one request: a URL pattern of the project (admin included) with its slots
filled by real values or hostile text, a hostile query string, method, Host header,
cookies and Accept-Language, sent anonymously or as a signed-in staff member. The size
(FUZZ_EXAMPLES, default 120 a test) keeps the module to a few seconds in CI; `make fuzz`
sends ten thousand to a real server. Runs on SQLite and PostgreSQL like the rest.
"""

import os
from http.cookies import SimpleCookie

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from portal import fuzzing

pytestmark = pytest.mark.django_db

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 120))
FUZZ = hypothesis_settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=list(HealthCheck),
)
TEMPLATES = fuzzing.url_templates()
hostile_text = st.one_of(
    st.sampled_from(fuzzing.HOSTILE_TEXT),
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=20).map(lambda s: s + fuzzing.MARKUP),
)


@pytest.fixture(scope="module")
def known(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        return fuzzing.known_values()


@pytest.fixture
def staff_cookie(db):
    user = get_user_model().objects.create_user("fuzz-staff", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    return client.cookies[django_settings.SESSION_COOKIE_NAME].value


@st.composite
def paths(draw, known, templates):
    template = draw(st.sampled_from(templates))
    path = ""
    for part in template.parts:
        if isinstance(part, str):
            path += part
            continue
        choices = [st.from_regex(part.regex, fullmatch=True), hostile_text]
        if good := known.get(part.name) or fuzzing._alternatives(part.regex):
            choices.insert(0, st.sampled_from(good))
        path += fuzzing.encode(draw(st.one_of(choices)))
    path += draw(st.sampled_from(["", "", "", "%00", "%ff", "//", "/..%2f", "/"]))
    return "/" + path


queries = st.one_of(
    st.lists(
        st.tuples(st.sampled_from(fuzzing.PARAM_NAMES) | st.text(max_size=8), hostile_text),
        max_size=3,
    ).map(lambda pairs: "&".join(f"{fuzzing.encode(k)}={fuzzing.encode(v)}" for k, v in pairs)),
    st.sampled_from(fuzzing.RAW_QUERIES),
)
cookies = st.dictionaries(
    st.sampled_from(fuzzing.COOKIE_NAMES),
    st.sampled_from(fuzzing.COOKIE_VALUES) | st.text(max_size=40),
    max_size=3,
)


def wire(text: str) -> str:
    """A header value as a WSGI server hands it to Django: its bytes read as Latin-1."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def send(method, path, query, host, cookie_jar, accept_language, secure):
    client = Client()
    jar = SimpleCookie()
    for name, value in cookie_jar.items():
        jar[name] = value
    extra = {"QUERY_STRING": query, "HTTP_COOKIE": wire(jar.output(header="", sep=";").strip())}
    if host is not None:
        extra["HTTP_HOST"] = wire(host)
    if accept_language is not None:
        extra["HTTP_ACCEPT_LANGUAGE"] = wire(accept_language)
    response = client.generic(
        method,
        path,
        data=query if method in {"POST", "PUT", "PATCH"} else "",
        content_type="application/x-www-form-urlencoded",
        secure=secure,
        **extra,
    )
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def check(response, body, request):
    assert response.status_code < 500, request
    assert not fuzzing.reflects_markup(response.get("Content-Type", ""), body), request


def fuzz_test(known, staff_cookie, *, who, templates=TEMPLATES):
    @FUZZ
    @given(
        path=paths(known, templates),
        query=queries,
        method=st.sampled_from(fuzzing.METHODS),
        host=st.none() | st.sampled_from(fuzzing.HOSTILE_HOSTS) | st.text(max_size=20),
        cookie_jar=cookies,
        accept_language=st.none() | st.sampled_from(fuzzing.ACCEPT_LANGUAGES) | st.text(),
        secure=st.booleans(),
        as_staff={"anyone": st.booleans(), "anonymous": st.just(False), "staff": st.just(True)}[
            who
        ],
    )
    def run(path, query, method, host, cookie_jar, accept_language, secure, as_staff):
        if as_staff:
            cookie_jar = {**cookie_jar, django_settings.SESSION_COOKIE_NAME: staff_cookie}
        request = (method, path, query, host, cookie_jar, accept_language, secure, as_staff)
        response, body = send(method, path, query, host, cookie_jar, accept_language, secure)
        check(response, body, request)

    run()


def test_every_url_pattern_is_fuzzed():
    """The templates cover the whole URL configuration: public, admin, feeds, sitemaps."""
    labels = {t.label for t in TEMPLATES}
    assert len(TEMPLATES) > 100
    for expected in (
        "healthz",
        "admin/events/event/add/",
        "admin/events/event/<object_id>/change/",
        "<language_prefix>/events/<slug>/",
        "<language_prefix>/publications/<slug>/download/",
        "<language_prefix>/search/",
        "sitemap-<section>.xml",
    ):
        assert expected in labels


def test_hostile_requests_to_every_pattern_get_no_server_error(known, staff_cookie):
    fuzz_test(known, staff_cookie, who="anyone")


def test_hostile_anonymous_requests_get_no_server_error(known, staff_cookie):
    fuzz_test(known, staff_cookie, who="anonymous")


def test_hostile_requests_of_staff_to_the_admin_get_no_server_error(known, staff_cookie):
    admin = [t for t in TEMPLATES if t.label.startswith("admin/")]
    fuzz_test(known, staff_cookie, who="staff", templates=admin)


# The causes found by fuzzing, each kept as a plain example.


def test_a_foreign_host_gets_the_400_page(client, demo_site):
    response = client.get("/en/", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert b"evil.example" not in response.content
    assert b'<link rel="canonical" href="/en/">' in response.content


@pytest.mark.parametrize(
    "path",
    [
        "/admin/networks/organisation/?q=%00",
        "/admin/events/event/?q=a%00b",
        "/admin/autocomplete/?term=%00&app_label=events&model_name=event&field_name=programme",
    ],
)
def test_a_nul_character_in_an_admin_search_is_dropped(client, demo_site, staff_cookie, path):
    client.cookies["sessionid"] = staff_cookie
    assert client.get(path).status_code == 200


def test_a_nul_character_in_an_admin_list_filter_is_a_bad_request(client, demo_site, staff_cookie):
    client.cookies["sessionid"] = staff_cookie
    assert client.get("/admin/networks/organisation/?name_th=%00").status_code == 400


def test_every_admin_checks_its_query_string():
    from django.contrib import admin

    from portal.admin_queries import CheckedQueryAdminMixin

    unchecked = [
        model._meta.label
        for model, model_admin in admin.site._registry.items()
        if not isinstance(model_admin, CheckedQueryAdminMixin)
    ]
    assert unchecked == []


def test_a_session_cookie_with_a_nul_byte_is_no_session(client, demo_site):
    client.cookies["sessionid"] = "abcdefghij\x00klmno"
    for path in ("/admin/login/", "/en/events/sddc-allied-networks-forum-2022/", "/en/"):
        assert client.get(path).status_code == 200, path


def test_a_pre_filled_relation_that_is_not_a_key_is_left_empty(client, demo_site, staff_cookie):
    client.cookies["sessionid"] = staff_cookie
    for query in ("network=cspp", "programme=1x", "documents=1,x", "series=-"):
        response = client.get(f"/admin/events/event/add/?{query}")
        assert response.status_code == 200, query
    # A real key still pre-fills the form.
    from networks.models import Network

    network = Network.objects.get(slug="sddc")
    response = client.get(f"/admin/events/event/add/?network={network.pk}")
    assert f'<option value="{network.pk}" selected>' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/portal/exportlog/?id__in=9999999999999999999999999",
        "/admin/auth/user/?id__gt=-99999999999999999999999",
        "/admin/events/participation/?event__id__exact=99999999999999999999",
        "/admin/events/event/?programme=99999999999999999999",
    ],
)
def test_a_list_filtered_by_a_number_beyond_any_column_is_a_bad_request(
    client, demo_site, staff_cookie, path
):
    client.cookies["sessionid"] = staff_cookie
    assert client.get(path).status_code == 400


def test_a_list_filtered_by_a_real_key_still_works(client, demo_site, staff_cookie):
    from events.models import Event

    client.cookies["sessionid"] = staff_cookie
    event = Event.objects.get(slug="sddc-allied-networks-forum-2022")
    response = client.get(f"/admin/events/event/?id__in={event.pk},2")
    assert response.status_code == 200
    assert f"/admin/events/event/{event.pk}/change/" in response.content.decode()


@pytest.mark.parametrize("view", ["change", "delete", "history"])
def test_an_empty_to_field_means_the_primary_key(client, demo_site, staff_cookie, view):
    from programmes.models import Programme

    client.cookies["sessionid"] = staff_cookie
    programme = Programme.objects.get(slug="delgosea")
    response = client.get(f"/admin/programmes/programme/{programme.pk}/{view}/?_to_field=")
    assert response.status_code == 200
    assert "DELGOSEA" in response.content.decode()
