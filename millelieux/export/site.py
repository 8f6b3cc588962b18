"""The static export: the public site baked into a folder that works from disk and on any static host.

    from millelieux.export.site import export_site

    report = export_site("public/", base_url="https://example.org/etudes")
    report.pages, report.written, report.unchanged   # pages exported; files rewritten, files kept as they were

`export_site(outdir, *, base_url=None, exploration=None, languages=None, progress=None, zip=False, workers=1)`
returns an ExportReport: pages, files, written, unchanged, bytes, seconds, missing (linked addresses that
answered 404), zip_path.
- `outdir`: the folder of the export. It is replaced as a whole at the end, and only when it is empty, absent
  or a previous export (it holds the marker file `.millelieux-export`); anything else is refused.
- `base_url`: the http(s) address the export will be published at (a sub-path is fine). Absolute addresses
  that must stay absolute (canonical, og:url, the sitemap, JSON-LD, feeds) are rewritten to it; without it
  they keep the Wagtail site's own address.
- `exploration`: an ExplorationPage (or its slug) to export only its pages (and what they use).
- `languages`: the interface languages to export (all of settings.LANGUAGES by default: French at the root,
  always, English under en/); links to a language not exported lead to the live site.
- `progress`: called as progress(done, known) while fetching.
- `workers`: processes rendering the pages (1 inside a transaction or on an in-memory database).
- `zip`: also write OUTDIR.zip next to the folder (`report.zip_path`).

Links to what is not exported (the rest of the site with `exploration`, the API's interactive documentation)
lead to the live site, at the Wagtail Site's address.

Everything is written into a temporary folder next to `outdir`, then swapped in: a failed export (a page that
answers 500, a full disk) leaves the previous one untouched and raises ExportError. A file whose bytes did
not change since the previous export is not rewritten (hard-linked from it, its date kept).
See docs/static-export.md for what a static copy cannot do (search, forms, filters by query string).
"""

import base64
import html
import json
import os
import re
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from django.apps import apps
from django.conf import settings
from django.utils import timezone

from . import links
from .crawler import Crawler, ExportError

MARKER = ".millelieux-export"
TEXT_KINDS = (
    "text/",
    "application/json",
    "application/xml",
    "application/atom+xml",
    "application/geo+json",
    "application/ld+json",
    "application/schema+json",
    "application/javascript",
    "application/vnd.oai",
)
# What a script fetches (a `<link rel="preload" as="fetch">`) is also written as `<file>.js`: file:// allows
# no fetch, so the exported page loads the data with a <script>, which sets it in this global, by the file's
# own address (read by national-map.js).
COMPANION = (
    "(window.millelieuxStatic = window.millelieuxStatic || {})"
    "[document.currentScript.src.slice(0, -3)] = DATA;\n"
)

__all__ = ["ExportError", "ExportReport", "MARKER", "export_site"]


@dataclass
class ExportReport:
    outdir: Path
    pages: int = 0
    files: int = 0
    written: int = 0
    unchanged: int = 0
    bytes: int = 0
    seconds: float = 0.0
    missing: list = field(default_factory=list)  # internal addresses linked but answering 404
    zip_path: Path | None = None

    @property
    def pages_per_second(self):
        return self.pages / self.seconds if self.seconds else 0.0


def export_site(
    outdir, *, base_url=None, exploration=None, languages=None, progress=None, zip=False, workers=1
):
    started = time.perf_counter()
    outdir = Path(outdir).absolute()
    public_origin = _check_base_url(base_url)
    _check_outdir(outdir)
    scope, start = None, None
    if exploration is not None:
        exploration = _find_exploration(exploration)
    crawler = Crawler(languages=languages, progress=progress, workers=workers)
    if exploration is not None:
        scope = tuple(_urls_in_languages(exploration, crawler.languages))
        crawler.scope = scope
        start = list(scope)
    else:
        start = ["/sitemap.xml", *crawler.page_urls()]
    resources = crawler.crawl(start)

    report = ExportReport(outdir=outdir)
    temporary = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.export-", dir=outdir.parent))
    try:
        writer = Writer(temporary, outdir if (outdir / MARKER).is_file() else None)
        # Pages were cut at their addresses where they were rendered (links.html_pieces): writing them is a join.
        baker = Baker(crawler, resources, public_origin or crawler.origin)
        for resource in resources.values():
            if resource.status != 200:
                if resource.status == 404:
                    report.missing.append(resource.path + (f"?{resource.query}" if resource.query else ""))
                continue
            if resource.is_page:
                report.pages += 1
            if resource.content_type.startswith("font/"):
                continue  # written into the style sheets (see _data_uri)
            if resource.source is not None:
                writer.copy(resource.file, resource.source)
            else:
                writer.write(resource.file, baker.bake(resource))
            if resource.companion:
                writer.write(
                    resource.file + ".js", COMPANION.replace("DATA", resource.body.decode()).encode()
                )
        if exploration is not None:
            writer.write("index.html", _redirect_page(scope[0].lstrip("/") + "index.html"))
        marker = {"exported": timezone.now().isoformat(), "base_url": base_url, "pages": report.pages}
        (temporary / MARKER).write_text(json.dumps(marker, indent=1), encoding="utf-8")
        _swap(temporary, outdir)
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    report.files, report.written, report.unchanged, report.bytes = (
        writer.files,
        writer.written,
        writer.unchanged,
        writer.bytes,
    )
    report.seconds = time.perf_counter() - started  # the export alone, without its archive
    if zip:
        report.zip_path = write_zip(outdir)
    return report


