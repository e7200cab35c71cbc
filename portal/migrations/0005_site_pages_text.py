"""The first text of the about, accessibility and privacy pages, in both languages.

Staff edit it afterwards in the admin (Site pages). It names no organisation: the
publishing organisation and its contact are settings (`PHAKHI_OPERATOR_*`,
`PHAKHI_CONTACT_*`), shown at the foot of every page, to which these texts refer.
"""

from django.db import migrations

PAGES = {
    "about": {
        "title_th": "เกี่ยวกับภาคี",
        "title_en": "About Phakhi",
        "body_th": """ภาคีเป็นเว็บไซต์บันทึกข้อมูลสาธารณะของโครงการเครือข่ายภาคประชาสังคม ได้แก่ ตัวโครงการ กิจกรรมของโครงการ องค์กรและเครือข่ายที่เข้าร่วม กรณีศึกษาแนวปฏิบัติที่ดีที่โครงการรวบรวมไว้ และสิ่งพิมพ์ที่โครงการเผยแพร่

เจ้าหน้าที่ขององค์กรผู้เผยแพร่ (ระบุไว้ที่ส่วนท้ายของทุกหน้า) เป็นผู้บันทึกข้อมูล โดยบันทึกภาษาไทยก่อนแล้วจึงบันทึกภาษาอังกฤษ จากรายงานและเอกสารของโครงการเอง และระบุแหล่งที่มาของข้อมูลไว้ในแต่ละรายการ

ทุกคนอ่านข้อมูลบนเว็บไซต์ได้โดยไม่ต้องมีบัญชีผู้ใช้ สิ่งพิมพ์บางรายการเผยแพร่เฉพาะองค์กรภาคี ซึ่งต้องเข้าสู่ระบบก่อนดาวน์โหลด

ข้อมูลบนเว็บไซต์ครบถ้วนได้เพียงเท่าที่แหล่งที่มามีอยู่ หากพบข้อผิดพลาดหรือรายการที่ขาดหายไป โปรดแจ้งผ่านช่องทางติดต่อที่ส่วนท้ายของทุกหน้า""",
        "body_en": """Phakhi (ภาคี, "partners") keeps the public record of civic-network programmes: the programmes themselves, their events, the organisations and networks taking part, the good-practice cases they document and the publications they release.

Staff of the publishing organisation (named at the foot of every page) enter the records, in Thai first and then in English, from the programmes' own reports and documents, and each record names its sources.

Everything on the site can be read without an account. Some publications are shared with partner organisations only; partners sign in to download them.

The records are only as complete as the sources they come from. If you find a mistake or a missing record, please tell us through the contact at the foot of every page.""",
    },
    "accessibility": {
        "title_th": "การเข้าถึงเว็บไซต์",
        "title_en": "Accessibility statement",
        "body_th": """เราต้องการให้ทุกคนใช้ภาคีได้ รวมถึงผู้ที่ใช้โปรแกรมอ่านหน้าจอ ผู้ที่ใช้แป้นพิมพ์อย่างเดียว ผู้ที่ขยายหน้าจอ และผู้ที่ใช้โทรศัพท์มือถือ

เป้าหมายของเราคือแนวทางการเข้าถึงเนื้อหาเว็บ (WCAG) 2.1 ระดับ AA ทุกหน้ามีลิงก์ข้ามไปยังเนื้อหาหลัก แสดงตำแหน่งโฟกัสของแป้นพิมพ์ให้เห็นชัด มีหัวข้อเรียงตามลำดับ มีป้ายกำกับช่องกรอกข้อมูล และระบุภาษาของข้อความ เพื่อให้โปรแกรมอ่านหน้าจออ่านภาษาไทยและภาษาอังกฤษได้ถูกต้อง หน้าภาษาไทยแสดงวันที่เป็นปีพุทธศักราช

เราตรวจสอบด้วยเครื่องมือตรวจอัตโนมัติ (axe-core) ในชุดทดสอบของเว็บไซต์ และทดลองใช้งานด้วยแป้นพิมพ์

ข้อจำกัดที่ทราบ: บางรายการมีข้อมูลเพียงภาษาเดียว จึงแสดงในภาษานั้นพร้อมหมายเหตุบอกภาษา เอกสาร PDF ที่อัปโหลดไว้อาจยังเข้าถึงได้ไม่สมบูรณ์ หากต้องการเอกสารในรูปแบบอื่น โปรดติดต่อเรา

หากส่วนใดของเว็บไซต์ใช้งานไม่ได้สำหรับท่าน โปรดแจ้งผ่านช่องทางติดต่อที่ส่วนท้ายของทุกหน้า โดยระบุหน้าและปัญหาที่พบ เราจะตอบกลับ และแก้ไขหรือส่งเนื้อหาให้ในรูปแบบที่ท่านใช้ได้""",
        "body_en": """We want everyone to be able to use Phakhi, including people who use a screen reader, a keyboard only, screen magnification or a phone.

We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. Every page has a link to skip to the main content, a visible keyboard focus, headings in order and labelled form fields, and its text is marked with its language so that screen readers read Thai and English correctly. Thai pages give dates in the Buddhist Era.

We check the pages with automated tests (axe-core) in the site's test suite, and by using them with a keyboard.

Known limitations: some records exist in one language only; they are shown in that language with a note saying so. Uploaded PDF documents may not be fully accessible; if you need a document in another format, please ask us.

If something on the site does not work for you, please tell us through the contact at the foot of every page: say which page and what went wrong. We will answer, and fix it or send you the content in a form you can use.""",
    },
    "privacy": {
        "title_th": "ประกาศความเป็นส่วนตัว",
        "title_en": "Privacy notice",
        "body_th": """ประกาศนี้อธิบายว่าภาคีเก็บข้อมูลส่วนบุคคลใด เพื่อเหตุใด และท่านขอให้แก้ไขหรือลบข้อมูลได้อย่างไร ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ผู้ควบคุมข้อมูลส่วนบุคคลคือองค์กรผู้เผยแพร่ที่ระบุไว้ที่ส่วนท้ายของทุกหน้า

บุคคลที่มีชื่อในบันทึก: เราแสดงชื่อ คำนำหน้า ตำแหน่ง และหน่วยงานของผู้มีบทบาทสาธารณะในโครงการหรือกิจกรรม (เช่น วิทยากร ประธาน ผู้จัดการโครงการ) บนหน้าสาธารณะ เพราะบทบาทนั้นเป็นส่วนหนึ่งของบันทึกสาธารณะของกิจกรรม อีเมลและหมายเลขโทรศัพท์ของบุคคล หากเจ้าหน้าที่มีไว้ ใช้เพื่อติดต่อเท่านั้น และไม่ปรากฏบนหน้าสาธารณะ ในผลการค้นหา ฟีด หรือไฟล์ดาวน์โหลดใด ๆ

รายชื่อผู้เข้าร่วมกิจกรรม: เก็บไว้เพื่อการรายงานผลของโครงการ เฉพาะเจ้าหน้าที่เท่านั้นที่เห็น หน้าสาธารณะแสดงเพียงจำนวนรวม ไม่แสดงชื่อ

บัญชีผู้ใช้ขององค์กรภาคี: สำหรับผู้ที่ดาวน์โหลดสิ่งพิมพ์เฉพาะภาคี เราเก็บชื่อ อีเมล และองค์กรของบัญชี และบันทึกการดาวน์โหลดแต่ละครั้ง (ผู้ใด ไฟล์ใด เมื่อใด) เพื่อให้สิทธิ์เข้าถึงไฟล์และตรวจสอบการใช้งาน

บัญชีเจ้าหน้าที่และประวัติการแก้ไขข้อมูล (ผู้ใดแก้ไขอะไร เมื่อใด) เก็บไว้เพื่อให้ตรวจสอบและแก้ไขบันทึกได้

คุกกี้: เว็บไซต์ตั้งคุกกี้เพื่อจำภาษาที่ท่านเลือก เมื่อท่านเข้าสู่ระบบ (เพื่อให้ยังอยู่ในระบบ) และเมื่อแบบฟอร์มต้องป้องกันการปลอมแปลงคำขอเท่านั้น การอ่านเว็บไซต์ไม่มีคุกกี้ติดตาม และไม่มีหน้าใดโหลดข้อมูลจากเว็บไซต์ของบริษัทอื่น

ระยะเวลาเก็บรักษา: บันทึกของโครงการและกิจกรรมเป็นจดหมายเหตุ เก็บไว้ตลอดอายุของเว็บไซต์ บัญชีภาคีเก็บไว้ตราบที่ยังเป็นภาคี

สิทธิของท่าน: ท่านขอเข้าถึงข้อมูลส่วนบุคคลของท่านที่เราเก็บไว้ ขอให้แก้ไขให้ถูกต้อง ขอให้ลบหรือระงับการใช้ คัดค้านการเผยแพร่ และถอนความยินยอมที่เคยให้ไว้ได้ โปรดติดต่อผ่านช่องทางที่ส่วนท้ายของทุกหน้า ระบุหน้าหรือรายการที่เกี่ยวข้อง เราจะตอบภายใน 30 วัน ท่านยังมีสิทธิร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคล""",
        "body_en": """This notice explains what personal data Phakhi keeps, why, and how you can ask for it to be corrected or removed, as Thailand's Personal Data Protection Act B.E. 2562 (2019) requires. The data controller is the publishing organisation named at the foot of every page.

People named in the records: the names, honorifics, positions and organisations of people who hold a public role in a programme or event (a speaker, a chair, a programme manager) are shown on the public pages, because the role is part of the public record of the activity. Their email addresses and phone numbers, where staff hold them, are used only to contact them and never appear on a public page, in search results, feeds or downloads.

Attendance lists: kept for the programmes' reporting and seen by staff only. Public pages show totals, never names.

Partner accounts: for people who download partners-only publications, we keep the account's name, email address and organisation, and a record of each such download (who, which file, when), to give access to the files and account for their use.

Staff accounts and the history of changes to the records (who changed what, and when) are kept so that the records can be checked and corrected.

Cookies: the site sets a cookie only to remember the language you chose, to keep you signed in when you sign in, and where a form needs protection against forged requests. Reading the site sets no tracking cookie, and no page loads anything from another company's site.

How long: the records of programmes and events are an archive, kept as long as the site runs. Partner accounts are kept while the partnership lasts.

Your rights: you may ask to see the personal data we hold about you, have it corrected, have it deleted or its use restricted, object to its publication, and withdraw consent you gave. Write to the contact at the foot of every page, saying which page or record you mean; we will answer within 30 days. You may also complain to the Office of the Personal Data Protection Committee.""",
    },
}


def create_pages(apps, schema_editor):
    SitePage = apps.get_model("portal", "SitePage")
    for key, text in PAGES.items():
        SitePage.objects.get_or_create(
            key=key, defaults={**text, "title": text["title_th"], "body": text["body_th"]}
        )


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_site_pages")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
