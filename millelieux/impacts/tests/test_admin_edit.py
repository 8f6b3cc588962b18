"""Editing impacts in the admin, as an editor, and the evidence that both a place and an impact edit."""

import pytest
from django.utils import timezone
from wagtail.models import Revision
from wagtail.test.utils.form_data import inline_formset, rich_text, streamfield

from millelieux.core.tests.admin_helpers import (
    add_preview_url,
    add_url,
    edit_preview_url,
    edit_url,
    field_errors,
    future_datetime,
    get_preview,
    inline_errors,
    login_editor,
    page_data,
    post,
)
from millelieux.explorations.factories import make_exploration, make_field
from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index
from millelieux.impacts.models import Evidence, ImpactIndexPage, ImpactPage
from millelieux.places.factories import make_place
from millelieux.places.tests.test_admin_edit import evidence_row as place_side_evidence_row
from millelieux.places.tests.test_admin_edit import place_data

pytestmark = pytest.mark.django_db


def evidence_row(place, text="Les habitants y trouvent un atelier partagé.", **extra):
    return {
        "place": str(place.pk),
        "text": text,
        "quote": "",
        "source": "Entretien",
        "strength": "3",
        **extra,
    }


def impact_data(title="Créer des communs", fields=(), evidence=(), initial_evidence=0, **values):
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
        "evidence": inline_formset(list(evidence), initial=initial_evidence),
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


def test_an_editor_creates_a_draft_impact_with_its_fields_and_evidence(client):
    login_editor(client)
    index = make_impact_index()
    commons = make_field(index.exploration, "Les communs")
    make_field(index.exploration, "Le travail")
    place = make_place(index.exploration)

    response = post(
        client,
        add_url(ImpactPage, index),
        impact_data(
            "Créer des communs", kind=ImpactPage.LIMIT, fields=[commons], evidence=[evidence_row(place)]
        ),
    )

    impact = ImpactPage.objects.get(title="Créer des communs")
    assert response.status_code == 302
    assert response["Location"] == edit_url(impact)
    assert not impact.live and impact.revisions.count() == 1
    assert impact.kind == ImpactPage.LIMIT and impact.is_limit
    assert list(impact.exploration_fields.all()) == [commons]
    assert [block.block_type for block in impact.body] == ["paragraph", "quote"]
    evidence = Evidence.objects.get()
    assert (evidence.place_id, evidence.impact_id) == (place.pk, impact.pk)
    assert evidence.strength == Evidence.STRONG


def test_an_editor_publishes_a_new_impact(client):
    login_editor(client)
    index = make_impact_index()

    response = post(client, add_url(ImpactPage, index), impact_data("Créer des communs"), publish=True)

    assert response.status_code == 302
    impact = ImpactPage.objects.get()
    assert impact.live and impact.live_revision is not None


def test_saving_a_draft_of_a_live_impact_keeps_the_live_version_and_its_evidence(client):
    login_editor(client)
    impact = make_impact(title="Créer des communs", summary="Le résumé publié.")
    place = make_place(impact.exploration)
    revisions_before = impact.revisions.count()

    response = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title, slug=impact.slug, summary="Un nouveau résumé.", evidence=[evidence_row(place)]
        ),
    )

    assert response.status_code == 302
    impact.refresh_from_db()
    assert impact.live and impact.has_unpublished_changes
    assert impact.summary == "Le résumé publié."
    assert not Evidence.objects.exists()
    assert impact.revisions.count() == revisions_before + 1
    draft = impact.get_latest_revision_as_object()
    assert draft.summary == "Un nouveau résumé."
    assert [row.place_id for row in draft.evidence.all()] == [place.pk]


