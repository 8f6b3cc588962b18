"""Geometry of the timeline and of the stakeholder map (places/charts.py), without the database."""

import math

import pytest
from django.template.loader import render_to_string

from millelieux.places.charts import (
    SCALES,
    WIDE,
    dodge,
    stakeholder_figure,
    stakeholder_layout,
    text_width,
    timeline_figure,
    timeline_layout,
    wrap,
)
from millelieux.places.models import Stakeholder, TimelineEvent


def events(*rows):
    """TimelineEvent rows (unsaved) from (start_year, title) or dicts of their fields."""
    built = []
    for row in rows:
        fields = {"start_year": row[0], "title": row[1]} if isinstance(row, tuple) else dict(row)
        fields.setdefault("title", f"Étape {fields['start_year']}")
        fields.setdefault("kind", "other")
        built.append(TimelineEvent(**fields))
    return built


def actors(count, **fields):
    kinds = [kind for kind, _label in Stakeholder.KIND_CHOICES]
    scales = SCALES + [""]
    return [
        Stakeholder(
            name=fields.get("name", f"Partie prenante n° {n}"),
            kind=fields.get("kind", kinds[(n * 5) % len(kinds)]),
            scale=fields.get("scale", scales[(n * 3) % len(scales)]),
            relation=f"Relation {n}.",
        )
        for n in range(count)
    ]


def mark_of(chart, number):
    return next(mark for mark in chart.marks if mark.step.number == number)


def overlap(a, b, margin=0):
    """Whether the boxes (x1, y1, x2, y2) a and b overlap."""
    return a[0] < b[2] + margin and b[0] < a[2] + margin and a[1] < b[3] + margin and b[1] < a[3] + margin


def crowded_timeline():
    """12 steps: a factory built in 1888, then a busy occupation from 2013 to 2018."""
    return events(
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
        {"start_year": 2018, "start_month": 10, "title": "Une dernière étape", "kind": "other"},
    )


# ---- Timeline -------------------------------------------------------------------------------------------


def test_years_are_placed_in_proportion_on_both_axes():
    horizontal, vertical = timeline_layout(events((2005, "a"), (2007, "b"), (2015, "c"), (2016, "d")))

    for chart, coordinate in ((horizontal, "x"), (vertical, "y")):
        at = {mark.step.start: getattr(mark, coordinate) for mark in chart.marks}
        per_year = (at[2015] - at[2005]) / 10
        assert per_year > 0
        assert at[2007] - at[2005] == pytest.approx(2 * per_year, abs=0.2)
        assert at[2016] - at[2015] == pytest.approx(per_year, abs=0.2)
        assert chart.breaks == []


def test_a_month_places_a_step_within_its_year():
    horizontal, _vertical = timeline_layout(
        events((2014, "a"), {"start_year": 2014, "start_month": 7}, (2015, "b"))
    )

    x = [mark.x for mark in horizontal.marks]
    assert x[1] - x[0] == pytest.approx((x[2] - x[0]) * 6 / 12, abs=0.2)


def test_decades_between_a_few_steps_stay_to_scale():
    horizontal, vertical = timeline_layout(events((1960, "a"), (1985, "b"), (2015, "c")))

    for chart, coordinate in ((horizontal, "x"), (vertical, "y")):
        a, b, c = (getattr(mark, coordinate) for mark in chart.marks)
        assert chart.breaks == []
        assert (b - a) / (c - b) == pytest.approx(25 / 30, abs=0.01)


def test_a_long_empty_stretch_before_crowded_steps_is_a_labelled_break():
    horizontal, vertical = timeline_layout(crowded_timeline())

    for chart, coordinate in ((horizontal, "x"), (vertical, "y")):
        assert len(chart.breaks) == 1
        axis_break = chart.breaks[0]
        assert axis_break.label == "125 ans"
        start, end = (axis_break.x1, axis_break.x2) if coordinate == "x" else (axis_break.y1, axis_break.y2)
        at = {mark.step.number: getattr(mark, coordinate) for mark in chart.marks}
        assert at[1] < start < end < at[2]  # 1888, the break, then 2013
        # One scale on both sides of the break: 2013 → 2018 is five times 2017 → 2018.
        assert at[11] - at[2] == pytest.approx(5 * (at[11] - at[10]), abs=0.3)
        assert len(chart.axis) == 2
    # The stretch stays visibly long: the break is wider than a year of the crowded part.
    scale = horizontal.scale
    assert horizontal.breaks[0].x2 - horizontal.breaks[0].x1 > 0.5 * scale.per_year
    assert [str(tick.label) for tick in horizontal.ticks if tick.label][0] == "1888"


