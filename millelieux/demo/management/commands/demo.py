from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

from millelieux.core.serving import serving_address
from millelieux.demo.admin_account import ensure_demo_admin
from millelieux.demo.loader import configure_site_once
from millelieux.territories.models import Commune

# Shipped without its personal columns (millelieux/census/data/README.md).
CGET_2019_FILE = Path(apps.get_app_config("census").path) / "data" / "cget-2019.csv"


class Command(BaseCommand):
    help = (
        "Prépare et sert la démonstration : migrations, données des territoires, base des tiers-lieux du CGET "
        "(2019, importée sans ses colonnes personnelles), contenu de démonstration, compte administrateur (ses "
        "identifiants sont affichés), puis le serveur sur http://127.0.0.1:8000 (PORT le change). Relancer la "
        "commande ne duplique rien, ne recrée pas ce qu'un éditeur a supprimé et ne change plus l'adresse du site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--no-serve", action="store_true", help="Préparer sans lancer le serveur.")

    def handle(self, *args, no_serve=False, **options):
        step = self.stdout.write
        step("1/5 Base de données…")
        call_command("migrate", interactive=False, verbosity=0)
        step("2/5 Territoires (communes, intercommunalités, départements, régions)…")
        if Commune.objects.exists():
            step("    déjà chargés (« millelieux load_territories » les met à jour).")
        else:
            call_command("load_territories", stdout=self.stdout)
        step("3/5 Base des tiers-lieux du CGET (2019)…")
        call_command("import_census", str(CGET_2019_FILE), mapping="cget-2019", stdout=self.stdout)
        step("4/5 Contenu de démonstration…")
        call_command("load_demo", stdout=self.stdout)
        host, port = serving_address()
        # Absolute links (sitemap, feeds, admin previews) point at the address the demo is first served on;
        # later runs leave the Site as it is (an administrator may have given it its real address).
        if configure_site_once(host, port):
            step(f"    adresse du site : http://{host}:{port}")
        step("5/5 Compte administrateur…")
        username, password = ensure_demo_admin()
        step(self.style.SUCCESS(f"    identifiant : {username}    mot de passe : {password}"))
        step("    administration : /admin/")
        if not no_serve:
            call_command("serve")