def test_publishing_an_edited_impact_updates_its_fields_and_evidence(client):
    login_editor(client)
    exploration = make_exploration()
    old_field, new_field = make_field(exploration, "Le travail"), make_field(exploration, "Les communs")
    impact = make_impact(exploration, exploration_fields=[old_field])
    first, second = make_place(exploration, "Premier lieu"), make_place(exploration, "Second lieu")
    kept = make_evidence(first, impact, text="Avant.")
    dropped = make_evidence(second, impact, text="À retirer.")

    response = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            fields=[new_field],
            initial_evidence=2,
            evidence=[
                evidence_row(first, "Après.", id=str(kept.pk)),
                evidence_row(second, "À retirer.", id=str(dropped.pk), DELETE="1"),
            ],
        ),
        publish=True,
    )

    assert response.status_code == 302
    impact.refresh_from_db()
    assert list(impact.exploration_fields.all()) == [new_field]
    assert list(Evidence.objects.values_list("pk", "place_id", "text")) == [(kept.pk, first.pk, "Après.")]


def test_an_editor_previews_changes_to_an_impact(client):
    login_editor(client)
    impact = make_impact(title="Créer des communs")
    revisions_before = Revision.objects.count()

    response = post(client, edit_preview_url(impact), impact_data("Des communs aperçus", slug=impact.slug))

    assert response.json() == {"is_valid": True, "is_available": True}
    assert Revision.objects.count() == revisions_before
    assert ImpactPage.objects.get(pk=impact.pk).title == "Créer des communs"
    preview_html = get_preview(client, edit_preview_url(impact))
    assert "Des communs aperçus" in preview_html


def test_an_editor_previews_an_impact_not_yet_created(client):
    login_editor(client)
    index = make_impact_index()

    response = post(client, add_preview_url(ImpactPage, index), impact_data("Un impact à venir"))

    assert response.json() == {"is_valid": True, "is_available": True}
    assert not ImpactPage.objects.exists()
    preview_html = get_preview(client, add_preview_url(ImpactPage, index))
    assert "Un impact à venir" in preview_html


def test_a_new_impact_scheduled_for_later_is_not_live_and_waits_in_an_approved_revision(client):
    login_editor(client)
    index = make_impact_index()
    go_live_text, _ = future_datetime(days=7)

    response = post(client, add_url(ImpactPage, index), impact_data(go_live_at=go_live_text), publish=True)

    assert response.status_code == 302
    impact = ImpactPage.objects.get()
    assert not impact.live
    assert impact.get_latest_revision().approved_go_live_at > timezone.now()


def test_an_editor_creates_and_edits_the_impact_index(client):
    login_editor(client)
    exploration = make_exploration()

    response = post(
        client,
        add_url(ImpactIndexPage, exploration),
        page_data("Impacts", intro=rich_text("<p>Huit impacts.</p>")),
        publish=True,
    )

    assert response.status_code == 302
    index = ImpactIndexPage.objects.get()
    assert index.live and index.get_parent().pk == exploration.pk

    response = post(
        client,
        edit_url(index),
        page_data("Impacts", slug=index.slug, intro=rich_text("<p>Positifs et limites.</p>")),
    )

    assert response.status_code == 302
    index.refresh_from_db()
    assert "Huit impacts" in index.intro
    assert "Positifs et limites" in index.get_latest_revision_as_object().intro


def test_an_editor_previews_the_impact_index(client):
    login_editor(client)
    index = make_impact_index(title="Impacts")
    make_impact(index=index, title="Créer des communs")

    response = post(
        client,
        edit_preview_url(index),
        page_data("Impacts aperçus", slug=index.slug, intro=rich_text("<p>Huit impacts.</p>")),
    )

    assert response.json() == {"is_valid": True, "is_available": True}
    content = get_preview(client, edit_preview_url(index))
    assert "Impacts aperçus" in content and "Créer des communs" in content


# -- one evidence table, edited from both sides --------------------------------------------------------------


