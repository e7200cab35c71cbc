"""Demo content of the library: the publications the seeds name, with placeholder files.

The sources name three DELGOSEA publications (seed 000) and the Mekong CSOs
Regional Conference 2018's papers and presentations (seed 002) but do not
include the documents, so each record gets a one-page PDF that says it is a
placeholder (`is_placeholder`, labelled on the page). Facts the sources do not
give (years of the DELGOSEA documents, languages of the conference papers) are
left empty. One record is partners-only, and with DEBUG on a demo partner
account is made so the sign-in flow can be tried.

Idempotent: records are matched by slug, files by their SHA-256.
"""

import hashlib
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from networks.models import Organisation
from portal.demo import upsert
from portal.models import Status
from programmes.models import Programme
from publications import services
from publications.models import (
    Access,
    Language,
    PartnerAccount,
    Publication,
)
from publications.models import (
    PublicationKind as K,
)
from publications.placeholders import placeholder_pdf

DELGOSEA = "delgosea"
PARTNER_USERNAME = "partner"
# Documented in the README; override with DEMO_PARTNER_PASSWORD.
DEFAULT_PARTNER_PASSWORD = "phakhi-demo-partner"

LANGUAGES = [("th", "ไทย", "Thai"), ("en", "อังกฤษ", "English")]

PUBLICATIONS = [
    {
        "slug": "delgosea-trainers-manual-16-good-practices",
        "programme": DELGOSEA,
        "publisher": "tei",
        "languages": ["en"],
        "kind": K.MANUAL,
        "title_th": "คู่มือการอบรมวิทยากรพี่เลี้ยง 16 ตัวอย่างที่ดี ภาคภาษาอังกฤษ",
        "title_en": "Trainer's manual on the 16 good practices (English edition)",
        "abstract_th": (
            "คู่มือสำหรับการอบรมวิทยากรพี่เลี้ยง ว่าด้วย 16 ตัวอย่างที่ดีด้านการจัดการและพัฒนาเมือง"
            "ขององค์กรปกครองส่วนท้องถิ่นจาก 5 ประเทศที่เข้าร่วมโครงการ DELGOSEA ฉบับภาษาอังกฤษ"
        ),
        "abstract_en": (
            "A manual for training the trainers (mentors) on the 16 good practices in urban "
            "management and development of local governments from the five DELGOSEA countries, "
            "in English."
        ),
        "filename": "คู่มือการอบรมวิทยากรพี่เลี้ยง 16 ตัวอย่างที่ดี (ภาษาอังกฤษ).pdf",
    },
    {
        "slug": "delgosea-16-good-practices-summary-thai",
        "programme": DELGOSEA,
        "publisher": "tei",
        "languages": ["th"],
        "kind": K.SUMMARY,
        "title_th": "สรุปย่อ 16 ตัวอย่างที่ดีจาก 5 ประเทศที่เข้าร่วมโครงการ ภาคภาษาไทย",
        "title_en": "The 16 good practices from the five participating countries in brief (Thai)",
        "abstract_th": (
            "สรุปย่อ 16 “ตัวอย่างที่ดี” ในด้านการจัดการและพัฒนาเมืองขององค์กรปกครองส่วนท้องถิ่น"
            "จากไทย เวียดนาม ฟิลิปปินส์ อินโดนีเซีย และกัมพูชา ฉบับภาษาไทย"
        ),
        "abstract_en": (
            "A short summary, in Thai, of the 16 good practices in urban management and "
            "development of local governments from Thailand, Vietnam, the Philippines, Indonesia "
            "and Cambodia."
        ),
        "filename": "สรุปย่อ 16 ตัวอย่างที่ดีจาก 5 ประเทศ.pdf",
    },
    {
        "slug": "delgosea-national-network-seminar-documents",
        "programme": DELGOSEA,
        "publisher": "tei",
        "languages": ["th"],
        "kind": K.SEMINAR_DOCUMENT,
        "access": Access.PARTNERS,
        "title_th": "เอกสารประกอบการสัมมนาเพื่อสร้างเครือข่ายความร่วมมือระดับชาติ",
        "title_en": "Documents of the seminar on building a national cooperation network",
        "abstract_th": (
            "เอกสารประกอบการสัมมนาเพื่อสร้างเครือข่ายความร่วมมือในการพัฒนาเมืองอย่างยั่งยืนระดับชาติ "
            "ระหว่างองค์กรปกครองส่วนท้องถิ่น สถาบันการศึกษา และภาคประชาสังคม "
            "(ในตัวอย่างนี้เปิดให้เฉพาะภาคีดาวน์โหลด)"
        ),
        "abstract_en": (
            "Documents of the seminar to build a national network for sustainable urban "
            "development among local governments, academic institutions and civil society "
            "(partners only in this demo)."
        ),
        "filename": "เอกสารประกอบการสัมมนาเครือข่ายความร่วมมือระดับชาติ.pdf",
    },
    {
        "slug": "csos-regional-conference-2018-papers",
        "publisher": "csnm",
        "languages": [],
        "kind": K.PAPER,
        "year": 2018,
        "title_th": "บทความประกอบงานสัมมนา CSOs Regional Conference 2018",
        "title_en": "Papers of the CSOs Regional Conference 2018",
        "abstract_th": (
            "บทความจากงานสัมมนาระดับภูมิภาคครั้งที่ 2 ขององค์กรภาคประชาสังคมอนุภูมิภาคลุ่มน้ำโขง "
            "7–8 กุมภาพันธ์ 2561 ที่ขอนแก่น"
        ),
        "abstract_en": (
            "Papers from the second regional conference of Mekong sub-region civil-society "
            "organisations, 7–8 February 2018, Khon Kaen."
        ),
        "filename": "CSOs Regional Conference 2018 - papers.pdf",
    },
    {
        "slug": "csos-regional-conference-2018-presentations",
        "publisher": "csnm",
        "languages": [],
        "kind": K.PRESENTATION,
        "year": 2018,
        "title_th": "เอกสารนำเสนอในงานสัมมนา CSOs Regional Conference 2018",
        "title_en": "Presentations of the CSOs Regional Conference 2018",
        "abstract_th": (
            "เอกสารนำเสนอจากงานสัมมนาระดับภูมิภาคครั้งที่ 2 ขององค์กรภาคประชาสังคมอนุภูมิภาคลุ่มน้ำโขง "
            "7–8 กุมภาพันธ์ 2561 ที่ขอนแก่น"
        ),
        "abstract_en": (
            "Presentations from the second regional conference of Mekong sub-region civil-society "
            "organisations, 7–8 February 2018, Khon Kaen."
        ),
        "filename": "CSOs Regional Conference 2018 - presentations.pdf",
    },
]


