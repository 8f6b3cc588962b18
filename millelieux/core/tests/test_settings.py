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


# -- the data folder -----------------------------------------------------------------------------------------


def settings_in(cwd, code, settings="millelieux.settings.development", python=sys.executable, **env):
    """Run `code` after importing `settings` as `s`, in a new Python started from `cwd`, with `env` only."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("MILLELIEUX_DATA_DIR", "DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY")
    }
    environment.update(env)
    return subprocess.run(
        [python, "-c", f"import {settings} as s; {code}"],
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_default_data_folder_is_var_in_the_checkout_whatever_the_current_directory(tmp_path):
    result = settings_in(
        tmp_path, "print(s.DATA_DIR); print(s.MEDIA_ROOT); print(s.DATABASES['default']['NAME'])"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(PROJECT_DIR / "var"),
        str(PROJECT_DIR / "var" / "media"),
        str(PROJECT_DIR / "var" / "millelieux.sqlite3"),
    ]
    assert not (tmp_path / "var").exists()


def test_a_relative_data_folder_is_taken_from_the_current_directory(tmp_path):
    result = settings_in(tmp_path, "print(s.DATA_DIR)", MILLELIEUX_DATA_DIR="instance/data")

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str((tmp_path / "instance" / "data").resolve())


def test_an_absolute_data_folder_holds_the_database_media_and_static_files(tmp_path):
    data = tmp_path / "data"

    result = settings_in(
        tmp_path,
        "print(s.DATABASES['default']['NAME']); print(s.MEDIA_ROOT); print(s.STATIC_ROOT)",
        settings="millelieux.settings.production",
        MILLELIEUX_DATA_DIR=str(data),
        SECRET_KEY=secrets.token_urlsafe(48),
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(data / "millelieux.sqlite3"),
        str(data / "media"),
        str(data / "static"),
    ]


def test_the_data_folder_is_required_when_the_package_is_installed_outside_a_checkout(tmp_path):
    site = tmp_path / "site-packages"
    (site / "millelieux" / "settings").mkdir(parents=True)
    (site / "millelieux" / "__init__.py").write_text("")
    for module in (PROJECT_DIR / "millelieux" / "settings").glob("*.py"):
        (site / "millelieux" / "settings" / module.name).write_text(module.read_text())

    missing = settings_in(site, "print(s.__file__)")
    given = settings_in(site, "print(s.DATA_DIR)", MILLELIEUX_DATA_DIR=str(tmp_path / "data"))

    assert missing.returncode != 0
    assert "MILLELIEUX_DATA_DIR must be set" in missing.stderr
    assert given.returncode == 0, given.stderr
    assert given.stdout.strip() == str(tmp_path / "data")


def test_serve_media_is_on_by_default_and_read_from_the_environment(tmp_path):
    data = str(tmp_path / "data")

    default = settings_in(tmp_path, "print(s.SERVE_MEDIA)", MILLELIEUX_DATA_DIR=data)
    off = settings_in(tmp_path, "print(s.SERVE_MEDIA)", MILLELIEUX_DATA_DIR=data, SERVE_MEDIA="0")

    assert (default.stdout.strip(), off.stdout.strip()) == ("True", "False")


# -- bad settings through the `millelieux` command: one line, no traceback -----------------------------------

MILLELIEUX = Path(sys.executable).with_name("millelieux")


def run_millelieux(tmp_path, *args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "SECRET_KEY", "PORT")
    }
    environment["MILLELIEUX_DATA_DIR"] = str(tmp_path / "data")
    environment.update(env)
    return subprocess.run(
        [str(MILLELIEUX), *args], cwd=tmp_path, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "env, expected",
    [
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean (1/0, true/false, yes/no), not 'maybe'."),
        ({"PORT": "abc"}, "PORT must be an integer, not 'abc'."),
        (
            {"DJANGO_SETTINGS_MODULE": "millelieux.settings.production", "SECRET_KEY": "trop-courte"},
            "SECRET_KEY must be set to a random value of at least 32 characters in production.",
        ),
        (
            {"DATABASE_URL": "postgress://db/millelieux"},
            "DATABASE_URL cannot be read: Scheme 'postgress://' is unknown",
        ),
        ({"DATABASE_URL": "postgres://db:port/millelieux"}, "DATABASE_URL cannot be read:"),
        (
            {"DJANGO_SETTINGS_MODULE": "millelieux.settings.prod"},
            "DJANGO_SETTINGS_MODULE names a settings module",
        ),
    ],
    ids=["debug", "port", "secret-key", "database-scheme", "database-port", "settings-module"],
)
def test_the_millelieux_command_reports_a_bad_setting_in_one_line(tmp_path, env, expected):
    result = run_millelieux(tmp_path, "serve", **env)

    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("millelieux: ") and expected in lines[0]
    assert result.stdout == ""


def test_the_millelieux_command_reports_a_data_folder_it_cannot_create_in_one_line(tmp_path):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")

    result = run_millelieux(tmp_path, "migrate", MILLELIEUX_DATA_DIR=str(in_the_way / "data"))

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"millelieux: The data folder {in_the_way / 'data'} cannot be created (Not a directory): "
        "set MILLELIEUX_DATA_DIR to a folder this user can write to."
    ]


def test_the_millelieux_command_shows_the_traceback_of_a_bad_setting_when_asked(tmp_path):
    result = run_millelieux(tmp_path, "check", "--traceback", DEBUG="maybe")

    assert result.returncode == 1
    assert "Traceback" in result.stderr and "DEBUG must be a boolean" in result.stderr


def test_the_millelieux_command_runs_normally_with_good_settings(tmp_path):
    result = run_millelieux(tmp_path, "check")

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
