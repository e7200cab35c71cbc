"""The organisation import: the directory's organisations from a CSV or XLSX file.

Each row is matched against the directory through the duplicate guard's name folding
(`networks.services`): a row naming an organisation already there (by its Thai or English
name or its acronym, "ม. ขอนแก่น" = "มหาวิทยาลัยขอนแก่น") updates it, filling in only the
cells the file gives; any other row is a new organisation, in draft.
"""

import re
from collections import defaultdict

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override

from networks.models import Organisation, OrganisationKind
from networks.services import organisation_keys
from portal.imports import CREATE, UPDATE, Column, Importer, parse_country

_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _kind_table() -> dict[str, str]:
    table = {}
    for value, label in OrganisationKind.choices:
        table[value] = value
        for lang in ("th", "en"):
            with override(lang):
                table["".join(str(label).casefold().split())] = value
    return table


class OrganisationImporter(Importer):
    title = gettext_lazy("Import organisations")
    columns = (
        Column(
            "name_th",
            "ชื่อองค์กร (ไทย)",
            "Name (Thai)",
            gettext_lazy("The name in Thai. A Thai or an English name is required."),
            example="มหาวิทยาลัยขอนแก่น",
            aliases=("ชื่อองค์กร", "องค์กร", "ชื่อภาษาไทย"),
        ),
        Column(
            "name_en",
            "ชื่อองค์กร (อังกฤษ)",
            "Name (English)",
            gettext_lazy("The name in English."),
            example="Khon Kaen University",
            aliases=("organisation", "organization", "name", "ชื่อภาษาอังกฤษ"),
        ),
        Column(
            "acronym",
            "อักษรย่อ",
            "Acronym",
            gettext_lazy("Short name in Thai or English (มข., KKU); may be empty."),
            example="มข.",
            aliases=("ชื่อย่อ",),
        ),
        Column(
            "kind",
            "ประเภท",
            "Category",
            gettext_lazy(
                "The kind of organisation as the admin lists it, in Thai or English "
                "(required for a new organisation)."
            ),
            example="สถาบันการศึกษา",
            aliases=("kind", "type", "ประเภทองค์กร"),
        ),
        Column(
            "country",
            "ประเทศ",
            "Country",
            gettext_lazy("Country name in Thai or English, or its two-letter code (TH)."),
            example="ไทย",
        ),
        Column(
            "city",
            "จังหวัด/เมือง",
            "Province or city",
            gettext_lazy("Province or city, in the language of the name."),
            example="ขอนแก่น",
            aliases=("จังหวัด", "city", "province"),
        ),
        Column(
            "website",
            "เว็บไซต์",
            "Website",
            gettext_lazy("The full address, starting with https://."),
            example="https://www.kku.ac.th",
        ),
    )

    def __init__(self, obj=None):
        pass

    def template_rows(self):
        example = [str(c.example) for c in self.columns]
        kind_column = [c.key for c in self.columns].index("kind")
        example[kind_column] = str(dict(OrganisationKind.choices)[OrganisationKind.ACADEMIC])
        return [example]

    def prepare(self):
        self.kinds = _kind_table()
        self.by_name = defaultdict(set)
        self.by_acronym = defaultdict(set)
        self.existing = {}
        for organisation in Organisation.objects.only(
            "pk", "name_th", "name_en", "acronym_th", "acronym_en", "slug"
        ):
            for key in organisation_keys(names=(organisation.name_th, organisation.name_en)):
                self.by_name[key].add(organisation.pk)
            for key in organisation_keys(names=(organisation.acronym_th, organisation.acronym_en)):
                self.by_acronym[key].add(organisation.pk)
            self.existing[organisation.pk] = organisation
        self.slugs = set(Organisation.objects.values_list("slug", flat=True))
        self.seen = {}

    def _slug(self, name_en: str, name_th: str) -> str:
        base = slugify(name_en)[:90] or "organisation"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def plan_row(self, row):
        values = row.values
        name_th, name_en = values["name_th"], values["name_en"]
        if not name_th and not name_en:
            row.refuse(_("Give the name in Thai or in English."))
            return
        names = organisation_keys(names=(name_th, name_en))
        acronyms = organisation_keys(names=(values["acronym"],))
        matches = set()
        for key in names:
            matches |= self.by_name.get(key, set())
        for key in acronyms:
            matches |= self.by_acronym.get(key, set())
        for key in names | acronyms:
            if key in self.seen:
                row.refuse(_("The same organisation as row %(row)s.") % {"row": self.seen[key]})
                return
        for key in names | acronyms:
            self.seen[key] = row.number
        if len(matches) > 1:
            row.refuse(
                _("Matches several organisations in the directory: %(names)s.")
                % {"names": ", ".join(sorted(str(self.existing[pk]) for pk in matches))}
            )
            return

        kind = ""
        if values["kind"]:
            kind = self.kinds.get("".join(values["kind"].casefold().split()))
            if kind is None:
                row.refuse(
                    _("Unknown kind “%(value)s”; write one of: %(kinds)s.")
                    % {
                        "value": values["kind"],
                        "kinds": ", ".join(str(label) for _v, label in OrganisationKind.choices),
                    }
                )
        country = parse_country(values["country"])
        if country is None:
            row.refuse(_("Unknown country “%(value)s”.") % {"value": values["country"]})
        website = values["website"]
        if website:
            try:
                URLValidator(schemes=["http", "https"])(website)
            except ValidationError:
                row.refuse(_("“%(value)s” is not a web address.") % {"value": website})

        if matches:
            organisation = self.existing[matches.pop()]
            row.action = UPDATE
            row.note(_("Already in the directory as %(name)s: updated.") % {"name": organisation})
        else:
            organisation = Organisation()
            if not kind:
                row.refuse(_("Give the kind of a new organisation."))
        if row.action not in (CREATE, UPDATE):
            return
        acronym = values["acronym"]
        acronym_field = "acronym_th" if _THAI.search(acronym) else "acronym_en"
        city_field = "city_th" if _THAI.search(values["city"]) else "city_en"
        # An existing organisation keeps the names it was matched by (the file may have
        # the short form, "ม. ขอนแก่น"); a name it lacks is filled in.
        for field, value in (("name_th", name_th), ("name_en", name_en)):
            if value and not getattr(organisation, field):
                setattr(organisation, field, value)
        for field, value in (
            (acronym_field, acronym),
            ("kind", kind),
            ("country", country),
            (city_field, values["city"]),
            ("website", website),
        ):
            if value:
                setattr(organisation, field, value)
        if not organisation.pk:
            organisation.slug = self._slug(name_en, name_th)
        if self.validate(
            row, organisation, exclude=("logo", "parent", "slug", "name", "acronym", "city")
        ):
            row.instance = organisation

    def save(self, plan):
        created = [r.instance for r in plan.rows if r.action == CREATE]
        for organisation in created:
            # save(), not bulk_create: PublishedModel.save() and modeltranslation's defaults.
            organisation.save()
        for row in plan.rows:
            if row.action == UPDATE:
                row.instance.save()
