import csv
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.utils.translation import gettext as _

from millelieux.census.importing import ImportFailed, InputError, import_census, load_mapping
from millelieux.census.models import Census, CensusEntry, DuplicateCandidate
from millelieux.territories.models import Commune

DEFAULT_FILE = (
    Path(settings.BASE_DIR).parent / "shared" / "data" / "census-cget-2019" / "CGET_TiersLieux_2019.csv"
)
SLUG = "benchmark-{rows}"


def generate(real_file, target, rows, seed=2019):
    """A CSV of `rows` rows with the real file's columns, drawn from its rows: each generated row takes the
    place (commune, postcode, department…) of one real row, the name and typology of others, and coordinates
    moved by up to ~2 km. Personal columns stay empty."""
    randomiser = random.Random(seed)
    with Path(real_file).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, real = reader.fieldnames, list(reader)
    with Path(target).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for number in range(1, rows + 1):
            row = dict(randomiser.choice(real))
            row["ID"] = str(number)
            row["NOM_TL"] = f"{randomiser.choice(real)['NOM_TL']} {number}"
            row["TYPO"] = randomiser.choice(real)["TYPO"]
            for column in ("LAT", "LONG"):
                try:
                    row[column] = f"{float(row[column]) + randomiser.uniform(-0.02, 0.02):.6f}"
                except ValueError:
                    pass
            for column in ("CONTACT", "MAIL"):
                if column in row:
                    row[column] = ""
            writer.writerow(row)


def delete_census(slug):
    """Delete a benchmark census. Its entries were written with one INSERT per batch, without signals; they
    go with one DELETE: the ORM would load each entry and send a signal for it (minutes for 100,000)."""
    entries = CensusEntry.objects.filter(census__slug=slug)
    DuplicateCandidate.objects.filter(first__in=entries).delete()
    DuplicateCandidate.objects.filter(second__in=entries).delete()
    for relation in CensusEntry._meta.related_objects:  # a page linked to a benchmark entry keeps its page
        relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": entries}).update(
            **{relation.field.name: None}
        )
    table, census_table = (connection.ops.quote_name(m._meta.db_table) for m in (CensusEntry, Census))
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {table} WHERE census_id IN (SELECT id FROM {census_table} WHERE slug = %s)", [slug]
        )
    Census.objects.filter(slug=slug).delete()


class Command(BaseCommand):
    help = _(
        "Mesure l'import d'un recensement : le fichier réel du CGET (1 512 lignes) puis un fichier de 100 000 "
        "lignes tiré de ses distributions, chacun importé dans un recensement neuf puis réimporté (tout "
        "inchangé), chaque import dans un processus neuf pour mesurer sa mémoire maximale. Les recensements "
        "de mesure sont supprimés à la fin. Les territoires doivent être chargés."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=None, help=_("Le fichier réel du CGET 2019."))
        parser.add_argument("--rows", type=int, default=100_000, help=_("Lignes du fichier généré."))
        parser.add_argument("--keep", action="store_true", help=_("Garder les recensements de mesure."))
        parser.add_argument(
            "--child", default=None, help="(interne) importer dans ce recensement et mesurer."
        )

    def handle(self, *args, file=None, rows=100_000, keep=False, child=None, **options):
        if child:
            return self.measure(file, child)
        try:
            territories_loaded = Commune.objects.exists()
        except DatabaseError:  # a data folder whose database was never migrated
            territories_loaded = False
        if not territories_loaded:
            raise CommandError(
                _(
                    "Les territoires ne sont pas chargés dans cette base : lancez « millelieux migrate » puis "
                    "« millelieux load_territories » (ou « millelieux demo --no-serve »)."
                )
            )
        file = Path(file) if file else DEFAULT_FILE
        if not file.is_file():
            raise CommandError(_("Fichier introuvable : %(path)s") % {"path": file})
        results = []
        with tempfile.TemporaryDirectory(prefix="millelieux-benchmark-") as folder:
            generated = Path(folder) / f"generated-{rows}.csv"
            started = time.perf_counter()
            generate(file, generated, rows)
            self.stdout.write(
                _("Fichier de %(rows)s lignes généré en %(s).1f s (%(mb).0f Mo).")
                % {"rows": rows, "s": time.perf_counter() - started, "mb": generated.stat().st_size / 1e6}
            )
            for path, slug in ((file, SLUG.format(rows="real")), (generated, SLUG.format(rows=rows))):
                delete_census(slug)
                for label in (_("premier import"), _("réimport")):
                    result = self.run_child(path, slug)
                    result["label"] = f"{path.name} — {label}"
                    results.append(result)
                    self.stdout.write(self.describe(result))
        if not keep:
            for slug in (SLUG.format(rows="real"), SLUG.format(rows=rows)):
                delete_census(slug)

    def run_child(self, path, slug):
        command = [sys.executable, "-m", "millelieux.cli", "benchmark_census", str(path), "--child", slug]
        done = subprocess.run(command, capture_output=True, text=True, cwd=settings.BASE_DIR)
        if done.returncode:
            raise CommandError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else done.stdout)
        return json.loads(done.stdout.strip().splitlines()[-1])

    def describe(self, r):
        return _(
            "%(label)s : %(seconds).2f s, %(rate).0f lignes/s, mémoire max %(rss).0f Mo (Django seul %(base).0f Mo) "
            "— %(total)s lues, %(created)s créées, %(updated)s mises à jour, %(unchanged)s inchangées, "
            "%(rejected)s rejetées, %(duplicates)s doublons probables"
        ) % {**r, "rate": r["total"] / max(r["seconds"], 1e-9)}

    def measure(self, path, slug):
        """In a fresh process: import once, print the timing and the peak memory as one JSON line."""
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        mapping = load_mapping("cget-2019")
        started = time.perf_counter()
        try:
            report = import_census(path, mapping, source=slug, continue_on_error=True)
        except (InputError, ImportFailed) as error:
            raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux
        result = {k: v for k, v in report.as_dict().items() if isinstance(v, int) and not isinstance(v, bool)}
        result.update(seconds=seconds, rss=rss, base=base, duplicates=len(report.duplicates))
        self.stdout.write(json.dumps(result))
