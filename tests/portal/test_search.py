import datetime
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.utils import timezone, translation

from networks.models import Person
from portal import registry, search
from portal.models import Status
from programmes.models import (
    GoodPractice,
    Programme,
)
from publications.models import (
    Publication,
    PublicationKind,
)
from tests.events.factories import EventFactory, EventSeriesFactory, RoleFactory, SessionFactory
from tests.networks.factories import NetworkFactory, OrganisationFactory, PersonFactory
from tests.programmes.factories import ImpactFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


def programme(**fields) -> Programme:
    fields.setdefault("slug", f"programme-{Programme.objects.count()}")
    return Programme.objects.create(status=Status.PUBLISHED, **fields)


def publication(**fields) -> Publication:
    fields.setdefault("slug", f"publication-{Publication.objects.count()}")
    return Publication.objects.create(
        status=Status.PUBLISHED, kind=PublicationKind.MANUAL, **fields
    )


def good_practice(**fields) -> GoodPractice:
    fields.setdefault("slug", f"practice-{GoodPractice.objects.count()}")
    return GoodPractice.objects.create(status=Status.PUBLISHED, **fields)


def page(client, lang: str, **params):
    response = client.get(f"/{lang}/search/", params)
    assert response.status_code == 200
    return response.content.decode()


def result_titles(html: str) -> list[str]:
    """The visible titles of the results, in order."""
    titles = re.findall(r"<h3><a href=\"[^\"]+\">(.*?)</a></h3>", html, re.S)
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles]


# --- matching ---------------------------------------------------------------


def test_thai_words_are_found_inside_text_written_without_spaces(client):
    programme(title_th="การส่งเสริมธรรมาภิบาลท้องถิ่น", title_en="Local good governance")
    OrganisationFactory(name_th="สมาคมองค์กรปกครองส่วนท้องถิ่นจังหวัด", name_en="Provincial LAO")
    OrganisationFactory(name_th="มหาวิทยาลัยขอนแก่น", name_en="Khon Kaen University")

    assert result_titles(page(client, "th", q="ธรรมาภิบาล")) == ["การส่งเสริมธรรมาภิบาลท้องถิ่น"]
    titles = result_titles(page(client, "th", q="ท้องถิ่น"))
    assert "สมาคมองค์กรปกครองส่วนท้องถิ่นจังหวัด" in titles
    assert "การส่งเสริมธรรมาภิบาลท้องถิ่น" in titles
    assert "มหาวิทยาลัยขอนแก่น" not in titles


def test_thai_words_typed_with_spaces_still_find_the_run_together_title(client):
    programme(title_th="การส่งเสริมธรรมาภิบาลท้องถิ่น", title_en="Local good governance")

    html = page(client, "th", q="  ธรรมาภิบาล \t ท้องถิ่น ")
    assert result_titles(html) == ["การส่งเสริมธรรมาภิบาลท้องถิ่น"]
    assert 'value="ธรรมาภิบาล ท้องถิ่น"' in html


def test_english_search_ignores_case(client):
    programme(title_th="ธรรมาภิบาล", title_en="Good Governance for Local Development")
    EventFactory(title_en="Regional forum", summary_en="Decentralisation and GOVERNANCE in Asia")

    html = page(client, "en", q="governance")
    assert result_titles(html) == ["Good Governance for Local Development", "Regional forum"]
    assert result_titles(page(client, "en", q="GOOD governance")) == [
        "Good Governance for Local Development"
    ]


def test_a_record_only_in_thai_is_found_from_the_english_page_and_marked_as_thai(client):
    OrganisationFactory(name_th="ศูนย์ส่งเสริมพัฒนาประชาธิปไตยตำบล", name_en="")

    html = page(client, "en", q="ประชาธิปไตย")
    assert '<span lang="th">ศูนย์ส่งเสริมพัฒนา<mark>ประชาธิปไตย</mark>ตำบล</span>' in html
    assert "(in Thai)" in html


