import gzip
import math
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from millelieux.census import maps
from millelieux.census.models import Census, CensusEntry
from millelieux.territories.models import Commune

BENCHMARK_SLUG = "benchmark-carte-nationale"
TARGET_GZIP_1512 = 100 * 1024
TARGET_FIRST_RENDER_MS = 2000
# Chromium as the browser suite launches it (millelieux/core/tests/browser/support.py)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]


class Command(BaseCommand):
    help = (
        "Mesure la carte nationale : poids gzip des données de la carte avec les lieux recensés présents, puis "
        "avec N lieux (50 000 par défaut, générés autour de communes réelles tirées selon leur population) ; "
        "puis, dans Chromium sans affichage (Playwright, les options de la suite navigateur), le temps du "
        "premier rendu de la carte et d'un déplacement, le site servi comme en production (DEBUG désactivé, donc "
        "gunicorn par « millelieux serve »). ÉCRIT DANS LA BASE COURANTE (un recensement « "
        f"{BENCHMARK_SLUG} », supprimé à la fin sauf avec --keep) : lancez-la sur une base jetable, par exemple "
        "`export MILLELIEUX_DATA_DIR=$(mktemp -d); millelieux demo --no-serve; millelieux "
        "benchmark_national_map`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--entries", type=int, default=50_000, help="Lieux recensés au total (défaut 50 000)."
        )
        parser.add_argument("--keep", action="store_true", help="Garder les lieux générés.")
        parser.add_argument("--no-browser", action="store_true", help="Ne mesurer que le poids des données.")
        parser.add_argument("--repeat", type=int, default=5, help="Chargements de la page mesurés (médiane).")

    def handle(self, *args, entries, keep, no_browser, repeat, **options):
        if not 1 <= entries <= 500_000:
            raise CommandError(f"--entries doit être compris entre 1 et 500 000 (reçu : {entries}).")
        if not Commune.objects.exists():
            raise CommandError(
                "Les territoires ne sont pas chargés : lancez d'abord « millelieux demo --no-serve »."
            )
        present = CensusEntry.objects.filter(status=CensusEntry.Status.PRESENT).count()
        self.stdout.write(f"Données de la carte, {present} lieux : {self.data_size()}")
        try:
            added = self.generate(max(0, entries - present))
            total = present + added
            size = self.data_size()
            self.stdout.write(f"Données de la carte, {total} lieux : {size}")
            if not no_browser:
                self.measure_browser(repeat)
        finally:
            if not keep:
                Census.objects.filter(slug=BENCHMARK_SLUG).delete()

    def data_size(self):
        """The gzip size of the map data and the time to build it, as the view builds it when its cache is
        empty (without HTTP, so without the host checks of the settings)."""
        started = time.perf_counter()
        _snapshot, body = maps.build(maps.data_version(), maps.choices(maps.regions()))
        elapsed = (time.perf_counter() - started) * 1000
        raw = len(gzip.decompress(body))
        return f"{len(body) / 1024:.1f} Ko gzip ({raw / 1024:.0f} Ko sans compression, construites en {elapsed:.0f} ms)"

    def generate(self, count):
        """`count` entries around real communes drawn by population, named and typed like the CGET base's."""
        if count <= 0:
            return 0
        rng = random.Random(50_000)
        communes = list(
            Commune.objects.filter(kind="COM", latitude__isnull=False, population__gt=0).values_list(
                "pk", "latitude", "longitude", "population"
            )
        )
        weights = [math.sqrt(population) for *_rest, population in communes]
        words = [
            "Coworking",
            "Fablab",
            "La Fabrique",
            "Tiers-lieu",
            "Atelier",
            "Hub",
            "Maison",
            "Café",
            "Espace",
        ]
        typologies = ["coworking"] * 74 + ["fablab"] * 23 + [""] * 3
        census = Census.objects.create(slug=BENCHMARK_SLUG, name="Recensement généré (mesure)")
        with transaction.atomic():
            batch = []
            for n, (pk, latitude, longitude, _population) in enumerate(
                rng.choices(communes, weights, k=count)
            ):
                batch.append(
                    CensusEntry(
                        census=census,
                        external_id=str(n),
                        name=f"{rng.choice(words)} {n}",
                        commune_id=pk,
                        latitude=latitude + rng.uniform(-0.02, 0.02),
                        longitude=longitude + rng.uniform(-0.02, 0.02),
                        typology=rng.choice(typologies),
                    )
                )
                if len(batch) == 5000:
                    CensusEntry.objects.bulk_create(batch)
                    batch = []
            CensusEntry.objects.bulk_create(batch)
        return count

    def measure_browser(self, repeat):
        from playwright.sync_api import sync_playwright

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        # As in production: DEBUG off, so `serve` runs gunicorn (WEB_CONCURRENCY workers) rather than the
        # development server, with the settings module of the environment.
        env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "DEBUG": "0"}
        server = subprocess.Popen(
            [sys.executable, "-m", "millelieux.cli", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            self.wait_for(base, server)
            chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
                first, pans = [], []
                for _n in range(repeat):
                    # a new context each time: nothing in the browser's cache, as for a first visit
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = context.new_page()
                    page.goto(base + "/carte/")
                    page.wait_for_selector("#national-map[data-rendered]", timeout=60_000)
                    first.append(int(page.locator("#national-map").get_attribute("data-rendered")))
                    pans.append(self.pan(page))
                    context.close()
                browser.close()
            median_first, median_pan = sorted(first)[len(first) // 2], sorted(pans)[len(pans) // 2]
            verdict = "atteint" if median_first <= TARGET_FIRST_RENDER_MS else "MANQUÉ"
            self.stdout.write(
                f"Premier rendu de la carte (depuis le début de la navigation, médiane de {repeat}) : "
                f"{median_first} ms — objectif ≤ {TARGET_FIRST_RENDER_MS} ms {verdict} ; mesures dans l'ordre "
                f"{first} (la première après le démarrage du serveur, caches du serveur vides)"
            )
            self.stdout.write(
                f"Déplacement de la carte (flèche du clavier, jusqu'au nouveau rendu), médiane : {median_pan:.0f} ms"
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()

    @staticmethod
    def wait_for(base, server):
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                # the basemap, not the page: the first measured load finds the server's cache empty
                with urllib.request.urlopen(base + "/carte/fond.json", timeout=30) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
            if server.poll() is not None:
                break
        raise CommandError("Le serveur n'a pas démarré (millelieux serve).")

    @staticmethod
    def pan(page):
        """Pan the map with the keyboard and wait for the clusters of the new view: milliseconds."""
        renders = int(page.locator("#national-map").get_attribute("data-renders") or 0)
        page.locator("#national-map").focus()
        started = page.evaluate("() => performance.now()")
        page.keyboard.press("ArrowRight")  # Leaflet pans the focused map by 80 px
        page.wait_for_function(
            "(n) => Number(document.querySelector('#national-map').dataset.renders) > n", arg=renders
        )
        return page.evaluate("() => performance.now()") - started
