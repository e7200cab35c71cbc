"""Public media served by the portal itself with DEBUG off (the README's gunicorn set-up)."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from portal.images import rendition_name
from tests.networks.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logo():
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), "teal").save(buffer, "JPEG")
    organisation = OrganisationFactory()
    organisation.logo.save("logo.jpg", ContentFile(buffer.getvalue()))
    return organisation.logo


def test_debug_is_off_in_the_suite(settings):
    assert settings.DEBUG is False


def test_an_uploaded_image_and_its_rendition_are_served_with_caching_and_nosniff(client, logo):
    response = client.get(logo.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "public" in response["Cache-Control"]
    assert "max-age=604800" in response["Cache-Control"]
    assert response["Last-Modified"]
    body = b"".join(response.streaming_content)
    with logo.open("rb") as fh:
        assert body == fh.read()
    rendition = client.get(logo.storage.url(rendition_name(logo.name, 160)))
    assert rendition.status_code == 200
    assert rendition["Content-Type"] == "image/webp"
    rendition.close()


def test_an_unchanged_image_answers_304(client, logo):
    first = client.get(logo.url)
    first.close()
    again = client.get(logo.url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_head_is_answered_and_post_is_not(client, logo):
    head = client.head(logo.url)
    assert head.status_code == 200
    head.close()
    assert client.post(logo.url).status_code == 405


def test_folders_are_not_listed(client, logo):
    folder = logo.url.rsplit("/", 1)[0] + "/"
    assert client.get(folder).status_code == 404
    assert client.get("/media/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/../portal/settings.py",
        "/media/%2e%2e/%2e%2e/etc/passwd.png",
        "/media/..%2f..%2fetc%2fpasswd.jpg",
        "/media//etc/hostname.png",
        "/media/organisations/logos/%00.png",
        "/media/" + "a" * 5000 + ".png",
        "/media/" + "/".join(["x" * 250] * 30) + ".jpg",
    ],
)
def test_paths_outside_media_are_refused(client, logo, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"root:" not in response.content


def test_only_image_files_are_served(client, settings, logo):
    """A file dropped into MEDIA_ROOT by hand is not sent as a web page or a script."""
    (settings.MEDIA_ROOT / "page.html").write_text("<script>alert(1)</script>")
    (settings.MEDIA_ROOT / "notes.txt").write_text("private")
    assert client.get("/media/page.html").status_code == 404
    assert client.get("/media/notes.txt").status_code == 404


def test_a_missing_file_is_a_404(client, logo):
    assert client.get("/media/organisations/logos/none.jpg").status_code == 404
