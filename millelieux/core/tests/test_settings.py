"""Settings: the environment helpers fail loudly on a bad value, and production refuses a weak SECRET_KEY."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from millelieux.settings.env import env_bool, env_int, env_list, env_str

PROJECT_DIR = Path(__file__).resolve().parents[3]


# -- env helpers ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["1", "true", "True", "YES", "on", " yes "])
def test_env_bool_reads_true_values(monkeypatch, raw):
    monkeypatch.setenv("MILLELIEUX_TEST_FLAG", raw)

    assert env_bool("MILLELIEUX_TEST_FLAG", False) is True


@pytest.mark.parametrize("raw", ["0", "false", "No", "OFF", ""])
def test_env_bool_reads_false_values(monkeypatch, raw):
    monkeypatch.setenv("MILLELIEUX_TEST_FLAG", raw)

    assert env_bool("MILLELIEUX_TEST_FLAG", True) is False


def test_env_bool_falls_back_to_its_default_when_unset(monkeypatch):
    monkeypatch.delenv("MILLELIEUX_TEST_FLAG", raising=False)

    assert env_bool("MILLELIEUX_TEST_FLAG", True) is True
    assert env_bool("MILLELIEUX_TEST_FLAG") is False


@pytest.mark.parametrize("raw", ["maybe", "2", "oui", "tru"])
def test_env_bool_rejects_anything_else_naming_the_variable_and_the_value(monkeypatch, raw):
    monkeypatch.setenv("MILLELIEUX_TEST_FLAG", raw)

    with pytest.raises(ImproperlyConfigured) as error:
        env_bool("MILLELIEUX_TEST_FLAG")

    message = str(error.value)
    assert "MILLELIEUX_TEST_FLAG" in message and repr(raw) in message and "boolean" in message


def test_env_int_reads_an_integer(monkeypatch):
    monkeypatch.setenv("MILLELIEUX_TEST_NUMBER", "3600")

    assert env_int("MILLELIEUX_TEST_NUMBER", 0) == 3600


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_env_int_falls_back_to_its_default_when_unset_or_blank(monkeypatch, raw):
    if raw is None:
        monkeypatch.delenv("MILLELIEUX_TEST_NUMBER", raising=False)
    else:
        monkeypatch.setenv("MILLELIEUX_TEST_NUMBER", raw)

    assert env_int("MILLELIEUX_TEST_NUMBER", 42) == 42


@pytest.mark.parametrize("raw", ["one year", "3.5", "0x10", "12s"])
def test_env_int_rejects_a_non_integer_naming_the_variable_and_the_value(monkeypatch, raw):
    monkeypatch.setenv("MILLELIEUX_TEST_NUMBER", raw)

    with pytest.raises(ImproperlyConfigured) as error:
        env_int("MILLELIEUX_TEST_NUMBER", 0)

    message = str(error.value)
    assert "MILLELIEUX_TEST_NUMBER" in message and repr(raw) in message and "integer" in message


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("MILLELIEUX_TEST_HOSTS", " millelieux.fr, www.millelieux.fr ,,")

    assert env_list("MILLELIEUX_TEST_HOSTS") == ["millelieux.fr", "www.millelieux.fr"]


def test_env_list_returns_a_copy_of_its_default_when_unset(monkeypatch):
    monkeypatch.delenv("MILLELIEUX_TEST_HOSTS", raising=False)
    default = ("localhost",)

    value = env_list("MILLELIEUX_TEST_HOSTS", default)

    assert value == ["localhost"]
    value.append("example.org")
    assert env_list("MILLELIEUX_TEST_HOSTS", default) == ["localhost"]


def test_env_list_of_an_empty_variable_is_empty(monkeypatch):
    monkeypatch.setenv("MILLELIEUX_TEST_HOSTS", "")

    assert env_list("MILLELIEUX_TEST_HOSTS", ["localhost"]) == []


def test_env_str_returns_the_value_or_the_default(monkeypatch):
    monkeypatch.setenv("MILLELIEUX_TEST_TEXT", "valeur")
    assert env_str("MILLELIEUX_TEST_TEXT", "défaut") == "valeur"

    monkeypatch.delenv("MILLELIEUX_TEST_TEXT")
    assert env_str("MILLELIEUX_TEST_TEXT", "défaut") == "défaut"


# -- production settings, imported in a fresh interpreter ----------------------------------------------------


def import_production(tmp_path, code="import millelieux.settings.production", **env):
    """Run `code` in a new Python with a clean environment (no SECRET_KEY unless given); return the result."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in ("SECRET_KEY", "DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_COOKIES", "SECURE_HSTS_SECONDS")
    }
    environment["MILLELIEUX_DATA_DIR"] = str(tmp_path / "data")
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_load_without_a_secret_key(tmp_path):
    result = import_production(tmp_path)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set to a random value of at least 32 characters" in result.stderr


@pytest.mark.parametrize(
    "key",
    [
        "",
        "short-key",
        "x" * 31,
        "development-only-secret-key-not-for-production",
        "django-insecure-" + "k" * 40,
    ],
)
def test_production_settings_refuse_a_short_or_known_insecure_secret_key(tmp_path, key):
    result = import_production(tmp_path, SECRET_KEY=key)

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_load_with_a_fifty_character_random_key(tmp_path):
    key = secrets.token_urlsafe(64)[:50]

    result = import_production(
        tmp_path,
        "import millelieux.settings.production as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
        "len(s.SECRET_KEY))",
        SECRET_KEY=key,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "True", "0", "50"]


def test_production_settings_read_their_switches_from_the_environment(tmp_path):
    result = import_production(
        tmp_path,
        "import millelieux.settings.production as s; "
        "print(s.DEBUG, s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.ALLOWED_HOSTS)",
        SECRET_KEY=secrets.token_urlsafe(48),
        DEBUG="off",
        SECURE_COOKIES="no",
        SECURE_HSTS_SECONDS="31536000",
        ALLOWED_HOSTS="millelieux.fr",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "31536000", "['millelieux.fr']"]


@pytest.mark.parametrize(
    "name, value, expected",
    [
        ("DEBUG", "peut-être", "DEBUG must be a boolean"),
        ("SECURE_COOKIES", "2", "SECURE_COOKIES must be a boolean"),
        ("SECURE_HSTS_SECONDS", "un an", "SECURE_HSTS_SECONDS must be an integer"),
    ],
)
def test_production_settings_refuse_a_malformed_switch_with_a_clear_message(tmp_path, name, value, expected):
    result = import_production(tmp_path, SECRET_KEY=secrets.token_urlsafe(48), **{name: value})

    assert result.returncode != 0
    assert expected in result.stderr
