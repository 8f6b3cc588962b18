import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from millelieux.books.book import BookUnavailable, build_book
from millelieux.books.cache import printed_explorations
from millelieux.books.files import write_atomically


class Command(BaseCommand):
    help = _(
        "Compose le livre PDF d'une exploration publiée (couverture, sommaire, avant-propos et méthode, "
        "monographies avec cartes et frises, impacts, tableau croisé, entretiens, bibliographie) et l'écrit dans "
        "FICHIER. Seules les pages publiées et publiques y figurent. Le fichier est écrit à côté puis renommé : "
        "un fichier existant n'est remplacé que par un livre complet. Le dossier de FICHIER doit exister."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help=_("L'identifiant de l'exploration (par exemple mille-lieux)."))
        parser.add_argument("output", help=_("Le fichier PDF à écrire."))
        parser.add_argument(
            "--base-url",
            default=None,
            help=_("L'adresse du site, donnée en couverture avec celle de l'exploration en ligne."),
        )
        parser.add_argument("--edition-title", default=None, help=_("Le titre de l'édition, en couverture."))

    def handle(self, *args, slug, output, base_url, edition_title, **options):
        exploration = self.exploration(slug)
        output = Path(output)
        self.check_output(output)
        try:
            pdf = build_book(exploration, base_url=base_url, edition_title=edition_title)
        except BookUnavailable as error:
            raise CommandError(error.message) from error
        try:
            write_atomically(output, pdf)
        except OSError as error:
            raise CommandError(
                _("Impossible d'écrire %(path)s : %(error)s.") % {"path": output, "error": error.strerror}
            ) from error
        self.stdout.write(
            _("Livre de « %(title)s » écrit dans %(path)s (%(size)s Ko).")
            % {"title": exploration.title, "path": output, "size": f"{len(pdf) / 1024:.0f}"}
        )

    def exploration(self, slug):
        explorations = printed_explorations()
        found = explorations.filter(slug=slug).first()
        if found is None:
            known = ", ".join(explorations.order_by("slug").values_list("slug", flat=True).distinct())
            raise CommandError(
                _(
                    "Aucune exploration publiée n'a l'identifiant « %(slug)s ». Explorations publiées : %(known)s."
                )
                % {"slug": slug, "known": known or _("aucune")}
            )
        return found

    def check_output(self, output):
        """Fail before the (long) composition when the file could not be written."""
        folder = output.parent
        if output.is_dir():
            raise CommandError(
                _("%(path)s est un dossier : donnez le nom du fichier PDF.") % {"path": output}
            )
        if not folder.is_dir():
            raise CommandError(
                _("Le dossier %(folder)s n'existe pas : créez-le ou choisissez un autre chemin.")
                % {"folder": folder}
            )
        try:  # a real write, not os.access: it also tells read-only file systems and root's limits
            with tempfile.TemporaryFile(dir=folder):
                pass
        except OSError as error:
            raise CommandError(
                _("Impossible d'écrire dans le dossier %(folder)s : %(error)s.")
                % {"folder": folder, "error": error.strerror}
            ) from error