def test_every_searched_field_of_every_type_is_found(client):
    OrganisationFactory(description_en="Works on zyx city planning")
    OrganisationFactory(city_th="เมืองซีแอกซ์", city_en="Zyx")
    NetworkFactory(acronym_en="ZYX")
    programme(title_th="โครงการ", summary_en="About zyx things")
    good_practice(title_th="กรณีศึกษา", summary_th="แนวปฏิบัติ zyx ของเทศบาล")
    publication(title_th="คู่มือ", authors_en="A. Zyx", year=2012)
    publication(title_th="เอกสาร", abstract_en="The zyx abstract", year=2013)
    EventFactory(venue_city_en="Zyx")

    html = page(client, "en", q="zyx")
    assert '<p class="muted" role="status">8 results for “zyx”</p>' in html
    for key in ("organisations", "networks", "programmes", "good_practices", "publications"):
        assert f'id="results-{key}"' in html
    assert 'id="results-events"' in html


def test_results_are_grouped_by_type_with_counts_dates_and_snippets(client):
    EventFactory(
        title_th="เวทีธรรมาภิบาล",
        title_en="Governance forum",
        summary_th="สรุปการประชุมเรื่องธรรมาภิบาล",
        start_date=datetime.date(2022, 8, 24),
        end_date=datetime.date(2022, 8, 25),
    )
    publication(title_th="คู่มือธรรมาภิบาล", title_en="Governance manual", year=2012)
    programme(
        title_th="โครงการธรรมาภิบาล",
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2013, 6, 30),
    )

    html = page(client, "th", q="ธรรมาภิบาล")
    assert 'href="#results-events">กิจกรรม (1)</a>' in html
    assert "24–25 สิงหาคม 2565" in html
    assert "2555" in html  # the publication's year in the Buddhist Era
    assert "2553–2556" in html  # the programme's years
    assert "สรุปการประชุมเรื่อง<mark>ธรรมาภิบาล</mark></p>" in html
    assert 'href="/th/events/' in html

    english = page(client, "en", q="governance")
    assert "24–25 August 2022" in english
    assert "2012" in english


def test_title_match_in_the_page_language_ranks_first_then_other_language_then_other_fields(client):
    old = datetime.date(2001, 1, 1)
    new = datetime.date(2020, 1, 1)
    programme(title_th="อื่น", title_en="Other", summary_en="about water", start_date=new)
    programme(title_th="น้ำ water", title_en="Rivers", start_date=new)
    programme(title_th="ป่า", title_en="Water and forests", start_date=old)
    programme(title_th="ทะเล", title_en="Clean water", start_date=new)

    assert result_titles(page(client, "en", q="water")) == [
        "Clean water",
        "Water and forests",
        "Rivers",
        "Other",
    ]


def test_each_group_is_capped_and_says_how_many_there_are(client):
    for i in range(search.GROUP_SIZE + 3):
        OrganisationFactory(name_en=f"Cooperative {i}")

    html = page(client, "en", q="cooperative")
    assert len(result_titles(html)) == search.GROUP_SIZE
    assert f"{search.GROUP_SIZE + 3} results" in html
    assert f"The {search.GROUP_SIZE} most relevant of {search.GROUP_SIZE + 3}." in html


# --- what never appears -----------------------------------------------------


def test_drafts_archived_and_future_records_never_appear(client):
    later = timezone.now() + datetime.timedelta(days=3)
    OrganisationFactory(name_en="Hidden draft org", status=Status.DRAFT)
    NetworkFactory(name_en="Hidden archived network", status=Status.ARCHIVED)
    programme(title_en="Hidden future programme", published_at=later)
    Programme.objects.create(title_en="Hidden draft programme", slug="d1", status=Status.DRAFT)
    GoodPractice.objects.create(title_en="Hidden draft practice", slug="d2")
    Publication.objects.create(title_en="Hidden draft manual", slug="d3", kind="manual")
    EventFactory(title_en="Hidden draft event", status=Status.DRAFT)

    html = page(client, "en", q="hidden")
    assert result_titles(html) == []
    assert "Nothing matches “hidden”." in html


