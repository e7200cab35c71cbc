"""Two instances under load, sharing PostgreSQL and Redis: `make load`.

    make load                                   # 64 connections for 60 s
    LOAD_ARGS="--duration 10" make load         # a shorter run

1. Creates the PostgreSQL database (`phakhi_load`, or `--database-url`) when missing,
   and needs Redis (`--redis-url`): both instances share them, as production does.
2. Under production settings (DEBUG off, one fresh SECRET_KEY for both instances,
   shared media folders under var/load/), migrates, collects the static files and
   loads the demo; the pages to load are every address of the site map (both
   languages) and every public download linked from them.
3. Starts two gunicorn instances (2 sync workers each) on two ports.
4. Checks that an admin edit made through one instance is visible through the other
   on the next request: reads a record's public page through instance B (so Redis
   holds it in the page cache), edits the record's English title through instance A's
   admin form, and reads the page through B again.
5. Loads both instances at once with wrk (half the connections each, every
   connection walking the page list), and prints requests, errors (non-2xx/3xx
   answers and socket errors; they must be 0) and p99 for each instance and in all.

Exit status 1 when there were errors or the edit was not seen.
"""

import html.parser
import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from portal import loadtest, registry
from portal.management.commands.benchmark import (
    ensure_database,
    ensure_wrk,
    redis_answers,
    serve,
    staff_session_cookie,
    wait_until_up,
)

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/phakhi_load"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/12"