def _placeholder(data: dict) -> bytes:
    return placeholder_pdf(
        [
            "Placeholder document",
            "The Phakhi portal does not hold this document yet.",
            "This one-page file stands in for it in the demo content.",
            "",
            data["title_en"],
        ]
    )


def _languages() -> dict[str, Language]:
    result = {}
    for code, name_th, name_en in LANGUAGES:
        result[code], _created = Language.objects.update_or_create(
            code=code, defaults={"name_th": name_th, "name_en": name_en}
        )
    return result


def _load_publication(data: dict, languages: dict, missing: list[str]) -> Publication:
    programme = None
    if data.get("programme"):
        programme = Programme.objects.filter(slug=data["programme"]).first()
        if programme is None:
            missing.append(f"programmes.Programme:{data['programme']}")
    publisher = Organisation.objects.filter(slug=data["publisher"]).first()
    if publisher is None:
        missing.append(f"networks.Organisation:{data['publisher']}")
    values = {field: data[field] for field in ("kind", "title_th", "title_en")}
    values.update(
        abstract_th=data["abstract_th"],
        abstract_en=data["abstract_en"],
        year=data.get("year"),
        access=data.get("access", Access.PUBLIC),
        is_placeholder=True,
        status=Status.PUBLISHED,
        programme=programme,
        publisher=publisher,
    )
    publication = upsert(Publication, {"slug": data["slug"]}, values)
    content = _placeholder(data)
    stored = publication.file and publication.file.storage.exists(publication.file.name)
    if not stored or publication.sha256 != hashlib.sha256(content).hexdigest():
        services.publication_attach_file(
            publication=publication,
            file=ContentFile(content, name=data["filename"]),
            filename=data["filename"],
            save=False,
        )
        publication.full_clean()
        publication.save()
    publication.languages.set([languages[code] for code in data["languages"]])
    return publication


def _partner_account() -> str:
    """The demo partner (DEBUG only): a user with a current partner account."""
    if not settings.DEBUG:
        return "demo partner account not created (DEBUG is off)"
    User = get_user_model()
    password = os.environ.get("DEMO_PARTNER_PASSWORD") or DEFAULT_PARTNER_PASSWORD
    user, created = User.objects.get_or_create(
        username=PARTNER_USERNAME, defaults={"first_name": "Demo", "last_name": "Partner"}
    )
    if not user.check_password(password):
        user.set_password(password)
        user.save()
    PartnerAccount.objects.update_or_create(
        user=user,
        defaults={
            "organisation": Organisation.objects.filter(slug="tei").first(),
            "is_active": True,
            "valid_until": None,
            "note": "Demo partner account",
        },
    )
    return (
        f"demo partner: sign in at /en/accounts/sign-in/ as {PARTNER_USERNAME!r} "
        f"with password {password!r} (set DEMO_PARTNER_PASSWORD to choose another)"
    )


def load() -> str:
    missing: list[str] = []
    languages = _languages()
    publications = [_load_publication(data, languages, missing) for data in PUBLICATIONS]
    summary = f"{len(publications)} publications (placeholder files); {_partner_account()}"
    if missing:
        summary += "; not found (link them once they exist): " + ", ".join(sorted(set(missing)))
    return summary
