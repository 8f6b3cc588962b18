from django.core.management.base import BaseCommand, CommandError

from millelieux.demo.loader import load_demo


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration (explorations Mille Lieux et Sharitories, monographies, impacts, "
        "entretiens, soirée de clôture, partenaires). Ce qui existe déjà est laissé tel quel : relancer la "
        "commande ne duplique rien. Tout se fait dans une transaction : en cas d'erreur, rien n'est écrit."
    )

    def handle(self, *args, **options):
        try:
            report = load_demo()
        except Exception as error:  # any failure leaves the database as it was: say so plainly
            raise CommandError(
                f"Contenu de démonstration non chargé ({error}) : rien n'a été modifié."
            ) from error
        for line in report.lines():
            self.stdout.write(line)
