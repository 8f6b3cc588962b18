"""Freezing an edition: the static export of one exploration, written once under MEDIA_ROOT/editions/.

    from millelieux.editions.freezing import freeze_edition
    edition = freeze_edition(exploration, title="Mille Lieux — édition 2019", user=request.user)

Used by the admin's « Geler une édition » form and by `millelieux freeze-edition`.
"""

import datetime
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from millelieux.books.book import build_book
from millelieux.books.cache import live_chapters
from millelieux.explorations.citations import citation_text
from millelieux.export.site import export_site

from .models import Edition, slug_validator

EDITIONS_FOLDER = "editions"
BOOK_NAME = "livre.pdf"  # the edition's PDF book, in its folder


class FreezeError(Exception):
    """Why an edition could not be frozen, in a sentence for the editor."""


def editions_root():
    return Path(settings.MEDIA_ROOT) / EDITIONS_FOLDER


def edition_folder(exploration_slug, slug):
    return editions_root() / exploration_slug / slug


def default_slug(title, date):
    return slugify(title)[:80].strip("-") or f"edition-{date.year}"


def site_origin(exploration):
    """http(s)://host[:port] of the exploration's Wagtail site, for editions frozen outside a request."""
    site = exploration.get_site()
    return (site.root_url if site is not None else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def freeze_edition(exploration, *, title, slug="", date=None, authors="", user=None, origin=None, book=True):
    """Freeze `exploration` as an edition and return it (READY), or raise FreezeError saying why.

    Bad input (an empty title, a bad or taken identifier, an unpublished exploration) raises before anything
    is written. A failure of the export itself leaves the edition FAILED with its reason, and no folder: the
    export writes into a temporary folder and moves it in place only once complete. A FAILED edition may be
    frozen again under the same identifier; a READY one is never overwritten.
    `origin` is the scheme and host of the permanent address (the request's in the admin). With `book`, the
    edition also holds the study as a PDF book (BOOK_NAME), composed from the same pages at the same moment.
    """
    title = (title or "").strip()
    if not title:
        raise FreezeError(_("Donnez un titre à l'édition, par exemple « Mille Lieux — édition 2019 »."))
    if exploration is None or not exploration.live or exploration.get_view_restrictions():
        raise FreezeError(_("Seule une exploration publiée et publique peut être gelée."))
    date = date or timezone.localdate()
    if isinstance(date, str):
        try:
            date = datetime.date.fromisoformat(date)
        except ValueError as error:
            raise FreezeError(
                _("Date invalide : %(date)s (attendu : AAAA-MM-JJ).") % {"date": date}
            ) from error
    slug = (slug or "").strip() or default_slug(title, date)
    try:
        slug_validator(slug)
    except ValidationError as error:
        raise FreezeError(
            _("Identifiant « %(slug)s » invalide : %(reason)s")
            % {"slug": slug, "reason": " ".join(error.messages)}
        ) from error
    origin = (origin or site_origin(exploration)).rstrip("/")
    parts = urlsplit(origin)
    if (
        parts.scheme not in ("http", "https")
        or not parts.netloc
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise FreezeError(
            _("L'adresse publique doit être de la forme https://exemple.org (reçu : %(origin)s).")
            % {"origin": origin}
        )
    edition = _reserve(exploration, title=title, slug=slug, date=date, authors=authors, user=user)
    edition.base_url = origin + edition.path
    folder = edition_folder(edition.exploration_slug, edition.slug)
    if folder.exists():
        # Not written by a finished edition (a ready one is never frozen again): left alone, never reused.
        relative = folder.relative_to(settings.MEDIA_ROOT)
        _fail(edition, _("Le dossier %(folder)s existe déjà ; il n'est pas remplacé.") % {"folder": relative})
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        # The export renders pages in every language: the caller's language is put back after it.
        with translation.override(translation.get_language()):
            report = export_site(folder, base_url=edition.base_url, exploration=exploration)
            if book:
                _write_book(folder, exploration, edition, origin)
    except Exception as error:  # whatever went wrong is said in the admin, and nothing is kept
        shutil.rmtree(folder, ignore_errors=True)
        _fail(edition, str(error) or error.__class__.__name__, error)
    edition.pages, edition.files, edition.size = report.pages, report.files, report.bytes
    edition.status, edition.error = Edition.READY, ""
    with translation.override(settings.LANGUAGE_CODE):
        edition.citation = citation_text(edition.csl_item())
    edition.save()
    return edition


def _write_book(folder, exploration, edition, origin):
    """The edition's PDF book in its folder (written whole, then renamed in place). Its chapters are those of the
    live book but the cover: the ones laid out for the live book (which the export has just brought up to date)
    are taken as they are, so only the cover is laid out, not the whole book (some 12 s for the demo's)."""
    pdf = build_book(
        exploration,
        base_url=origin,
        edition_title=edition.title,
        edition_date=edition.date,
        reused_chapters=live_chapters(exploration),
    )
    partial = folder / f".{BOOK_NAME}.partial"
    partial.write_bytes(pdf)
    partial.replace(folder / BOOK_NAME)


def _fail(edition, reason, cause=None):
    edition.status, edition.error = Edition.FAILED, reason
    edition.save()
    raise FreezeError(
        _("L'édition « %(title)s » n'a pas pu être gelée : %(error)s")
        % {"title": edition.title, "error": reason}
    ) from cause


def _reserve(exploration, *, title, slug, date, authors, user):
    """The edition's row, BUILDING: new, or a FAILED one of the same identifier taken up again."""
    exploration_slug = exploration.slug
    with transaction.atomic():
        existing = (
            Edition.objects.select_for_update().filter(exploration_slug=exploration_slug, slug=slug).first()
        )
        if existing is not None and existing.status != Edition.FAILED:
            raise FreezeError(
                _(
                    "L'exploration a déjà une édition « %(slug)s » (%(title)s) : une édition n'est jamais "
                    "remplacée. Choisissez un autre identifiant."
                )
                % {"slug": slug, "title": existing.title}
            )
        edition = existing or Edition(exploration_slug=exploration_slug, slug=slug)
        edition.exploration = exploration
        # The authors are written into the edition: its citation stays the same whatever becomes of the study.
        edition.title, edition.date = title, date
        edition.authors = (authors or "").strip() or exploration.organisation
        edition.status, edition.error, edition.created_by = Edition.BUILDING, "", user
        edition.created_at = timezone.now()
        try:
            with transaction.atomic():
                edition.save()
        except IntegrityError as error:  # frozen at the same moment by someone else
            raise FreezeError(_("L'exploration a déjà une édition « %(slug)s ».") % {"slug": slug}) from error
    return edition
