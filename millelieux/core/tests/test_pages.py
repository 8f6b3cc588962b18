"""The home page, the error pages, the shared layout (base.html), the language switch, narrative blocks."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.views.defaults import server_error
from pytest_django.asserts import assertInHTML
from wagtail.rich_text import RichText

from millelieux.core.factories import make_image
from millelieux.core.models import HomePage
from millelieux.explorations.factories import make_exploration, make_field
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

from .pages import assert_accessible_page, get_page, url_of

pytestmark = pytest.mark.django_db


def test_the_home_page_presents_the_default_exploration_and_its_two_entry_keys(client):
    exploration = make_exploration(
        "Mille Lieux",
        subtitle="Les tiers-lieux et leurs territoires",
        organisation="Un laboratoire",
        period_start=2019,
    )
    place = make_place(exploration, title="La Quincaillerie", commune_name="Guéret")
    impact = make_impact(exploration, "Créer des communs")
    limit = make_impact(exploration, "Une gentrification possible", kind="limit")

    html = assert_accessible_page(get_page(client, "/"))

    assert '<h1 id="exploration-title">Mille Lieux</h1>' in html
    assert "Les tiers-lieux et leurs territoires" in html
    assert "Un laboratoire" in html
    for page in (exploration, place, impact, limit):
        assert f'href="{url_of(page)}"' in html
    # Positives come before limits, and the nature is written, not only coloured.
    assert html.index("Créer des communs") < html.index("Une gentrification possible")
    assert "Limite</span>" in html


def test_the_home_page_shows_a_friendly_empty_state_without_any_exploration(client):
    html = assert_accessible_page(get_page(client, "/"))

    assert "Aucune exploration n'est encore publiée" in html
    # No exploration to navigate: only the main navigation, with the national map.
    assert 'aria-label="Exploration' not in html
    assert '<nav class="site-nav" aria-label="Navigation principale">' in html and 'href="/carte/"' in html


def test_the_home_page_lists_the_other_explorations_but_not_drafts(client):
    make_exploration("Mille Lieux", period_start=2019)
    make_exploration("Sharitories", period_start=2017, slug="sharitories")
    make_exploration("Brouillon secret", period_start=2018, live=False)

    html = get_page(client, "/").content.decode()

    assert "Autres explorations" in html
    assert "Sharitories" in html
    assert "Brouillon secret" not in html


def test_the_home_page_honours_the_chosen_default_exploration(client):
    make_exploration("Mille Lieux", period_start=2019)
    older = make_exploration("Sharitories", period_start=2017, slug="sharitories")
    home = HomePage.objects.get()
    home.default_exploration = older
    home.save_revision().publish()

    html = get_page(client, "/").content.decode()

    assert '<h1 id="exploration-title">Sharitories</h1>' in html


def test_every_page_has_the_shared_layout(client):
    exploration = make_exploration("Mille Lieux")
    make_place(exploration)

    html = get_page(client, exploration).content.decode()

    assert '<main id="contenu"' in html
    assert "Logiciel libre sous licence AGPL-3.0-or-later" in html
    assert "Licence Ouverte" in html
    assert '<a href="/">Mille Lieux</a>' in html  # the site name leads home
    assert 'class="language-switcher"' in html
    assert "csrfmiddlewaretoken" not in html  # nothing per-visitor: the page can be baked
    assert "/static/css/site.css" in html


def test_the_breadcrumbs_lead_from_home_to_the_current_page(client):
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration, title="Hôtel Pasteur")

    html = get_page(client, place).content.decode()

    crumbs = html[html.index('aria-label="Fil d\'Ariane"') :]
    crumbs = crumbs[: crumbs.index("</nav>")]
    assert re.findall(r">([^<>]+)</(?:a|span)>", crumbs) == [
        "Accueil",
        "Explorations",
        "Mille Lieux",
        "Terrains",
        "Hôtel Pasteur",
    ]
    assert '<span aria-current="page">Hôtel Pasteur</span>' in crumbs


def test_an_unknown_address_answers_404_with_the_site_page(client):
    response = get_page(client, "/nulle-part/", status=404)

    html = assert_accessible_page(response)
    assert "Page introuvable" in html


def test_the_500_page_renders_without_any_context():
    html = render_to_string("500.html")
    assert "Erreur du serveur" in html
    assert '<html lang="fr"' in html

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()


def test_the_english_prefix_serves_the_same_page_with_lang_en(client):
    exploration = make_exploration("Mille Lieux")
    place = make_place(exploration, title="La Quincaillerie")

    response = get_page(client, place, language="en")

    html = assert_accessible_page(response, lang="en")
    assert '<h1 lang="fr">La Quincaillerie</h1>' in html
    # Links stay in English, and the switcher leads back to the same page in French.
    assert f'href="/en{url_of(exploration)}"' in html
    assert f'href="{url_of(place)}" hreflang="fr"' in html


def test_french_content_in_the_english_interface_says_its_language_and_a_note_says_so(client):
    exploration = make_exploration("Mille Lieux", summary="Une exploration des tiers-lieux.")
    place = make_place(exploration, title="La Quincaillerie", summary="Un tiers-lieu à Guéret.")

    english = get_page(client, place, language="en").content.decode()
    french = get_page(client, place).content.decode()

    # In English, the French text is marked as French (WCAG 3.1.2) and a visible note explains why.
    assert '<p class="lead" lang="fr">Un tiers-lieu à Guéret.</p>' in english
    note = re.search(r'<p class="content-language-note">(.*?)</p>', english, re.S).group(1)
    assert "This study is published in French; only the interface is translated." in note
    assert f'href="{url_of(place)}" hreflang="fr"' in note
    exploration_html = get_page(client, exploration, language="en").content.decode()
    assert '<p class="lead" lang="fr">Une exploration des tiers-lieux.</p>' in exploration_html
    # In French, content and interface share the page's language: no mark, no note.
    assert '<p class="lead">Un tiers-lieu à Guéret.</p>' in french
    assert "content-language-note" not in french
    assert ' lang="fr"' not in french.split("<main", 1)[1].split("</main>")[0]


def test_the_language_switcher_links_to_the_same_page_in_the_other_language(client):
    exploration = make_exploration("Mille Lieux")
    french_url = url_of(exploration)
    html = get_page(client, exploration).content.decode()

    english_url = re.search(r'href="([^"]+)" hreflang="en" lang="en"', html).group(1)
    assert english_url == f"/en{french_url}"
    english_html = get_page(client, english_url).content.decode()
    assert re.search(r'href="([^"]+)" hreflang="fr" lang="fr"', english_html).group(1) == french_url
    assert 'hreflang="en" lang="en" aria-current="true"' in english_html


def test_the_stylesheet_is_served_and_has_print_rules():
    path = finders.find("css/site.css")
    assert path, "css/site.css is not found by the static files finders"
    css = open(path, encoding="utf-8").read()
    assert "@media print" in css
    assert ":focus-visible" in css
    assert "http" not in re.sub(r"/\*.*?\*/", "", css, flags=re.S).replace('a[href^="http"]', "")


def test_narrative_blocks_render_headings_quotes_and_figures_with_their_alt_text(client):
    image = make_image("Façade")
    body = [
        ("heading", "Un lieu né d'une friche"),
        ("paragraph", RichText("<p>Une <b>ancienne</b> faculté.</p>")),
        ("quote", {"text": "On vient ici pour essayer.", "attribution": "Une habitante"}),
        ("figure", {"image": image, "alt": "La façade vue de la place", "caption": "La façade en 2019"}),
    ]
    exploration = make_exploration("Mille Lieux", foreword=body[:1])
    impact = make_impact(exploration, "Créer des communs", body=body)
    field = make_field(exploration, "Les communs")

    html = assert_accessible_page(get_page(client, impact))
    assert '<h2 class="narrative-heading">Un lieu né d&#x27;une friche</h2>' in html
    assert "<b>ancienne</b>" in html
    assertInHTML("<blockquote><p>On vient ici pour essayer.</p></blockquote>", html)
    assert "<figcaption>— Une habitante</figcaption>" in html
    assert re.search(r'<img [^>]*alt="La façade vue de la place"', html)
    # The caption, then the image's credit and licence (core/includes/picture.html).
    assert re.search(
        r'<figcaption><span class="picture__caption">La façade en 2019</span> '
        r'<span class="picture__credit">Crédit : [^<]+',
        html,
    )

    # Under a section heading (the exploration's foreword), the intertitles step down to h3.
    html = assert_accessible_page(get_page(client, exploration))
    assert '<h3 class="narrative-heading">Un lieu né d&#x27;une friche</h3>' in html
    assert field.title in html
