"""The download view: headers, names, counting, who may download partners-only files."""

import re
import threading
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.db import connection
from django.test import Client

from portal.models import Status
from publications.downloads import ascii_fallback, content_disposition
from publications.models import (
    DownloadRecord,
    PartnerAccount,
    Publication,
)
from tests.portal.factories import EditorFactory, UserFactory
from tests.publications.conftest import THAI_NAME
from tests.publications.factories import (
    PartnerAccountFactory,
    PublicationFactory,
    pdf_bytes,
    with_file,
)

_PARAM = re.compile(r';\s*([\w*!#$&+.^`|~-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]+)')


def parsed_filename(header: str) -> str:
    """The file name a browser reads from the header (RFC 6266: `filename*` wins)."""
    params = {key.lower(): value for key, value in _PARAM.findall(header)}
    if "filename*" in params:
        charset, _language, encoded = params["filename*"].split("'", 2)
        assert charset.lower() == "utf-8"
        return unquote(encoded, encoding="utf-8", errors="strict")
    value = params["filename"]
    return re.sub(r"\\(.)", r"\1", value[1:-1]) if value.startswith('"') else value


def fallback_filename(header: str) -> str:
    """The plain `filename` old browsers read."""
    value = dict(_PARAM.findall(header))["filename"]
    return re.sub(r"\\(.)", r"\1", value[1:-1])


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0"


def fetch(client, url, method="get", **kwargs):
    """A response with its body read; reading a streamed body to the end closes its file.

    Sent as a browser would (a crawler's requests are not counted)."""
    kwargs.setdefault("HTTP_USER_AGENT", BROWSER)
    response = getattr(client, method)(url, **kwargs)
    if response.streaming:
        response.body = b"".join(response.streaming_content)
    else:
        response.body = response.content
    return response


def download_url(publication, lang="th"):
    return f"/{lang}/publications/{publication.slug}/download/"


@pytest.mark.parametrize(
    "name",
    [THAI_NAME, 'สรุป 16 ตัวอย่าง; "ฉบับ" 100%.pdf', "plain-name.pdf", "naïve café.docx"],
)
def test_file_names_round_trip_through_content_disposition(name):
    header = content_disposition(name)
    assert header.startswith('attachment; filename="')
    assert header.isascii()
    assert parsed_filename(header) == name
    assert fallback_filename(header).isascii()
    assert fallback_filename(header).endswith(name[name.rindex(".") :])


def test_the_ascii_fallback_keeps_the_extension_and_no_quotes():
    assert ascii_fallback(THAI_NAME).isascii() and ascii_fallback(THAI_NAME).endswith(".pdf")
    assert ascii_fallback("คู่มือ.pdf") == "download.pdf"
    assert '"' not in ascii_fallback('a "quoted" name.pdf')
    assert ascii_fallback("naïve café.docx") == "naive cafe.docx"


@pytest.mark.django_db
def test_a_thai_file_name_round_trips_through_the_download(client, public_pub):
    response = fetch(client, download_url(public_pub))
    assert response.status_code == 200
    assert parsed_filename(response["Content-Disposition"]) == THAI_NAME
    assert response["Content-Disposition"].startswith("attachment;")
    only_thai = with_file(PublicationFactory(slug="thai-only"), name="คู่มือ.pdf")
    header = fetch(client, download_url(only_thai))["Content-Disposition"]
    assert fallback_filename(header) == "thai-only.pdf"
    assert parsed_filename(header) == "คู่มือ.pdf"


@pytest.mark.django_db
def test_a_public_download_has_the_right_headers_and_the_file(client, public_pub):
    response = fetch(client, download_url(public_pub))
    body = response.body
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(body) == public_pub.file_size
    assert body.startswith(b"%PDF-")
    public_pub.refresh_from_db()
    assert public_pub.download_count == 1
    assert not DownloadRecord.objects.exists()  # only partners-only downloads are logged


