"""Data step of 0003: every evidence row kept, text sources turned into Source rows, repeated pairs merged."""

from django.db import migrations


def _source_for(Source, cache, note):
    note = (note or "").strip()
    if not note:
        return None
    if note not in cache:
        cache[note] = Source.objects.get_or_create(title=note[:300], url="")[0].pk
    return cache[note]


def forwards(apps, schema_editor):
    Evidence = apps.get_model("impacts", "Evidence")
    Source = apps.get_model("sources", "Source")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    cache = {}

    for evidence in Evidence.objects.exclude(source_note=""):
        evidence.source_id = _source_for(Source, cache, evidence.source_note)
        evidence.save(update_fields=["source"])

    pairs = {}
    for evidence in Evidence.objects.order_by("-created_at", "-pk"):
        key = (evidence.place_id, evidence.impact_id)
        kept = pairs.get(key)
        if kept is None:
            pairs[key] = evidence
            continue
        if evidence.text.strip() and evidence.text.strip() not in kept.text:
            kept.text = f"{kept.text}\n\n{evidence.text}"
        kept.quote = kept.quote or evidence.quote
        kept.source_id = kept.source_id or evidence.source_id
        kept.strength = max(kept.strength, evidence.strength)
        kept.save(update_fields=["text", "quote", "source", "strength"])
        evidence.delete()

    # Revisions: a monograph's evidence rows cite a Source id now; an impact's revisions hold no evidence.
    place_type = ContentType.objects.filter(app_label="places", model="placepage").first()
    impact_type = ContentType.objects.filter(app_label="impacts", model="impactpage").first()
    for revision in Revision.objects.filter(content_type__in=[t for t in (place_type, impact_type) if t]):
        content = revision.content
        changed = content.pop("evidence_snapshot_at", None) is not None
        if impact_type and revision.content_type_id == impact_type.pk:
            changed = content.pop("evidence", None) is not None or changed
        else:
            seen = set()
            rows = []
            for row in content.get("evidence", []):
                if isinstance(row.get("source"), str):
                    row["source"] = _source_for(Source, cache, row["source"])
                    changed = True
                if row.get("impact") in seen:
                    changed = True
                    continue
                seen.add(row.get("impact"))
                rows.append(row)
            if "evidence" in content:
                content["evidence"] = rows
        if changed:
            revision.content = content
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("impacts", "0003_evidence_has_one_owner"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
