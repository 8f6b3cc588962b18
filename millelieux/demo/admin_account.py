"""The demo's administrator account: created once, its generated password kept in the data folder."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

DEMO_USERNAME = "admin"


def credentials_file():
    return Path(settings.DATA_DIR) / "demo-admin.txt"


def ensure_demo_admin():
    """Return (username, password), creating the superuser on the first run only.

    The password is generated at random and written, readable by its owner only, in the data folder so that
    later runs can print it again; a password changed in the admin is never overwritten."""
    path = credentials_file()
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USERNAME).first()
    if user is not None and path.exists():
        return DEMO_USERNAME, path.read_text(encoding="utf-8").strip()
    password = secrets.token_urlsafe(12)
    if user is None:
        User.objects.create_superuser(DEMO_USERNAME, email="", password=password)
    else:
        user.set_password(password)
        user.save(update_fields=["password"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return DEMO_USERNAME, password
