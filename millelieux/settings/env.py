"""Environment helpers that fail loudly on a bad value rather than guessing."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false, yes/no), not {raw!r}.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}.") from None


def env_list(name, default=()):
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_path(name, default, missing="it has no default"):
    """An absolute path: the variable (relative to the current directory), else `default`, else an error."""
    raw = os.environ.get(name, "").strip()
    if raw:
        return Path(raw).expanduser().resolve()
    if default is None:
        raise ImproperlyConfigured(f"{name} must be set: {missing}.")
    return Path(default)


def env_database(name, default):
    """A DATABASES entry from a database URL (dj-database-url); an unreadable URL is an error."""
    try:
        return dj_database_url.config(env=name, default=default, conn_max_age=0)
    except ValueError as error:  # an unknown scheme, a port that is not a number…
        raise ImproperlyConfigured(f"{name} cannot be read: {error}") from None


def make_folder(path):
    """Create a folder of the instance (and its parents), or fail with one line naming it."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ImproperlyConfigured(
            f"The data folder {path} cannot be created ({error.strerror or error}): "
            "set MILLELIEUX_DATA_DIR to a folder this user can write to."
        ) from None
