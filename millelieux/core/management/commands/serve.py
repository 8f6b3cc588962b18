import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from millelieux.core.serving import check_ready_to_serve, serving_address
from millelieux.settings.env import env_int


class Command(BaseCommand):
    help = (
        "Sert le site sur HOST:PORT (par défaut 127.0.0.1:8000). En développement, le serveur de Django ; "
        "avec DEBUG désactivé, gunicorn (WEB_CONCURRENCY processus, 2 par défaut), après collectstatic. "
        "Refuse de démarrer si la base n'est pas à jour ou si le dossier de données n'est pas accessible "
        "en écriture."
    )

    def handle(self, *args, **options):
        host, port = serving_address()
        workers = str(env_int("WEB_CONCURRENCY", 2))
        check_ready_to_serve()
        address = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        self.stdout.write(f"Mille Lieux : http://{address}/  (Ctrl+C pour arrêter)")
        self.stdout.write(f"Dossier de données : {settings.DATA_DIR}")
        if settings.DEBUG:
            call_command("runserver", address, use_reloader=False)
            return
        call_command("collectstatic", interactive=False, verbosity=0)
        os.execvp(
            sys.executable,
            [
                sys.executable,
                "-m",
                "gunicorn",
                "millelieux.wsgi",
                "--bind",
                address,
                "--workers",
                workers,
                "--access-logfile",
                "-",
            ],
        )
