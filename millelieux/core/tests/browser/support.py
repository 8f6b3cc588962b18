"""A real reader's setup for the browser suite: the demo served by `millelieux serve` in its own process,
headless Chromium driven by Playwright, axe-core and the Nu HTML Checker from the npm packages.

The server runs on a database of its own (a SQLite file in a temporary data folder, or a PostgreSQL
database named after the test database when DATABASE_URL names one), prepared by `millelieux demo
--no-serve`: migrations, territories, demo content. Nothing is mocked.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parents[4]
NODE_MODULES = REPO / "node_modules"
AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a closed network and a throw-away profile (Playwright adds its own --user-data-dir).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = Path(os.environ.get("MILLELIEUX_ARTIFACTS", REPO / "artifacts"))


def missing_tools():
    """What the browser suite needs and this machine lacks (scripts/test installs them)."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append("chromium")
    if not AXE_SCRIPT.exists() or not VNU_JAR.exists():
        missing.append("npm packages (npm ci)")
    if shutil.which("java") is None:
        missing.append("java (for the Nu HTML Checker)")
    return missing


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _browser_database_url():
    """A PostgreSQL database of the browser suite's own (created empty), or None for SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    import psycopg

    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "millelieux") + "_browser"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path=f"/{name}"))


class DemoServer:
    """The demo, prepared and served in a process of its own; `url(path)` for absolute URLs."""

    def __init__(self, data_dir):
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "MILLELIEUX_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "millelieux.settings.production",
            "SECURE_COOKIES": "0",
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "SECRET_KEY": "browser-suite-" + "x" * 40,
        }
        database_url = _browser_database_url()
        if database_url:
            self.env["DATABASE_URL"] = database_url
        else:
            self.env.pop("DATABASE_URL", None)
        self.process = None
        self.log = Path(data_dir) / "server.log"

    def command(self, *args, timeout=900):
        result = subprocess.run(
            [sys.executable, "-m", "millelieux.cli", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if result.returncode != 0:
            raise RuntimeError(f"millelieux {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def start(self):
        self.command("demo", "--no-serve")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "millelieux.cli", "serve"],
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base_url + "/", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.3)
            if self.process.poll() is not None:
                break
        raise RuntimeError(f"the demo server did not start:\n{self.log.read_text()}")

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def url(self, path):
        return self.base_url + path


def run_axe(page):
    """axe-core's violations on the page as it is now, as a list of dicts (id, impact, nodes)."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def serious_violations(violations):
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [n["target"] for n in v["nodes"]][:5],
        }
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


def nu_html_errors(files):
    """The Nu HTML Checker's errors on these HTML files: {file name: [message, …]}."""
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = {}
    for message in report.get("messages", []):
        if message.get("type") == "error":
            name = Path(urlsplit(message.get("url", "")).path).name
            errors.setdefault(name, []).append(f"{message.get('lastLine')}: {message.get('message')}")
    return errors
