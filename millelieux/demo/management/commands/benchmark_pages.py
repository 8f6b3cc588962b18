import gzip
import statistics
import time

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory, override_settings

TARGET_QUERIES = 15
TARGET_MONOGRAPH_MS = 30


class Command(BaseCommand):
    help = (
        "Mesure chaque type de page sur une exploration générée (par défaut 100 lieux, 30 impacts, "
        "300 articles) : requêtes SQL, temps de rendu médian côté serveur, poids HTML compressé (gzip). "
        "Chaque requête passe par le gestionnaire de Django (intergiciels et vue, comme l'export statique), "
        "sans l'instrumentation du client de test. "
        "Travaille dans une base de test créée puis détruite : la base de l'instance n'est pas touchée."
    )

    def add_arguments(self, parser):
        parser.add_argument("--places", type=int, default=100)
        parser.add_argument("--impacts", type=int, default=30)
        parser.add_argument("--articles", type=int, default=300)
        parser.add_argument("--repeat", type=int, default=25, help="Rendus par page (médiane).")

    def handle(self, *args, places, impacts, articles, repeat, **options):
        for name, value in (("--places", places), ("--impacts", impacts), ("--articles", articles)):
            if value < 1 or value > 10_000:
                raise CommandError(f"{name} doit être compris entre 1 et 10 000 (reçu : {value}).")
        if repeat < 1 or repeat > 1000:
            raise CommandError(f"--repeat doit être compris entre 1 et 1 000 (reçu : {repeat}).")
        from millelieux.demo.generated import generate_exploration, generate_territories

        old_name = connection.settings_dict["NAME"]
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            self.stdout.write(
                f"Base de test : {test_name}. Génération de {places} lieux, {impacts} impacts, "
                f"{articles} articles…"
            )
            started = time.perf_counter()
            generate_territories()
            exploration = generate_exploration(places=places, impacts=impacts, articles=articles)
            self.stdout.write(f"  générée en {time.perf_counter() - started:.1f} s")
            with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"]):
                rows = self.measure(exploration, repeat)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)

        self.stdout.write(f"\n{'page':<15}{'requêtes':>10}{'médiane (ms)':>15}{'HTML gzip (Ko)':>17}")
        for kind, count, median, size in rows:
            flag = "" if count <= TARGET_QUERIES else f"  > cible {TARGET_QUERIES}"
            self.stdout.write(f"{kind:<15}{count:>10}{median:>15.1f}{size:>17.1f}{flag}")
        monograph = next(row for row in rows if row[0] == "monograph")
        self.stdout.write(
            f"\nMonographie : {monograph[2]:.1f} ms de médiane (cible ≤ {TARGET_MONOGRAPH_MS} ms sur SQLite)."
        )

    def measure(self, exploration, repeat):
        """(page type, queries, median render in ms, HTML gzip KB) for each page type."""
        from millelieux.demo.tests.test_query_counts import QueryCounter, sample_urls

        handler = BaseHandler()
        handler.load_middleware()
        factory = RequestFactory()
        rows = []
        for kind, url in sample_urls(exploration).items():
            handler.get_response(factory.get(url))  # a first request warms the site and locale caches
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                response = handler.get_response(factory.get(url))
            if response.status_code != 200:
                raise CommandError(f"{kind} ({url}) a répondu {response.status_code}.")
            durations = []
            for _ in range(repeat):
                started = time.perf_counter()
                handler.get_response(factory.get(url))
                durations.append((time.perf_counter() - started) * 1000)
            size = len(gzip.compress(response.content)) / 1024
            rows.append((kind, counter.count, statistics.median(durations), size))
        return rows
