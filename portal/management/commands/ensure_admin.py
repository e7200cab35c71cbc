import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Make sure a local admin account exists and say how to sign in. The username and "
        "password come from DJANGO_SUPERUSER_USERNAME / DJANGO_SUPERUSER_PASSWORD; without "
        "them a password is generated once and kept in var/admin-password."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME") or "admin"
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        password_file = settings.VAR_DIR / "admin-password"
        generated = False
        if not password:
            if password_file.exists():
                password = password_file.read_text().strip()
            else:
                password = secrets.token_urlsafe(12)
                settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n")
                password_file.chmod(0o600)
                generated = True
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username=username, email="", password=password)
            action = "created"
        else:
            action = "exists"
            if os.environ.get("DJANGO_SUPERUSER_PASSWORD") or generated:
                user.set_password(password)
                user.is_staff = user.is_superuser = True
                user.save()
                action = "updated"
        self.stdout.write(f"Admin account {action}: sign in at /admin/ as '{username}'")
        if os.environ.get("DJANGO_SUPERUSER_PASSWORD"):
            self.stdout.write("  password: the one in DJANGO_SUPERUSER_PASSWORD")
        elif generated:
            self.stdout.write(f"  password: {password}  (generated now; kept in {password_file})")
        else:
            self.stdout.write(f"  password: see {password_file}")
