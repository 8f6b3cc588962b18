import shutil
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
        "page (pages par seconde, fichiers réécrits). Référence : les mêmes pages rendues une à une par le "
        "client de test de Django. Travaille dans une base de test créée puis détruite et dans des dossiers "
        f"temporaires : l'instance n'est pas touchée. Cible : {TARGET_PAGES_PER_SECOND} pages/s à chaud."
    )

    def add_arguments(self, parser):
        parser.add_argument("--workers", type=int, default=2, help="Processus de rendu (2).")

    def handle(self, *args, workers, **options):
        if workers < 1 or workers > 64:
            raise CommandError(f"--workers doit être compris entre 1 et 64 (reçu : {workers}).")
        folder = Path(tempfile.mkdtemp(prefix="millelieux-benchmark-export-"))
        old_name = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            # a file, not the in-memory default: the rendering processes must see the same database
            connection.settings_dict.setdefault("TEST", {})["NAME"] = str(folder / "test.sqlite3")
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            with override_settings(MEDIA_ROOT=str(folder / "media")):
                rows = self.measure(test_name, folder, workers)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            shutil.rmtree(folder, ignore_errors=True)

        self.stdout.write(
            f"\n{'mesure':<42}{'pages':>7}{'s':>8}{'pages/s':>9}{'réécrits':>10}{'inchangés':>11}"
        )
        for label, pages, seconds, written, unchanged in rows:
            self.stdout.write(
                f"{label:<42}{pages:>7}{seconds:>8.2f}{pages / seconds:>9.1f}{written:>10}{unchanged:>11}"
            )
        best = max(pages / seconds for label, pages, seconds, *_ in rows if "chaud" in label)
        baseline = next(pages / seconds for label, pages, seconds, *_ in rows if "client" in label)
        verdict = "atteinte" if best >= TARGET_PAGES_PER_SECOND else "MANQUÉE"
        self.stdout.write(
            f"\nExport à chaud : {best:.1f} pages/s, {best / baseline:.1f} × le client de test "
            f"({baseline:.1f} pages/s). Cible ≥ {TARGET_PAGES_PER_SECOND} pages/s ({connection.vendor}) : {verdict}."
        )

    def measure(self, test_name, folder, workers):
        from millelieux.census.importing import import_census, load_mapping

        self.stdout.write(f"Base de test : {test_name}. Territoires, base CGET 2019 et démo…")
        started = time.perf_counter()
        call_command("load_territories", verbosity=0, stdout=StringIO())
        import_census(CGET_2019_FILE, load_mapping("cget-2019"), continue_on_error=True)
        call_command("load_demo", stdout=StringIO())
        self.stdout.write(f"  chargés en {time.perf_counter() - started:.1f} s")
        rows = []

        def run(label, outdir, **options):
            report = export_site(outdir, **options)
            rows.append((label, report.pages, report.seconds, report.written, report.unchanged))
            self.stdout.write(f"  {label} : {report.pages} pages en {report.seconds:.1f} s")
            return report

        run("export complet à froid, 1 processus", folder / "froid")
        run("export complet à chaud, 1 processus", folder / "chaud-1")
        report = run(f"export complet à chaud, {workers} processus", folder / "chaud", workers=workers)
        problems = check_site(report.outdir)
        if problems:
            raise CommandError(f"{len(problems)} liens cassés dans l'export, dont : {problems[0]}")

        ArticlePage = apps.get_model("articles", "ArticlePage")
        article = ArticlePage.objects.live().filter(locale__language_code="fr").order_by("pk").first()
        article.title += " (corrigé)"
        article.save_revision().publish()
        run(f"export incrémental (1 page modifiée), {workers} processus", folder / "chaud", workers=workers)

        # The reference: the same pages, one by one, through Django's test client.
        crawler = Crawler()
        host, _, port = crawler.origin.split("://", 1)[1].partition(":")
        client = Client(SERVER_NAME=host, SERVER_PORT=port or "80")
        pages = [
            resource
            for resource in crawler.crawl(["/sitemap.xml", *crawler.page_urls()]).values()
            if resource.is_page
        ]
        started = time.perf_counter()
        for resource in pages:
            response = client.get(resource.path + (f"?{resource.query}" if resource.query else ""))
            if response.status_code != 200:
                raise CommandError(f"{resource.path} a répondu {response.status_code}.")
        rows.append(
            ("client de test de Django, page par page", len(pages), time.perf_counter() - started, 0, 0)
        )
        return rows
