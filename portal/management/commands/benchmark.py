"""Measure the portal at the size of a real archive against a bare Django view: `make bench`.

    make bench                                        # scale 1: 10,000 events, …
    BENCH_SCALE=0.1 make bench                        # a tenth of the archive
    BENCH_ARGS="--duration 5 --rounds 3 --match /events/" make bench

What it does, in order:

1. Builds the generated archive (`generate_archive`) in its own PostgreSQL
   database (`phakhi_bench`, or `--database-url`), or reuses it when it was
   built with the same scale and seed (a note on the database records them);
   runs `migrate` and `collectstatic` for it.
2. Serves the portal with gunicorn (2 sync workers) under production settings
   (DEBUG off, a fresh SECRET_KEY, ALLOWED_HOSTS=127.0.0.1, Redis when it answers,
   SSL redirect off for the local run), and the bare view of `portal/bareview.py`
   under the same gunicorn on another port.
3. Requests every page once in-process (django.test.Client, same database) to
   count its SQL queries, and once over HTTP for its size and one-request time.
4. Loads each page with wrk, then the bare view, alternately, `--rounds` times,
   and reports the medians: req/s, p50, p99 and the ratio to the bare view in the
   same round. A page slower than `--max-request` seconds is not loaded (only
   its one request is reported); a page too slow to drain 16 connections within
   the run is loaded with 2 (one per worker).
5. Prints a table and writes `var/bench/<time>.json` and `var/bench/latest.json`.

Nothing is asserted: tests assert query counts; this command reports speed.
"""

import datetime
import gzip
import http.client
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from portal import loadtest, registry
from portal.archive import Page

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/phakhi_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/11"
WORKERS = 2
STAFF_USERNAME = "gen-bench-staff"
MARKER = "phakhi generated archive: scale={scale:g} seed={seed}"
WRK_HELP = (
    "wrk is needed: `apt-get install wrk` (Debian/Ubuntu, as root), `brew install wrk`, "
    "or build it from https://github.com/wg/wrk."
)


