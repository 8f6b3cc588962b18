"""The places × impacts matrix of an exploration (tableau croisé): its table, its filters, its links, its cost."""

import re
from html import unescape
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.core.tests.pages import assert_accessible_page, get_page, outline, url_of
from millelieux.explorations.factories import make_exploration, make_field
from millelieux.impacts.factories import make_evidence, make_impact
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def matrix_url(exploration, query=""):
    return url_of(exploration) + "matrice/" + query


def table(html):
    match = re.search(r'<table class="matrix">.*?</table>', html, flags=re.S)
    assert match, "no matrix table"
    return match.group(0)


def column_titles(html):
    """The impacts heading the columns, in order."""
    return [
        unescape(title)
        for title in re.findall(
            r'<th scope="col" class="matrix__impact[^"]*"><a href="[^"]*">([^<]*)</a>', html
        )
    ]


def row_titles(html):
    """The places heading the rows, in order (the footer's totals row left out)."""
    body = table(html).split("<tbody>")[1].split("</tbody>")[0]
    return [
        unescape(title) for title in re.findall(r'<th scope="row"[^>]*><a href="[^"]*">([^<]*)</a>', body)
    ]


def row_of(html, place_title):
    """The <tr> of a place."""
    for row in re.findall(r"<tr>.*?</tr>", table(html), flags=re.S):
        if f">{place_title}</a>" in row:
            return row
    raise AssertionError(f"no row for {place_title!r}")


def cells(row):
    return re.findall(r"<td class=\"matrix__cell[^\"]*\">.*?</td>", row, flags=re.S)


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


@pytest.fixture
def study(exploration):
    """Two fields, two positives and a limit, three places and a few evidence rows."""
    commons = make_field(exploration, "La création de communs", slug="communs", colour="#2255aa")
    work = make_field(
        exploration, "Le rapport au travail", slug="travail", description="Ce qui change au travail."
    )
    shared = make_impact(exploration, "Créer des communs", exploration_fields=[commons])
    learning = make_impact(exploration, "Apprendre entre pairs", exploration_fields=[work, commons])
    gentrification = make_impact(
        exploration, "Une gentrification possible", kind="limit", exploration_fields=[work]
    )
    pasteur = make_place(exploration, title="Hôtel Pasteur", commune_name="Rennes")
    quincaillerie = make_place(exploration, title="La Quincaillerie", commune_name="Guéret")
    usines = make_place(exploration, title="Les Usines", commune_name="Ligugé")
    make_evidence(pasteur, shared, strength=3)
    make_evidence(pasteur, gentrification, strength=1)
    make_evidence(quincaillerie, learning, strength=2)
    return {
        "commons": commons,
        "work": work,
        "shared": shared,
        "learning": learning,
        "gentrification": gentrification,
        "pasteur": pasteur,
        "quincaillerie": quincaillerie,
        "usines": usines,
    }


# -- the table ---------------------------------------------------------------------------------------------------


def test_the_matrix_has_places_as_rows_and_impacts_as_columns_positives_then_limits(
    client, exploration, study
):
    html = assert_accessible_page(get_page(client, matrix_url(exploration)))

    assert "<h1>Tableau croisé des lieux et des impacts</h1>" in html
    assert column_titles(html) == [
        "Apprendre entre pairs",
        "Créer des communs",
        "Une gentrification possible",
    ]
    assert row_titles(html) == ["Hôtel Pasteur", "La Quincaillerie", "Les Usines"]
    assert f'href="{url_of(study["gentrification"])}"' in html
    assert f'href="{url_of(study["usines"])}"' in html
    assert "3 observations · 3 lieux · 3 impacts" in html


def test_the_matrix_is_a_real_table_for_screen_readers(client, exploration, study):
    html = get_page(client, matrix_url(exploration)).content.decode()
    grid = table(html)

    assert '<caption id="matrix-caption">' in grid
    assert 'role="region" aria-labelledby="matrix-caption" tabindex="0"' in html
    assert grid.count('<th scope="col" class="matrix__impact') == 3
    assert grid.count('<th scope="row" class="matrix__place">') == 3 + 1  # the places, then the totals row
    assert '<th scope="colgroup" colspan="2"' in grid and '<th scope="colgroup" colspan="1"' in grid
    # The nature of every column is written, not only coloured.
    assert "Externalités positives</th>" in grid and "Limites</th>" in grid
    assert grid.count('<span class="visually-hidden">(externalité positive)</span>') == 2
    assert grid.count('<span class="visually-hidden">(limite)</span>') == 1


