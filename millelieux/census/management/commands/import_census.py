import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from millelieux.census.importing import (
    FORMATS,
    ImportFailed,
    InputError,
    MappingError,
    import_census,
    load_mapping,
)
from millelieux.core.progress import ProgressBar


class Command(BaseCommand):
    help = _(
        "Importe un recensement de tiers-lieux (CSV, GeoJSON ou XLSX) : chaque ligne est vérifiée et comptée "
        "dans le rapport (créée, mise à jour, inchangée ou rejetée avec la colonne, la valeur et la raison). "
        "Réimporter le même fichier ne change rien ; une nouvelle version met à jour les lignes changées et "
        "marque « disparues » celles qui n'y sont plus, sans rien supprimer. Sans --continue-on-error, une "
        "seule ligne rejetée annule tout l'import (code de sortie 1). Les colonnes personnelles (contacts, "
        "courriels) ne sont jamais lues."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("Le fichier à importer."))
        parser.add_argument("--format", default="auto", choices=FORMATS, help=_("Format du fichier (auto)."))
        parser.add_argument(
            "--mapping",
            default="cget-2019",
            help=_("Profil intégré (cget-2019) ou fichier de correspondance TOML ou JSON."),
        )
        parser.add_argument(
            "--source",
            default=None,
            help=_("Identifiant ou nom du recensement (par défaut : celui du profil)."),
        )
        parser.add_argument(
            "--sheet", default=None, help=_("Feuille du classeur XLSX (par défaut : la première).")
        )
        parser.add_argument("--dry-run", action="store_true", help=_("Tout vérifier sans rien écrire."))
        parser.add_argument("--report", default=None, help=_("Écrire le rapport JSON dans ce fichier."))
        parser.add_argument(
            "--continue-on-error",
            action="store_true",
            help=_("Importer les lignes valides et ignorer (en les signalant) les lignes rejetées."),
        )

    def handle(self, *args, **options):
        try:
            mapping = load_mapping(options["mapping"])
        except MappingError as error:
            raise CommandError(str(error)) from error
        bar = ProgressBar(sys.stderr, _("lignes")) if self.stdout.isatty() and sys.stderr.isatty() else None
        try:
            report = import_census(
                options["file"],
                mapping,
                source=options["source"],
                fmt=options["format"],
                sheet=options["sheet"],
                dry_run=options["dry_run"],
                continue_on_error=options["continue_on_error"],
                progress=bar,
            )
        except InputError as error:
            raise CommandError(str(error)) from error
        except ImportFailed as error:
            self._write_report(error.report, options["report"])
            raise CommandError(str(error)) from error
        finally:
            if bar:
                bar.close()
        self._write_report(report, options["report"])
        self.stdout.write(
            _(
                "%(source)s : %(total)s lignes lues, %(created)s créées, %(updated)s mises à jour, "
                "%(unchanged)s inchangées, %(rejected)s rejetées, %(gone)s disparues, %(duplicates)s doublons "
                "probables, %(warnings)s avec avertissement."
            )
            % {**report.as_dict(), "duplicates": len(report.duplicates)}
        )
        if report.dry_run:
            self.stdout.write(_("Essai (--dry-run) : rien n'a été écrit."))
        if report.refused:
            raise CommandError(report.message)

    def _write_report(self, report, path):
        if not path:
            return
        try:
            report.write(path)
        except OSError as error:
            raise CommandError(_("Rapport impossible à écrire : %(error)s") % {"error": error}) from error
        self.stdout.write(_("Rapport : %(path)s") % {"path": path})
