"""The monograph's figures on the page: the timeline and the stakeholder map, drawn as accessible SVG."""

import gzip
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.core.tests.pages import assert_accessible_page, get_page, position
from millelieux.explorations.factories import make_exploration
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture
def exploration():
    return make_exploration("Mille Lieux")


def svg(html, css_class):
    """The <svg> element whose class list holds `css_class`."""
    match = re.search(r'<svg class="[^"]*\b' + re.escape(css_class) + r'\b[^"]*".*?</svg>', html, flags=re.S)
    assert match, f"no <svg> of class {css_class}"
    return match.group(0)


def markers(drawing):
    """(x, y) of each timeline marker, in the order of the steps."""
    return [
        (float(x), float(y))
        for x, y in re.findall(
            r'<path class="tl-marker[^"]*" transform="translate\(([\d.]+) ([\d.]+)\)"', drawing
        )
    ]


TWELVE_STEPS = [
    {"start_year": 1888, "title": "Construction de l'usine à gaz", "kind": "building"},
    {"start_year": 2013, "title": "Un collectif repère la friche", "kind": "origin"},
    {
        "start_year": 2013,
        "start_month": 6,
        "end_year": 2018,
        "title": "Occupation temporaire",
        "kind": "activity",
    },
    {"start_year": 2014, "title": "Création de l'association", "kind": "governance"},
    {"start_year": 2014, "start_month": 9, "title": "Premier chantier participatif", "kind": "event"},
    {"start_year": 2015, "title": "Ouverture au public", "kind": "opening"},
    {
        "start_year": 2015,
        "start_month": 11,
        "end_year": 2017,
        "title": "Subvention régionale",
        "kind": "funding",
    },
    {"start_year": 2016, "title": "Le fablab s'installe", "kind": "activity"},
    {"start_year": 2016, "start_month": 5, "title": "Festival des communs", "kind": "event"},
    {"start_year": 2017, "title": "Passage en SCIC", "kind": "governance"},
    {"start_year": 2018, "title": "Bail emphytéotique signé avec la ville", "kind": "building"},
    {"start_year": 2018, "start_month": 10, "title": "Une étape encore", "kind": "other"},
]
KINDS = [
    "public_authority",
    "funder",
    "partner",
    "user_group",
    "neighbour",
    "company",
    "association",
    "network",
]
SCALES = ["local", "intercommunal", "departmental", "regional", "national", "international", ""]


def thirty_stakeholders():
    return [
        {
            "name": f'Partenaire n° {n} <"{n}"> & associés',
            "kind": KINDS[n % len(KINDS)],
            "scale": SCALES[(n * 3) % len(SCALES)],
            "relation": f"Ce qui lie le partenaire {n} au lieu.",
        }
        for n in range(1, 31)
    ]


def test_the_timeline_is_drawn_to_scale_above_its_list(client, exploration):
    place = make_place(
        exploration,
        title="Hôtel Pasteur",
        timeline_events=[
            {"start_year": 2005, "title": "Une faculté vide", "kind": "other"},
            {"start_year": 2007, "start_month": 3, "title": "Un projet", "kind": "origin"},
            {"start_year": 2010, "end_year": 2014, "title": "Occupations", "kind": "activity"},
            {"start_year": 2015, "title": "Ouverture", "kind": "opening"},
        ],
    )

    html = assert_accessible_page(get_page(client, place))

    section = html[position(html, 'id="frise"') :]
    assert position(section, "<figure") < position(section, '<ol class="timeline">')  # the list stays
    for orientation, coordinate, ident in (("horizontal", 0, "timeline-h"), ("vertical", 1, "timeline-v")):
        drawing = svg(section, f"timeline-chart--{orientation}")
        assert f'role="img" aria-labelledby="{ident}-title {ident}-desc"' in drawing
        assert f'<title id="{ident}-title">Frise chronologique : Hôtel Pasteur</title>' in drawing
        assert "4 étapes de 2005 à 2015, placées sur un axe du temps proportionnel." in drawing
        points = [point[coordinate] for point in markers(drawing)]
        assert len(points) == 4
        assert drawing.count('class="tl-bar ') == 1
        per_year = (points[3] - points[0]) / 10
        assert points[1] - points[0] == pytest.approx(per_year * (2 + 2 / 12), abs=0.2)  # March 2007
        assert points[2] - points[0] == pytest.approx(per_year * 5, abs=0.2)  # the period starts in 2010
        assert ">Ouverture</tspan>" in drawing and ">mars 2007</tspan>" in drawing
    assert section.count('<li class="timeline__step') == 4
    assert '<li class="kind-opening">' in section and "période (de son début à sa fin)" in section


