import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from millelieux.core.progress import ProgressBar
from millelieux.export.check import check_site
from millelieux.export.site import ExportError, export_site


class Command(BaseCommand):
    help = _(
        "Exporte le site public en fichiers statiques dans DOSSIER : chaque page publiée dans chaque langue "
        "(le français à la racine, l'anglais sous en/), les fichiers statiques, les images et les données "
        "téléchargeables. Le dossier s'ouvre depuis le disque et se publie sur tout hébergement statique, même "
        "sous un sous-chemin. L'export est écrit à côté puis mis en place d'un coup : un échec laisse l'export "
        "précédent intact. Un nouvel export ne réécrit que les fichiers qui ont changé. Un dossier qui n'est "
        "ni vide ni un export précédent n'est jamais remplacé."
    )

    def add_arguments(self, parser):
        parser.add_argument("outdir", help=_("Le dossier de l'export."))
        parser.add_argument(
            "--base-url",
            default=None,
            help=_(
                "L'adresse http(s) où l'export sera publié (pour les adresses absolues : sitemap, canonique)."
            ),
        )
        parser.add_argument(
            "--exploration", default=None, help=_("N'exporter que cette exploration (son identifiant).")
        )
        parser.add_argument(
            "--zip", action="store_true", help=_("Écrire aussi DOSSIER.zip à côté du dossier.")
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help=_(
                "Processus qui rendent les pages (1 par défaut ; 2 sur une machine dont les cœurs sont libres)."
            ),
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help=_("Vérifier ensuite chaque lien et chaque ancre de l'export."),
        )

    def handle(self, *args, outdir, base_url, exploration, zip, check, workers, **options):
        if not 1 <= workers <= 64:
            raise CommandError(
                _("--workers doit être compris entre 1 et 64 (reçu : %(n)s).") % {"n": workers}
            )
        bar = ProgressBar(sys.stderr, _("adresses")) if self.stdout.isatty() and sys.stderr.isatty() else None
        try:
            report = export_site(
                outdir, base_url=base_url, exploration=exploration, progress=bar, zip=zip, workers=workers
            )
        except ExportError as error:
            raise CommandError(str(error)) from error
        except OSError as error:
            raise CommandError(
                _("Export impossible : %(error)s. L'export précédent est intact.") % {"error": error}
            ) from error
        finally:
            if bar:
                bar.close()
        self.stdout.write(
            _(
                "%(pages)s pages exportées dans %(outdir)s en %(seconds).1f s (%(rate).0f pages/s) : "
                "%(files)s fichiers, %(megabytes).1f Mo."
            )
            % {
                "pages": report.pages,
                "outdir": report.outdir,
                "seconds": report.seconds,
                "rate": report.pages_per_second,
                "files": report.files,
                "megabytes": report.bytes / 1e6,
            }
        )
        self.stdout.write(
            _("%(written)s fichiers réécrits, %(unchanged)s inchangés.")
            % {"written": report.written, "unchanged": report.unchanged}
        )
        for address in report.missing:
            self.stderr.write(_("Lien interne sans page (404) : %(address)s") % {"address": address})
        if report.zip_path:
            self.stdout.write(_("Archive : %(path)s") % {"path": report.zip_path})
        if check:
            problems = check_site(report.outdir)
            for problem in problems:
                self.stderr.write(str(problem))
            if problems:
                raise CommandError(_("%(count)s liens cassés dans l'export.") % {"count": len(problems)})
            self.stdout.write(_("Vérification : aucun lien cassé."))
