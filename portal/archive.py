"""Shared pieces of the generated archive (`manage.py generate_archive`), never the demo.

Each app builds its own part in `<app>/archive.py` and registers it with
`portal.registry.register_archive_generator`; this module holds what they share:
the marks that say a row is generated (`gen-` slugs, a "(generated)" title
suffix in both languages), the scaling rule, a skewed choice (a few records get
most of the links, as in a real archive), bilingual text assembled from a small
vocabulary of civic words (Thai without spaces between words, so Thai search
sees realistic text), and the `Page` an app names for `manage.py benchmark`.

Everything is drawn from the `random.Random` the command passes in, so a seed
gives the same rows and slugs every time.
"""

import datetime
import itertools
import random
from dataclasses import dataclass

from django.utils import timezone

PREFIX = "gen-"
MARK_TH = "(ข้อมูลจำลอง)"
MARK_EN = "(generated)"
BATCH_SIZE = 2000

# Dates are fixed, not relative to today, so a seed always gives the same rows.
FIRST_DAY = datetime.date(1995, 1, 1)
LAST_DAY = datetime.date(2028, 12, 31)
# Every published row went public by then (a moment already past).
LATEST_PUBLISHED = datetime.datetime(2026, 6, 30, 9, 0, tzinfo=datetime.UTC)

# A Thai word and an English word the generated text is sure to contain (for search pages).
SEARCH_WORD_TH = "ธรรมาภิบาล"
SEARCH_WORD_EN = "governance"


def scaled(count: int, scale: float) -> int:
    """`count` rows at scale 1, at least one at any positive scale."""
    return max(1, round(count * scale))


def slug(kind: str, number: int) -> str:
    return f"{PREFIX}{kind}-{number:05d}"


def marked(th: str, en: str) -> tuple[str, str]:
    """A generated title in both languages, carrying the mark."""
    return f"{th} {MARK_TH}", f"{en} {MARK_EN}"


def bulk_create(model, objs, *, batch_size: int = BATCH_SIZE) -> list:
    """Insert in batches; the returned objects carry their primary keys."""
    return model.objects.bulk_create(list(objs), batch_size=batch_size)


def skewed(rng: random.Random, items: list, k: int = 1) -> list:
    """`k` distinct items, the first items far more often than the last (1/rank weights)."""
    if not items:
        return []
    k = min(k, len(items))
    if k > len(items) // 2:
        return rng.sample(items, k)
    picked: dict[int, None] = {}
    while len(picked) < k:
        # Inverse-CDF of a 1/rank (Zipf-like) law over len(items) ranks.
        index = int(len(items) ** rng.random()) - 1
        picked[min(index, len(items) - 1)] = None
    return [items[i] for i in picked]


def status_and_published_at(rng: random.Random, day: datetime.date | None = None):
    """Mostly published (at the record's own date, or earlier), some drafts and archived rows."""
    roll = rng.random()
    if roll < 0.05:
        return "draft", None
    moment = datetime.datetime.combine(day or FIRST_DAY, datetime.time(9), tzinfo=datetime.UTC)
    moment = min(moment - datetime.timedelta(days=30), LATEST_PUBLISHED)
    return ("archived" if roll < 0.08 else "published"), moment


def random_day(rng: random.Random) -> datetime.date:
    return FIRST_DAY + datetime.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


# --- Bilingual text -------------------------------------------------------------
# (Thai, English) pairs; Thai phrases run together without spaces, as Thai does.