def test_a_filled_cell_shows_the_strength_in_dots_and_in_words_and_links_to_the_evidence(
    client, exploration, study
):
    html = get_page(client, matrix_url(exploration)).content.decode()

    learning, shared, gentrification = cells(row_of(html, "Hôtel Pasteur"))
    place_url = url_of(study["pasteur"])
    assert f'<a href="{place_url}#observation-{study["shared"].slug}">' in shared
    assert '<span class="matrix-dots" aria-hidden="true">●●●</span>' in shared
    assert '<span class="visually-hidden">intensité forte</span>' in shared
    assert "●○○" in gentrification and "intensité faible" in gentrification
    assert "matrix__cell--limit" in gentrification
    assert "●●○" in cells(row_of(html, "La Quincaillerie"))[0]
    assert "intensité marquée" in cells(row_of(html, "La Quincaillerie"))[0]


def test_an_empty_cell_says_not_observed_to_screen_readers(client, exploration, study):
    html = get_page(client, matrix_url(exploration)).content.decode()

    usines = cells(row_of(html, "Les Usines"))
    assert len(usines) == 3
    for cell in usines:
        assert '<span class="visually-hidden">non observé</span>' in cell
        assert "<a " not in cell


def test_the_totals_count_the_impacts_of_each_place_and_the_places_of_each_impact(client, exploration, study):
    html = get_page(client, matrix_url(exploration)).content.decode()

    assert row_of(html, "Hôtel Pasteur").endswith('<td class="matrix__total">2</td>\n      </tr>')
    footer = table(html).split("<tfoot>")[1]
    assert re.findall(r'<td class="matrix__total[^"]*">(\d+)</td>', footer) == ["1", "1", "1", "3"]


def test_each_cell_link_lands_on_its_evidence_on_the_monograph(client, exploration, study):
    html = get_page(client, matrix_url(exploration)).content.decode()
    links = re.findall(r'<td class="matrix__cell[^"]*"><a href="([^"#]+)#([^"]+)">', html)

    assert len(links) == 3
    for page_url, fragment in links:
        monograph = get_page(client, page_url).content.decode()
        assert fragment in outline(monograph).ids, fragment
        item = re.search(
            rf'<li class="evidence [^"]*" id="{re.escape(fragment)}">(.*?)</li>', monograph, re.S
        )
        assert item, fragment


def test_the_impact_page_gives_each_place_s_evidence_an_anchor(client, exploration, study):
    html = assert_accessible_page(get_page(client, study["shared"]))

    assert f'<li class="evidence evidence--positive" id="observation-{study["pasteur"].slug}">' in html


def test_drafts_and_other_explorations_stay_out_of_the_matrix(client, exploration, study):
    draft_place = make_place(exploration, title="Lieu en brouillon", live=False)
    draft_impact = make_impact(exploration, "Impact en brouillon", live=False)
    make_evidence(draft_place, study["shared"])
    make_evidence(study["pasteur"], draft_impact)
    other = make_exploration("Sharitories", slug="sharitories")
    make_evidence(make_place(other, title="Lieu d'ailleurs"), make_impact(other, "Impact d'ailleurs"))

    html = get_page(client, matrix_url(exploration)).content.decode()

    for title in ("Lieu en brouillon", "Impact en brouillon", "Lieu d'ailleurs", "Impact d'ailleurs"):
        assert title not in html, title
    assert "3 observations · 3 lieux · 3 impacts" in html


def test_a_matrix_without_places_or_impacts_says_so_without_an_empty_table(client, exploration):
    html = assert_accessible_page(get_page(client, matrix_url(exploration)))

    assert "<table" not in html
    assert "Aucune monographie n'est encore publiée" in html

    make_place(exploration)
    html = get_page(client, matrix_url(exploration)).content.decode()
    assert "<table" not in html
    assert "Aucun impact n'est encore publié" in html