# -- checks -------------------------------------------------------------------------------------------------


def _check_base_url(base_url):
    if base_url is None:
        return None
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise ExportError(
            f"L'adresse de base doit être une adresse http ou https sans paramètres (reçu : {base_url!r})."
        )
    return base_url.rstrip("/")


def _check_outdir(outdir):
    if outdir.exists() and not outdir.is_dir():
        raise ExportError(f"{outdir} est un fichier, pas un dossier : l'export a besoin d'un dossier.")
    if outdir.is_dir() and any(outdir.iterdir()) and not (outdir / MARKER).is_file():
        raise ExportError(
            f"{outdir} n'est pas vide et ne contient pas d'export précédent (pas de fichier {MARKER}) : "
            "il ne sera pas remplacé. Choisissez un dossier vide ou nouveau."
        )
    parent = outdir.parent
    if not parent.is_dir():
        raise ExportError(f"Le dossier parent {parent} n'existe pas.")
    if not os.access(parent, os.W_OK | os.X_OK) or (outdir.is_dir() and not os.access(outdir, os.W_OK)):
        raise ExportError(f"Impossible d'écrire dans {parent} : l'export y crée un dossier temporaire.")


def _find_exploration(exploration):
    ExplorationPage = apps.get_model("explorations", "ExplorationPage")
    if isinstance(exploration, ExplorationPage):
        return exploration
    explorations = ExplorationPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    found = explorations.filter(slug=exploration).first()
    if found is None:
        known = ", ".join(explorations.values_list("slug", flat=True).order_by("slug"))
        raise ExportError(
            f"Aucune exploration publiée n'a pour identifiant {exploration!r} (connues : {known or 'aucune'})."
        )
    return found


def _urls_in_languages(page, languages):
    from django.utils import translation

    for language in languages:
        with translation.override(language):
            parts = page.get_url_parts()
        if parts and parts[2]:
            yield parts[2]


def _redirect_page(target):
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>Mille Lieux</title>'
        f'<meta http-equiv="refresh" content="0; url={target}"></head>'
        f'<body><p><a href="{target}">{target}</a></p></body></html>\n'
    ).encode()


# -- baking one file ----------------------------------------------------------------------------------------


