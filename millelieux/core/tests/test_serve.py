"""`millelieux serve`: its address, and what it checks before it starts (database, data folder)."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from io import StringIO
from pathlib import Path

import PIL.Image
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

from millelieux.core.management.commands import serve as serve_command
from millelieux.core.serving import check_writable


@pytest.mark.parametrize("port", ["0", "70000"])
def test_it_refuses_a_port_out_of_range(monkeypatch, port):
    monkeypatch.setenv("PORT", port)
    with pytest.raises(CommandError, match="PORT doit être compris entre 1 et 65535"):
        call_command("serve", stdout=StringIO())


def test_it_refuses_a_port_that_is_not_a_number(monkeypatch):
    monkeypatch.setenv("PORT", "huit-mille")
    with pytest.raises(ImproperlyConfigured, match="PORT must be an integer, not 'huit-mille'"):
        call_command("serve", stdout=StringIO())


# -- checks before serving, in this process ------------------------------------------------------------------


@pytest.fixture
def no_server(monkeypatch):
    """Record what `serve` would start instead of starting it: collectstatic and the exec of gunicorn."""
    started = []
    monkeypatch.setattr(serve_command, "call_command", lambda *args, **kwargs: started.append(args))
    monkeypatch.setattr(serve_command.os, "execvp", lambda file, args: started.append(tuple(args)))
    return started


@pytest.mark.django_db
def test_serve_starts_gunicorn_after_collectstatic_when_the_database_is_up_to_date(monkeypatch, no_server):
    monkeypatch.setenv("PORT", "8123")
    out = StringIO()

    call_command("serve", stdout=out)

    assert no_server[0] == ("collectstatic",)
    assert "gunicorn" in no_server[1] and "127.0.0.1:8123" in no_server[1]
    assert "http://127.0.0.1:8123/" in out.getvalue()
    assert f"Dossier de données : {settings.DATA_DIR}" in out.getvalue()


@pytest.mark.django_db
def test_serve_refuses_to_start_when_a_migration_is_not_applied(no_server):
    # The latest migration of an app, as after pulling new code without running migrate.
    latest = MigrationLoader(connection).graph.leaf_nodes("core")[0]
    MigrationRecorder(connection).record_unapplied(*latest)

    with pytest.raises(
        CommandError, match="La base de données n'est pas à jour .* lancez « millelieux migrate »"
    ) as error:
        call_command("serve", stdout=StringIO())

    assert f"{latest[0]}.{latest[1]}" in str(error.value)
    assert no_server == []


@pytest.mark.django_db
def test_serve_refuses_to_start_when_the_media_folder_cannot_be_created(tmp_path, no_server):
    in_the_way = tmp_path / "a-file"
    in_the_way.write_text("")

    with override_settings(MEDIA_ROOT=in_the_way / "media"), pytest.raises(CommandError) as error:
        call_command("serve", stdout=StringIO())

    message = str(error.value)
    assert f"Le dossier {in_the_way / 'media'}" in message and "n'est pas accessible en écriture" in message
    assert "\n" not in message
    assert no_server == []


@pytest.mark.django_db
def test_serve_refuses_to_start_when_the_media_folder_is_read_only(tmp_path, no_server):
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        media = Path("/proc")  # root writes in any folder of its own; /proc is read-only even for root
    else:
        media = tmp_path / "media"
        media.mkdir()
        media.chmod(0o555)
    try:
        with override_settings(MEDIA_ROOT=media), pytest.raises(CommandError, match="accessible en écriture"):
            call_command("serve", stdout=StringIO())
    finally:
        if media != Path("/proc"):
            media.chmod(0o755)


@pytest.mark.django_db
def test_serve_refuses_to_start_when_collectstatic_could_not_write(tmp_path, no_server):
    in_the_way = tmp_path / "static"
    in_the_way.write_text("")

    with override_settings(STATIC_ROOT=in_the_way), pytest.raises(CommandError, match="fichiers statiques"):
        call_command("serve", stdout=StringIO())


def test_check_writable_creates_a_missing_folder_and_leaves_nothing_in_it(tmp_path):
    folder = tmp_path / "data" / "media"

    check_writable(folder, "les médias")

    assert folder.is_dir() and list(folder.iterdir()) == []


# -- `millelieux serve` as a real process ---------------------------------------------------------------------

MILLELIEUX = Path(sys.executable).with_name("millelieux")


def millelieux(*args, cwd, timeout=120, **env):
    """Run the installed `millelieux` command with development settings, SQLite and `env`."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG", "SECRET_KEY", "PORT", "HOST")
    }
    environment.update(env)
    return subprocess.run(
        [str(MILLELIEUX), *args], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout
    )