def test_without_crowding_even_a_century_stays_to_scale():
    horizontal, _vertical = timeline_layout(events((1888, "usine"), (2013, "friche"), (2018, "ouverture")))

    assert horizontal.breaks == []
    a, b, c = (mark.x for mark in horizontal.marks)
    assert (b - a) / (c - b) == pytest.approx(125 / 5, rel=0.01)


def test_periods_are_bars_and_moments_are_points():
    steps = events(
        (2012, "Une idée"),
        {"start_year": 2013, "end_year": 2018, "title": "Occupation", "kind": "activity"},
        {"start_year": 2015, "end_year": 2015, "title": "Même année : un moment"},
        (2016, "Ouverture"),
    )
    horizontal, vertical = timeline_layout(steps)

    for chart in (horizontal, vertical):
        assert len(chart.periods) == 1 and len(chart.points) == 3
        period = chart.periods[0]
        x1, y1, x2, y2 = period.bar
        if chart.orientation == "horizontal":
            assert y1 == y2 and x1 == mark_of(chart, 2).x
            assert x2 - x1 == pytest.approx(5 * (mark_of(chart, 4).x - mark_of(chart, 1).x) / 4, abs=0.3)
        else:
            assert x1 == x2 and y2 - y1 == pytest.approx(
                5 * (mark_of(chart, 4).y - mark_of(chart, 1).y) / 4, abs=0.3
            )


def test_overlapping_periods_get_their_own_lanes():
    steps = events(
        {"start_year": 2010, "end_year": 2016, "title": "A"},
        {"start_year": 2012, "end_year": 2014, "title": "B"},
        {"start_year": 2016, "end_year": 2018, "title": "C"},
    )
    horizontal, vertical = timeline_layout(steps)

    assert mark_of(horizontal, 1).bar[1] != mark_of(horizontal, 2).bar[1]
    assert mark_of(vertical, 1).bar[0] != mark_of(vertical, 2).bar[0]


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_labels_never_overlap_and_stay_in_the_figure(orientation):
    horizontal, vertical = timeline_layout(crowded_timeline())
    chart = horizontal if orientation == "horizontal" else vertical

    boxes = [mark.box for mark in chart.marks]
    for i, a in enumerate(boxes):
        assert 0 <= a[0] < a[2] <= chart.width and 0 <= a[1] < a[3] <= chart.height, a
        for b in boxes[i + 1 :]:
            assert not overlap(a, b), (a, b)


def test_horizontal_poles_cross_no_other_label():
    horizontal, _vertical = timeline_layout(crowded_timeline())

    for mark in horizontal.marks:
        top = min(mark.box[1], mark.y)
        bottom = max(mark.box[3], mark.y)
        for other in horizontal.marks:
            if other is not mark and other.box[0] < mark.x < other.box[2]:
                assert not (top < other.box[3] and other.box[1] < bottom), (mark.step.title, other.step.title)


def test_steps_of_the_same_year_are_set_side_by_side():
    horizontal, _vertical = timeline_layout(events((2013, "a"), (2013, "b"), (2014, "c")))

    a, b, c = horizontal.marks
    assert a.x != b.x and abs(a.x - b.x) < (c.x - a.x)


def test_a_single_step_is_drawn_with_its_year():
    horizontal, vertical = timeline_layout(events((2015, "Ouverture")))

    for chart in (horizontal, vertical):
        assert len(chart.points) == 1 and chart.periods == []
        assert [tick.label for tick in chart.ticks if tick.label] == ["2015"]
        assert chart.width > 0 and chart.height > 0


def test_no_step_no_timeline():
    assert timeline_figure([]) is None
    assert timeline_layout([]) == (None, None)


