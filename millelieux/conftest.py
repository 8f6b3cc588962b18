"""Fixtures shared by the test suites of every app: the browser suite's demo server and Chromium (one of each
per test session, used by core/tests/browser and export/tests)."""

import pytest

from millelieux.core.tests.browser.support import CHROMIUM, CHROMIUM_ARGS, DemoServer, missing_tools


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory):
    missing = missing_tools()
    if missing:
        pytest.fail(
            "The browser suite needs " + ", ".join(missing) + ": run ./scripts/test, which installs them."
        )
    server = DemoServer(tmp_path_factory.mktemp("browser-demo")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Tab:
    """A browser tab that records console errors, page errors and failed requests."""

    def __init__(self, context):
        self.page = context.new_page()
        self.problems = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        # a request the browser cancels when the tab moves on (the favicon of the page left) is no fault
        self.page.on(
            "requestfailed",
            lambda r: (
                r.failure != "net::ERR_ABORTED" and self.problems.append(f"failed: {r.url} {r.failure}")
            ),
        )
        self.page.on(
            "response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}")
        )


@pytest.fixture
def desktop(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    yield Tab(context)
    context.close()


@pytest.fixture
def phone(chromium):
    context = chromium.new_context(
        viewport={"width": 375, "height": 740},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="fr-FR",
    )
    yield Tab(context)
    context.close()


def pytest_collection_modifyitems(config, items):
    """Every transactional test puts the migrations' data back after it (serialized_rollback): a plain flush
    between two of them leaves the next without its page tree, or with duplicate content types on PostgreSQL."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker is not None
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(f"{item.nodeid}: a transactional test needs serialized_rollback=True.")