def test_people_and_their_contact_details_are_never_searched(client):
    organisation = OrganisationFactory(name_en="Open organisation")
    PersonFactory(
        given_name_en="Somsak",
        family_name_en="Private",
        organisation=organisation,
        email="somsak.private@example.org",
        phone="+66 81 234 5678",
        public_consent=True,
    )
    assert Person.objects.count() == 1

    for query in ("somsak.private@example.org", "somsak", "+66 81 234 5678", "example.org"):
        html = page(client, "en", q=query)
        assert result_titles(html) == [], query
        assert "Somsak Private" not in html
    html = page(client, "en", q="somsak.private@example.org")
    # The only trace of the address is the visitor's own query, echoed back.
    # (page title, the two search boxes, the count line and the "nothing matches" line).
    assert html.count("somsak.private@example.org") == 5


# --- the form ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "query", "message"),
    [
        ("en", "a", "Type at least 2 characters to search for."),
        ("th", "a", "พิมพ์อย่างน้อย 2 ตัวอักษรเพื่อค้นหา"),
        ("en", "  a  ", "Type at least 2 characters to search for."),
        ("en", "x" * 101, "A search can be at most 100 characters long (this one has 101)."),
        ("th", "ก" * 101, "คำค้นยาวได้ไม่เกิน 100 ตัวอักษร (คำค้นนี้มี 101 ตัวอักษร)"),
        ("en", "   ", "Type a word or a name to search for."),
        ("th", "", "พิมพ์คำหรือชื่อที่ต้องการค้นหา"),
    ],
)
def test_a_query_too_short_or_too_long_gets_a_clear_message(client, lang, query, message):
    OrganisationFactory(name_en="a" * 120)
    html = page(client, lang, q=query)
    assert f'<div class="form-error" role="alert" id="id_q_error"><p>{message}</p></div>' in html
    assert result_titles(html) == []


def test_the_search_page_without_a_query_just_shows_the_form(client):
    html = page(client, "th")
    assert 'class="form-error"' not in html
    assert 'role="status"' not in html
    assert '<input type="search" name="q"' in html


@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "query_string",
    [
        "q=governance&page=abc",
        "q=governance&q=other&q=",
        "q[]=governance",
        "q=%00%00",
        "q=%ff%fe",
        "q=%25%25%25",
        "q=__",
        "q=%27%3B+DROP+TABLE+x%3B--",
        "type=<script>&q=ab",
        "q=" + "ก" * 5000,
    ],
)
def test_junk_parameters_never_cause_a_server_error(client, query_string):
    OrganisationFactory(name_en="100% local")
    for lang in ("th", "en"):
        response = client.get(f"/{lang}/search/?{query_string}")
        assert response.status_code in {200, 400}, query_string


def test_wildcards_in_the_query_are_taken_literally(client):
    OrganisationFactory(name_en="100% local")
    OrganisationFactory(name_en="Local_partner")
    OrganisationFactory(name_en="Plain name")

    assert result_titles(page(client, "en", q="100%")) == ["100% local"]
    assert result_titles(page(client, "en", q="local_partner")) == ["Local_partner"]
    assert result_titles(page(client, "en", q="l_p")) == []  # a Latin term is a whole word


def test_the_query_and_record_text_are_escaped(client):
    OrganisationFactory(name_en="<b>Bold</b> org", description_en="<script>alert(1)</script>")

    html = page(client, "en", q="<b>Bold")
    assert "<b>Bold</b>" not in html
    assert "<mark>&lt;b&gt;Bold</mark>&lt;/b&gt; org" in html
    assert "<script>alert(1)" not in html
    assert "“&lt;b&gt;Bold”" in html


# --- performance -----------------------------------------------------------


def _records_of_every_type(count: int, start: int):
    for i in range(start, start + count):
        OrganisationFactory(name_en=f"Civic organisation {i}")
        NetworkFactory(name_en=f"Civic network {i}")
        programme(title_en=f"Civic programme {i}", start_date=datetime.date(2010, 1, 1))
        good_practice(title_en=f"Civic practice {i}")
        publication(title_en=f"Civic manual {i}", year=2012)
        EventFactory(title_en=f"Civic forum {i}")
        EventSeriesFactory(title_en=f"Civic course {i}")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_one_query_per_type_of_record_however_many_match(client, django_assert_num_queries, lang):
    _records_of_every_type(1, 0)
    with django_assert_num_queries(len(registry.search_sources)):
        html = page(client, lang, q="civic")
    assert len(result_titles(html)) == len(registry.search_sources)

    _records_of_every_type(29, 1)
    with django_assert_num_queries(len(registry.search_sources)):
        html = page(client, lang, q="civic")
    assert len(result_titles(html)) == len(registry.search_sources) * search.GROUP_SIZE
    assert f"{30 * len(registry.search_sources)} " in html