def test_a_draft_exploration_has_no_matrix(client):
    draft = make_exploration("Brouillon", live=False, slug="brouillon")

    get_page(client, matrix_url(draft), status=404)


def test_the_matrix_reads_in_english_under_the_english_prefix(client, exploration, study):
    html = assert_accessible_page(
        get_page(client, url_of(exploration, "en") + "matrice/?nature=limit"), lang="en"
    )

    assert column_titles(html) == ["Une gentrification possible"]


# -- filters -----------------------------------------------------------------------------------------------------


def test_the_matrix_filtered_by_field_shows_only_the_impacts_of_that_field(client, exploration, study):
    html = assert_accessible_page(get_page(client, matrix_url(exploration, "?champ=travail")))

    assert column_titles(html) == ["Apprendre entre pairs", "Une gentrification possible"]
    assert row_titles(html) == ["Hôtel Pasteur", "La Quincaillerie", "Les Usines"]
    assert "Ce qui change au travail." in html
    assert '<h2 id="matrix-title">Champ « Le rapport au travail »</h2>' in html
    assert "Tableau croisé des lieux et des impacts · Le rapport au travail — Mille Lieux" in html  # <title>
    assert '<option value="travail" selected>' in html


def test_the_matrix_filtered_by_kind_shows_positives_or_limits(client, exploration, study):
    positives = get_page(client, matrix_url(exploration, "?nature=positive")).content.decode()
    limits = get_page(client, matrix_url(exploration, "?nature=limit")).content.decode()

    assert column_titles(positives) == ["Apprendre entre pairs", "Créer des communs"]
    assert column_titles(limits) == ["Une gentrification possible"]
    assert '<option value="limit" selected>' in limits


def test_the_filters_combine_and_the_chips_keep_the_other_filter(client, exploration, study):
    html = get_page(client, matrix_url(exploration, "?champ=travail&nature=positive")).content.decode()

    assert column_titles(html) == ["Apprendre entre pairs"]
    base = matrix_url(exploration)
    assert f'href="{base}?champ=communs&amp;nature=positive"' in html
    assert f'href="{base}?champ=travail&amp;nature=limit"' in html
    assert f'href="{base}?nature=positive"' in html  # all fields, same kind
    assert f'href="{base}?champ=travail"' in html  # all kinds, same field


def test_the_current_filters_are_marked_with_aria_current(client, exploration, study):
    html = get_page(client, matrix_url(exploration, "?champ=communs")).content.decode()

    current = re.findall(r'<a class="chip[^"]*" href="([^"]*)"[^>]*aria-current="page">', html)
    base = matrix_url(exploration)
    assert current == [f"{base}?champ=communs", f"{base}?champ=communs"]  # this field, and "both natures"
    unfiltered = get_page(client, base).content.decode()
    assert re.findall(r'<a class="chip[^"]*" href="([^"]*)"[^>]*aria-current="page">', unfiltered) == [
        base,
        base,
    ]


def test_the_filter_form_is_a_plain_get_form_with_labelled_selects(client, exploration, study):
    html = get_page(client, matrix_url(exploration)).content.decode()

    form = re.search(r'<form class="filter-form" method="get" action="([^"]*)">(.*?)</form>', html, re.S)
    assert form and form.group(1) == matrix_url(exploration)
    controls = form.group(2)
    assert '<label for="filter-field">' in controls and '<select id="filter-field" name="champ">' in controls
    assert '<label for="filter-kind">' in controls and '<select id="filter-kind" name="nature">' in controls
    assert '<button class="button" type="submit">' in controls
    assert "csrfmiddlewaretoken" not in html


def test_what_the_form_sends_for_all_fields_and_all_kinds_shows_the_whole_matrix(client, exploration, study):
    html = get_page(client, matrix_url(exploration, "?champ=&nature=")).content.decode()

    assert len(column_titles(html)) == 3


def test_a_field_without_published_impacts_gives_an_empty_matrix_and_a_way_back(client, exploration, study):
    make_field(exploration, "Un champ vide", slug="vide")

    html = assert_accessible_page(get_page(client, matrix_url(exploration, "?champ=vide")))

    assert "<table" not in html
    assert "Aucun impact publié ne correspond à ce filtre." in html
    assert f'<a href="{matrix_url(exploration)}">Voir le tableau complet</a>' in html


