"""Event photos: cleaned once at upload, refused when unsafe, shown in the event page's gallery."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from events.models import Photo
from portal.images import rendition_name
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825


def jpeg_with_location(size=(1600, 1200)) -> bytes:
    image = Image.new("RGB", size, "darkgreen")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0132] = "2022:08:24 09:00:00"  # DateTime
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (13.0, 52.0, 30.0)  # Lak Si, Bangkok
    gps[3] = "E"
    gps[4] = (100.0, 34.0, 0.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def png_bomb(width=50_000, height=50_000) -> bytes:
    """A tiny PNG whose header claims a huge image (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def upload(name: str, data: bytes, content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_uploaded_photo_is_reencoded_without_location_and_gets_renditions():
    source = jpeg_with_location()
    assert Image.open(io.BytesIO(source)).getexif().get_ifd(GPS_IFD)  # the upload has GPS
    photo = Photo(event=EventFactory(), image=upload("forum.jpg", source), caption_th="พิธีเปิด")
    photo.full_clean()
    photo.save()
    with default_storage.open(photo.image.name) as fh:
        stored = Image.open(io.BytesIO(fh.read()))
    assert stored.format == "JPEG"
    assert stored.size == (1600, 1200)
    exif = stored.getexif()
    assert not exif.get_ifd(GPS_IFD)
    assert not exif
    assert "exif" not in stored.info
    for width in (320, 960):
        name = rendition_name(photo.image.name, width)
        assert default_storage.exists(name), name
        with default_storage.open(name) as fh:
            rendition = Image.open(io.BytesIO(fh.read()))
        assert rendition.format == "WEBP"
        assert rendition.width == width
        assert not rendition.getexif()


def test_resaving_a_photo_does_not_reprocess_it():
    photo = Photo.objects.create(event=EventFactory(), image=upload("a.jpg", jpeg_with_location()))
    name = photo.image.name
    photo.caption_en = "Opening"
    photo.save()
    photo.refresh_from_db()
    assert photo.image.name == name


def test_a_decompression_bomb_is_refused_with_a_clear_message():
    data = png_bomb()
    assert len(data) < 200
    photo = Photo(event=EventFactory(), image=upload("bomb.png", data, "image/png"))
    with translation.override("en"):
        with pytest.raises(ValidationError) as excinfo:
            photo.full_clean()
        assert excinfo.value.message_dict["image"] == ["The image is too large to open safely."]
    assert not Photo.objects.exists()


def _admin_post_with_photo(html: str, event, image, **photo_fields) -> dict:
    from tests.events.test_admin import event_post

    rows = {"photos": [{"image": image, "order": "0", **photo_fields}]}
    data = event_post(html, rows, slug=event.slug, title_th=event.title_th)
    return data


@pytest.mark.parametrize(
    ("lang", "message"),
    [("th", "รูปภาพมีขนาดใหญ่เกิน"), ("en", "The image is too large")],
)
def test_the_admin_refuses_a_bomb_with_a_clear_message(admin_client, lang, message):
    admin_client.cookies["phakhi_language"] = lang
    event = EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    html = admin_client.get(url).content.decode()
    post = _admin_post_with_photo(html, event, upload("bomb.png", png_bomb(), "image/png"))
    response = admin_client.post(url, post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Photo.objects.exists()


def test_the_admin_stores_a_cleaned_photo(admin_client):
    admin_client.cookies["phakhi_language"] = "en"
    event = EventFactory()
    url = reverse("admin:events_event_change", args=[event.pk])
    html = admin_client.get(url).content.decode()
    post = _admin_post_with_photo(
        html,
        event,
        upload("opening.jpg", jpeg_with_location()),
        caption_th="พิธีเปิด",
        caption_en="Opening ceremony",
        credit_en="CSNM",
    )
    response = admin_client.post(url, post)
    assert response.status_code == 302
    photo = Photo.objects.get()
    with default_storage.open(photo.image.name) as fh:
        assert not Image.open(io.BytesIO(fh.read())).getexif()
    assert default_storage.exists(rendition_name(photo.image.name, 320))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_gallery_shows_photos_with_captions_and_credits(client, lang):
    event = EventFactory()
    first = Photo.objects.create(
        event=event,
        image=upload("opening.jpg", jpeg_with_location()),
        caption_th="พิธีเปิด",
        caption_en="Opening ceremony",
        credit_th="ศูนย์ประชาสังคม",
        credit_en="CSNM",
        order=0,
    )
    Photo.objects.create(
        event=event,
        image=upload("stand-in.jpg", jpeg_with_location((400, 300))),
        caption_en="Placeholder picture",
        is_placeholder=True,
        order=1,
    )
    html = client.get(f"/{lang}/events/{event.slug}/").content.decode()
    caption, credit = {"th": ("พิธีเปิด", "ศูนย์ประชาสังคม"), "en": ("Opening ceremony", "CSNM")}[lang]
    assert f'alt="{caption}"' in html
    assert f"<figcaption>{caption}" in html
    assert credit in html
    assert first.image.url in html
    assert rendition_name(first.image.url, 320) in html
    placeholder = {
        "th": "ภาพตัวอย่าง ไม่ใช่ภาพถ่ายจากกิจกรรม",
        "en": "Placeholder image, not a photograph of the event",
    }[lang]
    assert placeholder in html
