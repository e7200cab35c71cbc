"""Programmes as IATI 2.03 activities (https://iatistandard.org/en/iati-standard/203/).

Each published programme with a start date is one `iati-activity`; `/<lang>/programmes/
iati.xml` is the `iati-activities` file of them all, `/<lang>/programmes/<slug>/iati.xml`
one activity. The reporting organisation and the prefix of every `iati-identifier` come
from the settings (`PHAKHI_IATI_REPORTING_ORG_REF`, `…_TYPE`, `…_NAME`); the identifier is
`<reporting-org ref>-<programme slug>`, stable because slugs are.

What the programme records say, mapped to the codelists:
- titles and descriptions (summary: type 1, objectives: type 2) as narratives in Thai and
  English, each with its `xml:lang`; the activity's default language is Thai;
- participating organisations: the implementing (lead) organisation as Implementing (4),
  partners by role — funder: Funding (1), lead partner: Accountable (2), extending
  organisation: Extending (3), implementer, local partner and associate: Implementing (4) —
  with the IATI organisation type of their kind. The schema asks for at least one: a
  programme that names none lists the reporting organisation as Accountable (2), the
  organisation answerable for the record;
- activity status: planned 1, ongoing 2, completed 4 (post-completion);
- dates: the start and end as planned (1, 3), and as actual (2, 4) once they have passed;
- recipient countries (ISO 3166-1, the IATI Country codelist), the DAC sector staff chose
  (vocabulary 1), document links to the programme's page (A12) and to its public
  publications (A08, results and outputs) and related activities: the programme it is part
  of (parent, 1) and its published phases (child, 2).

A programme without a start date cannot be an IATI activity (the schema requires a date) and
is left out; its page shows no IATI link.
"""

import datetime
import xml.etree.ElementTree as ET

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from networks.models import Organisation, OrganisationKind
from portal import registry
from programmes.models import PartnerRole, Programme, ProgrammePartner, Stage

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSION = "2.03"
LANGUAGES = ("th", "en")

ROLE_CODES = {
    PartnerRole.FUNDER: "1",
    PartnerRole.LEAD: "2",
    PartnerRole.EXTENDING: "3",
    PartnerRole.IMPLEMENTER: "4",
    PartnerRole.LOCAL: "4",
    PartnerRole.ASSOCIATE: "4",
}
IMPLEMENTING, ACCOUNTABLE = "4", "2"
ORGANISATION_TYPES = {
    OrganisationKind.LOCAL_GOVERNMENT: "11",
    OrganisationKind.LG_ASSOCIATION: "15",
    OrganisationKind.CSO: "22",
    OrganisationKind.ACADEMIC: "80",
    OrganisationKind.GOVERNMENT: "10",
    OrganisationKind.INTERNATIONAL: "40",
    OrganisationKind.MEDIA: "90",
    OrganisationKind.BUSINESS: "70",
}
STATUS_CODES = {Stage.PLANNED: "1", Stage.ONGOING: "2", Stage.COMPLETED: "4"}
ACTIVITY_WEB_PAGE, RESULTS_AND_OUTPUTS = "A12", "A08"
PARENT, CHILD = "1", "2"


def is_reportable(programme: Programme) -> bool:
    return programme.start_date is not None


def iati_identifier(programme: Programme) -> str:
    return f"{settings.PHAKHI_IATI_REPORTING_ORG_REF}-{programme.slug}"


def activity_url(programme: Programme) -> str:
    return reverse("programmes:iati", kwargs={"slug": programme.slug})


def reportable_programmes():
    """Published programmes with a start date, with what their activities need loaded."""
    published_orgs = Organisation.objects.published()
    return (
        Programme.objects.published()
        .filter(start_date__isnull=False)
        .select_related("lead_organisation", "parent")
        .prefetch_related(
            Prefetch(
                "partners",
                queryset=ProgrammePartner.objects.filter(
                    organisation__in=published_orgs
                ).select_related("organisation"),
            ),
            Prefetch(
                "phases",
                queryset=Programme.objects.published().filter(start_date__isnull=False),
                to_attr="published_phases",
            ),
        )
        .order_by("pk")
    )


def _narratives(parent: ET.Element, texts: dict[str, str]) -> None:
    for lang in LANGUAGES:
        text = (texts.get(lang) or "").strip()
        if text:
            ET.SubElement(parent, "narrative", {XML_LANG: lang}).text = text


def _texts(obj, field: str) -> dict[str, str]:
    return {lang: getattr(obj, f"{field}_{lang}", "") or "" for lang in LANGUAGES}


def _organisation(parent: ET.Element, organisation: Organisation, role: str) -> None:
    attrs = {"role": role}
    kind = ORGANISATION_TYPES.get(organisation.kind)
    if kind:
        attrs["type"] = kind
    element = ET.SubElement(parent, "participating-org", attrs)
    _narratives(element, _texts(organisation, "name"))