def test_kinds_have_distinct_shapes_and_the_legend_lists_the_kinds_shown():
    figure = timeline_figure(crowded_timeline())

    shapes = {shape for _kind, _label, shape in figure.kinds}
    assert len(shapes) == len(figure.kinds) == 8
    assert figure.kinds[0] == ("origin", "Origine du projet", figure.kinds[0][2])
    unknown = timeline_figure(events({"start_year": 2015, "kind": "renamed"}))
    assert unknown.horizontal.marks[0].kind == "other"


def test_long_titles_wrap_and_end_with_an_ellipsis():
    title = "Une étape dont le titre est beaucoup trop long pour tenir sur deux lignes de la frise " * 2
    horizontal, vertical = timeline_layout(events((2015, title)))

    assert len(mark_of(horizontal, 1).lines) == 2 and mark_of(horizontal, 1).lines[-1][0].endswith("…")
    assert len(mark_of(vertical, 1).lines) == 3 and mark_of(vertical, 1).lines[-1][0].endswith("…")


def test_every_text_is_escaped_in_the_drawing():
    figure = timeline_figure(
        events({"start_year": 2015, "title": 'L\'usine <"B"> & fils', "kind": "opening"}), place="A <b> & c"
    )

    svg = render_to_string("places/includes/timeline_svg.html", {"figure": figure})

    assert "L&#x27;usine &lt;&quot;B&quot;&gt; &amp; fils" in svg
    assert "<b>" not in svg and '<"B">' not in svg
    assert "Frise chronologique : A &lt;b&gt; &amp; c" in svg
    assert svg.count("<svg") == 2 + 1  # the two drawings and the legend's key


# ---- Stakeholder map ------------------------------------------------------------------------------------


def test_the_map_numbers_actors_in_the_order_of_the_list():
    figure = stakeholder_figure(
        [
            Stakeholder(name="Région", kind="funder", scale="regional"),
            Stakeholder(name="Ville", kind="public_authority", scale="local"),
            Stakeholder(name="Voisins", kind="neighbour"),
            Stakeholder(name="Métropole", kind="public_authority", scale="intercommunal"),
        ],
        place="Le lieu",
    )

    listed = [(n, s.name) for group in figure.groups for n, s in group.entries]
    assert listed == [(1, "Ville"), (2, "Métropole"), (3, "Région"), (4, "Voisins")]
    assert [group.first_number for group in figure.groups] == [1, 3, 4]
    for chart in (figure.wide, figure.narrow):
        assert [(node.number, node.name) for node in chart.nodes] == listed


def test_actors_sit_on_the_ring_of_their_scale_in_the_sector_of_their_kind():
    for chart in stakeholder_layout(actors(18), place="Le lieu"):
        radii = [ring.radius for ring in chart.rings]
        assert radii == sorted(radii)
        by_kind = {}
        for node in chart.nodes:
            distance = math.dist((node.x, node.y), (chart.cx, chart.cy))
            assert distance == pytest.approx(radii[node.ring], abs=0.2)
            by_kind.setdefault(node.kind, []).append(node.angle)
        # Sectors follow the order of the kinds, clockwise from the top, without mixing.
        spans = [(min(angles), max(angles)) for angles in by_kind.values()]
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
        assert len(chart.sectors) == len(by_kind)
        # The ring names keep the top free of nodes.
        assert all(-90 + chart.gap_angle < node.angle < 270 - chart.gap_angle for node in chart.nodes)


def test_scales_go_from_the_commune_inside_to_the_world_outside():
    wide, _narrow = stakeholder_layout(
        [Stakeholder(name=scale or "?", kind="partner", scale=scale) for scale in SCALES + [""]]
    )

    rings = {node.name: node.ring for node in wide.nodes}
    assert rings["local"] == 0 and rings["international"] == 5 and rings["?"] == 6
    assert [ring.label for ring in wide.rings][:2] == ["commune", "interco."]
    assert wide.rings[-1].dashed and wide.rings[-1].label == "non précisée"
    wide, _narrow = stakeholder_layout([Stakeholder(name="Ville", kind="partner", scale="local")])
    assert len(wide.rings) == 6  # no ring for a missing scale nobody has