# -- bad filters: 400 with a message, never 500 -------------------------------------------------------------------


def assert_bad_filter(client, exploration, query, *messages):
    """GET the matrix with a bad query: a 400 page with a message and a link back. Returns its <main>."""
    response = client.get(matrix_url(exploration) + query)
    assert response.status_code == 400, (query, response.status_code)
    html = assert_accessible_page(response)
    main = html[html.index("<main") : html.index("</main>")]
    assert "<h1>Ce filtre du tableau croisé n'existe pas</h1>" in main
    assert f'<a class="button" href="{matrix_url(exploration)}">Voir le tableau croisé complet</a>' in main
    for message in messages:
        assert message in unescape(main), message
    return main


def test_an_unknown_field_answers_400_naming_it_and_listing_the_real_ones(client, exploration, study):
    html = assert_bad_filter(
        client,
        exploration,
        "?champ=climat",
        "Cette exploration n'a pas de champ « climat ». Ses champs sont : « La création de communs », "
        "« Le rapport au travail ».",
    )

    assert f'href="{matrix_url(exploration)}?champ=travail"' in html


def test_a_draft_field_is_unknown_to_the_matrix(client, exploration, study):
    make_field(exploration, "Champ en brouillon", slug="brouillon", live=False)

    assert_bad_filter(client, exploration, "?champ=brouillon", "pas de champ « brouillon »")


def test_the_field_of_another_exploration_is_unknown_to_the_matrix(client, exploration, study):
    make_field(make_exploration("Sharitories", slug="sharitories"), "Les villes moyennes", slug="villes")

    assert_bad_filter(client, exploration, "?champ=villes", "pas de champ « villes »")


def test_an_unknown_kind_answers_400_naming_the_real_ones(client, exploration, study):
    assert_bad_filter(
        client,
        exploration,
        "?nature=neutre",
        "La nature « neutre » n'existe pas. Les natures possibles sont : « positive » (Externalités positives), "
        "« limit » (Limites).",
    )


def test_a_ten_kilobyte_value_answers_400_without_echoing_it(client, exploration, study):
    value = "x" * 10240

    html = assert_bad_filter(
        client,
        exploration,
        f"?champ={value}",
        "La valeur du filtre « champ » est trop longue (10\xa0240 caractères)",
    )
    assert "x" * 200 not in html
    assert_bad_filter(
        client, exploration, f"?nature={value}", "La valeur du filtre « nature » est trop longue"
    )


def test_a_long_unknown_value_is_shortened_in_the_message(client, exploration, study):
    html = assert_bad_filter(client, exploration, "?champ=" + "a" * 100, "pas de champ « " + "a" * 39 + "…")

    assert "a" * 41 not in html


def test_a_repeated_parameter_answers_400(client, exploration, study):
    assert_bad_filter(
        client,
        exploration,
        "?champ=travail&champ=communs",
        "L'adresse donne 2 fois le filtre « champ » : le tableau se filtre par un seul champ.",
    )
    assert_bad_filter(client, exploration, "?nature=limit&nature=limit", "2 fois le filtre « nature »")
    assert_bad_filter(client, exploration, "?champ=&champ=", "2 fois le filtre « champ »")


@pytest.mark.parametrize(
    "query",
    [
        "?champ=%00",
        "?nature=%00",
        "?champ=%C3%A9%E2%80%AE%F0%9F%98%80",
        "?champ=%FF%FE",
        "?champ=<script>alert(1)</script>",
        "?champ=travail'--",
        "?champ=" + quote("Le rapport au travail"),
    ],
)
def test_odd_characters_in_a_filter_answer_400_and_are_escaped(client, exploration, study, query):
    html = assert_bad_filter(client, exploration, query)

    assert "<script>alert" not in html


def test_other_parameters_are_ignored(client, exploration, study):
    html = get_page(client, matrix_url(exploration, "?utm_source=lettre&champ=travail")).content.decode()

    assert len(column_titles(html)) == 2


# -- links to the matrix -------------------------------------------------------------------------------------------


