"""Last step of the evidence change: the text source goes, and a place × impact pair becomes unique."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("impacts", "0004_evidence_sources_and_unique_pairs"),
    ]

    operations = [
        migrations.RemoveField(model_name="evidence", name="source_note"),
        migrations.AlterModelOptions(
            name="evidence",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "observation",
                "verbose_name_plural": "observations",
            },
        ),
        migrations.AddField(
            model_name="evidence",
            name="sort_order",
            field=models.IntegerField(blank=True, editable=False, null=True),
        ),
        migrations.AddField(
            model_name="impactpage",
            name="source",
            field=models.ForeignKey(
                blank=True,
                help_text="La publication où l'impact est décrit.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="sources.source",
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="quote",
            field=models.TextField(
                blank=True,
                help_text="Seulement une citation publiée, dont la source est indiquée.",
                verbose_name="citation",
            ),
        ),
        migrations.AddConstraint(
            model_name="evidence",
            constraint=models.UniqueConstraint(
                fields=("place", "impact"), name="unique_evidence_per_place_and_impact"
            ),
        ),
    ]
