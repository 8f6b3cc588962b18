"""The demo exported by `millelieux export-static` (production settings: hashed static files) and opened from
disk in headless Chromium: the monograph's location map is drawn, the national map draws its markers, and
no console error, failed request or page error occurs."""

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def exported(demo_server, tmp_path_factory):
    outdir = tmp_path_factory.mktemp("export") / "site"
    output = demo_server.command("export-static", str(outdir), "--check")
    assert "Vérification : aucun lien cassé." in output
    return outdir


def test_the_monograph_opens_from_disk_with_its_location_map_drawn(exported, desktop):
    monograph = exported / "explorations" / "mille-lieux" / "terrains" / "la-coroutine" / "index.html"
    desktop.page.goto(monograph.as_uri())

    page = desktop.page
    assert page.locator("h1").inner_text().startswith("La Coroutine")
    location_map = page.locator("figure svg").first
    assert location_map.is_visible()
    assert location_map.locator("path").count() > 2  # the region, the department, the commune
    box = location_map.bounding_box()
    assert box["width"] > 100 and box["height"] > 100
    # the style sheet and its fonts are loaded: the body text is in Source Serif 4 or Source Sans 3
    assert page.evaluate(
        "document.fonts.check('16px \"Source Sans 3\"') || document.fonts.check('16px \"Source Serif 4\"')"
    )
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith(('"Source', "Source"))
    assert desktop.problems == []


def test_the_national_map_draws_its_markers_from_disk(exported, desktop):
    desktop.page.goto((exported / "carte" / "index.html").as_uri())
    page = desktop.page
    page.wait_for_selector("#national-map[data-rendered]", timeout=15_000)

    assert page.locator(".nm-cluster").count() > 0
    assert page.locator(".nm-monograph").count() >= 8
    assert desktop.problems == []


def test_links_lead_from_page_to_page_on_disk(exported, desktop):
    page = desktop.page
    page.goto((exported / "index.html").as_uri())
    page.locator("a[href$='explorations/mille-lieux/index.html']").first.click()
    page.wait_for_load_state()
    assert page.url.endswith("/explorations/mille-lieux/index.html")
    page.locator("a[href$='en/explorations/mille-lieux/index.html']").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    assert desktop.problems == []
