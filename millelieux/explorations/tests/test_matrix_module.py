"""explorations.matrix on plain objects: the order of the columns, the cells, the filters' query strings."""

from types import SimpleNamespace

import pytest
from django.http import QueryDict

from millelieux.explorations.matrix import (
    FilterError,
    Filters,
    build_matrix,
    field_choices,
    read_filters,
    strength_dots,
)

KINDS = [("positive", "Externalités positives"), ("limit", "Limites")]


def page(pk, title, **attributes):
    return SimpleNamespace(pk=pk, title=title, get_url=lambda request=None: f"/{title}/", **attributes)


def evidence(place, impact, strength):
    labels = {1: "Faible", 2: "Marquée", 3: "Forte"}
    return SimpleNamespace(
        place_id=place.pk,
        impact_id=impact.pk,
        strength=strength,
        get_strength_display=lambda: labels[strength],
    )


def test_columns_put_positives_before_limits_keeping_their_order_within_a_kind():
    limit = page(1, "limite", kind="limit", slug="limite")
    first = page(2, "premier", kind="positive", slug="premier")
    second = page(3, "second", kind="positive", slug="second")

    matrix = build_matrix([page(10, "lieu")], [limit, first, second], [], kinds=KINDS)

    assert [column.impact.title for column in matrix.columns] == ["premier", "second", "limite"]
    assert [(group.kind, group.span) for group in matrix.groups] == [("positive", 2), ("limit", 1)]
    assert [column.starts_group for column in matrix.columns] == [False, False, True]


def test_cells_hold_the_evidence_of_their_pair_and_nothing_else():
    place, other_place = page(10, "lieu"), page(11, "ailleurs")
    impact = page(1, "impact", kind="positive", slug="impact")
    foreign = page(2, "hors-champ", kind="positive", slug="hors-champ")  # filtered out of the columns

    matrix = build_matrix(
        [place, other_place], [impact], [evidence(place, impact, 2), evidence(place, foreign, 3)], kinds=KINDS
    )

    filled, empty = matrix.rows[0].cells[0], matrix.rows[1].cells[0]
    assert (filled.url, filled.dots, filled.label) == (
        "/lieu/#observation-impact",
        "●●○",
        "intensité marquée",
    )
    assert empty.evidence is None and empty.url == ""
    assert [row.count for row in matrix.rows] == [1, 0]
    assert matrix.columns[0].count == 1 and matrix.evidence_count == 1


@pytest.mark.parametrize("strength, dots", [(1, "●○○"), (2, "●●○"), (3, "●●●"), (0, "○○○"), (9, "●●●")])
def test_strength_is_drawn_as_three_dots(strength, dots):
    assert strength_dots(strength) == dots


def test_filters_write_their_query_string_with_only_what_is_chosen():
    field = SimpleNamespace(pk=1, slug="communs", title="Les communs", colour="#2255aa")

    assert Filters().query() == ""
    assert Filters(field=field).query() == "?champ=communs"
    assert Filters(field=field, kind="limit").query(champ="") == "?nature=limit"
    assert [choice.query for choice in field_choices(Filters(kind="limit"), [field])] == [
        "?nature=limit",
        "?champ=communs&nature=limit",
    ]


def test_read_filters_accepts_empty_values_and_ignores_other_parameters():
    field = SimpleNamespace(pk=1, slug="communs", title="Les communs")

    assert read_filters(QueryDict("champ=&nature=&page=2"), [field], KINDS) == Filters()
    assert read_filters(QueryDict("champ=communs&nature=limit"), [field], KINDS) == Filters(field, "limit")


@pytest.mark.parametrize(
    "query", ["champ=climat", "nature=neutre", "champ=a&champ=b", "nature=" + "x" * 121, "champ=%00"]
)
def test_read_filters_refuses_what_names_nothing(query):
    with pytest.raises(FilterError) as error:
        read_filters(QueryDict(query), [SimpleNamespace(pk=1, slug="communs", title="Les communs")], KINDS)

    assert error.value.message
