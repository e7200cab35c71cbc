import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from portal.images import reencode, rendition_name, validate_image


def jpeg_with_location() -> io.BytesIO:
    image = Image.new("RGB", (640, 480), "darkred")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (13.0, 45.0, 0.0)  # Bangkok's latitude
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    buffer.seek(0)
    return buffer


def test_reencoding_strips_exif_and_location():
    source = jpeg_with_location()
    assert Image.open(source).getexif()  # the upload carries EXIF with GPS
    data, extension, _ = reencode(source)
    cleaned = Image.open(io.BytesIO(data))
    assert extension == "jpg"
    assert cleaned.format == "JPEG"
    assert not cleaned.getexif()
    assert "exif" not in cleaned.info


def test_large_images_are_scaled_down_to_the_stored_limit():
    buffer = io.BytesIO()
    Image.new("RGB", (5000, 1000), "navy").save(buffer, "PNG")
    _, extension, image = reencode(buffer)
    assert extension == "png"
    assert max(image.size) == 2400


def test_a_decompression_bomb_is_refused(settings):
    settings.PHAKHI_MAX_IMAGE_PIXELS = 1_000_000
    buffer = io.BytesIO()
    Image.new("1", (4000, 4000)).save(buffer, "PNG")  # tiny file, 16 million pixels
    assert buffer.tell() < 100_000
    with pytest.raises(ValidationError) as excinfo:
        validate_image(buffer)
    assert excinfo.value.code == "image_too_large"


@pytest.mark.parametrize(
    "payload",
    [
        b"<html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"MZ\x90\x00\x03\x00\x00\x00",
    ],
    ids=["html", "svg", "exe"],
)
def test_files_that_are_not_images_are_refused(payload):
    with pytest.raises(ValidationError) as excinfo:
        validate_image(io.BytesIO(payload))
    assert excinfo.value.code == "invalid_image"


def test_a_gif_is_refused_with_its_format_named():
    buffer = io.BytesIO()
    Image.new("P", (10, 10)).save(buffer, "GIF")
    with pytest.raises(ValidationError) as excinfo:
        validate_image(buffer)
    assert excinfo.value.code == "image_format"


def test_rendition_names_sit_beside_the_original():
    assert rendition_name("events/photos/forum.jpg", 320) == "events/photos/forum.320w.webp"


@pytest.mark.parametrize(
    ("lang", "message"),
    [("th", "รูปภาพมีขนาดใหญ่เกิน"), ("en", "The image is too large")],
)
def test_every_image_field_explains_a_refused_bomb_in_the_staff_language(settings, lang, message):
    """Organisation logos, programme and publication covers, photos: one form field, one reason."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.forms import modelform_factory
    from django.utils import translation

    from networks.models import Organisation
    from programmes.models import Programme
    from publications.models import Publication

    settings.PHAKHI_MAX_IMAGE_PIXELS = 1_000_000
    buffer = io.BytesIO()
    Image.new("1", (4000, 4000)).save(buffer, "PNG")
    cases = ((Organisation, "logo", "name_th"), (Programme, "cover", "title_th"))
    cases += ((Publication, "cover", "title_th"),)
    for model, field, title in cases:
        form_class = modelform_factory(model, fields=[field, title])
        upload = SimpleUploadedFile("big.png", buffer.getvalue(), content_type="image/png")
        with translation.override(lang):
            form = form_class(data={title: "ทดสอบ"}, files={field: upload})
            assert not form.is_valid()
            assert message in " ".join(form.errors[field]), model


@pytest.mark.django_db
def test_field_file_save_reencodes_and_makes_renditions_and_delete_removes_them():
    """Code that saves an image directly (imports, sample data) gets the upload's treatment."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from tests.networks.factories import OrganisationFactory

    organisation = OrganisationFactory()
    organisation.logo.save("logo.jpg", ContentFile(jpeg_with_location().getvalue()))
    organisation.refresh_from_db()
    with default_storage.open(organisation.logo.name) as fh:
        stored = Image.open(io.BytesIO(fh.read()))
    assert not stored.getexif()
    renditions = [rendition_name(organisation.logo.name, width) for width in (160, 320)]
    assert all(default_storage.exists(name) for name in renditions)
    original = organisation.logo.name
    organisation.logo.delete()
    assert not default_storage.exists(original)
    assert not any(default_storage.exists(name) for name in renditions)


@pytest.mark.django_db
def test_field_file_save_refuses_what_is_not_an_image_and_stores_nothing(settings):
    from django.core.files.base import ContentFile

    from tests.networks.factories import OrganisationFactory

    organisation = OrganisationFactory()
    with pytest.raises(ValidationError):
        organisation.logo.save("logo.jpg", ContentFile(b"<html><script>x</script></html>"))
    assert not any(p.is_file() for p in settings.MEDIA_ROOT.rglob("*"))


@pytest.mark.django_db
def test_a_record_whose_stored_image_is_missing_can_still_be_saved(admin_client_in):
    """The audit's case: the file went missing on disk; the record must still be editable."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from networks.models import Organisation
    from tests.networks.factories import OrganisationFactory

    organisation = OrganisationFactory()
    organisation.logo.save("logo.jpg", ContentFile(jpeg_with_location().getvalue()))
    default_storage.delete(organisation.logo.name)
    organisation = Organisation.objects.get(pk=organisation.pk)
    organisation.name_en = "Renamed while the logo is missing"
    organisation.full_clean()
    organisation.save()
    assert Organisation.objects.get(pk=organisation.pk).name_en.startswith("Renamed")


def test_the_pixel_limit_is_set_once_at_start_up(settings):
    """Pillow's global is the setting from start-up; opening images never changes it."""
    before = Image.MAX_IMAGE_PIXELS
    assert before == settings.PHAKHI_MAX_IMAGE_PIXELS
    settings.PHAKHI_MAX_IMAGE_PIXELS = 1_000
    buffer = io.BytesIO()
    Image.new("RGB", (100, 100)).save(buffer, "PNG")
    with pytest.raises(ValidationError):
        validate_image(buffer)
    assert Image.MAX_IMAGE_PIXELS == before
