import shutil
import statistics
import tempfile
import time
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings

from millelieux.export.check import check_site
from millelieux.export.crawler import Crawler
from millelieux.export.site import export_site

TARGET_PAGES_PER_SECOND = 100
# The CGET 2019 base as shipped (without its personal columns), the one the demo imports.
CGET_2019_FILE = Path(apps.get_app_config("census").path) / "data" / "cget-2019.csv"


class Command(BaseCommand):
    help = (
        "Mesure l'export statique sur la démo et la base CGET 2019 importée : un export complet à froid, "
        "puis à chaud avec un et plusieurs processus, puis un export incrémental après la modification d'une "
        "page (pages par seconde, fichiers réécrits ; la publication de la page, qui remet à jour le livre PDF, est "
        "mesurée à part). Référence : les mêmes pages rendues une à une par le "
        "client de test de Django. Chaque mesure à chaud est répétée (--repeat) : la médiane est retenue, "
        "l'étendue affichée. Travaille dans une base de test créée puis détruite et dans des dossiers "
        f"temporaires : l'instance n'est pas touchée. Cible : {TARGET_PAGES_PER_SECOND} pages/s à chaud."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help="Processus de rendu (2).")
        parser.add_argument(
            "--repeat",
            type=int,
            default=5,
            help="Répétitions de chaque mesure à chaud (5) : la médiane compte.",
        )

    def handle(self, *args, workers, repeat, **options):
        if workers < 1 or workers > 64:
            raise CommandError(f"--workers doit être compris entre 1 et 64 (reçu : {workers}).")
        if repeat < 1 or repeat > 100:
            raise CommandError(f"--repeat doit être compris entre 1 et 100 (reçu : {repeat}).")
        folder = Path(tempfile.mkdtemp(prefix="millelieux-benchmark-export-"))
        old_name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            # a file, not the in-memory default: the rendering processes must see the same database
            connection.settings_dict.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with override_settings(MEDIA_ROOT=str(folder / "media")):
                rows = self.measure(test_name, folder, workers, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            shutil.rmtree(folder, ignore_errors=True)

        self.stdout.write(
            f"\n{'mesure':<50}{'pages':>6}{'s':>7}{'pages/s':>9}{'étendue':>15}{'réécrits':>10}{'inchangés':>10}"
        )
        for row in rows:
            spread = f"{row.slowest:.0f}–{row.fastest:.0f}" if len(row.seconds) > 1 else ""
            self.stdout.write(
                f"{row.label:<50}{row.pages:>6}{row.median:>7.2f}{row.rate:>9.1f}{spread:>15}"
                f"{row.written:>10}{row.unchanged:>10}"
            )
        warm = next(row for row in rows if row.label.startswith(f"export complet à chaud, {workers}"))
        incremental = next(row for row in rows if row.label.startswith("export incrémental"))
        baseline = next(row for row in rows if "client" in row.label)
        self.stdout.write(
            f"\nPublication de la page modifiée avant chaque export incrémental (le livre PDF y est remis à jour) : "
            f"{self.publication_seconds:.2f} s (médiane)."
        )
        for row, name in ((warm, "Export à chaud"), (incremental, "Export incrémental")):
            verdict = "atteinte" if row.rate >= TARGET_PAGES_PER_SECOND else "MANQUÉE"
            self.stdout.write(
                f"\n{name} : {row.rate:.1f} pages/s (médiane de {len(row.seconds)}), "
                f"{row.rate / baseline.rate:.1f} × le client de test ({baseline.rate:.1f} pages/s). "
                f"Cible ≥ {TARGET_PAGES_PER_SECOND} pages/s ({connection.vendor}) : {verdict}."
            )

    def measure(self, test_name, folder, workers, repeat):
        from millelieux.census.importing import import_census, load_mapping

        self.stdout.write(f"Base de test : {test_name}. Territoires, base CGET 2019 et démo…")
        started = time.perf_counter()
        call_command("load_territories", verbosity=0, stdout=StringIO())
        import_census(CGET_2019_FILE, load_mapping("cget-2019"), continue_on_error=True)
        call_command("load_demo", stdout=StringIO())
        self.stdout.write(f"  chargés en {time.perf_counter() - started:.1f} s")
        rows = []

        def run(label, outdir, times=1, before=None, **options):
            row = Measure(label)
            for _ in range(times):
                if before is not None:
                    before()
                report = export_site(outdir, **options)
                row.add(report.pages, report.seconds, report.written, report.unchanged)
            rows.append(row)
            self.stdout.write(f"  {label} : {row.pages} pages, {row.rate:.1f} pages/s ({row.median:.2f} s)")
            return report

        run("export complet à froid, 1 processus", folder / "froid")
        run("export complet à chaud, 1 processus", folder / "chaud-1", repeat)
        report = run(
            f"export complet à chaud, {workers} processus", folder / "chaud", repeat, workers=workers
        )
        problems = check_site(report.outdir)
        if problems:
            raise CommandError(f"{len(problems)} liens cassés dans l'export, dont : {problems[0]}")

        ArticlePage = apps.get_model("articles", "ArticlePage")
        article = ArticlePage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
        title = article.title
        edits = iter(range(1, repeat + 1))

        publications = []

        def edit_one_page():  # a new title each time: every export has one page to rewrite
            article.title = f"{title} (corrigé {next(edits)})"
            started = time.perf_counter()
            # The publication brings the live book up to date (books.tasks): its time is not the export's, so it
            # is shown on its own line.
            article.save_revision().publish()
            publications.append(time.perf_counter() - started)

        run(
            f"export incrémental (1 page modifiée), {workers} processus",
            folder / "chaud",
            repeat,
            before=edit_one_page,
            workers=workers,
        )
        self.publication_seconds = statistics.median(publications)
        self.stdout.write(
            f"  publication de la page modifiée, livre PDF remis à jour : {self.publication_seconds:.2f} s "
            "(médiane, hors export)"
        )

        # The reference: the same pages, one by one, through Django's test client.
        crawler = Crawler()
        host, _, port = crawler.origin.split("://", 1)[1].partition(":")
        client = Client(SERVER_NAME=host, SERVER_PORT=port or "80")
        pages = [
            resource
            for resource in crawler.crawl(["/sitemap.xml", *crawler.page_urls()]).values()
            if resource.is_page
        ]
        row = Measure("client de test de Django, page par page")
        for _ in range(repeat):
            started = time.perf_counter()
            for resource in pages:
                response = client.get(resource.path + (f"?{resource.query}" if resource.query else ""))
                if response.status_code != 200:
                    raise CommandError(f"{resource.path} a répondu {response.status_code}.")
            row.add(len(pages), time.perf_counter() - started)
        rows.append(row)
        return rows


class Measure:
    """The runs of one measure: its median time (what counts), the fastest and slowest rates."""

    def __init__(self, label):
        self.label, self.seconds, self.pages, self.written, self.unchanged = label, [], 0, 0, 0

    def add(self, pages, seconds, written=0, unchanged=0):
        self.pages, self.written, self.unchanged = pages, written, unchanged
        self.seconds.append(seconds)

    @property
    def median(self):
        return statistics.median(self.seconds)

    @property
    def rate(self):
        return self.pages / self.median

    @property
    def fastest(self):
        return self.pages / min(self.seconds)

    @property
    def slowest(self):
        return self.pages / max(self.seconds)