def test_evidence_written_on_a_place_is_the_row_edited_from_the_impact(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    place = make_place(exploration, title="La Coroutine")

    from_place = post(
        client,
        edit_url(place),
        place_data(
            place.title, slug=place.slug, evidence=[place_side_evidence_row(impact, "Vu depuis le lieu.")]
        ),
        publish=True,
    )
    assert from_place.status_code == 302
    row = Evidence.objects.get()

    # The impact's edit form shows the row written from the place, with its id.
    form = client.get(edit_url(impact)).context["form"]
    assert [f.instance.pk for f in form.formsets["evidence"].forms] == [row.pk]

    from_impact = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            initial_evidence=1,
            evidence=[evidence_row(place, "Revu depuis l'impact.", id=str(row.pk))],
        ),
        publish=True,
    )

    assert from_impact.status_code == 302
    assert list(Evidence.objects.values_list("pk", "place_id", "impact_id", "text")) == [
        (row.pk, place.pk, impact.pk, "Revu depuis l'impact.")
    ]
    assert list(place.evidence.values_list("text", flat=True)) == ["Revu depuis l'impact."]


def test_evidence_written_on_an_impact_is_the_row_edited_from_the_place(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    place = make_place(exploration)

    post(
        client,
        edit_url(impact),
        impact_data(impact.title, slug=impact.slug, evidence=[evidence_row(place, "Vu depuis l'impact.")]),
        publish=True,
    )
    row = Evidence.objects.get()
    assert row.text == "Vu depuis l'impact."

    response = post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"evidence": 1},
            evidence=[place_side_evidence_row(impact, "Revu depuis le lieu.", id=str(row.pk), strength="1")],
        ),
        publish=True,
    )

    assert response.status_code == 302
    assert list(Evidence.objects.values_list("pk", "text", "strength")) == [
        (row.pk, "Revu depuis le lieu.", Evidence.WEAK)
    ]
    assert list(impact.live_evidence().values_list("pk", flat=True)) == [row.pk]


def test_removing_evidence_on_one_side_removes_it_from_the_other(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    place = make_place(exploration)
    row = make_evidence(place, impact)

    response = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            initial_evidence=1,
            evidence=[evidence_row(place, row.text, id=str(row.pk), DELETE="1")],
        ),
        publish=True,
    )

    assert response.status_code == 302
    assert not Evidence.objects.exists()
    assert not place.evidence.exists()


def test_publishing_an_older_draft_of_an_impact_keeps_evidence_added_meanwhile_from_a_place(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration, summary="Le résumé publié.")
    place = make_place(exploration)
    # 1. An editor saves a draft of the impact (no evidence yet).
    post(client, edit_url(impact), impact_data(impact.title, slug=impact.slug, summary="Un brouillon."))
    # 2. Another editor links the place to the impact and publishes the place.
    post(
        client,
        edit_url(place),
        place_data(
            place.title, slug=place.slug, evidence=[place_side_evidence_row(impact, "Vu depuis le lieu.")]
        ),
        publish=True,
    )
    assert Evidence.objects.count() == 1
    # 3. The first editor publishes the impact's draft as it is.
    impact.refresh_from_db()
    impact.get_latest_revision().publish()

    assert Evidence.objects.count() == 1


def test_publishing_an_older_draft_of_an_impact_does_not_bring_back_evidence_deleted_from_the_place(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration)
    place = make_place(exploration)
    row = make_evidence(place, impact, text="Vu une fois.")
    # A draft of the impact, made while the row existed: its snapshot holds the row.
    post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            summary="Un brouillon.",
            initial_evidence=1,
            evidence=[evidence_row(place, row.text, id=str(row.pk))],
        ),
    )
    # The place's editor removes the row.
    post(
        client,
        edit_url(place),
        place_data(
            place.title,
            slug=place.slug,
            initial={"evidence": 1},
            evidence=[place_side_evidence_row(impact, row.text, id=str(row.pk), DELETE="1")],
        ),
        publish=True,
    )
    assert not Evidence.objects.exists()

    ImpactPage.objects.get(pk=impact.pk).get_latest_revision().publish()

    assert ImpactPage.objects.get(pk=impact.pk).summary == "Un brouillon."
    assert not Evidence.objects.exists()


