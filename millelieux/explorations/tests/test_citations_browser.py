"""« Citer cette page » in a real browser: opened with the keyboard, the citation copied with the button, and
the downloads served."""

import re
import urllib.request

import pytest

pytestmark = pytest.mark.browser


def test_a_reader_opens_the_citation_with_the_keyboard_and_copies_it(demo_server, chromium):
    from playwright.sync_api import expect

    from millelieux.conftest import Tab

    context = chromium.new_context(viewport={"width": 320, "height": 700}, locale="fr-FR")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server.url("/").rstrip("/"))
    tab = Tab(context)
    page = tab.page
    try:
        page.goto(demo_server.url("/"))
        page.locator("main a[href*='/terrains/']").first.click()
        summary = page.locator("details.cite summary")
        summary.focus()
        page.keyboard.press("Enter")
        text = page.locator("#cite-text")
        assert text.is_visible()
        citation = text.inner_text()
        assert re.search(r"\[en ligne\]\. In : .+ Disponible à l'adresse : http://", citation), citation

        button = page.get_by_role("button", name="Copier la citation")
        button.click()
        expect(page.locator(".cite__status")).to_have_text("Citation copiée")
        assert page.evaluate("() => navigator.clipboard.readText()") == citation
        # Nothing wider than the phone's screen.
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320

        for link in ("BibTeX (.bib)", "CSL-JSON (.json)"):
            href = page.get_by_role("link", name=link).get_attribute("href")
            with urllib.request.urlopen(demo_server.url(href), timeout=10) as response:
                assert response.status == 200
                assert response.headers["Content-Disposition"].startswith("attachment; filename=")
        assert tab.problems == []
    finally:
        context.close()


def test_without_javascript_the_citation_is_there_and_no_button_shows(demo_server, chromium):
    context = chromium.new_context(java_script_enabled=False, locale="fr-FR")
    page = context.new_page()
    try:
        page.goto(demo_server.url("/"))
        page.locator("details.cite summary").click()
        assert page.locator("#cite-text").is_visible()
        assert not page.get_by_role("button", name="Copier la citation").is_visible()
    finally:
        context.close()


def test_the_bibliography_and_an_open_citation_have_no_serious_accessibility_violation(
    demo_server, chromium, tmp_path
):
    from millelieux.conftest import Tab
    from millelieux.core.tests.browser.support import nu_html_errors, run_axe, serious_violations

    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR")
    tab = Tab(context)
    page = tab.page
    try:
        report, files = {}, []
        for name, path in (("bibliography", "/explorations/mille-lieux/bibliographie/"), ("home", "/")):
            response = page.goto(demo_server.url(path))
            assert response.status == 200, path
            page.locator("details.cite summary").click()
            violations = serious_violations(run_axe(page))
            if violations:
                report[path] = violations
            target = tmp_path / f"{name}.html"
            target.write_bytes(response.body())
            files.append(target)
        assert page.locator("details.cite").count() == 1
        assert report == {}
        assert nu_html_errors(files) == {}
        assert tab.problems == []
    finally:
        context.close()
