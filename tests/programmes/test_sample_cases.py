import io

import pytest
from django.core.management import call_command

from programmes.models import GoodPractice

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_sample_cases", *args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("lang", "badge", "note"),
    [
        ("th", "กรณีตัวอย่างสาธิต", "ไม่ใช่ข้อมูลจริง"),
        ("en", "Sample case", "It is not a real record."),
    ],
)
def test_sample_cases_are_labelled_as_samples_on_list_and_page(client, lang, badge, note):
    run()
    cases = GoodPractice.objects.published()
    assert cases.count() == 2 and all(case.is_sample for case in cases)
    assert all(case.programme is None and case.local_government is None for case in cases)
    listing = client.get(f"/{lang}/good-practices/").content.decode()
    assert listing.count(f'<span class="badge badge-warn">{badge}</span>') == 2
    page = client.get(f"/{lang}/good-practices/sample-case-waste-sorting/").content.decode()
    assert note in page
    assert ".webp" in page  # the sample image's rendition


def test_sample_cases_load_twice_without_change_and_can_be_removed():
    run()
    run()
    assert GoodPractice.objects.count() == 2
    assert sum(case.images.count() for case in GoodPractice.objects.all()) == 2
    run("--remove")
    assert not GoodPractice.objects.exists()


def test_every_rendition_a_sample_page_links_to_exists_and_is_served(client):
    """The images are saved with FieldFile.save(): they get renditions like any upload."""
    import re

    run()
    page = client.get("/en/good-practices/sample-case-waste-sorting/").content.decode()
    renditions = set(re.findall(r'/media/[^"\s]+\.\d+w\.webp', page))
    assert renditions
    for url in renditions:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == "image/webp"
        b"".join(response.streaming_content)
