"""Fetching the site in-process: every public page and everything it links to, once each.

The crawl starts from the home page, the sitemap and the address of every live public page in every
language, and follows every internal address found in the HTML and CSS it fetches (links, images and their
srcset, scripts, style sheets, fonts, data files), so a new route is exported without code. Pages go through
Django's request handler directly (the middleware and views of a real request, none of the test client's
instrumentation); static files and media are read from disk.
"""

import fcntl
import gc
import mimetypes
import multiprocessing
import multiprocessing.pool
import re
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.handlers.base import BaseHandler
from django.db import connection, connections
from django.test import RequestFactory
from django.utils import translation
from django.utils._os import safe_join
from wagtail.models import Page, Site

from millelieux.core.routing import lasting_memo, open_lasting_memo, private_pages_q, view_restrictions

from . import links

# Never exported: the admin, the language switch (a POST), Wagtail's own views (password forms of private
# pages), and the interactive API documentation (it needs the live API).
EXCLUDED_PREFIXES = ("/admin/", "/i18n/", "/_util/", "/api/v1/docs", "/api/v1/openapi.json/")
MEDIA_PRIVATE_FOLDERS = ("documents/", "books/")  # as core.serving: never exported from /media/
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}(\.[^./]+)$")
# Rendering a page allocates hundreds of thousands of short-lived objects: with Python's default (700 young
# objects) the collector runs thousands of times per crawl, each pass over a heap holding the census and the
# crawl's memo. Collected less often, the crawl is about a tenth faster (benchmark_export); the garbage is the same.
CRAWL_GC_THRESHOLDS = (50_000, 20, 100)
# Addresses sent ahead to each forked rendering process: enough that it never waits for the next one.
AHEAD_PER_PROCESS = 4
# The size asked for the pipe bringing rendered pages back from the forked processes (Linux; 1 MiB is what an
# unprivileged process may ask by default): a page and its pieces are 100 to 200 KB pickled, more than a pipe
# holds by default (64 KiB).
RESULTS_PIPE_SIZE = 1 << 20


class ExportError(Exception):
    """The export cannot be made; the message says why, in one sentence."""


@dataclass
class Resource:
    path: str
    query: str
    status: int = 0
    content_type: str = ""
    body: bytes = b""
    source: Path | None = None  # a static or media file, copied from disk
    redirect: tuple | None = None  # the (path, query) a redirection points to
    links: list = field(default_factory=list)
    companion: bool = False  # fetched by a script: also written as a .js file that sets a global
    # an HTML page cut at its addresses (links.html_pieces), for the export to write
    pieces: list | None = None

    @property
    def key(self):
        return (self.path, self.query)

    @cached_property
    def file(self):
        """Where the export writes it (read once the resource is fetched: its type names the file)."""
        return links.file_for(self.path, self.query, self.content_type or "text/html")

    @property
    def is_page(self):
        return links.is_html(self.content_type)