def test_field_chips_on_the_exploration_page_link_to_the_field_s_filtered_matrix(client, exploration, study):
    make_field(exploration, "Champ en brouillon", live=False)

    html = assert_accessible_page(get_page(client, exploration))

    assert f'<a href="{matrix_url(exploration)}?champ=communs">La création de communs</a></h3>' in html
    assert f'<a href="{matrix_url(exploration)}?champ=travail">Le rapport au travail</a></h3>' in html
    for url in re.findall(r'href="([^"]*matrice/[^"]*)"', html):
        get_page(client, unescape(url))


def test_field_chips_on_the_impact_index_and_impact_pages_link_to_the_field_s_filtered_matrix(
    client, exploration, study
):
    index = study["shared"].get_parent().specific
    chip = (
        '<li class="field-tag" style="--field-colour: #2255aa">'
        f'<a href="{matrix_url(exploration)}?champ=communs">La création de communs</a></li>'
    )

    for page in (index, study["shared"], study["learning"]):
        html = assert_accessible_page(get_page(client, page))
        assert chip in html, page


def test_the_navigation_the_exploration_page_and_the_impact_index_link_to_the_matrix(
    client, exploration, study
):
    link = f'href="{matrix_url(exploration)}"'
    exploration_html = get_page(client, exploration).content.decode()
    index_html = get_page(client, study["shared"].get_parent().specific).content.decode()
    matrix_html = get_page(client, matrix_url(exploration)).content.decode()

    nav = exploration_html[exploration_html.index('class="site-nav"') :].split("</nav>")[0]
    assert link in nav
    assert "Croiser les deux : le tableau des lieux et des impacts" in exploration_html
    assert link in index_html.split("</header>", 2)[1]  # in the index's own header, not only the site's
    matrix_nav = matrix_html[matrix_html.index('class="site-nav"') :].split("</nav>")[0]
    assert f'<a {link} aria-current="page">Lieux × impacts</a>' in matrix_nav
    assert '<span aria-current="page">Tableau croisé</span>' in matrix_html  # breadcrumbs


def test_the_matrix_is_in_the_sitemap(client, exploration, study):
    sitemap = client.get("/sitemap.xml").content.decode()

    locations = re.findall(r"<loc>(.*?)</loc>", sitemap)
    assert [location for location in locations if location.endswith(matrix_url(exploration))]
    assert not [location for location in locations if "champ=" in location]


# -- cost --------------------------------------------------------------------------------------------------------


def generated_exploration(title, slug, places, impacts, fields=3):
    """An exploration with `places` × `impacts`, evidence in about a third of the cells, of every strength."""
    exploration = make_exploration(title, slug=slug)
    field_list = [make_field(exploration, f"Champ {n}", slug=f"champ-{n}") for n in range(fields)]
    impact_list = [
        make_impact(
            exploration,
            f"Impact {n:02d}",
            kind="limit" if n % 4 == 3 else "positive",
            exploration_fields=[field_list[n % fields]],
        )
        for n in range(impacts)
    ]
    place_list = [make_place(exploration, title=f"Lieu {n:02d}") for n in range(places)]
    count = 0
    for p, place in enumerate(place_list):
        for i, impact in enumerate(impact_list):
            if (p + 2 * i) % 3 == 0:
                make_evidence(place, impact, strength=1 + (p + i) % 3)
                count += 1
    return exploration, count


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_matrix_runs_a_bounded_number_of_queries_whatever_its_size(client, django_assert_max_num_queries):
    small, _count = generated_exploration("Petite", "petite", places=2, impacts=2)
    large, evidence_count = generated_exploration("Grande", "grande", places=30, impacts=12)

    # A first request fills the per-process caches (site root paths…) so that both are measured alike.
    client.get(matrix_url(small))
    small_count, _html = count_queries(client, matrix_url(small))
    with django_assert_max_num_queries(15):
        response = client.get(matrix_url(large))
    large_count, html = count_queries(client, matrix_url(large))
    filtered_count, _html = count_queries(client, matrix_url(large, "?champ=champ-1&nature=positive"))

    assert response.status_code == 200
    assert f"{evidence_count} observations · 30 lieux · 12 impacts" in html
    assert large_count == small_count, (small_count, large_count)
    assert filtered_count <= large_count + 1  # the field's impacts are one join more, not one query per row