def test_publishing_an_impact_from_its_edit_form_keeps_evidence_added_from_a_place_since_its_draft(client):
    login_editor(client)
    exploration = make_exploration()
    impact = make_impact(exploration, summary="Le résumé publié.")
    place = make_place(exploration)
    post(client, edit_url(impact), impact_data(impact.title, slug=impact.slug, summary="Un brouillon."))
    post(
        client,
        edit_url(place),
        place_data(
            place.title, slug=place.slug, evidence=[place_side_evidence_row(impact, "Vu depuis le lieu.")]
        ),
        publish=True,
    )
    row = Evidence.objects.get()

    # The editor of the impact opens its edit form, which shows the draft, and publishes it as shown.
    form = client.get(edit_url(impact)).context["form"]
    shown = [f.instance.pk for f in form.formsets["evidence"].forms]
    response = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            summary="Un brouillon.",
            initial_evidence=len(shown),
            evidence=[evidence_row(place, row.text, id=str(row.pk)) for _ in shown],
        ),
        publish=True,
    )

    assert response.status_code == 302
    assert ImpactPage.objects.get(pk=impact.pk).summary == "Un brouillon."
    assert list(Evidence.objects.values_list("pk", flat=True)) == [row.pk]


# -- bad input -----------------------------------------------------------------------------------------------


def test_it_rejects_evidence_of_a_place_from_another_exploration_on_a_new_impact(client):
    login_editor(client)
    index = make_impact_index(make_exploration("Mille Lieux"))
    foreign_place = make_place(make_exploration("Sharitories"), "Un lieu d'ailleurs")
    before = counts()

    response = post(client, add_url(ImpactPage, index), impact_data(evidence=[evidence_row(foreign_place)]))

    errors = inline_errors(response, "evidence", 0)
    assert "place" in errors and "Sharitories" in errors["place"][0]
    assert counts() == before


def test_it_rejects_evidence_of_a_place_from_another_exploration_on_an_impact_being_edited(client):
    login_editor(client)
    impact = make_impact(make_exploration("Mille Lieux"))
    foreign_place = make_place(make_exploration("Sharitories"), "Un lieu d'ailleurs")
    before = live_values(impact)
    evidence_before = Evidence.objects.count()

    response = post(
        client,
        edit_url(impact),
        impact_data(impact.title, slug=impact.slug, evidence=[evidence_row(foreign_place)]),
        publish=True,
    )

    assert "place" in inline_errors(response, "evidence", 0)
    assert live_values(impact) == before
    assert Evidence.objects.count() == evidence_before


def test_it_rejects_the_same_place_twice_in_one_impacts_evidence(client):
    login_editor(client)
    impact = make_impact()
    place = make_place(impact.exploration)
    before = counts()

    response = post(
        client,
        edit_url(impact),
        impact_data(
            impact.title,
            slug=impact.slug,
            evidence=[evidence_row(place, "Un."), evidence_row(place, "Deux.")],
        ),
    )

    assert inline_errors(response, "evidence", 0) == {}
    assert "place" in inline_errors(response, "evidence", 1)
    assert counts() == before


def test_it_rejects_a_field_of_another_exploration_on_a_new_impact(client):
    login_editor(client)
    index = make_impact_index(make_exploration("Mille Lieux"))
    foreign_field = make_field(make_exploration("Sharitories"), "Les villes moyennes")
    before = counts()

    response = post(client, add_url(ImpactPage, index), impact_data(fields=[foreign_field]))

    assert list(field_errors(response)) == ["exploration_fields"]
    assert counts() == before


def test_it_rejects_a_field_of_another_exploration_on_an_impact_being_edited(client):
    login_editor(client)
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
    login_editor(client)
    impact = make_impact()
    before = live_values(impact)

    response = post(client, edit_url(impact), impact_data(**{"slug": impact.slug, field: ""}), publish=True)

    assert field in field_errors(response)
    assert live_values(impact) == before


def test_it_rejects_a_slug_already_used_by_a_sibling_impact(client):
    login_editor(client)
    index = make_impact_index()
    first = make_impact(title="Créer des communs", index=index)
    other = make_impact(title="Une limite", kind=ImpactPage.LIMIT, index=index)
    before = live_values(other)

    response = post(client, edit_url(other), impact_data("Une limite", slug=first.slug), publish=True)

    assert list(field_errors(response)) == ["slug"]
    assert live_values(other) == before
