"""Editing impacts in the admin, as an editor; the impact page reads the evidence its monographs own."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from millelieux.core.tests.admin_helpers import (
    add_url,
    edit_url,
    field_errors,
    inline_errors,
    login_administrator,
    login_editor,
    page_data,
    post,
)
from millelieux.explorations.factories import make_exploration, make_field
from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index
from millelieux.impacts.models import Evidence, ImpactPage
from millelieux.places.factories import make_place
from millelieux.places.tests.test_admin_edit import evidence_row as place_side_evidence_row
from millelieux.places.tests.test_admin_edit import place_data

pytestmark = pytest.mark.django_db


def impact_data(title="Créer des communs", fields=(), **values):
    data = {
        "kind": ImpactPage.POSITIVE,
        "exploration_fields": tuple(str(field.pk) for field in fields),
        "summary": "Des ressources partagées, gérées par celles et ceux qui s'en servent.",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Un texte.</p>")),
                ("quote", {"text": "On partage tout.", "attribution": "Une usagère"}),
            ]
        ),
    }
    data.update(values)
    return page_data(title, **data)


def counts():
    return {
        "impacts": ImpactPage.objects.count(),
        "revisions": Revision.objects.count(),
        "evidence": Evidence.objects.count(),
    }


def live_values(impact):
    fresh = ImpactPage.objects.get(pk=impact.pk)
    return {
        "title": fresh.title,
        "summary": fresh.summary,
        "kind": fresh.kind,
        "revisions": fresh.revisions.count(),
        "fields": sorted(fresh.exploration_fields.values_list("pk", flat=True)),
        "evidence": sorted(fresh.evidence.values_list("place_id", "text")),
    }


# -- creating and editing ------------------------------------------------------------------------------------


def test_an_editor_creates_a_draft_impact_with_its_fields(client):
    login_editor(client)
    index = make_impact_index()
    commons = make_field(index.exploration, "Les communs")
    make_field(index.exploration, "Le travail")

    response = post(
        client,
        add_url(ImpactPage, index),
        impact_data("Créer des communs", kind=ImpactPage.LIMIT, fields=[commons]),
    )

    impact = ImpactPage.objects.get(title="Créer des communs")
    assert response.status_code == 302
    assert response["Location"] == edit_url(impact)
    assert not impact.live and impact.revisions.count() == 1
    assert impact.kind == ImpactPage.LIMIT and impact.is_limit
    assert list(impact.exploration_fields.all()) == [commons]
    assert [block.block_type for block in impact.body] == ["paragraph", "quote"]


def test_publishing_an_edited_impact_updates_its_fields_and_leaves_its_evidence_alone(client):
    login_administrator(client)
    exploration = make_exploration()
    old_field, new_field = make_field(exploration, "Le travail"), make_field(exploration, "Les communs")
    impact = make_impact(exploration, exploration_fields=[old_field])
    row = make_evidence(make_place(exploration), impact, text="Observé sur place.")

    response = post(
        client,
        edit_url(impact),
        impact_data(impact.title, slug=impact.slug, fields=[new_field]),
        publish=True,
    )

    assert response.status_code == 302
    impact.refresh_from_db()
    assert list(impact.exploration_fields.all()) == [new_field]
    assert list(Evidence.objects.values_list("pk", "text")) == [(row.pk, "Observé sur place.")]


# -- evidence has one owner: the monograph --------------------------------------------------------------------


def test_the_impact_form_lists_its_evidence_read_only_with_a_link_to_each_monograph(client):
    login_editor(client)
    impact = make_impact(title="Créer des communs")
    place = make_place(impact.exploration, "La Quincaillerie")
    make_evidence(place, impact, text="Un fablab ouvert à tous.")

    response = client.get(edit_url(impact))

    assert "evidence" not in response.context["form"].formsets
    html = response.content.decode()
    assert "La Quincaillerie" in html and "Un fablab ouvert à tous." in html
    assert f'href="{edit_url(place)}#tab-content"' in html


def test_an_impact_form_posting_evidence_rows_changes_no_evidence(client):
    """A stale or forged impact form cannot write evidence: only the monograph does."""
    login_administrator(client)
    impact = make_impact()
    place = make_place(impact.exploration)
    row = make_evidence(place, impact, text="Écrit sur la monographie.")
    data = impact_data(impact.title, slug=impact.slug)
    data["evidence"] = inline_formset([{"place": str(place.pk), "text": "Doublon.", "strength": "1"}])

    response = post(client, edit_url(impact), data, publish=True)

    assert response.status_code == 302
    assert list(Evidence.objects.values_list("pk", "text")) == [(row.pk, "Écrit sur la monographie.")]


def test_publishing_an_older_draft_of_an_impact_keeps_an_evidence_edit_made_on_the_monograph(client):
    """The edit lost before: an evidence row edited on the monograph, then an older impact draft published."""
    login_administrator(client)
    impact = make_impact(title="Créer des communs")
    place = make_place(impact.exploration)
    row = make_evidence(place, impact, text="Première version.")
    # 1. A draft of the impact is saved.
    draft = impact_data(impact.title, slug=impact.slug, summary="Un brouillon ancien.")
    assert post(client, edit_url(impact), draft).status_code == 302
    old_draft = Revision.objects.filter(object_id=str(impact.pk)).latest("created_at", "pk")
    # 2. The evidence row is edited on the monograph, and published.
    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"evidence": 1},
            evidence=[place_side_evidence_row(impact, "Version corrigée.", id=str(row.pk))],
        ),
        publish=True,
    )
    assert response.status_code == 302
    # 3. The older impact draft goes live.
    old_draft.publish()

    assert ImpactPage.objects.get(pk=impact.pk).summary == "Un brouillon ancien."
    assert list(Evidence.objects.values_list("pk", "text")) == [(row.pk, "Version corrigée.")]
    assert [e.text for e in ImpactPage.objects.get(pk=impact.pk).live_evidence()] == ["Version corrigée."]


def test_the_database_refuses_a_second_row_for_the_same_place_and_impact():
    impact = make_impact()
    place = make_place(impact.exploration)
    make_evidence(place, impact)

    with pytest.raises(IntegrityError), transaction.atomic():
        Evidence.objects.create(place=place, impact=impact, text="Un doublon.")

    assert Evidence.objects.count() == 1


def test_a_stale_monograph_form_adding_an_impact_published_meanwhile_is_refused_with_a_message(client):
    """Two editors add the same impact to a monograph: the second, whose form predates the first
    publication, gets a clear error instead of a second row (or a server error)."""
    login_administrator(client)
    impact = make_impact()
    place = make_place(impact.exploration)
    first = place_data(place.title, slug=place.slug, evidence=[place_side_evidence_row(impact, "Par l'un.")])
    stale = place_data(
        place.title, slug=place.slug, evidence=[place_side_evidence_row(impact, "Par l'autre.")]
    )

    assert post(client, edit_url(place), first, publish=True).status_code == 302
    response = post(client, edit_url(place), stale, publish=True)

    errors = inline_errors(response, "evidence", 0)
    assert "impact" in errors and "déjà" in errors["impact"][0]
    assert list(Evidence.objects.values_list("place_id", "impact_id", "text")) == [
        (place.pk, impact.pk, "Par l'un.")
    ]


# -- bad input -----------------------------------------------------------------------------------------------


def test_it_rejects_a_field_of_another_exploration_on_a_new_impact(client):
    login_editor(client)
    index = make_impact_index(make_exploration("Mille Lieux"))
    foreign_field = make_field(make_exploration("Sharitories"), "Les villes moyennes")
    before = counts()

    response = post(client, add_url(ImpactPage, index), impact_data(fields=[foreign_field]))

    assert list(field_errors(response)) == ["exploration_fields"]
    assert counts() == before


def test_it_rejects_a_field_of_another_exploration_on_an_impact_being_edited(client):
    login_administrator(client)
    exploration = make_exploration("Mille Lieux")
    own_field = make_field(exploration, "Les communs")
    impact = make_impact(exploration, exploration_fields=[own_field])
    foreign_field = make_field(make_exploration("Sharitories"), "Les villes moyennes")
    before = live_values(impact)

    response = post(
        client,
        edit_url(impact),
        impact_data(impact.title, slug=impact.slug, fields=[own_field, foreign_field]),
        publish=True,
    )

    assert list(field_errors(response)) == ["exploration_fields"]
    assert live_values(impact) == before


def test_the_impact_form_offers_only_the_fields_of_its_exploration(client):
    login_editor(client)
    exploration = make_exploration("Mille Lieux")
    own_field = make_field(exploration, "Les communs")
    make_field(make_exploration("Sharitories"), "Les villes moyennes")
    impact = make_impact(exploration)

    form = client.get(edit_url(impact)).context["form"]

    assert list(form.fields["exploration_fields"].queryset) == [own_field]


@pytest.mark.parametrize("field", ["title", "summary"])
def test_it_refuses_to_publish_an_impact_with_an_empty_required_field(client, field):
    login_administrator(client)
    impact = make_impact()
    before = live_values(impact)

    response = post(client, edit_url(impact), impact_data(**{"slug": impact.slug, field: ""}), publish=True)

    assert field in field_errors(response)
    assert live_values(impact) == before


def test_it_rejects_a_slug_already_used_by_a_sibling_impact(client):
    login_administrator(client)
    index = make_impact_index()
    first = make_impact(title="Créer des communs", index=index)
    other = make_impact(title="Une limite", kind=ImpactPage.LIMIT, index=index)
    before = live_values(other)

    response = post(client, edit_url(other), impact_data("Une limite", slug=first.slug), publish=True)

    assert list(field_errors(response)) == ["slug"]
    assert live_values(other) == before