@pytest.mark.django_db
def test_head_requests_are_answered_but_not_counted(client, public_pub):
    response = fetch(client, download_url(public_pub), method="head")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    public_pub.refresh_from_db()
    assert public_pub.download_count == 0


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_anonymous_visitors_are_sent_to_sign_in_and_back(client, partners_pub, lang):
    response = fetch(client, download_url(partners_pub, lang))
    assert response.status_code == 302
    target = f"/{lang}/accounts/sign-in/?next=/{lang}/publications/partners-seminar/download/"
    assert response["Location"] == target
    page = client.get(target)
    assert page.status_code == 200
    text = page.content.decode()
    assert {"th": "ลงชื่อเข้าใช้สำหรับภาคี", "en": "Partner sign-in"}[lang] in text
    assert "Test publication" in text or "สิ่งพิมพ์ทดสอบ" in text  # which file it is for
    partners_pub.refresh_from_db()
    assert partners_pub.download_count == 0


@pytest.mark.django_db
def test_a_partner_signing_in_gets_the_file_and_is_logged(client, partners_pub, partner_user):
    response = fetch(
        client,
        "/en/accounts/sign-in/",
        "post",
        data={
            "username": "partner1",
            "password": "secret-pass-123",
            "next": download_url(partners_pub, "en"),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    record = DownloadRecord.objects.get()
    assert (record.publication, record.user) == (partners_pub, partner_user)
    partners_pub.refresh_from_db()
    assert partners_pub.download_count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_signed_in_account_without_partner_rights_gets_403_with_an_explanation(
    client, partners_pub, plain_user, lang
):
    client.force_login(plain_user)
    response = fetch(client, download_url(partners_pub, lang))
    assert response.status_code == 403
    text = response.content.decode()
    expected = {"th": "เฉพาะภาคี", "en": "not registered as a partner"}[lang]
    assert expected in text
    assert not DownloadRecord.objects.exists()


@pytest.mark.django_db
def test_an_expired_or_switched_off_partner_account_gets_403(client, partners_pub, partner_user):
    account = partner_user.partner_account
    account.valid_until = account.created_at.date().replace(year=2020)
    account.save()
    client.force_login(partner_user)
    response = fetch(client, download_url(partners_pub, "en"))
    assert response.status_code == 403
    assert "ended on" in response.content.decode()
    PartnerAccount.objects.filter(pk=account.pk).update(valid_until=None, is_active=False)
    response = fetch(client, download_url(partners_pub, "en"))
    assert response.status_code == 403
    assert "switched off" in response.content.decode()


@pytest.mark.django_db
def test_staff_may_download_partners_only_files(client, partners_pub):
    client.force_login(EditorFactory(username="staff"))
    assert fetch(client, download_url(partners_pub)).status_code == 200
    assert DownloadRecord.objects.get().user.username == "staff"


@pytest.mark.django_db
def test_drafts_and_publications_without_a_file_give_404(client):
    draft = with_file(PublicationFactory(status=Status.DRAFT))
    assert fetch(client, download_url(draft)).status_code == 404
    empty = PublicationFactory()
    assert fetch(client, download_url(empty)).status_code == 404
    assert client.get("/th/publications/no-such-thing/download/").status_code == 404


@pytest.mark.django_db
def test_a_file_missing_from_storage_gives_404_not_500(client, public_pub):
    Path(public_pub.file.path).unlink()
    assert fetch(client, download_url(public_pub)).status_code == 404


@pytest.mark.django_db
def test_files_live_outside_media_root_and_a_media_url_guess_finds_nothing(
    client, settings, partners_pub
):
    stored = Path(partners_pub.file.path).resolve()
    assert stored.is_file()
    assert not stored.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert stored.is_relative_to(Path(settings.PROTECTED_MEDIA_ROOT).resolve())
    # Stored under a generated name, not the original one.
    assert stored.name != "seminar.pdf" and stored.suffix == ".pdf"
    for guess in (
        f"/media/{partners_pub.file.name}",
        f"/media/../protected/{partners_pub.file.name}",
        f"/th/media/{partners_pub.file.name}",
    ):
        assert client.get(guess).status_code == 404
    with pytest.raises(ValueError):
        partners_pub.file.url  # noqa: B018 - protected storage has no public URL


@pytest.mark.django_db
def test_the_web_server_can_take_over_the_transfer_with_x_accel_redirect(
    client, settings, public_pub
):
    settings.PHAKHI_SENDFILE = "x-accel-redirect"
    settings.PHAKHI_SENDFILE_PREFIX = "/protected-files/"
    response = fetch(client, download_url(public_pub))
    assert response.status_code == 200
    assert response.body == b""
    assert response["X-Accel-Redirect"] == f"/protected-files/{public_pub.file.name}"
    assert parsed_filename(response["Content-Disposition"]) == THAI_NAME
    assert response["X-Content-Type-Options"] == "nosniff"
    public_pub.refresh_from_db()
    assert public_pub.download_count == 1


@pytest.mark.django_db
def test_the_web_server_can_take_over_the_transfer_with_x_sendfile(client, settings, public_pub):
    settings.PHAKHI_SENDFILE = "x-sendfile"
    response = fetch(client, download_url(public_pub))
    assert response.body == b""
    assert response["X-Sendfile"] == public_pub.file.path
    assert response["Content-Type"] == "application/pdf"


def _download_many(
    url: str, times: int, barrier: threading.Barrier, errors: list, thread: int
) -> None:
    try:
        client = Client()
        barrier.wait()
        for i in range(times):
            # Each a different reader: one reader's repeats within the window count once.
            response = fetch(client, url, REMOTE_ADDR=f"10.0.{thread}.{i}")
            if response.status_code != 200:
                errors.append(response.status_code)
    except Exception as exc:  # collected and asserted in the main thread
        errors.append(exc)
    finally:
        connection.close()  # each thread had its own connection


@pytest.mark.django_db(transaction=True)
def test_download_counter_is_exact_concurrently_on_postgresql_and_sequentially_on_sqlite():
    """On PostgreSQL, 8 threads on their own connections download at once; no count is lost.

    SQLite serialises writers, so there the same number of downloads runs one after
    another and the count must be just as exact.
    """
    publication = with_file(PublicationFactory(slug="popular"), pdf_bytes(1), "popular.pdf")
    url = download_url(publication)
    threads_count, times = 8, 10
    if connection.vendor == "postgresql":
        barrier = threading.Barrier(threads_count)
        errors: list = []
        threads = [
            threading.Thread(target=_download_many, args=(url, times, barrier, errors, number))
            for number in range(threads_count)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
    else:
        client = Client()
        for i in range(threads_count * times):
            assert fetch(client, url, REMOTE_ADDR=f"10.0.0.{i}").status_code == 200
    assert Publication.objects.get(pk=publication.pk).download_count == threads_count * times


@pytest.mark.django_db
def test_each_partners_only_download_is_logged_for_staff(client, partners_pub):
    partner = PartnerAccountFactory(user=UserFactory(username="p2")).user
    client.force_login(partner)
    for _ in range(3):
        fetch(client, download_url(partners_pub))
    assert DownloadRecord.objects.filter(publication=partners_pub, user=partner).count() == 3


# --- what counts as a download; byte ranges ------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "agent",
    [
        "",
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.0)",
        "facebookexternalhit/1.1",
        "python-requests/2.32.0",
        "curl/8.5.0",
        "Wget/1.21",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0 Safari/537.36",
    ],
)
def test_crawlers_get_the_file_but_are_not_counted(client, public_pub, agent):
    response = fetch(client, download_url(public_pub), HTTP_USER_AGENT=agent)
    assert response.status_code == 200 and response.body
    public_pub.refresh_from_db()
    assert public_pub.download_count == 0


@pytest.mark.django_db
def test_one_reader_downloading_again_within_the_window_counts_once(client, settings, public_pub):
    settings.PHAKHI_DOWNLOAD_REPEAT_SECONDS = 1800
    for _ in range(3):
        assert fetch(client, download_url(public_pub)).status_code == 200
    fetch(client, download_url(public_pub, "en"))  # the other language's address: same file
    public_pub.refresh_from_db()
    assert public_pub.download_count == 1
    # Another reader (another address) counts.
    fetch(client, download_url(public_pub), REMOTE_ADDR="192.0.2.7")
    # The same address with another browser is another reader too (a shared office network).
    fetch(client, download_url(public_pub), HTTP_USER_AGENT=BROWSER + " Firefox/133.0")
    public_pub.refresh_from_db()
    assert public_pub.download_count == 3


@pytest.mark.django_db
def test_after_the_window_the_same_reader_counts_again(client, settings, public_pub):
    from django.core.cache import cache

    fetch(client, download_url(public_pub))
    cache.clear()  # what the window's end does to the reader's mark
    fetch(client, download_url(public_pub))
    public_pub.refresh_from_db()
    assert public_pub.download_count == 2


def _pdf_size(publication) -> int:
    return publication.file.size


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=100-", 100, None),
        ("bytes=-50", None, None),
        ("bytes=10-10", 10, 10),
    ],
)
def test_a_single_range_is_answered_with_206_and_exactly_those_bytes(
    client, public_pub, header, first, last
):
    whole = fetch(client, download_url(public_pub), REMOTE_ADDR="192.0.2.1").body
    size = len(whole)
    response = fetch(client, download_url(public_pub), HTTP_RANGE=header)
    assert response.status_code == 206
    if first is None:  # the last 50 bytes
        first, last = size - 50, size - 1
    last = size - 1 if last is None else last
    assert response.body == whole[first : last + 1]
    assert response["Content-Range"] == f"bytes {first}-{last}/{size}"
    assert response["Content-Length"] == str(last - first + 1)
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Disposition"].startswith("attachment;")


