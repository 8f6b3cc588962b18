"""What JavaScript adds to the figures drawn on the server, tried in a real browser: tooltips on hover and on
keyboard focus, a dialog to enlarge a figure with zoom, and the English reading of a translated page."""

import pytest

from .support import run_axe, serious_violations

pytestmark = pytest.mark.browser


def open_exploration(tab, demo_server):
    tab.page.goto(demo_server.url("/explorations/mille-lieux/"))
    tab.page.wait_for_load_state("networkidle")
    return tab.page


def test_a_place_on_the_map_shows_its_name_on_keyboard_focus_and_on_hover(demo_server, desktop):
    page = open_exploration(desktop, demo_server)
    places = page.locator(".places-map__svg a")
    assert places.count() >= 8

    places.first.focus()
    tip = page.locator(".figure-tip")
    assert tip.is_visible()
    name = tip.inner_text()
    assert name == places.first.get_attribute("aria-label") and "(" in name  # "4. La Coroutine (Lille)"
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    places.nth(1).hover()
    assert tip.is_visible() and tip.inner_text() == places.nth(1).get_attribute("aria-label")
    assert desktop.problems == []


def test_a_figure_opens_enlarged_zooms_with_the_keyboard_and_closes_back_to_its_button(demo_server, desktop):
    page = open_exploration(desktop, demo_server)
    button = page.locator("figure.places-map .figure-enlarge")

    button.focus()
    page.keyboard.press("Enter")

    dialog = page.locator("dialog.figure-zoom[open]")
    assert dialog.count() == 1
    assert page.evaluate("document.activeElement.classList.contains('figure-zoom__stage')")
    page.keyboard.press("+")
    assert dialog.locator(".figure-zoom__level").inner_text().replace("\u202f", " ") == "150 %"
    page.keyboard.press("ArrowRight")
    assert "translate(-40px" in dialog.locator("svg").get_attribute("style")
    assert serious_violations(run_axe(page)) == []
    page.keyboard.press("Escape")
    # the dialog leaves the document on its "close" event, a moment after the key: wait for it (5 s at most)
    page.locator("dialog.figure-zoom").wait_for(state="detached", timeout=5000)
    assert page.evaluate("document.activeElement.classList.contains('figure-enlarge')")
    assert desktop.problems == []


def test_every_figure_of_a_monograph_can_be_enlarged(demo_server, phone):
    phone.page.goto(demo_server.url("/explorations/mille-lieux/terrains/la-quincaillerie/"))
    phone.page.wait_for_load_state("networkidle")
    figures = phone.page.locator("figure.location-map, figure.timeline-figure, figure.actors-figure")
    assert figures.count() == 3
    assert phone.page.locator("figure .figure-enlarge").count() == 3

    phone.page.locator("figure.timeline-figure .figure-enlarge").click()

    zoomed = phone.page.locator("dialog.figure-zoom[open] svg")
    assert zoomed.count() == 1 and zoomed.bounding_box()["width"] > 300
    assert zoomed.get_attribute("aria-label").startswith("Frise chronologique")
    phone.page.locator(".figure-zoom__close").click()
    assert phone.problems == []


def test_the_english_interface_reads_the_translated_exploration_in_english(demo_server, desktop):
    desktop.page.goto(demo_server.url("/en/explorations/mille-lieux/"))
    page = desktop.page

    assert page.locator("html").get_attribute("lang") == "en"
    assert "Looking beyond the figures" in page.locator("main").inner_text()
    assert page.locator(".content-language-note").count() == 0
    page.locator("#contenu a[href='/en/explorations/mille-lieux/terrains/la-quincaillerie/']").first.click()
    assert page.locator("h1").get_attribute("lang") == "fr"
    assert page.locator(".content-language-note").is_visible()
    assert desktop.problems == []
