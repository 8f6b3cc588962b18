"""The public side of editions: their frozen files, and their citation as BibTeX or CSL-JSON."""

import json
import mimetypes
from pathlib import Path

from django.core.exceptions import SuspiciousFileOperation
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404
from django.utils._os import safe_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from millelieux.explorations.citations import filename, public_item

from .freezing import edition_folder
from .models import Edition

# Text files are served as UTF-8 (the export writes nothing else).
TEXT_TYPES = ("text/", "application/json", "application/javascript", "application/xml", "image/svg+xml")


def _ready_edition(exploration_slug, slug):
    return get_object_or_404(Edition, exploration_slug=exploration_slug, slug=slug, status=Edition.READY)


@require_safe
def serve_edition(request, exploration_slug, slug, path=""):
    """A file of a ready edition; a folder's index.html; 404 for anything outside its folder or missing."""
    edition = _ready_edition(exploration_slug, slug)
    root = edition_folder(edition.exploration_slug, edition.slug)
    try:
        target = safe_join(root, path)
    except (SuspiciousFileOperation, ValueError) as error:  # "../", an absolute path, a NUL byte
        raise Http404 from error
    target = Path(target)
    if target.is_dir():
        if path and not path.endswith("/"):
            # The pages link their neighbours relatively: a folder is addressed with its final slash.
            return HttpResponsePermanentRedirect(request.path + "/")
        target = target / "index.html"
    if not target.is_file() or target.name.startswith("."):  # the export's marker file is not served
        live = _outside_the_copy(root, path)
        if live is not None:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponseRedirect(live + (f"?{query}" if query else ""))
        raise Http404
    content_type, encoding = mimetypes.guess_type(target.name)
    if content_type is None or encoding:  # a compressed file is served as it is, to be downloaded
        content_type = "application/octet-stream"
    if content_type.startswith(TEXT_TYPES):
        content_type += "; charset=utf-8"
    response = FileResponse(target.open("rb"), content_type=content_type)
    # An edition never changes: readers and proxies may keep it.
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def _outside_the_copy(root, path):
    """The live address of what an edition links to but does not hold (the national map, the citation
    downloads), or None for a file missing from a part it does hold.

    The copy holds one exploration: its links to the rest of the site lead to the live site, which may have
    changed since (a temporary redirection, never a 404 that would read as a broken edition).
    """
    parts = [part for part in path.split("/") if part]
    base = root
    if parts and parts[0] == "en":
        parts, base = parts[1:], root / "en"
    top_level_file = len(parts) == 1 and not path.endswith("/")
    if not parts or top_level_file or (base / parts[0]).is_dir():
        return None
    live = "/" + path
    if not url_has_allowed_host_and_scheme(live, allowed_hosts=None) or "\\" in live:
        return None  # "/\\host" or "//host" would leave the site
    return live


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def edition_bibtex(request, exploration_slug, slug):
    edition = _ready_edition(exploration_slug, slug)
    item = edition.csl_item()
    return _download(edition.bibtex(), "application/x-bibtex; charset=utf-8", filename(item, "bib"))


@require_safe
def edition_csl_json(request, exploration_slug, slug):
    edition = _ready_edition(exploration_slug, slug)
    item = edition.csl_item()
    content = json.dumps([public_item(item)], ensure_ascii=False, indent=2)
    return _download(
        content, "application/vnd.citationstyles.csl+json; charset=utf-8", filename(item, "json")
    )
