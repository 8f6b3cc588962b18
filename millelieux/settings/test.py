"""Tests: the database comes from DATABASE_URL (SQLite by default), fast hashing, media in a temporary folder."""

import tempfile

from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = tempfile.mkdtemp(prefix="millelieux-test-media-")
ALLOWED_HOSTS = ["*"]
STATIC_ROOT = tempfile.mkdtemp(prefix="millelieux-test-static-")