class Command(BaseCommand):
    help = "Load two gunicorn instances sharing PostgreSQL and Redis (make load)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--database-url",
            default=os.environ.get("LOAD_DATABASE_URL") or DEFAULT_DATABASE_URL,
        )
        parser.add_argument(
            "--redis-url", default=os.environ.get("LOAD_REDIS_URL") or DEFAULT_REDIS_URL
        )
        parser.add_argument("--duration", type=float, default=60, help="seconds of load")
        parser.add_argument("--connections", type=int, default=64, help="in all, split in two")
        parser.add_argument("--ports", default="8101,8102", help="the two instances' ports")
        parser.add_argument("--inner", action="store_true", help=HELP_INNER)

    def handle(self, *args, **options):
        if options["duration"] <= 0 or options["connections"] < 2:
            raise CommandError("--duration must be above 0 and --connections at least 2.")
        if options["inner"]:
            return self.run(**options)
        return self.prepare_and_rerun(**options)

    # --- The outer run: tools, database, environment -------------------------------------

    def prepare_and_rerun(self, **options):
        wrk = ensure_wrk(self.stdout)
        ensure_database(options["database_url"], self.stdout)
        if not redis_answers(options["redis_url"]):
            raise CommandError(
                f"Redis does not answer at {options['redis_url']}; the two instances share it."
            )
        base = settings.VAR_DIR / "load"
        env = {
            **os.environ,
            "DATABASE_URL": options["database_url"],
            "REDIS_URL": options["redis_url"],
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(base / "media"),
            "PROTECTED_MEDIA_ROOT": str(base / "protected"),
            "STATIC_ROOT": str(base / "static"),
            "PHAKHI_BENCH_WRK": wrk,
        }
        argv = [sys.executable, str(settings.BASE_DIR / "manage.py"), "load", "--inner"]
        for name in ("database_url", "redis_url", "duration", "connections", "ports"):
            argv += [f"--{name.replace('_', '-')}", str(options[name])]
        completed = subprocess.run(argv, env=env, cwd=settings.BASE_DIR, check=False)
        if completed.returncode:
            raise CommandError(f"The load run failed (exit status {completed.returncode}).")

    # --- The inner run, under production settings ------------------------------------------

    def run(self, *, duration, connections, ports, **options):
        quiet = {"stdout": StringIO(), "verbosity": 0}
        call_command("migrate", interactive=False, **quiet)
        call_command("collectstatic", interactive=False, **quiet)
        call_command("load_demo", **quiet)
        paths = site_paths()
        self.stdout.write(
            f"{len(paths)} addresses: {sum('/download/' in p for p in paths)} downloads, "
            "the rest pages of the site map in both languages"
        )
        log_dir = settings.VAR_DIR / "load"
        log_dir.mkdir(parents=True, exist_ok=True)
        port_a, port_b = (int(p) for p in ports.split(","))
        servers = [
            serve("portal.wsgi", port_a, log_dir / "gunicorn-a.log"),
            serve("portal.wsgi", port_b, log_dir / "gunicorn-b.log"),
        ]
        try:
            a, b = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"
            for url in (a, b):
                wait_until_up(f"{url}/healthz")
            for url in (a, b):  # one pass warms each instance and the shared page cache
                for path in paths:
                    request(url, "GET", path)
            seen = self.check_edit_across_instances(a, b)
            results = self.load(a, b, paths, duration, connections)
        finally:
            for server in servers:
                server.terminate()
            for server in servers:
                server.wait(timeout=30)
        errors = sum(r.errors for r in results.values())
        report = format_report(results, duration, connections, seen)
        self.stdout.write(report)
        (log_dir / "latest.txt").write_text(report + "\n")
        if errors or not seen:
            sys.exit(1)

    def check_edit_across_instances(self, a: str, b: str) -> bool:
        model, field = editable_model()
        record = model.objects.published().order_by("pk").first()
        with translation.override("en"):
            public = record.get_absolute_url()
        before = request(b, "GET", public)[1]
        marker = f"edited-{uuid.uuid4().hex[:8]}"
        info = (model._meta.app_label, model._meta.model_name)
        change = reverse("admin:{}_{}_change".format(*info), args=[record.pk])
        session = f"{settings.SESSION_COOKIE_NAME}={staff_session_cookie()}"
        status, page, headers = request(a, "GET", change, cookie=session)
        if status != 200:
            raise CommandError(f"The admin change page answered {status}.")
        token = next(
            (
                value.split(";", 1)[0].split("=", 1)[1]
                for name, value in headers
                if name.lower() == "set-cookie" and value.startswith(settings.CSRF_COOKIE_NAME)
            ),
            "",
        )
        form = ChangeForm.read(page)
        form.set(field, f"{form.value(field)} {marker}".strip())
        status, _body, headers = request(
            a,
            "POST",
            change,
            cookie=f"{session}; {settings.CSRF_COOKIE_NAME}={token}",
            data=urllib.parse.urlencode([*form.pairs(), ("_save", "Save")]),
        )
        saved = status == 302
        after = request(b, "GET", public)[1]
        seen = saved and marker not in before and marker in after
        self.stdout.write(
            f"Edit through instance A ({change}, {field}): "
            f"{'saved' if saved else f'NOT saved (status {status})'}; the next request through "
            f"instance B ({public}) {'shows it' if marker in after else 'does NOT show it'}"
        )
        return seen

    def load(self, a: str, b: str, paths: list[str], duration: float, connections: int):
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(lua_script(paths))
        try:
            half = connections // 2
            runs = {
                name: subprocess.Popen(
                    [
                        os.environ.get("PHAKHI_BENCH_WRK") or "wrk",
                        "-t2",
                        f"-c{half if name == 'A' else connections - half}",
                        f"-d{max(1, round(duration))}s",
                        "--timeout=30s",
                        "--latency",
                        "-s",
                        script.name,
                        url,
                    ],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                )
                for name, url in (("A", a), ("B", b))
            }
            results = {}
            for name, process in runs.items():
                out, err = process.communicate(timeout=duration + 600)
                if process.returncode:
                    raise CommandError(f"wrk failed: {err.strip()}")
                results[name] = loadtest.parse_wrk(out)
            return results
        finally:
            Path(script.name).unlink(missing_ok=True)


HELP_INNER = "internal: the run under production settings (make load starts it)"


def editable_model():
    """A content model whose admin form has an English title (or name) to edit."""
    for model in registry.status_counts:
        names = {f.name for f in model._meta.get_fields()}
        for field in ("title_en", "name_en"):
            if field in names and model.objects.published().exists():
                return model, field
    raise CommandError("No published record with an English title to edit.")