# --- the page and the header box -------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
def test_search_box_in_the_header_of_every_page(client, lang):
    organisation = OrganisationFactory()
    event = EventFactory()
    label = {"th": "ค้นหาทั้งเว็บไซต์", "en": "Search the site"}[lang]
    with translation.override(lang):
        detail_pages = [organisation.get_absolute_url(), event.get_absolute_url()]
    for path in [
        f"/{lang}/",
        f"/{lang}/organisations/",
        *detail_pages,
        f"/{lang}/networks/",
        f"/{lang}/events/",
        f"/{lang}/publications/",
        f"/{lang}/search/?q=test",
        f"/{lang}/no-such-page/",
    ]:
        html = client.get(path).content.decode()
        assert (
            f'<form class="site-search" role="search" method="get" action="/{lang}/search/" '
            f'aria-label="{label}">' in html
        ), path
        assert f'<label for="site-search-q">{label}</label>' in html, path
        assert '<input type="search" id="site-search-q" name="q"' in html, path


@pytest.mark.parametrize("lang", ["th", "en"])
def test_search_page_is_kept_out_of_search_engines(client, lang):
    html = page(client, lang, q="test")
    assert '<meta name="robots" content="noindex">' in html
    assert '<meta name="robots"' not in client.get(f"/{lang}/").content.decode()


def test_no_results_suggests_words_in_the_other_language(client):
    assert "Try Thai words too" in page(client, "en", q="nothing here")
    assert "ลองค้นด้วยคำภาษาอังกฤษด้วย" in page(client, "th", q="ไม่มีอะไร")


def test_the_language_switcher_keeps_the_query(client):
    html = page(client, "th", q="ธรรมาภิบาล")
    assert 'href="/en/search/?q=%E0%B8%98' in html


# --- PostgreSQL trigram indexes --------------------------------------------