class Command(BaseCommand):
    help = "Load-test the portal on a generated archive against a bare Django view (make bench)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            type=float,
            default=float(os.environ.get("BENCH_SCALE") or 1),
            help="archive size; 1 = 10,000 events (default: $BENCH_SCALE or 1)",
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--duration", type=float, default=5, help="seconds of load per page per round"
        )
        parser.add_argument("--rounds", type=int, default=3, help="rounds; the median is kept")
        parser.add_argument("--connections", type=int, default=16, help="wrk connections")
        parser.add_argument("--threads", type=int, default=2, help="wrk threads")
        parser.add_argument(
            "--max-request",
            type=float,
            default=10,
            help="pages whose one request takes longer (seconds) are not loaded",
        )
        parser.add_argument("--match", default="", help="only pages whose path or key has this")
        parser.add_argument(
            "--database-url",
            default=os.environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL,
            help="the PostgreSQL database of the generated archive",
        )
        parser.add_argument(
            "--redis-url", default=os.environ.get("BENCH_REDIS_URL") or DEFAULT_REDIS_URL
        )
        parser.add_argument(
            "--page-cache",
            choices=("off", "on", "both"),
            default=os.environ.get("BENCH_PAGE_CACHE") or "both",
            help="measure the pages without the page cache, with it warm, or both (default)",
        )
        parser.add_argument("--port", type=int, default=8811, help="the portal's port")
        parser.add_argument("--bare-port", type=int, default=8812, help="the bare view's port")
        parser.add_argument("--output", default=str(settings.VAR_DIR / "bench"))
        # Set by the command itself when it re-runs under the production settings.
        parser.add_argument("--measure", action="store_true", help="(internal)")

    def handle(self, *args, **options):
        if options["rounds"] < 1 or options["duration"] <= 0 or options["scale"] <= 0:
            raise CommandError("--rounds, --duration and --scale must be above 0.")
        if options["measure"]:
            return self.measure(**options)
        return self.prepare_and_rerun(**options)

    # --- The outer run: tools, database, environment ---------------------------------------

    def prepare_and_rerun(self, **options):
        wrk = ensure_wrk(self.stdout)
        ensure_database(options["database_url"], self.stdout)
        env = {
            **os.environ,
            "DATABASE_URL": options["database_url"],
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "PHAKHI_BENCH_WRK": wrk,
        }
        env.pop("REDIS_URL", None)
        if redis_answers(options["redis_url"]):
            env["REDIS_URL"] = options["redis_url"]
        else:
            self.stdout.write(f"Redis does not answer at {options['redis_url']}: local cache only.")
        argv = [sys.executable, str(settings.BASE_DIR / "manage.py"), "benchmark", "--measure"]
        for name in (
            "scale",
            "seed",
            "duration",
            "rounds",
            "connections",
            "threads",
            "max_request",
            "match",
            "port",
            "bare_port",
            "output",
            "page_cache",
        ):
            argv += [f"--{name.replace('_', '-')}", str(options[name])]
        completed = subprocess.run(argv, env=env, cwd=settings.BASE_DIR, check=False)
        if completed.returncode:
            raise CommandError(f"The benchmark stopped (exit status {completed.returncode}).")

    # --- The inner run, under production settings --------------------------------------------

    def measure(self, *, scale, seed, match, output, **options):
        if connection.vendor != "postgresql":
            raise CommandError("The benchmark runs on PostgreSQL (--database-url).")
        started = time.time()
        call_command("migrate", interactive=False, verbosity=0)
        generation = self.archive(scale=scale, seed=seed)
        call_command("collectstatic", interactive=False, verbosity=0)
        from django.core.cache import cache

        cache.clear()  # the benchmark's own Redis database: nothing cached from an older archive

        pages = loadtest.pages_to_measure(match)
        if not pages:
            raise CommandError("No page to measure (check --match).")
        cookie = staff_session_cookie()
        results = self.count_queries(pages, cookie, match)
        log_dir = Path(output)
        log_dir.mkdir(parents=True, exist_ok=True)
        portal_url = f"http://127.0.0.1:{options['port']}"
        bare_url = f"http://127.0.0.1:{options['bare_port']}/"
        modes = {"off": [False], "on": [True], "both": [False, True]}[options["page_cache"]]
        measured = []
        for cached in modes:
            # Anonymous pages only are ever cached (portal/pagecache.py); staff pages are
            # measured again as they are.
            batch = [
                {
                    **result,
                    "page_cache": cached,
                    "key": result["key"] + ("-cached" if cached else ""),
                    "label": result["label"] + (" · page cache warm" if cached else ""),
                }
                for result in results
                if not (cached and result.get("staff"))
            ]
            env = {"PHAKHI_PAGE_CACHE_SECONDS": "300" if cached else "0"}
            servers = [
                serve(
                    "portal.wsgi:application",
                    options["port"],
                    log_dir / "gunicorn-portal.log",
                    env,
                ),
                serve(
                    "portal.bareview:application",
                    options["bare_port"],
                    log_dir / "gunicorn-bare.log",
                    env,
                ),
            ]
            try:
                wait_until_up(portal_url + "/healthz")
                wait_until_up(bare_url)
                for result in batch:
                    # The first request (timed alone) fills the page cache when it is on.
                    self.load(result, portal_url, bare_url, cookie, **options)
            finally:
                for server in servers:
                    server.terminate()
                for server in servers:
                    try:
                        server.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        server.kill()
            measured += batch
        results = measured

        meta = {
            "started_at": datetime.datetime.fromtimestamp(started, datetime.UTC).isoformat(),
            "seconds": round(time.time() - started, 1),
            "scale": scale,
            "seed": seed,
            "database": connection.settings_dict["NAME"],
            "cache": "redis" if os.environ.get("REDIS_URL") else "local memory",
            "gunicorn_workers": WORKERS,
            "wrk": {
                "threads": options["threads"],
                "connections": options["connections"],
                "duration": options["duration"],
                "rounds": options["rounds"],
            },
            "generation": generation,
            "counts": record_counts(),
        }
        result = loadtest.report(meta=meta, pages=results)
        stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        body = json.dumps(result, indent=2, ensure_ascii=False)
        (log_dir / f"{stamp}.json").write_text(body)
        (log_dir / "latest.json").write_text(body)
        self.stdout.write("")
        self.stdout.write(loadtest.table(result))
        self.stdout.write(
            f"\nScale {scale:g}, seed {seed}; gunicorn {WORKERS} sync workers; wrk "
            f"-t{options['threads']} -c{options['connections']} -d{options['duration']:g}s, "
            f"median of {options['rounds']} rounds; report {log_dir / f'{stamp}.json'}"
        )

    def archive(self, *, scale: float, seed: int) -> dict:
        """Reuse the archive built with this scale and seed, or (re)build it."""
        marker = MARKER.format(scale=scale, seed=seed)
        if database_note() == marker:
            self.stdout.write(f"Reusing the archive ({marker}).")
            return {"reused": True, "seconds": None}
        set_database_note(None)
        started = time.perf_counter()
        from portal.management.commands.generate_archive import generated_records

        if generated_records():
            call_command("generate_archive", remove=True, stdout=self.stdout)
        call_command("generate_archive", scale=scale, seed=seed, stdout=self.stdout)
        seconds = round(time.perf_counter() - started, 1)
        set_database_note(marker)
        return {"reused": False, "seconds": seconds}

    def count_queries(self, pages: list[Page], cookie: str, match: str) -> list[dict]:
        """Each page once in-process: its status and SQL queries (and the sitemap's section)."""
        results = []
        queue = list(pages)
        while queue:
            page = queue.pop(0)
            client = Client(SERVER_NAME="127.0.0.1", raise_request_exception=False)
            if page.staff:
                client.cookies[settings.SESSION_COOKIE_NAME] = cookie
            self.stdout.write(f"Counting queries: {page.path}")
            with CaptureQueriesContext(connection) as queries:
                response = client.get(page.path, HTTP_ACCEPT_ENCODING="gzip")
            results.append(
                {
                    "key": page.key,
                    "label": page.label,
                    "path": page.path,
                    "staff": page.staff,
                    "status": response.status_code,
                    "queries": len(queries),
                }
            )
            if page.key == "sitemap" and response.status_code == 200:
                body = b"".join(response) if response.streaming else response.content
                if response.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                section = loadtest.sitemap_section(body)
                if section is None:
                    results.append(
                        {
                            "key": "sitemap-section",
                            "label": "sitemap.xml, one section",
                            "path": page.path,
                            "staff": False,
                            "status": None,
                            "queries": None,
                            "note": "sitemap.xml is not a sitemap index: no section",
                            "rounds": [],
                        }
                    )
                elif not match or match in section:
                    queue.insert(0, Page("sitemap-section", "sitemap.xml, one section", section))
        return results

    def load(self, result: dict, portal_url, bare_url, cookie, **options):
        if result["status"] is None:
            return  # nothing to request
        headers = {"Accept-Encoding": "gzip"}
        if result["staff"]:
            headers["Cookie"] = f"{settings.SESSION_COOKIE_NAME}={cookie}"
        url = portal_url + result["path"]
        self.stdout.write(f"Loading {result['path']}")
        try:
            probe = fetch(url, headers, timeout=600)
        except OSError as exc:
            result.update(note=f"no answer: {exc}", rounds=[])
            return
        result.update(probe)
        if probe["http_status"] != 200:
            result.update(note=f"HTTP {probe['http_status']}, not loaded", rounds=[])
            return
        seconds = probe["one_request_ms"] / 1000
        if seconds > options["max_request"]:
            result.update(note=f"one request {seconds:.1f} s: not loaded", rounds=[])
            return
        connections, duration = options["connections"], options["duration"]
        if seconds * connections / WORKERS > duration:
            # The queue of 16 connections would not drain within the run: one per worker.
            # Long enough for some eight requests to complete.
            connections, duration = WORKERS, max(duration, 4 * seconds)
        result["connections"] = connections
        rounds = []
        for _ in range(options["rounds"]):
            page = run_wrk(url, headers, connections, duration, options["threads"])
            drain(portal_url + "/healthz")
            bare = run_wrk(
                bare_url, {}, options["connections"], options["duration"], options["threads"]
            )
            drain(bare_url)
            rounds.append(
                {
                    "rps": page.rps,
                    "p50_ms": page.p50_ms,
                    "p99_ms": page.p99_ms,
                    "requests": page.requests,
                    "errors": page.errors,
                    "bare_rps": bare.rps,
                    "bare_p50_ms": bare.p50_ms,
                    "ratio": loadtest.ratio(page.rps, bare.rps),
                }
            )
        result["rounds"] = rounds
        result.update(loadtest.summarise(rounds))
        if connections != options["connections"]:
            result["note"] = f"{connections} connections"


