import gzip
import statistics
import time
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client
from django.test.utils import setup_test_environment, teardown_test_environment

from millelieux.census.importing import import_census, load_mapping
from millelieux.census.models import CensusEntry

TARGET_MEDIAN_MS = 150
URL = "/api/v1/census.geojson"
# The CGET 2019 base as shipped (without its personal columns), the one the demo imports.
CGET_2019_FILE = Path(apps.get_app_config("census").path) / "data" / "cget-2019.csv"


class Command(BaseCommand):
    help = (
        "Mesure la latence de l'API sur le GeoJSON de tous les lieux recensés (/api/v1/census.geojson, "
        "compressé gzip) à travers le client de test de Django : médiane sur --repeat requêtes, poids compressé "
        "et non compressé. Travaille dans une base de test créée puis détruite (territoires et base CGET 2019 "
        f"importés dedans) : la base de l'instance n'est pas touchée. Cible : {TARGET_MEDIAN_MS} ms de médiane "
        "sur SQLite."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="Requêtes mesurées (médiane).")

    def handle(self, *args, repeat, **options):
        if repeat < 1 or repeat > 1000:
            raise CommandError(f"--repeat doit être compris entre 1 et 1 000 (reçu : {repeat}).")
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            self.stdout.write(
                f"Base de test : {test_name}. Chargement des territoires et de la base CGET 2019…"
            )
            started = time.perf_counter()
            call_command("load_territories", verbosity=0)
            report = import_census(CGET_2019_FILE, load_mapping("cget-2019"), continue_on_error=True)
            self.stdout.write(
                f"  {report.created} lieux importés en {time.perf_counter() - started:.1f} s "
                f"({CensusEntry.objects.count()} en base)."
            )
            client = Client(HTTP_ACCEPT_ENCODING="gzip")
            response = client.get(URL)  # warm: the first request loads the URL configuration
            if response.status_code != 200 or response.get("Content-Encoding") != "gzip":
                raise CommandError(f"{URL} a répondu {response.status_code} sans gzip.")
            durations = []
            for _ in range(repeat):
                started = time.perf_counter()
                response = client.get(URL)
                durations.append((time.perf_counter() - started) * 1000)
            size_gzip = len(response.content)
            size_plain = len(gzip.decompress(response.content))
            features = response.content and gzip.decompress(response.content).count(b'"type":"Feature"')
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        median = statistics.median(durations)
        self.stdout.write(
            f"\n{URL} : {features} lieux, médiane {median:.1f} ms sur {repeat} requêtes "
            f"(min {min(durations):.1f}, max {max(durations):.1f}) ; "
            f"{size_gzip / 1024:.1f} Ko gzip ({size_plain / 1024:.1f} Ko sans compression)."
        )
        verdict = "atteinte" if median <= TARGET_MEDIAN_MS else "MANQUÉE"
        self.stdout.write(f"Cible ≤ {TARGET_MEDIAN_MS} ms ({connection.vendor}) : {verdict}.")