class Baker:
    """Rewrites the addresses in a fetched file for the static copy."""

    def __init__(self, crawler, resources, public_origin):
        self.crawler, self.resources = crawler, resources
        self.origin, self.public_origin = crawler.origin, public_origin
        origins = "|".join(re.escape(origin) for origin in sorted(crawler.origins, key=len, reverse=True))
        self.absolute_address = re.compile(rf"(?:{origins})(?:(?P<path>/[^\s\"'<>\\)]*)|(?![\w.:-]))")

    def target(self, key, seen=0):
        """The exported resource an address leads to (after redirections), or None."""
        resource = self.resources.get(key)
        while resource is not None and resource.redirect and seen < 10:
            resource, seen = self.resources.get(resource.redirect), seen + 1
        if resource is None or resource.status != 200:
            return None
        return resource

    def bake(self, resource):
        kind = resource.content_type.split(";")[0].strip()
        if not kind.startswith(TEXT_KINDS):
            return resource.body
        own_folder = links.folder_of(resource.file)

        def rewrite(value, kind_of_link):
            if not links.followed(value):
                return None
            if "://" in value or value.startswith("//"):
                return None  # absolute addresses stay absolute (the origin is replaced below)
            address = links.Address(value, resource.path, self.crawler.origins)
            if address.external:
                return None
            target = self.target(address.key)
            if target is not None and kind_of_link == "css" and target.content_type.startswith("font/"):
                return _data_uri(target)
            if target is None and address.query:
                target = self.target((address.path, ""))  # a query not exported: the unfiltered page
            if target is None:  # not exported (another exploration, the API's documentation): the live site
                return self.origin + address.path + (f"?{address.query}" if address.query else "")
            return links.href_from(own_folder, target.file, address.fragment)

        def rewrite_in_data(value):
            address = links.Address(value, resource.path, self.crawler.origins)
            target = self.target(address.key)
            return None if target is None else links.href_from(own_folder, target.file, address.fragment)

        if links.is_html(kind):
            pieces = resource.pieces
            if pieces is None:  # not fetched by a crawl (a page baked on its own)
                pieces = links.html_pieces(resource.body.decode("utf-8", "replace"))
            text = links.bake_pieces(pieces, rewrite, rewrite_in_data)
        elif kind == "text/css":
            text = links.rewrite_css(resource.body.decode("utf-8", "replace"), rewrite)
        else:
            text = resource.body.decode("utf-8", "replace")
        return self.absolute(text).encode()

    def absolute(self, text):
        """The site's absolute addresses of exported files in `text` at the public address (the others stay
        on the live site). One that leads to a file other than a page's index.html (a feed, a data file, a
        page with a query string) names that file, as a static host serves nothing else at it."""

        def public(match):
            address = match.group("path")
            if address is None:
                return self.public_origin
            path, _, query = address.partition("?")
            target = self.target((path, html.unescape(query)))
            if target is None:
                return match.group(0)  # not in the export: it stays on the live site
            if query or not target.file.endswith("index.html"):
                return self.public_origin + "/" + quote(target.file, safe="/=.-_~")
            return self.public_origin + address

        return self.absolute_address.sub(public, text)


def _data_uri(resource):
    """A font in the style sheet itself: Chromium loads no font from file:// (a cross-origin request)."""
    data = resource.body or resource.source.read_bytes()
    return f"data:{resource.content_type};base64,{base64.b64encode(data).decode()}"


# -- writing ------------------------------------------------------------------------------------------------


class Writer:
    """Writes the new export; a file identical to the previous export's is hard-linked from it instead."""

    def __init__(self, root, previous):
        self.root, self.previous = root, previous
        self.files = self.written = self.unchanged = self.bytes = 0
        # Folders made so far: asking the file system for a folder that exists cost as much as writing the
        # file (a failing mkdir, some 0.2 ms here, for each of the export's files).
        self.folders = set()

    def _paths(self, name):
        target = self.root / name
        if target.parent not in self.folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(target.parent)
        old = self.previous / name if self.previous else None
        return target, old if old is not None and old.is_file() else None

    def write(self, name, data):
        target, old = self._paths(name)
        self.files += 1
        self.bytes += len(data)
        if old is not None and old.stat().st_size == len(data) and old.read_bytes() == data:
            self._keep(old, target)
            return
        target.write_bytes(data)
        self.written += 1

    def copy(self, name, source):
        target, old = self._paths(name)
        self.files += 1
        size = source.stat().st_size
        self.bytes += size
        if old is not None and old.stat().st_size == size and old.read_bytes() == source.read_bytes():
            self._keep(old, target)
            return
        shutil.copyfile(source, target)
        self.written += 1

    def _keep(self, old, target):
        try:
            os.link(old, target)
        except OSError:
            shutil.copy2(old, target)  # a file system without hard links: a copy, with its date
        self.unchanged += 1


def _swap(new, outdir):
    """Put `new` in place of `outdir` by renames on one file system; the old export is removed last."""
    old = None
    if outdir.exists():
        old = outdir.with_name(f".{outdir.name}.old-{os.getpid()}-{time.monotonic_ns()}")
        os.rename(outdir, old)
    try:
        os.rename(new, outdir)
    except BaseException:
        if old is not None:
            os.rename(old, outdir)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def write_zip(outdir):
    """OUTDIR.zip next to the folder, its files under OUTDIR's name; written aside, then renamed in place."""
    destination = outdir.with_name(outdir.name + ".zip")
    handle, temporary = tempfile.mkstemp(prefix=f".{outdir.name}.zip-", dir=outdir.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(outdir.rglob("*")):
                if path.is_file() and path.name != MARKER:
                    archive.write(path, f"{outdir.name}/{path.relative_to(outdir).as_posix()}")
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's file is private; the archive is meant to be shared
        os.replace(temporary, destination)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return destination
