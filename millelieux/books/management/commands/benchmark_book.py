import shutil
import statistics
import tempfile
import time
from io import BytesIO
from pathlib import Path

import pikepdf
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test.utils import setup_test_environment, teardown_test_environment

from millelieux.articles.models import ArticlePage
from millelieux.books.book import BookUnavailable, build_book
from millelieux.explorations.models import ExplorationPage

TARGET_SECONDS = 30
TARGET_MEGABYTES = 10
DEMO_SLUG = "mille-lieux"


class Command(BaseCommand):
    help = (
        "Mesure la composition du livre PDF de l'exploration de démonstration (Mille Lieux) : durée médiane sur "
        "--repeat compositions et poids du fichier ; puis sa recomposition après la modification d'un article, "
        "les chapitres inchangés étant repris (médiane sur --repeat modifications). Travaille dans une base de "
        "test créée puis détruite (territoires et contenu de démonstration chargés dedans) : la base de "
        "l'instance n'est pas touchée. "
        f"Cibles : {TARGET_SECONDS} s et {TARGET_MEGABYTES} Mo au plus."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=3, help="Compositions mesurées (médiane).")

    def handle(self, *args, repeat, **options):
        if repeat < 1 or repeat > 20:
            raise CommandError(f"--repeat doit être compris entre 1 et 20 (reçu : {repeat}).")
        setup_test_environment()
        old_name = connection.settings_dict["NAME"]
        test_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            self.stdout.write(
                f"Base de test : {test_name}. Chargement des territoires et de la démonstration…"
            )
            call_command("load_territories", verbosity=0)
            call_command("load_demo", verbosity=0)
            exploration = ExplorationPage.objects.get(
                slug=DEMO_SLUG, locale__language_code=settings.LANGUAGE_CODE
            )
            durations = []
            for _ in range(repeat):
                started = time.perf_counter()
                pdf = build_book(exploration)
                durations.append(time.perf_counter() - started)
            rebuilds, chapters = self.rebuilds(exploration, repeat)
        except BookUnavailable as error:
            raise CommandError(error.message) from error
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            teardown_test_environment()

        pages = f"{len(pikepdf.open(BytesIO(pdf)).pages)} pages, "
        median = statistics.median(durations)
        megabytes = len(pdf) / 1024 / 1024
        self.stdout.write(
            f"\nLivre « {exploration.title} » : {pages}{megabytes:.2f} Mo ; composition médiane "
            f"{median:.1f} s sur {repeat} (min {min(durations):.1f}, max {max(durations):.1f})."
        )
        self.stdout.write(
            f"Recomposition après la modification d'un article ({chapters} chapitres gardés dans un dossier) : "
            f"médiane {statistics.median(rebuilds):.2f} s sur {repeat} (min {min(rebuilds):.2f}, "
            f"max {max(rebuilds):.2f})."
        )
        time_verdict = "atteinte" if median <= TARGET_SECONDS else "MANQUÉE"
        size_verdict = "atteinte" if megabytes <= TARGET_MEGABYTES else "MANQUÉE"
        self.stdout.write(f"Cible ≤ {TARGET_SECONDS} s ({connection.vendor}) : {time_verdict}.")
        self.stdout.write(f"Cible ≤ {TARGET_MEGABYTES} Mo : {size_verdict}.")

    def rebuilds(self, exploration, repeat):
        """Durations of the book composed again, its chapters kept in a folder, after each of `repeat` edits of
        an article's title (its chapter and the contents are laid out again), and the number of chapters."""
        folder = Path(tempfile.mkdtemp(prefix="millelieux-benchmark-book-"))
        try:
            build_book(exploration, chapters_folder=folder)
            article = ArticlePage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            title = article.title
            durations = []
            for edit in range(1, repeat + 1):
                article.title = f"{title} (corrigé {edit})"
                article.save_revision().publish()
                started = time.perf_counter()
                build_book(exploration, chapters_folder=folder)
                durations.append(time.perf_counter() - started)
            return durations, len(list(folder.glob("*.pdf")))
        finally:
            shutil.rmtree(folder, ignore_errors=True)