def site_paths() -> list[str]:
    """Every address of the site map (both languages), and every download they link to."""
    client = Client(SERVER_NAME="127.0.0.1")

    def locations(path: str) -> list[str]:
        found = []
        for element in ET.fromstring(client.get(path).content).iter():
            address = element.text if element.tag.endswith("loc") else element.attrib.get("href")
            if address and address.strip():
                found.append(urlsplit(address.strip()).path)
        return found

    paths = []
    for section in locations("/sitemap.xml"):
        paths += locations(section)
    paths = list(dict.fromkeys(paths))
    downloads = set()
    for path in paths:
        for link in LinkParser.links(client.get(path).content.decode(errors="replace")):
            if link.endswith("/download/") and link not in downloads:
                response = client.get(link)
                if response.status_code == 200:
                    downloads.add(link)
                if response.streaming:  # read to the end: the client closes it without a signal
                    b"".join(response.streaming_content)
    return paths + sorted(downloads)


class LinkParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href") or ""
            if href.startswith("/"):
                self.found.append(urlsplit(href).path)

    @classmethod
    def links(cls, body: str) -> list[str]:
        parser = cls()
        parser.feed(body)
        return parser.found


class ChangeForm(html.parser.HTMLParser):
    """The values an admin change form would submit as it stands."""

    def __init__(self):
        super().__init__()
        self.values: dict[str, list[str]] = {}
        self._in_form = False
        self._select: str | None = None
        self._multiple = False
        self._textarea: str | None = None

    @classmethod
    def read(cls, body: str) -> "ChangeForm":
        form = cls()
        form.feed(body)
        return form

    def value(self, name: str) -> str:
        return (self.values.get(name) or [""])[0]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("id") or "").endswith("_form"):
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            default = "on" if kind == "checkbox" else ""
            self.values.setdefault(name, []).append(attrs.get("value") or default)
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in attrs
            self.values.setdefault(name, [])
        elif tag == "option" and self._select and "selected" in attrs:
            self.values[self._select].append(attrs.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.values[name] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "select" and self._select:
            if not self._multiple and not self.values[self._select]:
                self.values[self._select] = [""]
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.values[self._textarea][0] += data

    def set(self, name: str, value: str) -> None:
        self.values[name] = [value]

    def pairs(self) -> list[tuple[str, str]]:
        return [(name, item) for name, items in self.values.items() for item in items]


def request(base: str, method: str, path: str, cookie: str = "", data: str | None = None):
    """One request without following redirects: status, text, headers."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    headers = {"Cookie": cookie} if cookie else {}
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        conn.request(method, path, body=data, headers=headers)
        response = conn.getresponse()
        body = response.read().decode(errors="replace")
        return response.status, body, response.getheaders()
    finally:
        conn.close()


def lua_script(paths: list[str]) -> str:
    """Each wrk connection walks the list from its own offset, so every address is loaded."""
    quoted = ",\n  ".join('"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"' for p in paths)
    return f"""local paths = {{
  {quoted}
}}
local counter = 0
init = function(args)
  counter = math.random(#paths)
end
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], {{["Accept-Encoding"] = "gzip"}})
end
"""


def format_report(results: dict, duration: float, connections: int, seen: bool) -> str:
    lines = [
        "",
        f"Two instances, {connections} connections for {duration:g} s, wrk:",
        "| instance | requests | req/s | errors | p50 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r.requests} | {r.rps:.1f} | {r.errors} | "
            f"{r.p50_ms or 0:.1f} | {r.p99_ms or 0:.1f} |"
        )
    total = sum(r.requests for r in results.values())
    errors = sum(r.errors for r in results.values())
    worst = max((r.p99_ms or 0) for r in results.values())
    lines += [
        "",
        f"Requests: {total} ({sum(r.rps for r in results.values()):.1f}/s); errors: {errors}; "
        f"p99: {worst:.1f} ms (the slower instance's)",
        f"Admin edit through A visible through B on the next request: {'yes' if seen else 'NO'}",
    ]
    return "\n".join(lines)