@pytest.mark.parametrize("count", [1, 2, 5, 30, 45])
def test_many_actors_stay_apart_and_inside_the_figure(count):
    for chart in stakeholder_layout(actors(count), place="Un lieu"):
        r = chart.node_radius
        for i, a in enumerate(chart.nodes):
            assert r <= a.x <= chart.width - r and r <= a.y <= chart.height - r
            for b in chart.nodes[i + 1 :]:
                assert math.dist((a.x, a.y), (b.x, b.y)) >= 2 * r, (count, a.number, b.number)
            assert math.dist((a.x, a.y), (chart.cx, chart.cy)) > chart.centre_radius + r


def test_thirty_names_beside_the_wide_map_are_readable():
    wide, narrow = stakeholder_layout(
        actors(30, name="Association des habitants du quartier"), place="Un lieu"
    )

    assert wide.width <= 1100  # the map is drawn at its own size: 13-unit names stay 12 px or more
    for side in ("start", "end"):
        blocks = []
        for node in (n for n in wide.nodes if n.anchor == side):
            top = (node.heading.y - 11) if node.heading else node.lines[0][1] - 11
            blocks.append((top, node.lines[-1][1] + 3))
            assert 0 <= top and node.lines[-1][1] <= wide.height
            if side == "start":
                assert (
                    node.text_x + max(text_width(line, WIDE.label_size) for line, _y in node.lines)
                    <= wide.width
                )
            else:
                assert node.text_x - max(text_width(line, WIDE.label_size) for line, _y in node.lines) >= 0
        blocks.sort()
        assert all(a[1] <= b[0] for a, b in zip(blocks, blocks[1:], strict=False)), side
    assert all(node.leader for node in wide.nodes) and not any(node.leader for node in narrow.nodes)
    assert narrow.width <= 480  # numbers only: about 340 px wide on a phone


def test_a_kind_heading_opens_each_kind_in_a_column():
    wide, _narrow = stakeholder_layout(actors(9, name="Acteur"))

    headings = [node.heading.label for node in wide.nodes if node.heading]
    assert len(headings) == 9 and headings[0] == "COLLECTIVITÉ OU SERVICE PUBLIC"


def test_no_stakeholder_no_map():
    assert stakeholder_figure([]) is None
    assert stakeholder_layout([]) == (None, None)


def test_names_are_escaped_in_the_map():
    figure = stakeholder_figure(
        [Stakeholder(name='Fondation <"Abbé"> & Cie', kind="funder", relation="Finance <tout>.")],
        place="L'<atelier>",
    )

    svg = render_to_string("places/includes/stakeholder_map.html", {"actors": figure})

    assert "Fondation &lt;&quot;Abbé&quot;&gt; &amp; Cie" in svg
    assert "Finance &lt;tout&gt;." in svg
    assert "Cartographie des acteurs : L&#x27;&lt;atelier&gt;" in svg
    assert "<tout>" not in svg and '<"Abbé">' not in svg


def test_the_place_name_shrinks_rather_than_breaking_a_word():
    wide, narrow = stakeholder_layout(actors(3), place="Darwin Écosystème")

    assert [line for line, _y in narrow.centre_lines] == ["Darwin", "Écosystème"]
    assert narrow.centre_font < 12


# ---- Helpers --------------------------------------------------------------------------------------------


def test_wrap_cuts_at_words_within_the_width():
    lines = wrap("Communauté urbaine de Bordeaux (aujourd'hui Bordeaux Métropole)", 170, 13)

    assert lines == ["Communauté urbaine de", "Bordeaux (aujourd'hui…"]
    assert all(text_width(line, 13) <= 170 for line in lines)
    assert wrap("", 100, 13) == [""]
    assert all(
        text_width(line, 12) <= 60 for line in wrap("https://example.org/un-tres-long-chemin", 60, 12, 5)
    )


def test_dodge_keeps_the_order_and_stays_near_the_wanted_positions():
    assert dodge([10, 50, 90], [20, 20, 20], gap=5, low=0, high=200) == [10, 50, 90]
    tops = dodge([50, 50, 50], [20, 20, 20], gap=5, low=0, high=200)
    assert tops == [25, 50, 75]  # centred on what they want
    assert dodge([0, 0], [20, 20], gap=5, low=10, high=200) == [10, 35]
    assert dodge([190, 190], [20, 20], gap=5, low=0, high=200) == [155, 180]