def test_serve_refuses_to_start_without_a_database_and_does_not_create_one(tmp_path):
    data = tmp_path / "data"

    result = millelieux("serve", cwd=tmp_path, MILLELIEUX_DATA_DIR=str(data))

    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"CommandError: Aucune base de données dans {data / 'millelieux.sqlite3'} : lancez « millelieux migrate » "
        "(ou « millelieux demo »), ou indiquez le dossier de données de l'instance avec MILLELIEUX_DATA_DIR."
    ]
    assert not (data / "millelieux.sqlite3").exists()
    assert not (data / "media").exists()


def test_serve_refuses_to_start_on_an_empty_database(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "millelieux.sqlite3").write_bytes(b"")

    result = millelieux("serve", cwd=tmp_path, MILLELIEUX_DATA_DIR=str(data))

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "La base de données n'est pas à jour" in result.stderr and "Traceback" not in result.stderr


def test_serve_refuses_to_start_when_the_database_does_not_answer(tmp_path):
    result = millelieux(
        "serve",
        cwd=tmp_path,
        MILLELIEUX_DATA_DIR=str(tmp_path / "data"),
        DATABASE_URL="postgres://millelieux@127.0.0.1:9/millelieux",
    )

    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "La base de données ne répond pas" in result.stderr and "DATABASE_URL" in result.stderr


@pytest.fixture(scope="module")
def migrated_data_dir(tmp_path_factory):
    """A data folder with an up-to-date SQLite database, made by `millelieux migrate` (shared by the module)."""
    data = tmp_path_factory.mktemp("instance") / "data"
    result = millelieux(
        "migrate", "--verbosity", "0", cwd=data.parent, timeout=300, MILLELIEUX_DATA_DIR=str(data)
    )
    assert result.returncode == 0, result.stderr
    return data


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_serve_alone_in_production_serves_pages_static_files_and_uploaded_images(tmp_path, migrated_data_dir):
    image = migrated_data_dir / "media" / "original_images" / "facade.png"
    image.parent.mkdir(parents=True, exist_ok=True)
    PIL.Image.new("RGB", (12, 8), "orange").save(image, "PNG")
    port = free_port()
    environment = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DEBUG", "HOST")
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="millelieux.settings.production",
        SECRET_KEY=secrets.token_urlsafe(48),
        SECURE_COOKIES="0",
        MILLELIEUX_DATA_DIR=str(migrated_data_dir),
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    # Started from another folder than the checkout: the data folder is the one named, not ./var.
    server = subprocess.Popen(
        [str(MILLELIEUX), "serve"],
        cwd=tmp_path,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None, server.stdout.read()
            try:
                status, headers, body = get(f"{base}/media/original_images/facade.png")
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer within 120 s"
                time.sleep(0.3)

        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert body == image.read_bytes()
        assert "max-age" in headers["Cache-Control"]
        assert get(f"{base}/static/wagtailadmin/css/core.css")[0] == 200
        assert get(f"{base}/media/documents/anything.pdf")[0] == 404
        assert get(f"{base}/media/%2e%2e/millelieux.sqlite3")[0] == 404
        assert get(f"{base}/admin/login/")[0] == 200
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()
    assert not (tmp_path / "var").exists()
