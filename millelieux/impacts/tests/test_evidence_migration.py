"""The migration to one owner keeps every evidence row: text sources become Sources, repeated pairs merge."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from millelieux.explorations.factories import make_exploration
from millelieux.impacts.factories import make_impact
from millelieux.places.factories import make_place

BEFORE = [("impacts", "0002_initial")]
AFTER = [("impacts", "0005_evidence_unique_pair")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migrating_keeps_every_row_turns_text_sources_into_sources_and_merges_repeated_pairs():
    exploration = make_exploration()
    place, other_place = make_place(exploration, "Hôtel Pasteur"), make_place(exploration, "Les Riverains")
    impact = make_impact(exploration)
    place_revision = place.save_revision()
    old_apps = migrate(BEFORE)
    try:
        OldEvidence = old_apps.get_model("impacts", "Evidence")
        OldEvidence.objects.create(
            place_id=place.pk, impact_id=impact.pk, text="Vu en 2018.", source="Visite"
        )
        OldEvidence.objects.create(place_id=place.pk, impact_id=impact.pk, text="Revu en 2019.", strength=3)
        OldEvidence.objects.create(place_id=other_place.pk, impact_id=impact.pk, text="Ailleurs.", source="")
        # A saved draft of the monograph written before: its evidence rows name their source as text.
        Revision = old_apps.get_model("wagtailcore", "Revision")
        revision = Revision.objects.get(pk=place_revision.pk)
        revision.content["evidence"] = [
            {"pk": None, "place": place.pk, "impact": impact.pk, "text": "Brouillon.", "source": "Article"}
        ]
        revision.content["evidence_snapshot_at"] = "2026-01-01T00:00:00+00:00"
        revision.save()
    finally:
        new_apps = migrate(AFTER)

    Evidence, Source = new_apps.get_model("impacts", "Evidence"), new_apps.get_model("sources", "Source")
    rows = {row.place_id: row for row in Evidence.objects.all()}
    assert set(rows) == {place.pk, other_place.pk}
    merged = rows[place.pk]
    assert "Vu en 2018." in merged.text and "Revu en 2019." in merged.text
    assert merged.strength == 3
    assert Source.objects.get(pk=merged.source_id).title == "Visite"
    assert rows[other_place.pk].source_id is None
    content = new_apps.get_model("wagtailcore", "Revision").objects.get(pk=place_revision.pk).content
    assert "evidence_snapshot_at" not in content
    assert content["evidence"][0]["source"] == Source.objects.get(title="Article").pk
