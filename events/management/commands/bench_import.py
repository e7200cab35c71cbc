"""Time the attendance import: `manage.py bench_import --rows 10000`.

Makes a throwaway event (and a few throwaway organisations and people to match against)
on the configured database, imports a generated CSV of attendance rows through the same
importer the admin uses — read, plan, save in one transaction — prints the time of each
step, then deletes everything it made. A benchmark, not a test: the figure depends on the
machine.
"""

import datetime
import time
import uuid

from django.core.management.base import BaseCommand
from django.db import transaction

from events.models import Event, Participation
from events.resources import AttendanceImporter
from networks.models import Organisation, Person
from portal import spreadsheets

CATEGORIES = ["ผู้แทนองค์กรปกครองส่วนท้องถิ่น", "ภาคประชาสังคม", "นักวิชาการ", "Government"]
COUNTRIES = ["ไทย", "Laos", "KH", "เวียดนาม", "Myanmar"]


class Command(BaseCommand):
    help = "Time an import of generated attendance rows into a throwaway event."

    def add_arguments(self, parser):
        parser.add_argument("--rows", type=int, default=10_000)
        parser.add_argument("--organisations", type=int, default=200)
        parser.add_argument("--people", type=int, default=2_000)
        parser.add_argument("--encoding", choices=["utf-8", "cp874"], default="cp874")

    def handle(self, *args, rows, organisations, people, encoding, **options):
        tag = uuid.uuid4().hex[:8]
        with transaction.atomic():
            event = Event.objects.create(
                title_th=f"bench-import {tag}",
                title_en=f"bench-import {tag}",
                slug=f"bench-import-{tag}",
                kind=Event._meta.get_field("kind").choices[0][0],
                start_date=datetime.date(2024, 1, 1),
                end_date=datetime.date(2024, 1, 1),
            )
            orgs = Organisation.objects.bulk_create(
                Organisation(
                    name_th=f"มหาวิทยาลัยทดสอบ{tag} {n}",
                    name_en=f"Bench {tag} University {n}",
                    kind="academic",
                    slug=f"bench-{tag}-{n}",
                )
                for n in range(organisations)
            )
            Person.objects.bulk_create(
                Person(given_name_th=f"ทดสอบ{tag}", family_name_th=f"คนที่ {n}")
                for n in range(people)
            )
        try:
            lines = ["ชื่อ-สกุล,องค์กร,ประเภท,ประเทศ,เข้าร่วม"]
            for n in range(rows):
                org = orgs[n % len(orgs)] if orgs else None
                org_name = f"ม. ทดสอบ{tag} {n % len(orgs)}" if org else ""
                lines.append(
                    f"นายทดสอบ{tag} คนที่ {n},{org_name},{CATEGORIES[n % 4]},"
                    f"{COUNTRIES[n % 5]},{'ใช่' if n % 10 else 'ไม่'}"
                )
            data = ("\r\n".join(lines) + "\r\n").encode(encoding)
            started = time.perf_counter()
            sheet = spreadsheets.read_csv(data)
            read_at = time.perf_counter()
            importer = AttendanceImporter(event)
            plan = importer.run(sheet)
            done = time.perf_counter()
            saved = Participation.objects.filter(event=event).count()
            self.stdout.write(
                f"{len(plan.rows)} rows ({encoding}, {len(data) / 1e6:.1f} MB) on "
                f"{Event.objects.db}/{transaction.get_connection().vendor}: "
                f"read {read_at - started:.2f} s, plan {plan.seconds:.2f} s, "
                f"plan and save {done - read_at:.2f} s, total {done - started:.2f} s; "
                f"{saved} attendance rows saved, "
                f"{sum(1 for r in plan.rows if r.instance.person_id)} matched to people, "
                f"{sum(1 for r in plan.rows if r.instance.organisation_id)} to organisations."
            )
        finally:
            with transaction.atomic():
                Participation.objects.filter(event=event).delete()
                event.delete()
                Person.objects.filter(given_name_th=f"ทดสอบ{tag}").delete()
                Organisation.objects.filter(slug__startswith=f"bench-{tag}-").delete()
