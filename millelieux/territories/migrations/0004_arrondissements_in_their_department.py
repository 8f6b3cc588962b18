"""Arrondissements and communes déléguées without a department take their commune's (as the loader now does),
so that census entries in Paris, Lyon or Marseille are counted in their region."""

from django.db import migrations


def fill_departments(apps, schema_editor):
    Commune = apps.get_model("territories", "Commune")
    department_by_code = dict(
        Commune.objects.filter(department__isnull=False).values_list("code", "department_id")
    )
    orphans = list(Commune.objects.filter(department__isnull=True).exclude(parent_code=""))
    for commune in orphans:
        commune.department_id = department_by_code.get(commune.parent_code)
    Commune.objects.bulk_update([c for c in orphans if c.department_id], ["department"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("territories", "0003_commune_classes")]

    operations = [migrations.RunPython(fill_departments, migrations.RunPython.noop)]