class Crawler:
    def __init__(self, *, scope=None, languages=None, progress=None, workers=1):
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        if site is None:
            raise ExportError("Aucun site Wagtail n'est configuré : rien à exporter.")
        self.site = site
        self.origin = site.root_url.rstrip("/")
        parts = urlsplit(self.origin)
        self.factory = RequestFactory(
            SERVER_NAME=parts.hostname,
            SERVER_PORT=str(parts.port or (443 if parts.scheme == "https" else 80)),
            **({"wsgi.url_scheme": "https"} if parts.scheme == "https" else {}),
        )
        self.origins = {self.origin}
        if parts.port in (80, 443):
            self.origins.add(f"{parts.scheme}://{parts.hostname}")
        self.handler = BaseHandler()
        self.handler.load_middleware()
        known = [code for code, _name in settings.LANGUAGES]
        unknown = [language for language in languages or () if language not in known]
        if unknown:
            raise ExportError(
                f"Langue inconnue : {', '.join(unknown)} (langues du site : {', '.join(known)})."
            )
        # The site's own language is at the root, always exported; the others each under their prefix.
        self.languages = [
            code for code in known if code == settings.LANGUAGE_CODE or code in (languages or known)
        ]
        self.other_languages = tuple(f"/{code}/" for code in known if code not in self.languages)
        self.scope = scope  # address prefixes of the pages to export (None: the whole site)
        self.progress = progress
        self.resources = {}
        self.queue = []
        # citation files fetched right after their page by this process (see _fetch_with_companions)
        self.fetched_alongside = set()
        self.done = 0
        # Other processes see neither an open transaction (the tests') nor an in-memory database.
        alone = connection.in_atomic_block or (connection.vendor == "sqlite" and connection.is_in_memory_db())
        self.workers = 1 if alone else workers
        self.excluded = EXCLUDED_PREFIXES + tuple(self._private_prefixes())

    # -- what to fetch --------------------------------------------------------------------------------------

    def page_urls(self):
        """The address of every live, public page of the site's tree, in each language."""
        pages = (
            Page.objects.live()
            .exclude(private_pages_q())
            .filter(path__startswith=self.site.root_page.path, locale__language_code=settings.LANGUAGE_CODE)
            .specific()
        )
        urls = []
        for language in self.languages:
            with translation.override(language):
                urls.append(_url_of(self.site.root_page) or "/")
                urls += [url for url in (_url_of(page) for page in pages) if url]
        return urls

    def _private_prefixes(self):
        for restriction in view_restrictions():
            for language in self.languages:
                with translation.override(language):
                    url = _url_of(restriction.page.specific)
                if url:
                    yield url

    def in_scope(self, path):
        if self.other_languages and path.startswith(self.other_languages):
            return False
        if path.startswith(self.excluded) or any(
            path.startswith(f"/{lang}{p}") for lang in self.languages for p in self.excluded
        ):
            return False
        if self.scope is None or path.startswith(self.asset_prefixes):
            return True
        return path.startswith(self.scope)

    @property
    def asset_prefixes(self):
        return (settings.STATIC_URL, settings.MEDIA_URL, "/api/", "/documents/")

    def add(self, path, query=""):
        key = (path, query)
        if key not in self.resources and self.in_scope(path):
            self.resources[key] = Resource(path, query)
            self.queue.append(key)

    # -- fetching -------------------------------------------------------------------------------------------

    def crawl(self, start):
        # Each request activates its language (LocaleMiddleware) and leaves it active: give the caller its own back.
        # The pages of one crawl share what none of them changes (core.routing.lasting_memo).
        with translation.override(translation.get_language()), lasting_memo(), fewer_collections():
            return self._crawl(start)

    def _crawl(self, start):
        for url in start:
            parts = urlsplit(url)
            self.add(parts.path or "/", parts.query)
        if self.workers > 1:
            self._crawl_in_processes()
        while self.queue:
            resource = self.resources[self.queue.pop(0)]
            self._found(self.fetch(resource), resource)
        return self.resources

    def _crawl_in_processes(self):
        """The same crawl, pages rendered by this process and `workers - 1` forked ones.

        This process keeps the list of addresses and renders too: the pool is fed a few addresses ahead of each
        forked process, from the pool's own result thread (so a long page here, the PDF book, never leaves them
        waiting), and this process takes the next address from the other end of the list. Running two
        processes side by side costs each about a tenth of its speed here; a pure coordinator would cost a third
        process's worth of unpickling and waiting on top of that."""
        connections.close_all()  # each process opens its own connection; none may share the parent's
        context = multiprocessing.get_context("fork")
        lock = threading.Condition()
        state = {"pending": 0, "error": None}
        ahead = AHEAD_PER_PROCESS * (self.workers - 1)

        def feed():  # with the lock held
            while self.queue and state["pending"] < ahead and state["error"] is None:
                state["pending"] += 1
                pool.apply_async(
                    _fetch_in_worker, (self.queue.pop(0),), callback=received, error_callback=received
                )

        def received(result):  # in the pool's result thread
            with lock:
                state["pending"] -= 1
                if isinstance(result, BaseException):
                    state["error"] = state["error"] or result
                else:
                    self._received(*result)
                    feed()
                lock.notify_all()

        with RenderingPool(
            self.workers - 1, initializer=_start_worker, initargs=(self.languages,), context=context
        ) as pool:
            while True:
                with lock:
                    feed()
                    while not self.queue and state["pending"] and state["error"] is None:
                        lock.wait()
                    if state["error"] is not None:
                        raise state["error"]
                    if not self.queue:
                        break
                    key = self.queue.pop()
                result = _fetch_with_companions(self, key)
                with lock:
                    self._received(*result)

    def _received(self, resource, found, alongside):
        known = self.resources.get(resource.key)
        resource.companion = known is not None and known.companion  # marked while it was being fetched
        self.resources[resource.key] = resource
        for extra, extra_found in alongside:
            # fetched with their page by the same process (see _fetch_with_companions); not fetched again
            if extra.key not in self.resources and self.in_scope(extra.path):
                self.resources[extra.key] = extra
                self._found(extra_found, extra)
        self._found(found, resource)

    def _found(self, found, resource):
        """Adds the addresses found in `resource` to the crawl."""
        for path, query, companion in found:
            self.add(path, query)
            if companion and (path, query) in self.resources:
                self.resources[(path, query)].companion = True
        self.done += 1
        if self.progress and (self.done % 10 == 0 or not self.queue):
            self.progress(self.done, len(self.resources))

    def fetch(self, resource):
        """Fetches `resource` (sets its status, type and body); returns the addresses it leads to."""
        path = resource.path
        if path.startswith(settings.STATIC_URL) and not resource.query:
            resource.source = static_file(path[len(settings.STATIC_URL) :])
        elif path.startswith(settings.MEDIA_URL) and not resource.query:
            resource.source = media_file(path[len(settings.MEDIA_URL) :])
        if resource.source is not None:
            resource.status = 200
            resource.content_type = (
                mimetypes.guess_type(resource.source.name)[0] or "application/octet-stream"
            )
            if resource.content_type == "text/css":
                resource.body = resource.source.read_bytes()
                resource.source = None
            return self.discover(resource)
        request = self.factory.get(path + (f"?{resource.query}" if resource.query else ""))
        response = self.handler.get_response(request)
        resource.status = response.status_code
        resource.content_type = response.get("Content-Type", "application/octet-stream")
        if response.streaming:
            resource.body = b"".join(response.streaming_content)
            for closer in getattr(response, "_resource_closers", []):
                closer()
        else:
            resource.body = response.content
        if resource.status >= 500:
            address = path + (f"?{resource.query}" if resource.query else "")
            raise ExportError(f"{address} a répondu {resource.status} : l'export est annulé.")
        if resource.status in (301, 302, 303, 307, 308):
            target = links.Address(response["Location"], path, self.origins)
            if not target.external:
                resource.redirect = target.key
                return [(*target.key, False)]
        return self.discover(resource)

    def discover(self, resource):
        """(path, query, fetched by a script) of every internal address in an HTML, CSS or XML resource."""
        if resource.status != 200 or not resource.body:
            return []
        kind = resource.content_type.split(";")[0].strip()
        out = []
        if links.is_html(kind):
            # cut once, here, where the page was rendered (in parallel): the export writes it from its pieces
            resource.pieces = links.html_pieces(resource.body.decode("utf-8", "replace"))
            for href in links.fetched_by_script(resource.pieces):
                address = links.Address(href, resource.path, self.origins)
                if not address.external:
                    out.append((*address.key, True))
            found = links.links_in_pieces(resource.pieces)
        elif kind == "text/css":
            found = links.css_links(resource.body.decode("utf-8", "replace"))
        elif kind in ("application/xml", "text/xml", "application/atom+xml"):
            text = resource.body.decode("utf-8", "replace")
            found = (("xml", m.group(1)) for m in re.finditer(r"<loc>([^<]+)</loc>", text))
        else:
            return out
        for kind_of_link, value in found:
            if kind_of_link == "action" or not links.followed(value):
                continue
            address = links.Address(value, resource.path, self.origins)
            if address.external:
                continue
            # A page's own list filters and pages (a query string) are exported when linked; assets never
            # carry one that matters.
            assets = (settings.STATIC_URL, settings.MEDIA_URL)
            query = "" if address.path.startswith(assets) else address.query
            out.append((address.path, query, False))
        return out