def test_a_long_stretch_without_steps_is_a_labelled_break(client, exploration):
    place = make_place(exploration, title="La Halle", timeline_events=TWELVE_STEPS)

    html = assert_accessible_page(get_page(client, place))

    drawing = svg(html, "timeline-chart--horizontal")
    assert "L'axe est coupé entre 1888 et 2013 : 125 ans sans étape." in drawing
    assert '<g class="tl-break">' in drawing and ">125 ans</text>" in drawing
    assert len(markers(drawing)) == 12 and drawing.count('class="tl-bar ') == 2


def test_the_stakeholder_map_draws_thirty_actors_beside_their_numbered_list(client, exploration):
    place = make_place(exploration, title="Le <Lieu> & co", stakeholders=thirty_stakeholders())

    html = assert_accessible_page(get_page(client, place))

    section = html[position(html, 'id="parties-prenantes"') :]
    for variant in ("wide", "narrow"):
        drawing = svg(section, f"actors-chart--{variant}")
        assert f'role="img" aria-labelledby="actors-{variant}-title actors-{variant}-desc"' in drawing
        assert (
            f'<title id="actors-{variant}-title">Cartographie des acteurs : Le &lt;Lieu&gt; &amp; co</title>'
            in drawing
        )
        assert "30 parties prenantes autour du lieu" in drawing
        nodes = re.findall(r'<circle cx="[\d.]+" cy="[\d.]+" r="10"/><text[^>]*>(\d+)</text>', drawing)
        assert nodes == [str(n) for n in range(1, 31)]
        assert drawing.count("<line ") == 30  # one line from the place to each actor
        assert "<Lieu>" not in drawing and '<"' not in drawing
    wide = svg(section, "actors-chart--wide")
    assert "Partenaire n° 1 &lt;&quot;1&quot;&gt; &amp; associés" in wide
    assert "Ce qui lie le partenaire 1 au lieu." in wide  # the relation, as the node's tooltip
    assert "COLLECTIVITÉ OU SERVICE PUBLIC" in wide
    # The text list: the same numbers, in the order of the kinds.
    starts = [int(n) for n in re.findall(r'<ol class="stakeholders" start="(\d+)">', section)]
    assert starts == [1, 4, 8, 12, 16, 20, 24, 28]
    assert section.count("<li>\n        <strong>Partenaire n°") == 30


def test_the_figures_add_no_query_and_do_not_grow_with_their_rows(client, exploration):
    small = make_place(
        exploration,
        title="Petit",
        timeline_events=TWELVE_STEPS[:1],
        stakeholders=thirty_stakeholders()[:1],
    )
    large = make_place(
        exploration,
        title="Grand",
        slug="grand",
        timeline_events=TWELVE_STEPS,
        stakeholders=thirty_stakeholders(),
    )
    get_page(client, small)

    counts = []
    for place in (small, large):
        with CaptureQueriesContext(connection) as queries:
            get_page(client, place)
        counts.append(len(queries))
        # The figure and the list come from one query each.
        assert sum('FROM "places_stakeholder" LEFT OUTER JOIN' in q["sql"] for q in queries) == 1
        assert sum('FROM "places_timelineevent" LEFT OUTER JOIN' in q["sql"] for q in queries) == 1
    assert counts[0] == counts[1]


def test_the_figures_of_a_full_monograph_weigh_less_than_50_kb_gzipped(client, exploration):
    place = make_place(
        exploration, title="La Halle", timeline_events=TWELVE_STEPS, stakeholders=thirty_stakeholders()
    )

    html = get_page(client, place).content.decode()

    figures = "".join(re.findall(r"<figure.*?</figure>", html, flags=re.S))
    assert figures.count("<svg") >= 4
    assert len(gzip.compress(figures.encode())) < 50_000
