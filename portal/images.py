"""Images checked and processed once, at upload.

Every uploaded image is opened with Pillow under a pixel limit (a
decompression-bomb guard), must really be a JPEG, PNG or WebP, is re-encoded
without its metadata (EXIF, GPS location, comments) and gets its sized
renditions written next to it, so no page ever resizes an image per request.
"""

import io
from pathlib import PurePosixPath

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_EDGE = 2400  # the stored original is never larger than this on its longest side
RENDITION_FORMAT = "WEBP"


def set_pixel_limit() -> None:
    """Pillow's own decompression-bomb limit, set once at start-up (PortalConfig.ready()).

    It is a module global: changing it around each call, as this module once did, races
    between threads. `_open` checks the setting's limit itself as well, so a test or a
    deployment that lowers PHAKHI_MAX_IMAGE_PIXELS is obeyed without touching the global.
    """
    Image.MAX_IMAGE_PIXELS = settings.PHAKHI_MAX_IMAGE_PIXELS


def _open(fileobj) -> Image.Image:
    """Open an image under the pixel limit, or raise ValidationError saying why not."""
    limit = settings.PHAKHI_MAX_IMAGE_PIXELS
    try:
        if hasattr(fileobj, "seek"):
            fileobj.seek(0)
        image = Image.open(fileobj)
        width, height = image.size
        if width * height > limit:
            raise ValidationError(
                _(
                    "The image is too large (%(width)s × %(height)s pixels). The limit is %(limit)s pixels."
                ),
                code="image_too_large",
                params={"width": width, "height": height, "limit": f"{limit:,}"},
            )
        if image.format not in ALLOWED_FORMATS:
            raise ValidationError(
                _("Upload a JPEG, PNG or WebP image; this file is %(format)s."),
                code="image_format",
                params={"format": image.format or _("not an image")},
            )
        image.load()
        return image
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("The image is too large to open safely."), code="image_too_large"
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file is not a readable image. Upload a JPEG, PNG or WebP image."),
            code="invalid_image",
        ) from exc


def validate_image(value) -> None:
    """Model-field validator: the upload must be a real JPEG/PNG/WebP under the pixel limit.

    An image already stored was checked when it was uploaded: it is not opened again, so
    a record whose file has gone missing can still be saved.
    """
    if getattr(value, "_committed", False):
        return
    fileobj = getattr(value, "file", value)
    if fileobj is None:
        return
    _open(fileobj)
    if hasattr(fileobj, "seek"):
        fileobj.seek(0)


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    elif fmt == "PNG":
        image.save(buffer, "PNG", optimize=True)
    else:
        image.save(buffer, "WEBP", quality=82, method=4)
    return buffer.getvalue()


def reencode(fileobj, max_edge: int | None = MAX_EDGE) -> tuple[bytes, str, Image.Image]:
    """The image re-encoded in its own format, upright, without metadata, at most `max_edge`
    on its longest side (None keeps its size). Only the pixels survive: EXIF, GPS, comments
    and anything appended after the image's end are gone.

    Returns the bytes, the file extension and the cleaned image.
    """
    image = _open(fileobj)
    fmt = image.format
    image = ImageOps.exif_transpose(image)
    if image.mode == "P":
        image = image.convert("RGBA")
    elif image.mode not in ("RGB", "RGBA", "L", "LA"):
        image = image.convert("RGB")
    if max_edge:
        image.thumbnail((max_edge, max_edge))
    # A fresh image holds the pixels only: no EXIF, no GPS, no text chunks.
    clean = Image.new(image.mode, image.size)
    clean.paste(image)
    return _encode(clean, fmt), ALLOWED_FORMATS[fmt], clean


def rendition_name(name: str, width: int) -> str:
    path = PurePosixPath(name)
    return str(path.with_name(f"{path.stem}.{width}w.webp"))


class CheckedImageFormField(forms.ImageField):
    """An image upload checked by the portal's rules before Django's own image check.

    Django's ImageField opens the file with Pillow's default limits and answers any
    failure with "not an image or a corrupted image", so a decompression bomb would
    be refused without saying why. Checking first gives staff the reason (too many
    pixels, wrong format).
    """

    def to_python(self, data):
        if data not in self.empty_values and hasattr(data, "read"):
            validate_image(data)
        return super().to_python(data)


class ProcessedImageFieldFile(ImageFieldFile):
    """The stored image: every way of saving one re-encodes it and writes its renditions
    (a form upload through `pre_save`, and code calling `FieldFile.save()` directly), and
    deleting it deletes its renditions."""

    def save(self, name, content, save=True):
        data, extension, image = reencode(getattr(content, "file", content))
        stem = PurePosixPath(name).stem or "image"
        super().save(f"{stem}.{extension}", ContentFile(data), save=False)
        for width in self.field.renditions:
            copy = image.copy()
            copy.thumbnail((width, width * 4))
            self.storage.save(
                rendition_name(self.name, width), ContentFile(_encode(copy, RENDITION_FORMAT))
            )
        if save:
            self.instance.save()

    save.alters_data = True

    def delete(self, save=True):
        if self.name:
            for width in self.field.renditions:
                self.storage.delete(rendition_name(self.name, width))
        super().delete(save=save)

    delete.alters_data = True


class ProcessedImageField(models.ImageField):
    """An ImageField whose uploads are validated, re-encoded and given renditions once."""

    attr_class = ProcessedImageFieldFile
    default_validators = [validate_image]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": CheckedImageFormField, **kwargs})

    def __init__(self, *args, renditions=(320, 960), **kwargs):
        self.renditions = tuple(renditions)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["renditions"] = self.renditions
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.save(file.name, file.file, save=False)
        return super().pre_save(model_instance, add)