# --- Processes and the network ---------------------------------------------------------------


def ensure_wrk(stdout) -> str:
    """wrk's path, installing Debian's package when missing and running as root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.name == "posix" and os.geteuid() == 0 and shutil.which("apt-get"):
        stdout.write("Installing wrk (apt-get install -y wrk) …")
        quiet = {"stdout": subprocess.DEVNULL, "check": False}
        if subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet).returncode:
            subprocess.run(["apt-get", "update"], **quiet)
            subprocess.run(["apt-get", "install", "-y", "wrk"], **quiet)
        found = shutil.which("wrk")
        if found:
            return found
    raise CommandError(WRK_HELP)


def ensure_database(url: str, stdout) -> None:
    """Create the benchmark's PostgreSQL database when it does not exist (UTF-8, for Thai)."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    if parts.scheme not in {"postgres", "postgresql"}:
        raise CommandError(f"The benchmark needs a PostgreSQL database, not {url}.")
    name = parts.path.lstrip("/")
    server = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(server, autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                return
            stdout.write(f"Creating the database {name} …")
            create = sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'")
            conn.execute(create.format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        raise CommandError(f"PostgreSQL does not answer at {server}: {exc}") from exc


def redis_answers(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except (redis.RedisError, OSError):
        return False


def database_note() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
            "WHERE datname = current_database()"
        )
        return cursor.fetchone()[0]


def set_database_note(note: str | None) -> None:
    name = connection.ops.quote_name(connection.settings_dict["NAME"])
    value = "NULL" if note is None else "'" + note.replace("'", "''") + "'"
    with connection.cursor() as cursor:
        cursor.execute(f"COMMENT ON DATABASE {name} IS {value}")


def record_counts() -> dict[str, int]:
    """Rows per model of the apps that generate the archive."""
    return {
        model._meta.label: model._base_manager.count()
        for generator in registry.archive_generators
        for model in generator.models()
    }


def staff_session_cookie() -> str:
    """A signed-in session of a staff user, valid for the in-process client and gunicorn."""
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username=STAFF_USERNAME, defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def serve(app: str, port: int, log: Path, env: dict | None = None) -> subprocess.Popen:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise CommandError(f"Port {port} is taken: choose another with --port/--bare-port.")
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        app,
        f"--workers={WORKERS}",
        "--worker-class=sync",
        f"--bind=127.0.0.1:{port}",
        "--timeout=600",
        f"--error-logfile={log}",
    ]
    return subprocess.Popen(
        command, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, env={**os.environ, **(env or {})}
    )


def wait_until_up(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if fetch(url, {}, timeout=5)["http_status"] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise CommandError(f"{url} did not answer within {timeout:.0f} s (see var/bench/*.log).")


def drain(url: str) -> None:
    """Wait until the server has answered every request wrk left queued."""
    fetch(url, {}, timeout=900)


def fetch(url: str, headers: dict, timeout: float) -> dict:
    """One GET: status, time, bytes on the wire and, when gzipped, the uncompressed size."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    started = time.perf_counter()
    try:
        conn.request(
            "GET", parts.path + (f"?{parts.query}" if parts.query else ""), headers=headers
        )
        response = conn.getresponse()
        body = response.read()
    finally:
        conn.close()
    elapsed = (time.perf_counter() - started) * 1000
    compressed = response.getheader("Content-Encoding") == "gzip"
    return {
        "http_status": response.status,
        "one_request_ms": elapsed,
        "bytes": len(gzip.decompress(body)) if compressed else len(body),
        "gzip_bytes": len(body) if compressed else None,
    }


def run_wrk(url: str, headers: dict, connections: int, duration: float, threads: int):
    command = [
        os.environ.get("PHAKHI_BENCH_WRK") or "wrk",
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        f"--timeout={max(10, round(4 * duration))}s",
        "--latency",
    ]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    completed = subprocess.run(
        [*command, url], capture_output=True, text=True, check=False, timeout=duration + 900
    )
    if completed.returncode:
        raise CommandError(f"wrk failed on {url}: {completed.stderr.strip()}")
    return loadtest.parse_wrk(completed.stdout)