@pytest.mark.django_db
@pytest.mark.parametrize("header", ["bytes=999999-", "bytes=999999-1000000", "bytes=-0"])
def test_a_range_beyond_the_end_gets_416_with_the_size(client, public_pub, header):
    response = fetch(client, download_url(public_pub), HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{_pdf_size(public_pub)}"
    public_pub.refresh_from_db()
    assert public_pub.download_count == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "header", ["bytes=5-2", "items=0-10", "bytes=0-1,5-9", "bytes=abc", "bytes=-", "bytes 0-10"]
)
def test_a_range_the_view_does_not_serve_gets_the_whole_file(client, public_pub, header):
    response = fetch(client, download_url(public_pub), HTTP_RANGE=header)
    assert response.status_code == 200
    assert len(response.body) == _pdf_size(public_pub)


@pytest.mark.django_db
def test_an_if_range_that_no_longer_matches_gets_the_whole_file(client, public_pub):
    response = fetch(
        client, download_url(public_pub), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"old"'
    )
    assert response.status_code == 200
    etag = response["ETag"]
    matching = fetch(client, download_url(public_pub), HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    assert matching.status_code == 206 and len(matching.body) == 10


@pytest.mark.django_db
def test_a_download_in_ranges_is_counted_once(client, settings, public_pub):
    """A reader's PDF viewer fetches the file in pieces: one download, one log line."""
    settings.PHAKHI_DOWNLOAD_REPEAT_SECONDS = 0  # even without the repeat window
    size = _pdf_size(public_pub)
    half = size // 2
    assert fetch(client, download_url(public_pub), HTTP_RANGE=f"bytes=0-{half}").status_code == 206
    assert (
        fetch(client, download_url(public_pub), HTTP_RANGE=f"bytes={half + 1}-").status_code == 206
    )
    assert fetch(client, download_url(public_pub), HTTP_RANGE="bytes=-100").status_code == 206
    public_pub.refresh_from_db()
    assert public_pub.download_count == 1


@pytest.mark.django_db
def test_resumed_partners_only_transfers_are_logged_once(client, partners_pub, partner_user):
    client.force_login(partner_user)
    fetch(client, download_url(partners_pub), HTTP_RANGE="bytes=0-9")
    fetch(client, download_url(partners_pub), HTTP_RANGE="bytes=10-")
    assert DownloadRecord.objects.filter(publication=partners_pub).count() == 1


@pytest.mark.django_db
def test_the_publication_page_says_what_the_download_count_counts(client, public_pub):
    html = client.get(f"/en/publications/{public_pub.slug}/").content.decode()
    assert "not counting search engines and other programs" in html


@pytest.mark.django_db
def test_downloads_are_counted_while_redis_is_down(client, settings, public_pub):
    # The repeat window lives in the cache; with Redis down it remembers nothing, and a
    # download is counted rather than lost (a repeat may then count twice).
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/5",  # nothing listens on port 1
        }
    }
    settings.PHAKHI_DOWNLOAD_REPEAT_SECONDS = 1800
    assert fetch(client, download_url(public_pub)).status_code == 200
    assert fetch(client, download_url(public_pub), REMOTE_ADDR="192.0.2.7").status_code == 200
    public_pub.refresh_from_db()
    assert public_pub.download_count == 2