def _date(parent: ET.Element, code: str, value: datetime.date) -> None:
    ET.SubElement(parent, "activity-date", {"type": code, "iso-date": value.isoformat()})


def activity(programme: Programme, documents, build_url) -> ET.Element:
    """One `iati-activity` element; `documents` are the programme's `RecordDocument`s."""
    today = timezone.localdate()
    updated = programme.updated_at or timezone.now()
    element = ET.Element(
        "iati-activity",
        {
            "last-updated-datetime": updated.isoformat(timespec="seconds"),
            XML_LANG: "th",
            "hierarchy": "2" if programme.parent_id and _parent(programme) else "1",
        },
    )
    ET.SubElement(element, "iati-identifier").text = iati_identifier(programme)
    reporting = ET.SubElement(
        element,
        "reporting-org",
        {
            "ref": settings.PHAKHI_IATI_REPORTING_ORG_REF,
            "type": settings.PHAKHI_IATI_REPORTING_ORG_TYPE,
        },
    )
    ET.SubElement(reporting, "narrative").text = settings.PHAKHI_IATI_REPORTING_ORG_NAME

    title = ET.SubElement(element, "title")
    _narratives(title, _texts(programme, "title"))
    summary, objectives = _texts(programme, "summary"), _texts(programme, "objectives")
    if not any(summary.values()) and not any(objectives.values()):
        summary = _texts(programme, "title")
    if any(summary.values()):
        _narratives(ET.SubElement(element, "description", {"type": "1"}), summary)
    if any(objectives.values()):
        _narratives(ET.SubElement(element, "description", {"type": "2"}), objectives)

    named = 0
    if programme.lead_organisation and programme.lead_organisation.is_public:
        _organisation(element, programme.lead_organisation, IMPLEMENTING)
        named += 1
    for partner in programme.partners.all():
        _organisation(element, partner.organisation, ROLE_CODES[partner.role])
        named += 1
    if not named:
        org = ET.SubElement(
            element,
            "participating-org",
            {
                "ref": settings.PHAKHI_IATI_REPORTING_ORG_REF,
                "type": settings.PHAKHI_IATI_REPORTING_ORG_TYPE,
                "role": ACCOUNTABLE,
            },
        )
        ET.SubElement(org, "narrative").text = settings.PHAKHI_IATI_REPORTING_ORG_NAME

    stage = programme.current_stage or Stage.ONGOING
    ET.SubElement(element, "activity-status", {"code": STATUS_CODES[stage]})
    _date(element, "1", programme.start_date)
    if programme.start_date <= today:
        _date(element, "2", programme.start_date)
    if programme.end_date:
        _date(element, "3", programme.end_date)
        if programme.end_date < today:
            _date(element, "4", programme.end_date)

    for code in programme.countries:
        ET.SubElement(element, "recipient-country", {"code": str(getattr(code, "code", code))})
    if programme.dac_sector:
        ET.SubElement(element, "sector", {"vocabulary": "1", "code": programme.dac_sector})

    page = ET.SubElement(
        element,
        "document-link",
        {"url": build_url(programme.get_absolute_url()), "format": "text/html"},
    )
    _narratives(ET.SubElement(page, "title"), _texts(programme, "title"))
    ET.SubElement(page, "category", {"code": ACTIVITY_WEB_PAGE})
    for document in documents:
        link = ET.SubElement(
            element,
            "document-link",
            {"url": build_url(document.path), "format": document.content_type},
        )
        _narratives(ET.SubElement(link, "title"), document.titles)
        ET.SubElement(link, "category", {"code": RESULTS_AND_OUTPUTS})
        for lang in document.languages:
            ET.SubElement(link, "language", {"code": lang})
        if document.date:
            ET.SubElement(link, "document-date", {"iso-date": document.date.isoformat()})

    parent = _parent(programme)
    if parent is not None:
        ET.SubElement(element, "related-activity", {"ref": iati_identifier(parent), "type": PARENT})
    for phase in getattr(programme, "published_phases", ()):
        ET.SubElement(element, "related-activity", {"ref": iati_identifier(phase), "type": CHILD})
    return element


def _parent(programme: Programme) -> Programme | None:
    parent = programme.parent if programme.parent_id else None
    if parent is not None and parent.is_public and is_reportable(parent):
        return parent
    return None


def activities_document(programmes, build_url) -> bytes:
    """The `iati-activities` file of `programmes` (from `reportable_programmes()`)."""
    root = ET.Element(
        "iati-activities",
        {"version": VERSION, "generated-datetime": timezone.now().isoformat(timespec="seconds")},
    )
    programmes = list(programmes)
    documents = registry.documents_for(Programme._meta.label, [p.pk for p in programmes])
    for programme in programmes:
        root.append(activity(programme, documents.get(programme.pk, []), build_url))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
