"""A monograph, an index of monographs or an impact cannot move to another exploration with evidence that
would then tie two explorations together: the move is refused with a message, and nothing moves."""

import pytest
from django.core.exceptions import ValidationError

from millelieux.core.tests.admin_helpers import login_administrator
from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index
from millelieux.impacts.moves import evidence_split_by_move
from millelieux.places.factories import make_place, make_place_index

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_explorations():
    here, there = make_exploration("Mille Lieux"), make_exploration("Sharitories")
    place = make_place(here, "La Quincaillerie")
    impact = make_impact(here, "Créer des communs")
    make_evidence(place, impact)
    return here, there, place, impact


def parent_path(page):
    return type(page).objects.get(pk=page.pk).get_parent().pk


def test_moving_a_monograph_with_evidence_to_another_exploration_is_refused_in_the_admin(
    client, two_explorations
):
    _here, there, place, _impact = two_explorations
    destination = make_place_index(there)
    login_administrator(client)
    parent_before = parent_path(place)

    response = client.post(f"/admin/pages/{place.pk}/move/{destination.pk}/confirm/", follow=True)

    assert parent_path(place) == parent_before
    messages = [str(m) for m in response.context["messages"]]
    assert any("ne peut pas changer d'exploration" in m and "Créer des communs" in m for m in messages)


def test_a_bulk_move_of_a_monograph_with_evidence_to_another_exploration_is_refused(client, two_explorations):
    _here, there, place, _impact = two_explorations
    destination = make_place_index(there)
    login_administrator(client)
    parent_before = parent_path(place)

    client.post(f"/admin/bulk/wagtailcore/page/move/?id={place.pk}", {"chooser": destination.pk}, follow=True)

    assert parent_path(place) == parent_before


def test_moving_an_impact_cited_by_a_monograph_is_refused_in_code_too(two_explorations):
    _here, there, _place, impact = two_explorations
    destination = make_impact_index(there)
    parent_before = parent_path(impact)

    with pytest.raises(ValidationError, match="ne peut pas changer d'exploration"):
        impact.move(destination, pos="last-child")

    assert parent_path(impact) == parent_before


def test_moving_the_index_of_monographs_is_refused_when_its_places_cite_impacts(two_explorations):
    here, there, place, _impact = two_explorations
    index = type(place).objects.get(pk=place.pk).get_parent()

    assert [row.place_id for row in evidence_split_by_move(index, there)] == [place.pk]


def test_a_monograph_without_evidence_moves_freely(client, two_explorations):
    here, there, _place, _impact = two_explorations
    lone = make_place(here, "Un lieu sans observation")
    destination = make_place_index(there)
    login_administrator(client)

    client.post(f"/admin/pages/{lone.pk}/move/{destination.pk}/confirm/")

    assert parent_path(lone) == destination.pk


def test_moving_a_monograph_within_its_exploration_keeps_its_evidence(two_explorations):
    here, _there, place, _impact = two_explorations

    assert evidence_split_by_move(place, here) == []
    assert evidence_split_by_move(place, make_place_index(here)) == []