def test_the_index_migrations_cover_every_searched_column_in_order():
    """The PostgreSQL index expressions must be exactly the ones the search filters on:
    the last index each table's migrations leave, for every table search reads (its
    sources and their related texts: impacts, sessions, people's names)."""
    from django.apps import apps
    from django.db.migrations.loader import MigrationLoader

    from portal.migrations.operations import CreateSearchIndex, RemoveSearchIndex

    loader = MigrationLoader(None)
    plan = loader.graph.forwards_plan(loader.graph.leaf_nodes()[-1])
    for leaf in loader.graph.leaf_nodes():
        plan += [node for node in loader.graph.forwards_plan(leaf) if node not in plan]
    indexed = {}
    for app_label, name in plan:
        for operation in loader.disk_migrations[app_label, name].operations:
            if isinstance(operation, CreateSearchIndex):
                label = apps.get_model(app_label, operation.model_name)._meta.label
                if isinstance(operation, RemoveSearchIndex):
                    assert indexed.pop(label) == operation.columns
                else:
                    assert label not in indexed, f"{label}: remove the old index first"
                    indexed[label] = operation.columns
    assert indexed == {
        model._meta.label: columns for model, columns in search.indexed_columns().items()
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_trigram_indexes_exist_and_serve_the_search_query():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'search_trgm_%'"
        )
        indexes = dict(cursor.fetchall())
    tables = {model._meta.db_table for model in search.indexed_columns()}
    assert set(indexes) == {f"search_trgm_{table}" for table in tables}
    definition = indexes["search_trgm_programmes_programme"]
    assert "USING gin (upper(" in definition
    assert "gin_trgm_ops" in definition
    for column in ("title_th", "title_en", "summary_th", "summary_en"):
        assert column in definition

    # Enough other published records that the status index alone is no better than a scan.
    now = timezone.now()
    Programme.objects.bulk_create(
        Programme(
            title_th=f"โครงการพัฒนาชุมชน {i}",
            title_en=f"Community programme {i}",
            summary_th="การพัฒนาชุมชน",
            slug=f"bulk-{i}",
            status=Status.PUBLISHED,
            published_at=now,
        )
        for i in range(2000)
    )
    programme(title_th="การส่งเสริมธรรมาภิบาลท้องถิ่น")
    source = next(s for s in registry.search_sources if s.key == "programmes")
    queryset = search.source_queryset(source, "ธรรมาภิบาล", "th")
    with connection.cursor() as cursor:
        # What autovacuum does in production: move new entries from the GIN pending list into
        # the index proper, then refresh the planner's statistics.
        cursor.execute(
            "SELECT gin_clean_pending_list('search_trgm_programmes_programme'::regclass)"
        )
        cursor.execute("ANALYZE programmes_programme")
        cursor.execute("SET enable_seqscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
    assert "Bitmap Index Scan on search_trgm_programmes_programme" in plan, plan
    assert [p.title_th for p in queryset] == ["การส่งเสริมธรรมาภิบาลท้องถิ่น"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.parametrize("key", [source.key for source in registry.search_sources])
def test_every_search_source_can_be_served_by_the_index_its_app_created(key):
    """The query's expression is exactly the one each app's migration indexed: with the
    planner's other ways out closed, only a matching expression index can serve it."""
    source = next(s for s in registry.search_sources if s.key == key)
    queryset = search.source_queryset(source, "ธรรมาภิบาล", "th")
    table = source.model._meta.db_table
    with connection.cursor() as cursor:
        # The status indexes would serve the published filter instead; dropping them here
        # is undone with the test's transaction.
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [table, "%(status%"],
        )
        for (name,) in cursor.fetchall():
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_indexscan = on")
    assert f"Bitmap Index Scan on search_trgm_{table}" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.parametrize(
    "key",
    [
        f"{source.key}:{related.key}"
        for source in registry.search_sources
        for related in source.related
    ],
)
def test_every_related_text_can_be_served_by_its_tables_index(key):
    """A related text (impacts, session topics, people's names) is matched with the same
    expression its table's index was made on. (Whether the planner starts from that index or
    from the joining table depends on the data; here only the index is left to it.)"""
    from portal.searchindex import document

    source_key, related_key = key.split(":")
    source = next(s for s in registry.search_sources if s.key == source_key)
    related = next(r for r in source.related if r.key == related_key)
    model = related.index_model
    queryset = (
        model.objects.alias(search_document=document(related.index_columns()))
        .filter(search_document__icontains="ธรรมาภิบาล")
        .values("pk")
    )
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_indexscan = off")
        try:
            plan = queryset.explain()
        finally:
            cursor.execute("SET enable_seqscan = on")
            cursor.execute("SET enable_indexscan = on")
    assert f"Bitmap Index Scan on search_trgm_{model._meta.db_table}" in plan, plan


# --- what explains a result (issue 15) -------------------------------------


def test_a_latin_term_matches_whole_words_only(client):
    """ "ECT" is the Election Commission's acronym, not the end of "Project"."""
    programme(title_th="โครงการ", title_en="Local Democracy Project", summary_en="A project.")
    OrganisationFactory(name_en="Election Commission of Thailand", acronym_en="ECT")

    assert result_titles(page(client, "en", q="ECT")) == ["Election Commission of Thailand"]
    assert result_titles(page(client, "en", q="ect")) == ["Election Commission of Thailand"]
    assert result_titles(page(client, "en", q="project")) == ["Local Democracy Project"]


def test_a_thai_term_still_matches_inside_run_together_words(client):
    programme(title_th="เครือข่ายภาคประชาสังคมท้องถิ่น", title_en="Local civil-society network")
    assert result_titles(page(client, "th", q="ประชาสังคม")) == ["เครือข่ายภาคประชาสังคมท้องถิ่น"]


def test_the_matched_passage_is_shown_marked_and_labelled_with_its_language(client):
    programme(
        title_th="ธรรมาภิบาลท้องถิ่น",
        title_en="Local governance",
        summary_th="สรุป",
        summary_en="Summary.",
        objectives_th="เพื่อสร้างเครือข่ายภาคประชาสังคมในเอเชียตะวันออกเฉียงใต้",
    )

    html = page(client, "en", q="ประชาสังคม")
    assert result_titles(html) == ["Local governance"]
    assert (
        '<p class="passage" lang="th"><span class="passage-label" lang="en">'
        "Objectives · Thai:</span> เพื่อสร้างเครือข่ายภาค<mark>ประชาสังคม</mark>"
        "ในเอเชียตะวันออกเฉียงใต้</p>"
    ) in html

    thai = page(client, "th", q="ประชาสังคม")
    assert '<p class="passage" lang="th"><span class="passage-label" lang="th">' in thai
    assert "วัตถุประสงค์ · ไทย:" in thai


def test_a_match_in_a_long_body_shows_the_passage_around_it(client):
    body = (
        "Background. " * 40 + "The councils agreed a zyx charter for open budgets. " + "More. " * 40
    )
    EventFactory(title_en="Regional forum", title_th="เวที", body_en=body)

    html = page(client, "en", q="zyx")
    passage = re.search(r'<p class="passage" lang="en">(.*?)</p>', html, re.S).group(1)
    assert "Report · English:" in passage
    assert "agreed a <mark>zyx</mark> charter" in passage
    assert passage.count("…") == 2
    assert len(re.sub(r"<[^>]+>", "", passage)) < 300


def test_objectives_impacts_session_topics_and_bodies_are_searched(client):
    found = programme(title_en="Programme with impacts", title_th="โครงการ")
    ImpactFactory(programme=found, text_en="Forty municipalities adopted participatory budgeting")
    good_practice(title_en="Case", title_th="กรณี", body_en="How participatory budgeting began")
    event = EventFactory(title_en="Annual forum", title_th="เวทีประจำปี")
    SessionFactory(event=event, title_th="การจัดทำงบประมาณแบบมีส่วนร่วม", title_en="Budgeting panel")

    html = page(client, "en", q="budgeting")
    assert sorted(result_titles(html)) == ["Annual forum", "Case", "Programme with impacts"]
    assert (
        "Social impact · English:</span> Forty municipalities adopted participatory <mark>budgeting</mark>"
        in html
    )
    assert "Session topic · English:</span> <mark>Budgeting</mark> panel" in html
    assert "Body · English:</span> How participatory <mark>budgeting</mark> began" in html


def test_people_in_public_roles_find_their_programme_and_event_by_name_never_by_contact(client):
    manager = PersonFactory(
        given_name_en="Itthiporn",
        family_name_en="Boonpracong",
        given_name_th="อิทธิพร",
        family_name_th="บุญประคอง",
        email="itthiporn@example.org",
        phone="+66 2 141 8888",
    )
    delgosea = programme(title_en="DELGOSEA", title_th="เดลโกเซีย")
    TeamMemberFactory(programme=delgosea, person=manager, role="manager")
    forum = EventFactory(title_en="SDDC forum", title_th="เวที SDDC")
    RoleFactory(event=forum, person=manager, role="keynote")

    html = page(client, "en", q="Itthiporn")
    assert result_titles(html) == ["DELGOSEA", "SDDC forum"]
    assert (
        "Programme team · English:</span> Mr <mark>Itthiporn</mark> Boonpracong — Manager" in html
    )
    assert (
        "Speakers and roles · English:</span> Mr <mark>Itthiporn</mark> Boonpracong — Keynote speaker"
        in html
    )
    assert result_titles(page(client, "th", q="อิทธิพร")) == ["เดลโกเซีย", "เวที SDDC"]
    for query in ("itthiporn@example.org", "141 8888", "example.org"):
        assert result_titles(page(client, "en", q=query)) == [], query
    assert "itthiporn@example.org" not in page(client, "en", q="Itthiporn")


def test_result_counts_per_type_and_one_search_landmark(client):
    programme(title_en="Water programme", title_th="น้ำ")
    EventFactory(title_en="Water forum", title_th="เวทีน้ำ")
    EventFactory(title_en="Water workshop", title_th="อบรมน้ำ")

    html = page(client, "en", q="water")
    assert 'href="#results-programmes">Programmes (1)</a>' in html
    assert 'href="#results-events">Events (2)</a>' in html
    assert html.count('role="search"') == 1
    assert html.count("<search") == 0
