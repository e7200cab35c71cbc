"""The attendance import: one event's participants from a CSV or XLSX file.

People and organisations are matched through the duplicate guard's name folding
(`networks.services`), so "ม. ขอนแก่น" finds "มหาวิทยาลัยขอนแก่น" and "นายสมชาย ใจดี"
finds the directory's "สมชาย ใจดี". Planning reads the database once (a few queries
whatever the number of rows) and writes nothing; saving uses bulk inserts.
"""

import re
from collections import Counter, defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import ParticipantGroup, Participation
from networks.models import Organisation, Person
from networks.services import normalise_name, organisation_keys
from portal.imports import CREATE, UPDATE, Column, Importer, parse_bool, parse_country

_THAI = re.compile(r"[\u0e00-\u0e7f]")
NAME_LENGTH = Participation._meta.get_field("name").max_length


def _label_key(text: str) -> str:
    return "".join(str(text or "").casefold().split())


class AttendanceImporter(Importer):
    title = gettext_lazy("Import attendance")
    columns = (
        Column(
            "name",
            "ชื่อ-สกุล",
            "Name",
            gettext_lazy(
                "The participant's full name, with or without an honorific; "
                "matched against the people directory."
            ),
            required=True,
            example="นางสาวสมศรี ใจดี",
            aliases=("ชื่อ", "ชื่อ-นามสกุล", "ชื่อสกุล", "full name", "participant"),
        ),
        Column(
            "organisation",
            "องค์กร",
            "Organisation",
            gettext_lazy(
                "Name or acronym of an organisation in the directory "
                "(“ม. ขอนแก่น” finds “มหาวิทยาลัยขอนแก่น”); may be empty."
            ),
            example="ม. ขอนแก่น",
            aliases=("หน่วยงาน", "สังกัด", "organization"),
        ),
        Column(
            "category",
            "ประเภท",
            "Category",
            gettext_lazy(
                "A participant category of this event; a new category is added "
                "when none has this name. May be empty."
            ),
            example="ผู้แทนองค์กรปกครองส่วนท้องถิ่น",
            aliases=("กลุ่ม", "group"),
        ),
        Column(
            "country",
            "ประเทศ",
            "Country",
            gettext_lazy("Country name in Thai or English, or its two-letter code (TH)."),
            example="ไทย",
        ),
        Column(
            "attended",
            "เข้าร่วม",
            "Attended",
            gettext_lazy("ใช่/ไม่ or yes/no; empty means attended."),
            example="ใช่",
        ),
    )

    def __init__(self, event):
        self.event = event

    def prepare(self):
        self.people = defaultdict(list)
        self.person_names = {}
        for pk, *parts in Person.objects.values_list(
            "pk", "given_name_th", "family_name_th", "given_name_en", "family_name_en"
        ):
            names = (f"{parts[0] or ''} {parts[1] or ''}", f"{parts[2] or ''} {parts[3] or ''}")
            for key in {normalise_name(n, person=True) for n in names} - {""}:
                self.people[key].append(pk)
            self.person_names[pk] = " ".join(n.strip() for n in names if n.strip())
        self.organisations = defaultdict(set)
        self.organisation_names = {}
        for pk, name_th, name_en, acronym_th, acronym_en in Organisation.objects.values_list(
            "pk", "name_th", "name_en", "acronym_th", "acronym_en"
        ):
            for key in organisation_keys(names=(name_th, name_en, acronym_th, acronym_en)):
                self.organisations[key].add(pk)
            self.organisation_names[pk] = name_th or name_en or ""
        self.groups = {}
        for group in self.event.participant_groups.all():
            for label in (group.label_th, group.label_en):
                if label:
                    self.groups.setdefault(_label_key(label), group)
        self.new_groups: dict[str, str] = {}
        self.existing_by_person = {}
        self.existing_by_name = {}
        for participation in self.event.participations.all():
            if participation.person_id:
                self.existing_by_person.setdefault(participation.person_id, participation)
            if participation.name:
                key = normalise_name(participation.name, person=True)
                self.existing_by_name.setdefault(key, participation)
        self.seen = {}

    def plan_row(self, row):
        values = row.values
        name = " ".join(values["name"].split())
        if not name:
            row.refuse(_("The name is empty."))
            return
        if len(name) > NAME_LENGTH:
            row.refuse(_("The name is longer than %(max)s characters.") % {"max": NAME_LENGTH})
        key = normalise_name(name, person=True)
        people = self.people.get(key, [])
        person_id = people[0] if len(people) == 1 else None
        if person_id:
            row.note(
                _("The same person as %(person)s in the people directory.")
                % {"person": self.person_names[person_id]}
            )
        elif len(people) > 1:
            row.note(
                _("%(count)s people in the directory have this name: kept as a name only.")
                % {"count": len(people)}
            )

        organisation_id = None
        if values["organisation"]:
            matches = set()
            for org_key in organisation_keys(names=[values["organisation"]]):
                matches |= self.organisations.get(org_key, set())
            if not matches:
                row.refuse(
                    _(
                        "No organisation “%(name)s” in the directory: add it first "
                        "(or import organisations), or correct the name."
                    )
                    % {"name": values["organisation"]}
                )
            elif len(matches) > 1:
                row.refuse(
                    _("“%(name)s” matches several organisations: %(names)s. Write the full name.")
                    % {
                        "name": values["organisation"],
                        "names": ", ".join(sorted(self.organisation_names[pk] for pk in matches)),
                    }
                )
            else:
                organisation_id = matches.pop()
                if self.organisation_names[organisation_id] != values["organisation"]:
                    row.note(
                        _("Organisation: %(name)s.")
                        % {"name": self.organisation_names[organisation_id]}
                    )

        group_key = ""
        if values["category"]:
            group_key = _label_key(values["category"])
            if group_key not in self.groups and group_key not in self.new_groups:
                self.new_groups[group_key] = " ".join(values["category"].split())
                row.note(
                    _("A new category “%(label)s” will be added to the event.")
                    % {"label": values["category"]}
                )

        country = parse_country(values["country"])
        if country is None:
            row.refuse(_("Unknown country “%(value)s”.") % {"value": values["country"]})
        attended = parse_bool(values["attended"])
        if attended is None:
            row.refuse(
                _("“%(value)s” is not yes or no (ใช่/ไม่, yes/no).") % {"value": values["attended"]}
            )

        identity = ("person", person_id) if person_id else ("name", key)
        if identity in self.seen:
            row.refuse(_("The same person as row %(row)s.") % {"row": self.seen[identity]})
        else:
            self.seen[identity] = row.number
        if row.action != CREATE:
            return
        existing = (self.existing_by_person.get(person_id) if person_id else None) or (
            self.existing_by_name.get(key)
        )
        instance = existing or Participation(event=self.event)
        if existing:
            row.action = UPDATE
            row.note(_("Already in this event's attendance: updated."))
        instance.person_id = person_id or instance.person_id
        instance.name = name
        instance.organisation_id = organisation_id
        instance.country = country
        instance.attended = attended
        instance._group_key = group_key
        row.instance = instance

    def save(self, plan):
        planned = [r.instance for r in plan.rows]
        if self.new_groups:
            counts = Counter(p._group_key for p in planned if p.attended)
            order = max((g.order for g in self.groups.values()), default=0)
            created = []
            for offset, (key, label) in enumerate(self.new_groups.items(), start=1):
                thai = bool(_THAI.search(label))
                group = ParticipantGroup(
                    event=self.event,
                    label_th=label if thai else "",
                    label_en="" if thai else label,
                    count=counts.get(key, 0),
                    order=order + offset,
                )
                created.append(group)
                self.groups[key] = group
            ParticipantGroup.objects.bulk_create(created)
        for participation in planned:
            key = participation._group_key
            participation.group = self.groups[key] if key else None
        Participation.objects.bulk_create(
            [r.instance for r in plan.rows if r.action == CREATE], batch_size=1000
        )
        Participation.objects.bulk_update(
            [r.instance for r in plan.rows if r.action == UPDATE],
            ["person", "name", "organisation", "group", "country", "attended"],
            batch_size=1000,
        )