class RenderingPool(multiprocessing.pool.Pool):
    """The pool of forked rendering processes, its results' pipe enlarged (RESULTS_PIPE_SIZE). With the default
    size, a process that rendered a page waited, page after page, for this process's result thread to be given
    the interpreter (the GIL) and read it: a tenth of its time (benchmark_export)."""

    def _setup_queues(self):
        super()._setup_queues()
        _enlarge_pipe(self._outqueue._writer.fileno())


def _enlarge_pipe(descriptor):
    """Ask for RESULTS_PIPE_SIZE on a pipe; where the system allows none (not Linux, a lower limit), the pipe
    keeps its size: the crawl is only slower."""
    if not hasattr(fcntl, "F_SETPIPE_SZ"):
        return
    try:
        fcntl.fcntl(descriptor, fcntl.F_SETPIPE_SZ, RESULTS_PIPE_SIZE)
    except OSError:
        pass


_WORKER = None


@contextmanager
def fewer_collections():
    """The garbage collector run less often for the block (CRAWL_GC_THRESHOLDS), as it was after it."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*CRAWL_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _start_worker(languages):
    global _WORKER
    gc.set_threshold(*CRAWL_GC_THRESHOLDS)  # the process lives for one crawl
    _WORKER = Crawler(languages=languages)
    open_lasting_memo()


# Addresses a page links to that are best fetched by the process that rendered the page, right after it:
# a page's citation files read the citation item the page computed (core.routing.lasting_memo).
FETCHED_WITH_THEIR_PAGE = re.compile(r"^(?:/[a-z]{2})?/citer/\d+\.(?:bib|json)$")


def _fetch_in_worker(key):
    return _fetch_with_companions(_WORKER, key)


def _fetch_with_companions(crawler, key):
    """(resource, addresses found, [(resource, addresses found)] of its citation files fetched right after it)."""
    resource = Resource(*key)
    found = crawler.fetch(resource)
    alongside = []
    for path, query, _companion in found if resource.is_page else ():
        if query or not FETCHED_WITH_THEIR_PAGE.match(path) or (path, query) in crawler.resources:
            continue
        if (path, query) in crawler.fetched_alongside or not crawler.in_scope(path):
            continue  # a page links the citation files of its exploration too: fetched once per process
        crawler.fetched_alongside.add((path, query))
        extra = Resource(path, query)
        alongside.append((extra, crawler.fetch(extra)))
    return resource, found, alongside


def _url_of(page):
    parts = page.get_url_parts()
    if not parts or parts[2] is None:
        return None
    return parts[2]


def static_file(name):
    """The file of a static address: collected (STATIC_ROOT, hashed names included) or found by the finders."""
    try:
        collected = Path(safe_join(settings.STATIC_ROOT, name)) if settings.STATIC_ROOT else None
    except Exception:
        return None
    if collected and collected.is_file():
        return collected
    for candidate in (name, HASHED_NAME.sub(r"\1", name)):
        found = finders.find(candidate)
        if found:
            return Path(found)
    if staticfiles_storage.exists(name):
        return Path(staticfiles_storage.path(name))
    return None


def media_file(name):
    if name.startswith(MEDIA_PRIVATE_FOLDERS):
        return None
    try:
        path = Path(safe_join(settings.MEDIA_ROOT, name))
    except Exception:
        return None
    return path if path.is_file() else None