PROVINCES = [
    ("เชียงใหม่", "Chiang Mai"),
    ("ขอนแก่น", "Khon Kaen"),
    ("นครราชสีมา", "Nakhon Ratchasima"),
    ("สงขลา", "Songkhla"),
    ("อุบลราชธานี", "Ubon Ratchathani"),
    ("พิษณุโลก", "Phitsanulok"),
    ("สุราษฎร์ธานี", "Surat Thani"),
    ("ภูเก็ต", "Phuket"),
    ("ชลบุรี", "Chon Buri"),
    ("นครศรีธรรมราช", "Nakhon Si Thammarat"),
    ("อุดรธานี", "Udon Thani"),
    ("เชียงราย", "Chiang Rai"),
    ("ลำปาง", "Lampang"),
    ("น่าน", "Nan"),
    ("ยะลา", "Yala"),
    ("กาญจนบุรี", "Kanchanaburi"),
    ("ร้อยเอ็ด", "Roi Et"),
    ("ตรัง", "Trang"),
]

TOPICS = [
    ("ธรรมาภิบาลท้องถิ่น", "local good governance"),
    ("การมีส่วนร่วมของประชาชน", "citizen participation"),
    ("การพัฒนาประชาธิปไตย", "democratic development"),
    ("การเลือกตั้งที่สุจริตและเที่ยงธรรม", "free and fair elections"),
    ("การจัดการสิ่งแวดล้อมเมือง", "urban environmental management"),
    ("การกระจายอำนาจสู่ท้องถิ่น", "decentralisation"),
    ("ความโปร่งใสและการตรวจสอบได้", "transparency and accountability"),
    ("ความเข้มแข็งของภาคประชาสังคม", "a stronger civil society"),
    ("การบริหารจัดการน้ำชุมชน", "community water management"),
    ("การจัดการขยะมูลฝอย", "solid-waste management"),
    ("สิทธิมนุษยชนและความเสมอภาค", "human rights and equality"),
    ("การพัฒนาที่ยั่งยืน", "sustainable development"),
    ("การศึกษาเพื่อความเป็นพลเมือง", "civic education"),
    ("บทบาทสตรีในการเมืองท้องถิ่น", "women in local politics"),
    ("เยาวชนกับประชาธิปไตย", "youth and democracy"),
    ("การต่อต้านการทุจริต", "fighting corruption"),
]

QUALIFIERS = [
    ("สำหรับองค์กรปกครองส่วนท้องถิ่น", "for local governments"),
    ("ของเครือข่ายศูนย์ส่งเสริมพัฒนาประชาธิปไตย", "in the democracy-promotion centre network"),
    ("ระดับจังหวัด", "at provincial level"),
    ("ในภูมิภาคเอเชียตะวันออกเฉียงใต้", "in Southeast Asia"),
    ("ในอนุภูมิภาคลุ่มน้ำโขง", "in the Mekong subregion"),
    ("ระดับชุมชน", "at community level"),
]

SENTENCES = [
    (
        "ผู้เข้าร่วมได้แลกเปลี่ยนเรียนรู้ประสบการณ์และแนวปฏิบัติที่ดีจากพื้นที่ของตน",
        "Participants exchanged experience and good practices from their own areas.",
    ),
    (
        "ที่ประชุมได้ร่วมกันจัดทำข้อเสนอแนะเชิงนโยบายเพื่อเสนอต่อหน่วยงานที่เกี่ยวข้อง",
        "The meeting drafted policy recommendations for the agencies concerned.",
    ),
    (
        "ผู้แทนภาคประชาสังคมและหน่วยงานภาครัฐร่วมอภิปรายบทบาทของเครือข่ายในการติดตามผลการดำเนินงาน",
        "Civil-society and government representatives discussed the network's role "
        "in following up results.",
    ),
    (
        "องค์กรปกครองส่วนท้องถิ่นหลายแห่งนำเสนอโครงการที่ประชาชนมีส่วนร่วมในการวางแผนและตัดสินใจ",
        "Several local governments presented projects in which citizens took part "
        "in planning and decisions.",
    ),
    (
        "วิทยากรชี้ให้เห็นถึงความสำคัญของการเปิดเผยข้อมูลข่าวสารต่อสาธารณะ",
        "The speakers stressed the importance of opening public information.",
    ),
    (
        "การประชุมกลุ่มย่อยมุ่งหาแนวทางขยายผลการดำเนินงานไปสู่จังหวัดอื่น",
        "The breakout groups looked for ways to extend the work to other provinces.",
    ),
    (
        "ผลการประเมินชี้ว่าความร่วมมือระหว่างภาคีช่วยเพิ่มความเชื่อมั่นของประชาชนต่อการบริหารงานท้องถิ่น",
        "The evaluation found that cooperation between partners raised citizens' trust "
        "in local administration.",
    ),
    (
        "คณะทำงานจะจัดทำรายงานสรุปและเผยแพร่ให้สมาชิกเครือข่ายทุกแห่ง",
        "The working group will write a summary report and share it with every member.",
    ),
]

