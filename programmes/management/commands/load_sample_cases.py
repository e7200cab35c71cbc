"""Two clearly labelled sample good-practice cases, to see the library's pages with content.

The seeds mention DELGOSEA's 16 good-practice cases but do not describe them, so
the demo invents none. This separate command adds two cases marked as samples
(`is_sample`: a badge on the list, a note on the page), attached to no programme
and no real local government. `--remove` deletes them again.
"""

import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image, ImageDraw

from portal.models import Status
from programmes.models import (
    GoodPractice,
    GoodPracticeImage,
    Theme,
)

SAMPLES = [
    {
        "slug": "sample-case-waste-sorting",
        "title_th": "กรณีตัวอย่างสาธิต: การคัดแยกขยะในชุมชน",
        "title_en": "Sample case: community waste sorting",
        "summary_th": "กรณีสมมุติเพื่อแสดงรูปแบบหน้าคลังตัวอย่างที่ดี ไม่ใช่ข้อมูลจริง",
        "summary_en": "A made-up case that shows the layout of the library. Not a real record.",
        "country": "TH",
    },
    {
        "slug": "sample-case-open-budget",
        "title_th": "กรณีตัวอย่างสาธิต: การเปิดเผยงบประมาณท้องถิ่น",
        "title_en": "Sample case: an open local budget",
        "summary_th": "กรณีสมมุติเพื่อแสดงรูปแบบหน้าคลังตัวอย่างที่ดี ไม่ใช่ข้อมูลจริง",
        "summary_en": "A made-up case that shows the layout of the library. Not a real record.",
        "country": "KH",
    },
]
BODY_TH = (
    "หน้านี้สร้างโดยคำสั่ง load_sample_cases เพื่อให้เจ้าหน้าที่เห็นว่ากรณีตัวอย่างที่ดีจะแสดงผลอย่างไร "
    "เนื้อหาทั้งหมดเป็นข้อความสมมุติ ลบได้ด้วย load_sample_cases --remove"
)
BODY_EN = (
    "This page was made by the load_sample_cases command so that staff can see how a "
    "good-practice case is shown. Everything on it is made up; load_sample_cases --remove "
    "deletes it."
)


def _placeholder_image(label: str) -> bytes:
    image = Image.new("RGB", (1200, 675), (241, 239, 233))
    draw = ImageDraw.Draw(image)
    draw.rectangle((40, 40, 1160, 635), outline=(122, 46, 31), width=12)
    draw.text((80, 80), f"SAMPLE IMAGE - {label}", fill=(122, 46, 31))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


class Command(BaseCommand):
    help = "Add (or with --remove, delete) two clearly labelled sample good-practice cases."

    def add_arguments(self, parser):
        parser.add_argument("--remove", action="store_true", help="delete the sample cases")

    @transaction.atomic
    def handle(self, *args, remove, **options):
        slugs = [sample["slug"] for sample in SAMPLES]
        if remove:
            deleted = GoodPractice.objects.filter(slug__in=slugs, is_sample=True).delete()[0]
            self.stdout.write(f"Removed the sample cases ({deleted} rows).")
            return
        theme = Theme.objects.filter(slug="good-governance").first()
        for sample in SAMPLES:
            case, created = GoodPractice.objects.update_or_create(
                slug=sample["slug"],
                defaults={
                    **sample,
                    "body_th": BODY_TH,
                    "body_en": BODY_EN,
                    "is_sample": True,
                    "status": Status.PUBLISHED,
                },
            )
            if theme:
                case.themes.add(theme)
            if created or not case.images.exists():
                photo = GoodPracticeImage(
                    good_practice=case,
                    caption_th="ภาพตัวอย่างสาธิต",
                    caption_en="Sample image",
                    credit="Phakhi",
                )
                # An unsaved file, so the field re-encodes it and makes its renditions
                # on save (FieldFile.save would store it first and skip them).
                photo.image = ContentFile(
                    _placeholder_image(sample["slug"]), name=f"{sample['slug']}.png"
                )
                photo.save()
        self.stdout.write(
            f"{len(SAMPLES)} sample cases, labelled as samples: /th/good-practices/ "
            "(remove them with: manage.py load_sample_cases --remove)"
        )
