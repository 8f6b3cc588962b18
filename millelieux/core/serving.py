"""Serving the site: the address (HOST, PORT), the checks `serve` makes before it starts, and the media view.

Every message here is one line: `serve` raises CommandError, which the `millelieux` command prints alone.
"""

import os
import posixpath
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.management.base import CommandError
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import FileResponse, Http404, HttpResponse
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_file

from millelieux.settings.env import env_int

# An upload never takes the name of a file that exists (renditions carry their filter in theirs), so a day of
# caching in browsers and proxies is safe.
MEDIA_CACHE_CONTROL = "public, max-age=86400"
# Folders of MEDIA_ROOT never served at /media/: Wagtail documents go through /documents/, which enforces
# the privacy of their collection; the books' cache (each book, its laid-out chapters, the decompressed
# typefaces) through /explorations/<slug>/livre.pdf, which serves only a live exploration's current book.
MEDIA_PRIVATE_FOLDERS = {"documents", "books"}


def serving_address():
    """(host, port) from HOST (127.0.0.1) and PORT (8000); a port out of range is refused clearly."""
    host = os.environ.get("HOST", "127.0.0.1")
    port = env_int("PORT", 8000)
    if not 0 < port < 65536:
        raise CommandError(f"PORT doit être compris entre 1 et 65535, pas {port}.")
    return host, port


# -- checks before serving -----------------------------------------------------------------------------------


def folders_to_write():
    """The folders the running site writes to, each with what it holds."""
    folders = [(Path(settings.MEDIA_ROOT), "les images et documents envoyés")]
    if not settings.DEBUG:
        folders.append((Path(settings.STATIC_ROOT), "les fichiers statiques (collectstatic)"))
    database = connections["default"]
    if database.vendor == "sqlite" and not database.is_in_memory_db():
        folders.append((Path(database.settings_dict["NAME"]).parent, "la base SQLite et son journal"))
    return folders


def check_writable(folder, holds):
    """Create `folder` if needed and write a file into it; a CommandError in one line otherwise."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise CommandError(
            f"Le dossier {folder} ({holds}) n'est pas accessible en écriture ({error.strerror or error}) : "
            "donnez-en les droits à l'utilisateur qui lance le serveur, ou choisissez un autre dossier "
            "de données avec MILLELIEUX_DATA_DIR."
        ) from None


def check_database(alias="default"):
    """The database exists, answers, and has every migration applied; a CommandError in one line otherwise.

    A SQLite file that does not exist is reported without being created: connecting would create it empty.
    """
    connection = connections[alias]
    name = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        if not Path(name).is_file():
            raise CommandError(
                f"Aucune base de données dans {name} : lancez « millelieux migrate » (ou « millelieux demo »), "
                "ou indiquez le dossier de données de l'instance avec MILLELIEUX_DATA_DIR."
            )
        if not os.access(name, os.W_OK):
            raise CommandError(f"La base de données {name} n'est pas accessible en écriture.")
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise CommandError(f"La base de données ne répond pas ({reason}) : vérifiez DATABASE_URL.") from None
    if plan:
        raise CommandError(
            f"La base de données n'est pas à jour ({len(plan)} migration(s) non appliquée(s), "
            f"dont {plan[0][0].app_label}.{plan[0][0].name}) : lancez « millelieux migrate »."
        )


def check_ready_to_serve():
    """Everything `serve` needs before it starts: an up-to-date database, writable data folders.

    The database first: when it is missing, the data folder is probably the wrong one, and nothing is created.
    """
    check_database()
    for folder, holds in folders_to_write():
        check_writable(folder, holds)


# -- media ---------------------------------------------------------------------------------------------------


def media_path(path):
    """The path under MEDIA_ROOT that may be served for `path`, or Http404 (outside, private or hidden)."""
    relative = posixpath.normpath(path).lstrip("/")
    try:
        safe_join(settings.MEDIA_ROOT, relative)
    except SuspiciousFileOperation:
        raise Http404("Hors du dossier des médias.") from None
    parts = Path(relative).parts
    if not parts or parts[0].lower() in MEDIA_PRIVATE_FOLDERS or any(part.startswith(".") for part in parts):
        raise Http404("Fichier non servi.")
    return relative


@require_safe
def serve_media(request, path):
    """An uploaded file from MEDIA_ROOT (original images, renditions), with or without DEBUG.

    On when SERVE_MEDIA is (the default); a proxy that serves /media/ itself makes it unnecessary. Django's
    own static view does the file work (safe joining, If-Modified-Since, content type); this adds the cache
    header, keeps private folders out and forbids uploaded files from running anything (sandbox).
    """
    if not settings.SERVE_MEDIA:
        raise Http404("Les médias sont servis par le serveur frontal.")
    response = serve_file(request, media_path(path), document_root=settings.MEDIA_ROOT)
    if request.method == "HEAD" and isinstance(response, FileResponse):
        # The file's headers (its Content-Length included) and no body: servers drop a HEAD body noisily.
        response.file_to_stream.close()
        response = HttpResponse(status=response.status_code, headers=dict(response.headers))
    response.headers["Cache-Control"] = MEDIA_CACHE_CONTROL
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def robots_txt(request):
    """/robots.txt: everything may be read but the admin; the sitemap at its absolute address."""
    from django.urls import reverse

    lines = [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico, asked for by browsers and feed readers whatever the page says: the PNG icon."""
    from django.shortcuts import redirect
    from django.templatetags.static import static

    return redirect(static("img/favicon-32.png"), permanent=True)
