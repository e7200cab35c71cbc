"""A good practice taken up through an event: declared on the event (events is the higher
app), shown on the case page."""

import pytest
from django.urls import reverse
from django.utils import translation

from portal.models import Status
from tests.events.factories import EventFactory
from tests.programmes.factories import GoodPracticeFactory, TransferFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_case_page_names_the_event_a_practice_travelled_through(client, lang):
    case = GoodPracticeFactory(slug="waste")
    transfer = TransferFactory(good_practice=case)
    visit = EventFactory(title_en="Study visit to Khon Kaen", title_th="ศึกษาดูงานขอนแก่น")
    hidden = EventFactory(title_en="Draft visit", status=Status.DRAFT)
    visit.transfers.add(transfer)
    hidden.transfers.add(transfer)
    with translation.override(lang):
        page = reverse("programmes:goodpractice_detail", kwargs={"slug": "waste"})
    html = client.get(page).content.decode()
    assert {"th": "ศึกษาดูงานขอนแก่น", "en": "Study visit to Khon Kaen"}[lang] in html
    assert visit.get_absolute_url().split("/", 2)[2] in html
    assert "Draft visit" not in html


def test_the_event_admin_offers_the_transfers(admin_client):
    event = EventFactory()
    html = admin_client.get(reverse("admin:events_event_change", args=[event.pk])).content.decode()
    assert 'name="transfers"' in html