EVENT_KINDS = [
    ("forum", "เวทีสาธารณะว่าด้วย", "Public forum on"),
    ("seminar", "การสัมมนาเรื่อง", "Seminar on"),
    ("conference", "การประชุมวิชาการว่าด้วย", "Conference on"),
    ("workshop", "การประชุมเชิงปฏิบัติการเรื่อง", "Workshop on"),
    ("training", "การฝึกอบรมหลักสูตร", "Training course on"),
    ("meeting", "การประชุมเครือข่ายเรื่อง", "Network meeting on"),
]

GIVEN_NAMES = [
    ("สมชาย", "Somchai"),
    ("สมศรี", "Somsri"),
    ("วิไลวรรณ", "Wilaiwan"),
    ("ประเสริฐ", "Prasert"),
    ("กิตติพงษ์", "Kittipong"),
    ("อรทัย", "Orathai"),
    ("สุนทร", "Sunthorn"),
    ("นภาพร", "Napaporn"),
    ("ธนากร", "Thanakorn"),
    ("พรทิพย์", "Porntip"),
    ("อนุชา", "Anucha"),
    ("จินตนา", "Jintana"),
    ("วีระพงษ์", "Weerapong"),
    ("ศิริพร", "Siriporn"),
    ("ชัยวัฒน์", "Chaiwat"),
    ("รัตนา", "Rattana"),
]

FAMILY_NAMES = [
    ("ใจดี", "Jaidee"),
    ("ศรีสุข", "Srisuk"),
    ("วงศ์สวัสดิ์", "Wongsawat"),
    ("บุญมา", "Boonma"),
    ("แก้วมณี", "Kaewmanee"),
    ("ทองคำ", "Thongkham"),
    ("สุขสวัสดิ์", "Suksawat"),
    ("พรหมมา", "Promma"),
    ("ชัยประเสริฐ", "Chaiprasert"),
    ("รักษ์ไทย", "Rakthai"),
    ("มีสุข", "Meesuk"),
    ("อินทร์แก้ว", "Inkaew"),
]

HONORIFICS = [("นาย", "Mr"), ("นาง", "Mrs"), ("นางสาว", "Ms"), ("ดร.", "Dr")]


def pick(rng: random.Random, pairs: list) -> tuple:
    return pairs[rng.randrange(len(pairs))]


def paragraph(rng: random.Random, sentences: int) -> tuple[str, str]:
    """A few sentences in both languages (Thai separates sentences with a space)."""
    chosen = [pick(rng, SENTENCES) for _ in range(sentences)]
    return " ".join(th for th, _en in chosen), " ".join(en for _th, en in chosen)


def person_name(rng: random.Random) -> dict:
    honorific, given, family = (
        pick(rng, HONORIFICS),
        pick(rng, GIVEN_NAMES),
        pick(rng, FAMILY_NAMES),
    )
    return {
        "honorific_th": honorific[0],
        "honorific_en": honorific[1],
        "given_name_th": given[0],
        "given_name_en": given[1],
        "family_name_th": family[0],
        "family_name_en": family[1],
    }


def as_aware(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def chunks(items, size: int):
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@dataclass(frozen=True)
class Page:
    """A page `manage.py benchmark` measures, picked from the generated archive by an app."""

    key: str
    label: str
    path: str
    order: int = 100
    staff: bool = False  # requested signed in as a staff user
