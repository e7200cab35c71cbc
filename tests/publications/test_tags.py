"""The `publications_for` tag lists a programme's or an event's publications on their pages."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation

from events.models import Event
from portal.models import Status
from tests.publications.factories import ProgrammeFactory, PublicationFactory, with_file


def render(obj) -> str:
    template = Template("{% load publications_tags %}{% publications_for obj %}")
    with translation.override("en"):
        return template.render(Context({"obj": obj, "request": RequestFactory().get("/")}))


@pytest.mark.django_db
def test_a_programme_lists_its_published_publications(django_assert_num_queries):
    programme = ProgrammeFactory()
    with_file(PublicationFactory(programme=programme, title_en="Manual one"))
    PublicationFactory(programme=programme, title_en="Hidden draft", status=Status.DRAFT)
    PublicationFactory(title_en="Someone else's")
    with django_assert_num_queries(2):
        html = render(programme)
    assert "Manual one" in html and "PDF" in html
    assert "Hidden draft" not in html and "Someone else" not in html


@pytest.mark.django_db
def test_an_event_lists_its_documents():
    event = Event.objects.create(
        slug="e",
        title_en="E",
        kind="conference",
        start_date=timezone.localdate(),
        end_date=timezone.localdate(),
        status=Status.PUBLISHED,
    )
    event.documents.add(PublicationFactory(title_en="Slides"))
    assert "Slides" in render(event)


@pytest.mark.django_db
def test_nothing_is_shown_without_publications():
    assert render(ProgrammeFactory()).strip() == ""
