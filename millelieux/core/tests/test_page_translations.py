"""Translating pages with Wagtail's localisation, and how readers of the English interface read them."""

import html
import re

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from millelieux.core.builders import create_translation
from millelieux.core.factories import make_editor, make_moderator
from millelieux.core.models import HomePage
from millelieux.core.tests.admin_helpers import edit_url, page_data
from millelieux.explorations.factories import make_exploration
from millelieux.explorations.models import ExplorationPage
from millelieux.places.factories import make_place
from millelieux.places.models import PlacePage

from .pages import get_page, url_of

pytestmark = pytest.mark.django_db


def english():
    return Locale.objects.get(language_code="en")


def translate(client, page):
    """Press "Translate" on `page` in the admin, for English."""
    url = reverse("simple_translation:submit_page_translation", args=(page.pk,))
    return client.post(url, {"locales": [english().pk]})


def translation_of(page):
    return page.get_translations().filter(locale__language_code="en").specific().first()


def messages_of(response):
    return [html.unescape(str(message)) for message in response.wsgi_request._messages]


def test_both_languages_are_content_locales():
    assert set(Locale.objects.values_list("language_code", flat=True)) >= {"fr", "en"}


def test_an_editor_translates_an_exploration_a_moderator_publishes_it_and_english_readers_read_it(client):
    exploration = make_exploration("Mille Lieux", summary="Une exploration des tiers-lieux.")
    make_place(exploration, title="La Quincaillerie")
    editor = make_editor()
    client.force_login(editor)

    # Wagtail asks for the parents first: the home page, then the index of explorations, then the exploration.
    for page in (HomePage.objects.get(), exploration.get_parent(), exploration):
        response = translate(client, page.specific)
        assert response.status_code == 302, response.content.decode()[:500]
    draft = translation_of(exploration)
    assert draft is not None and not draft.live and draft.locale.language_code == "en"

    # The editor writes the English text and submits it; a moderator approves, which publishes it.
    form = page_data(
        "Mille Lieux",
        slug=draft.slug,
        subtitle="Third places and their territories",
        organisation="",
        period_start="2019",
        period_end="",
        summary="An exploration of third places.",
        content_licence="CC-BY-SA-4.0",
        foreword=streamfield([("paragraph", rich_text("<p>Read in English.</p>"))]),
        method=streamfield([]),
        partnerships=inline_formset([]),
    )
    data = nested_form_data(form) | {"action-submit": "action-submit"}
    response = client.post(edit_url(draft), data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    client.force_login(make_moderator())
    task_state = Page.objects.get(pk=draft.pk).specific.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(draft.pk, "approve", task_state.pk)))
    assert translation_of(exploration).live

    # English readers find it at the French page's address under /en/, with its own text, marked English.
    english_html = get_page(client, f"/en{url_of(exploration)}").content.decode()
    assert '<p class="lead">An exploration of third places.</p>' in english_html
    assert "Read in English." in english_html
    assert "content-language-note" not in english_html
    # The study's places listed on it stay French, and say so.
    assert re.search(r'<ul class="\w[\w-]*" lang="fr">', english_html)
    # French readers are not affected.
    french_html = get_page(client, exploration).content.decode()
    assert '<p class="lead">Une exploration des tiers-lieux.</p>' in french_html
    # The translation's own address is its French page's, in English: nobody browses the copy tree.
    assert translation_of(exploration).url == f"/en{url_of(exploration)}"


def test_a_monograph_cannot_be_translated_and_nothing_is_copied(client):
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration, title="La Quincaillerie")
    client.force_login(make_editor())
    pages_before = Page.objects.count()

    response = translate(client, place)

    assert response.status_code == 302 and response.url == edit_url(place)
    assert any("ne peut pas être traduite" in message for message in messages_of(response))
    assert Page.objects.count() == pages_before
    assert not PlacePage.objects.filter(locale__language_code="en").exists()


def test_translating_an_index_never_copies_the_pages_below_it(client):
    exploration = make_exploration("Mille Lieux")
    make_place(exploration, title="La Quincaillerie")
    client.force_login(make_editor())
    home = HomePage.objects.get()
    translate(client, home)
    url = reverse("simple_translation:submit_page_translation", args=(exploration.get_parent().pk,))

    client.post(url, {"locales": [english().pk], "include_subtree": "on"})

    assert translation_of(exploration.get_parent()) is not None
    assert not ExplorationPage.objects.filter(locale__language_code="en").exists()
    assert not PlacePage.objects.filter(locale__language_code="en").exists()


def test_a_page_without_translation_is_read_in_french_in_the_english_interface(client):
    exploration = make_exploration("Mille Lieux", summary="Une exploration des tiers-lieux.")
    create_translation(exploration, "en", title="Mille Lieux", summary="An exploration of third places.")
    place = make_place(exploration, title="La Quincaillerie", summary="Un tiers-lieu à Guéret.")

    place_html = get_page(client, f"/en{url_of(place)}").content.decode()
    home_html = get_page(client, "/en/").content.decode()

    assert '<p class="lead" lang="fr">Un tiers-lieu à Guéret.</p>' in place_html
    assert "content-language-note" in place_html
    # The home page shows the featured exploration in its English text, and lists it once.
    assert '<p class="lead">An exploration of third places.</p>' in home_html
    assert home_html.count(f'href="/en{url_of(exploration)}"') >= 1
    assert ExplorationPage.objects.count() == 2 and len(HomePage.objects.first()._explorations()) == 1
    # The copy tree's parents (aliases of the home page and the index) never stand for a translation.
    assert '<p class="lead" lang="fr">' not in home_html.split('id="exploration-title"')[1].split("</p>")[0]


def test_the_matrix_of_a_translated_exploration_keeps_the_studys_language_marks(client):
    exploration = make_exploration("Mille Lieux", summary="Une exploration.")
    create_translation(exploration, "en", title="Mille Lieux", summary="An exploration.")
    make_place(exploration, title="La Quincaillerie")

    matrix_html = get_page(client, f"/en{url_of(exploration)}matrice/").content.decode()

    assert "content-language-note" in matrix_html


def test_deleting_a_page_deletes_its_translations(client):
    exploration = make_exploration("Mille Lieux", summary="Une exploration.")
    translation = create_translation(exploration, "en", title="Mille Lieux", summary="An exploration.")

    ExplorationPage.objects.get(pk=exploration.pk).delete()

    assert not Page.objects.filter(pk=translation.pk).exists()
    assert not ExplorationPage.objects.exists()
