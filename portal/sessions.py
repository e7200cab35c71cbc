"""The session store: Django's database sessions, refusing keys Django never makes.

A session key comes from a cookie the visitor controls. Django only checks its length,
so a key with a NUL byte reached the database, and PostgreSQL refuses such a string with
an error (a 500 on every page that reads the session). Django makes keys of 32 lowercase
letters and digits; anything else is treated as no session at all.
"""

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

KEY_MAX_LENGTH = 40  # the session table's column


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return (
            super()._validate_session_key(key)
            and len(key) <= KEY_MAX_LENGTH
            and key.isascii()
            and key.isalnum()
        )
