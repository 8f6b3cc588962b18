from django.core.management.base import BaseCommand, CommandError

from millelieux.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration depuis ses fichiers de données (millelieux/demo/content/, voir son "
        "README.md) : explorations Mille Lieux et Sharitories, monographies, impacts, entretiens, soirée de "
        "clôture, partenaires, sources. Ce qui existe déjà est laissé tel quel, une page renommée n'est pas "
        "dupliquée et une page supprimée par un éditeur n'est pas recréée. Les fichiers sont vérifiés avant "
        "tout et tout se fait dans une transaction : en cas d'erreur, rien n'est écrit."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--content",
            metavar="DOSSIER",
            help="Un autre dossier de fichiers de données (par défaut, celui de la démonstration).",
        )

    def handle(self, *args, content=None, **options):
        try:
            report = load_demo(content)
        except Exception as error:  # any failure leaves the database as it was: say so plainly
            raise CommandError(
                f"Contenu de démonstration non chargé ({error}) : rien n'a été modifié."
            ) from error
        for line in report.lines():
            self.stdout.write(line)
