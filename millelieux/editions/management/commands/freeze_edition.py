from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from millelieux.editions.freezing import FreezeError, freeze_edition


class Command(BaseCommand):
    help = _(
        "Gèle une édition citable d'une exploration publiée : une copie statique datée, écrite une fois pour "
        "toutes dans MEDIA_ROOT/editions/<exploration>/<édition>/ et servie à /editions/<exploration>/<édition>/ "
        "pendant que les pages continuent de changer. Une édition n'est jamais remplacée : un identifiant déjà "
        "pris est refusé (sauf celui d'une édition en échec, qui est refaite)."
    )

    def add_arguments(self, parser):
        parser.add_argument("exploration", help=_("L'identifiant (slug) de l'exploration publiée."))
        parser.add_argument(
            "--title", required=True, help=_("Le titre, par exemple « Mille Lieux — édition 2019 ».")
        )
        parser.add_argument(
            "--slug", default="", help=_("L'identifiant de l'édition (par défaut : tiré du titre).")
        )
        parser.add_argument(
            "--date", default=None, help=_("La date de l'édition, AAAA-MM-JJ (par défaut : aujourd'hui).")
        )
        parser.add_argument(
            "--author",
            action="append",
            default=[],
            help=_(
                "Un auteur (personne ou organisation) ; à répéter. Par défaut : l'organisation de l'exploration."
            ),
        )
        parser.add_argument(
            "--origin",
            default=None,
            help=_(
                "Le début de l'adresse publique, https://exemple.org (par défaut : celle du site Wagtail)."
            ),
        )

    def handle(self, *args, **options):
        ExplorationPage = apps.get_model("explorations", "ExplorationPage")
        exploration = (
            ExplorationPage.objects.live()
            .filter(slug=options["exploration"], locale__language_code=settings.LANGUAGE_CODE)
            .first()
        )
        if exploration is None:
            known = ", ".join(
                ExplorationPage.objects.live()
                .filter(locale__language_code=settings.LANGUAGE_CODE)
                .order_by("slug")
                .values_list("slug", flat=True)
            )
            raise CommandError(
                _("Aucune exploration publiée n'a pour identifiant « %(slug)s » (connues : %(known)s).")
                % {"slug": options["exploration"], "known": known or _("aucune")}
            )
        try:
            edition = freeze_edition(
                exploration,
                title=options["title"],
                slug=options["slug"],
                date=options["date"],
                authors="\n".join(options["author"]),
                origin=options["origin"],
            )
        except FreezeError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Édition « %(title)s » gelée : %(pages)s pages, %(files)s fichiers, à %(url)s")
            % {
                "title": edition.title,
                "pages": edition.pages,
                "files": edition.files,
                "url": edition.base_url,
            }
        )
        self.stdout.write(_("Citation suggérée : %(citation)s") % {"citation": edition.citation})
