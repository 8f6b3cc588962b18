"""Evidence gets one owner, the monograph; its source becomes a cited Source; a place × impact pair is unique.

Existing rows are all kept: a text source becomes a Source row of that title, and rows that repeat a
place × impact pair (possible before the constraint) are merged into the latest one, their texts kept.
Saved revisions are brought in line too, so an older draft still opens and publishes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("impacts", "0002_initial"),
        ("places", "0001_initial"),
        ("sources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="evidence", old_name="source", new_name="source_note"),
        migrations.AddField(
            model_name="evidence",
            name="source",
            field=models.ForeignKey(
                blank=True,
                help_text="La publication d'où vient ce fait.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="sources.source",
                verbose_name="source",
            ),
        ),
        migrations.AlterField(
            model_name="evidence",
            name="impact",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="evidence",
                to="impacts.impactpage",
                verbose_name="impact",
            ),
        ),
    ]
