"""The library and publication pages, in both languages, with filters and constant queries."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from events.models import Event
from portal.models import Status
from publications.models import (
    Access,
    Publication,
    PublicationKind,
)
from tests.portal.factories import EditorFactory
from tests.publications.factories import (
    LanguageFactory,
    ProgrammeFactory,
    PublicationFactory,
    image_bytes,
    with_file,
)


def make_event(slug="mekong-2018", **extra):
    return Event.objects.create(
        slug=slug,
        title_th="งานสัมมนาลุ่มน้ำโขง",
        title_en="Mekong conference",
        kind="conference",
        start_date=timezone.localdate().replace(year=2018, month=2, day=7),
        end_date=timezone.localdate().replace(year=2018, month=2, day=8),
        status=Status.PUBLISHED,
        **extra,
    )


@pytest.fixture
def library(db):
    """A small library: a programme's manual in Thai, an event's paper in English, a draft."""
    thai = LanguageFactory(code="th", name_th="ไทย", name_en="Thai")
    english = LanguageFactory(code="en", name_th="อังกฤษ", name_en="English")
    programme = ProgrammeFactory(slug="delgosea", title_en="DELGOSEA", title_th="เดลโกเซีย")
    manual = with_file(
        PublicationFactory(
            slug="manual",
            title_en="Trainer's manual",
            title_th="คู่มือวิทยากร",
            programme=programme,
            year=2012,
            kind=PublicationKind.MANUAL,
        ),
        name="คู่มือ.pdf",
    )
    manual.languages.set([thai])
    paper = with_file(
        PublicationFactory(
            slug="paper",
            title_en="Conference paper",
            title_th="บทความการประชุม",
            year=2018,
            kind=PublicationKind.PAPER,
            access=Access.PARTNERS,
            download_count=50,
        ),
        name="paper.pdf",
    )
    paper.languages.set([english])
    event = make_event()
    event.documents.add(paper)
    PublicationFactory(slug="draft", title_en="Secret draft", status=Status.DRAFT)
    return {"manual": manual, "paper": paper, "programme": programme, "event": event}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_library_lists_published_items_with_kind_language_year_size_and_type(
    client, library, lang
):
    response = client.get(f"/{lang}/publications/")
    assert response.status_code == 200
    text = response.content.decode()
    expected = {
        "th": ["คู่มือวิทยากร", "คู่มือ", "ไทย", "2555", "2561", "PDF", "ไบต์"],
        "en": ["Trainer&#x27;s manual", "Manual", "Thai", "2012", "2018", "PDF", "bytes"],
    }[lang]
    for fragment in expected:
        assert fragment in text
    assert "Secret draft" not in text


@pytest.mark.django_db
def test_a_cover_is_shown_as_its_small_rendition(client, library):
    manual = library["manual"]
    manual.cover = ContentFile(image_bytes("PNG", (600, 800)), name="cover.png")
    manual.save()
    text = client.get("/en/publications/").content.decode()
    assert ".240w.webp" in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("kind=paper", "Conference paper", "Trainer"),
        ("language=th", "Trainer", "Conference paper"),
        ("year=2018", "Conference paper", "Trainer"),
        ("programme=delgosea", "Trainer", "Conference paper"),
        ("event=mekong-2018", "Conference paper", "Trainer"),
        ("access=partners", "Conference paper", "Trainer"),
        ("access=public", "Trainer", "Conference paper"),
    ],
)
def test_the_library_filters(client, library, query, shown, hidden):
    text = client.get(f"/en/publications/?{query}").content.decode()
    assert shown in text
    assert hidden not in text


@pytest.mark.django_db
def test_the_library_sorts_newest_or_most_downloaded_first(client, library):
    library["manual"].year = 2020
    library["manual"].save()
    newest = client.get("/en/publications/").content.decode()
    assert newest.index("Trainer") < newest.index("Conference paper")
    popular = client.get("/en/publications/?sort=downloads").content.decode()
    assert popular.index("Conference paper") < popular.index("Trainer")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "kind=poem",
        "year=abc",
        "year=1700",
        "language=xx%00",
        "programme=../../etc",
        "event=nope",
        "access=everyone",
        "sort=random",
        "kind[]=1&year=2018&year=2012",
    ],
)
def test_junk_filter_values_are_ignored(client, library, query):
    response = client.get(f"/en/publications/?{query}")
    assert response.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["999", "abc", "-1", "0"])
def test_a_bad_page_gives_404(client, library, page):
    assert client.get(f"/en/publications/?page={page}").status_code == 404


@pytest.mark.django_db
def test_the_library_query_count_does_not_grow_with_the_data(
    client, library, django_assert_max_num_queries, django_assert_num_queries
):
    def count_queries() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            assert client.get("/en/publications/").status_code == 200
        return len(context.captured_queries)

    small = count_queries()
    thai = library["manual"].languages.first()
    for index in range(25):
        publication = with_file(
            PublicationFactory(
                slug=f"bulk-{index}",
                programme=ProgrammeFactory(),
                year=2000 + index,
                publisher=None,
            ),
            name=f"file-{index}.pdf",
        )
        publication.languages.add(thai)
        library["event"].documents.add(publication)
    with django_assert_num_queries(small):
        assert client.get("/en/publications/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_publication_page_shows_everything_with_programme_events_and_citation(
    client, library, lang
):
    paper = library["paper"]
    paper.programme = library["programme"]
    paper.authors_en = "Ann Author; Bob Writer"
    paper.save()
    response = client.get(f"/{lang}/publications/paper/")
    assert response.status_code == 200
    text = response.content.decode()
    expected = {
        "th": ["บทความการประชุม", "เดลโกเซีย", "งานสัมมนาลุ่มน้ำโขง", "2561", "ลงชื่อเข้าใช้"],
        "en": ["Conference paper", "DELGOSEA", "Mekong conference", "2018", "Sign in to download"],
    }[lang]
    for fragment in expected:
        assert fragment in text
    assert "paper/cite.bib" in text and "paper/cite.ris" in text
    assert f"/{lang}/accounts/sign-in/?next=/{lang}/publications/paper/download/" in text
    # The formatted citation is in the page's language and calendar.
    assert {"th": "Ann Author, Bob Writer (2561)", "en": "Ann Author, Bob Writer (2018)"}[
        lang
    ] in text


@pytest.mark.django_db
def test_the_publication_page_offers_the_download_to_those_allowed(client, library):
    text = client.get("/en/publications/manual/").content.decode()
    assert "/en/publications/manual/download/" in text
    assert "Download (PDF" in text
    client.force_login(EditorFactory(username="boss"))
    assert (
        "/en/publications/paper/download/" in client.get("/en/publications/paper/").content.decode()
    )


@pytest.mark.django_db
def test_a_placeholder_file_is_labelled_as_such(client, library):
    Publication.objects.filter(pk=library["manual"].pk).update(is_placeholder=True)
    text = client.get("/en/publications/manual/").content.decode()
    assert "Placeholder file" in text
    assert "does not hold this document yet" in text


@pytest.mark.django_db
def test_drafts_are_hidden_from_the_public_but_staff_preview_them(client, library):
    assert client.get("/en/publications/draft/").status_code == 404
    client.force_login(EditorFactory(username="boss"))
    assert client.get("/en/publications/draft/").status_code == 200


@pytest.mark.django_db
def test_the_publication_page_query_count_is_constant(client, library, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        client.get("/en/publications/paper/")
    for index in range(5):
        make_event(slug=f"more-{index}").documents.add(library["paper"])
    with django_assert_num_queries(len(context.captured_queries)):
        assert client.get("/en/publications/paper/").status_code == 200


@pytest.mark.django_db
def test_the_citation_exports_download_with_a_file_name(client, library):
    bib = client.get("/en/publications/paper/cite.bib")
    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert 'filename="paper.bib"' in bib["Content-Disposition"]
    assert bib.content.decode().startswith("@inproceedings{")
    ris = client.get("/en/publications/paper/cite.ris")
    assert ris["Content-Type"].startswith("application/x-research-info-systems")
    assert ris.content.decode().startswith("TY  - CPAPER\r\n")
    assert client.get("/en/publications/draft/cite.bib").status_code == 404


@pytest.mark.parametrize("next_url", ["http://[", "//[::1", "javascript:alert(1)", "%ff"])
def test_sign_in_page_ignores_a_next_that_is_not_an_address(client, next_url):
    response = client.get("/th/accounts/sign-in/", {"next": next_url})
    assert response.status_code == 200


def test_the_library_never_offers_thousands_of_events_to_choose_from(client, library):
    for i in range(30):
        make_event(slug=f"event-{i}").documents.add(library["paper"])
    html = client.get("/en/publications/").content.decode()
    assert '<select name="event"' not in html and "event-29" not in html
    # Reached from an event's page, the filter is kept and named.
    html = client.get("/en/publications/?event=event-29").content.decode()
    assert 'type="hidden" name="event" value="event-29"' in html
