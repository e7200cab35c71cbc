"""Send hostile requests to the portal under gunicorn and count the answers by status.

`make fuzz` runs it on the demo content: gunicorn serves the configured database under
production settings (DEBUG off, the static files collected), and at least 10,000
requests go to it over raw sockets, built by portal/fuzzing.py over every URL pattern
(hostile paths, query strings, methods, Host headers, cookies, Accept-Language), a share
of them signed in as a throwaway staff account, which is deleted at the end. Any 5xx, or a
page that carries the hostile markup unescaped, makes the command fail.
"""

import os
import random
import socket
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

from portal import fuzzing

STAFF_USERNAME = "fuzz-staff"


class Command(BaseCommand):
    help = "Send hostile requests to the portal under gunicorn; print the counts by status."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=10_000)
        parser.add_argument("--concurrency", type=int, default=8)
        parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument("--seed", type=int, default=None)
        parser.add_argument("--staff-share", type=float, default=0.7, help="of the admin requests")

    def handle(self, *args, **options):
        seed = options["seed"] if options["seed"] is not None else random.randrange(10**6)
        rng = random.Random(seed)
        log_dir = Path(settings.BASE_DIR) / "var" / "fuzz"
        log_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            "DEBUG": "false",
            # The same key, so the staff session made here is valid in gunicorn.
            "SECRET_KEY": settings.SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "STATIC_ROOT": str(log_dir / "static"),
            "LOG_LEVEL": "CRITICAL",
        }
        self.stdout.write("Collecting the static files for production settings…")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=settings.BASE_DIR,
            env=env,
            check=True,
        )
        templates = fuzzing.url_templates()
        known = fuzzing.known_values()
        staff_session = self.staff_session()
        server = self.serve(env, options, log_dir / "gunicorn.log")
        try:
            self.wait_until_up(options["port"])
            started = time.monotonic()
            counts, failures = self.send_all(templates, known, staff_session, rng, options)
            elapsed = time.monotonic() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
            self.forget_staff(staff_session)
        self.report(counts, failures, elapsed, seed, len(templates), log_dir)

    def staff_session(self) -> str:
        user, _created = get_user_model().objects.get_or_create(
            username=STAFF_USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        user.set_unusable_password()
        user.save()
        client = Client()
        client.force_login(user)
        return client.cookies[settings.SESSION_COOKIE_NAME].value

    def forget_staff(self, session_key: str) -> None:
        Session.objects.filter(session_key=session_key).delete()
        get_user_model().objects.filter(username=STAFF_USERNAME).delete()

    def serve(self, env, options, log: Path) -> subprocess.Popen:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", options["port"])) == 0:
                raise CommandError(f"Port {options['port']} is taken: choose another with --port.")
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            f"--workers={options['workers']}",
            f"--bind=127.0.0.1:{options['port']}",
            "--timeout=120",
            f"--error-logfile={log}",
        ]
        # Django logs each refused request (a foreign Host, a 404) to stderr: into the log.
        with log.open("ab") as stderr:
            return subprocess.Popen(
                command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=stderr
            )

    def wait_until_up(self, port: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                status = exchange(
                    port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                )[0]
                if status == 200:
                    return
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(0.3)
        raise CommandError("gunicorn did not answer /healthz (see var/fuzz/gunicorn.log).")

    def send_all(self, templates, known, staff_session, rng, options):
        port, share = options["port"], options["staff_share"]
        requests = []
        for _ in range(options["requests"]):
            request = fuzzing.random_request(templates, known, rng)
            # Mostly staff in the admin (anonymous visitors are only sent to its sign-in).
            in_admin = request.path.startswith("/admin/")
            if rng.random() < (share if in_admin else share / 4):
                request.cookies[settings.SESSION_COOKIE_NAME] = staff_session
            requests.append(request)
        default_host = f"127.0.0.1:{port}"

        def one(request):
            data = fuzzing.raw_request(request, default_host)
            try:
                status, content_type, body = exchange(port, data)
            except (OSError, ValueError, IndexError) as error:
                return "no answer", request, repr(error)
            if request.method != "HEAD" and fuzzing.reflects_markup(content_type, body):
                return "reflected", request, f"{status} {content_type}"
            return status, request, ""

        counts, failures = Counter(), []
        with ThreadPoolExecutor(max_workers=options["concurrency"]) as pool:
            for done, (status, request, note) in enumerate(pool.map(one, requests), 1):
                counts[status] += 1
                if not isinstance(status, int) or status >= 500:
                    failures.append((status, request, note))
                if done % 1000 == 0:
                    self.stdout.write(f"  {done} requests sent")
        return counts, failures

    def report(self, counts, failures, elapsed, seed, patterns, log_dir):
        total = sum(counts.values())
        self.stdout.write(
            f"\n{total} hostile requests over {patterns} URL patterns in {elapsed:.0f} s "
            f"({total / elapsed:.0f} req/s), seed {seed}:"
        )
        self.stdout.write(fuzzing.status_table(counts))
        if failures:
            for status, request, note in failures[:20]:
                self.stdout.write(
                    f"  {status} {request.method} {request.path[:120]}?{request.query[:80]} "
                    f"host={request.host!r} cookies={list(request.cookies)} {note}"
                )
            raise CommandError(
                f"{len(failures)} requests got a server error, no answer or reflected markup "
                f"(see above and {log_dir / 'gunicorn.log'})."
            )
        self.stdout.write(self.style.SUCCESS("No 5xx, no reflected markup."))


def exchange(port: int, data: bytes, timeout: float = 60) -> tuple[int, str, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return fuzzing.read_response(b"".join(chunks))
