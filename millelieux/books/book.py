"""The study as a book: one PDF of an exploration, drawn by WeasyPrint from the site's own templates.

    pdf = build_book(exploration)                                  # bytes of the live exploration's book
    pdf = build_book(exploration, edition_title="Édition 2019", edition_date=datetime.date(2019, 6, 20))

The book is the cover, the table of contents, the foreword and the method, every monograph (technical sheet,
location map, timeline and stakeholder map as SVG), every impact with the places where it shows, the places ×
impacts matrix, the articles in reading order and the bibliography. Each is a chapter, an HTML document of its
own (books/templates/books/book.html), laid out and joined into one PDF by books.layout. Its figures are the
includes of the pages, so the book and the site say the same thing. Only live pages outside restricted sections
are printed.

Nothing is fetched from the network: /static/ addresses are read through Django's staticfiles finders (the
self-hosted typefaces are embedded in the PDF) and /media/ addresses through the default storage; anything else
is refused.
"""

import datetime
import hashlib
import logging
import mimetypes
import posixpath
import re
from contextlib import contextmanager
from functools import cache
from importlib import import_module
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db.models import Max
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Page

from millelieux.core.routing import private_pages_q
from millelieux.explorations.matrix import build_matrix
from millelieux.impacts.models import Evidence, ImpactPage
from millelieux.places.models import PlaceFactSource, Stakeholder, TimelineEvent
from millelieux.sources.models import Source

from . import layout
from .files import write_atomically

# Where relative addresses of the document resolve; never contacted (see BookURLFetcher).
DOCUMENT_ORIGIN = "https://livre.millelieux.invalid/"
# Beyond this many impacts the matrix is printed on a landscape page.
PORTRAIT_MATRIX_COLUMNS = 10

logger = logging.getLogger(__name__)


class BookUnavailable(Exception):
    """The book cannot be made: WeasyPrint cannot run here (a system library it needs is missing), or its page
    numbers never settled (books.layout); `message` says which, in French."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def unavailable_message(error):
    """The sentence for a failed import of WeasyPrint: its OSError names the library the loader could not find
    (« cannot load library 'pango-1.0-0': … »)."""
    return _(
        "Le livre PDF ne peut pas être produit : WeasyPrint ne trouve pas une bibliothèque du système (%(error)s). "
        "Installez Pango, HarfBuzz et fontconfig (sous Debian : apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
        "libharfbuzz-subset0)."
    ) % {"error": error}


def weasyprint():
    """The weasyprint module, imported on first use: the rest of the site runs without Pango."""
    try:
        return import_module("weasyprint")
    except OSError as error:
        raise BookUnavailable(unavailable_message(error)) from error


def book_fetcher():
    """A WeasyPrint URL fetcher that reads static files and media from disk and refuses every other address."""
    urls = import_module("weasyprint.urls")

    class BookURLFetcher(urls.URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = unquote(urlsplit(url).path)
            static_prefix = urlsplit(settings.STATIC_URL).path
            media_prefix = urlsplit(settings.MEDIA_URL).path
            if path.startswith(static_prefix):
                name = path[len(static_prefix) :]
                try:  # the app's own files first; collected files where the sources are not installed
                    found = finders.find(name) or collected_static(name)
                except SuspiciousFileOperation:  # « ../ » out of the static folders
                    found = None
                if not found:
                    raise ValueError(f"static file not found: {path}")
                if path.endswith(".woff2"):
                    body = BytesIO(decompressed_typeface(found))
                else:
                    body = open(found, "rb")  # noqa: SIM115 (WeasyPrint closes the response)
            elif path.startswith(media_prefix):
                body = default_storage.open(path[len(media_prefix) :], "rb")
            else:
                raise ValueError(f"the book fetches nothing from the network: {url}")
            content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
            return urls.URLFetcherResponse(url, body, {"Content-Type": content_type})

    return BookURLFetcher()


def typefaces_folder():
    return Path(settings.MEDIA_ROOT) / "books" / "typefaces"


def decompressed_typeface(path):
    """The font inside the WOFF2 file at `path`, decompressed once and kept in typefaces_folder(): WeasyPrint
    would otherwise decompress every WOFF2 of the site's typefaces in Python for each book, a second each time."""
    data = Path(path).read_bytes()
    kept = typefaces_folder() / f"{Path(path).stem}-{hashlib.sha256(data).hexdigest()[:16]}.ttf"
    try:
        return kept.read_bytes()
    except FileNotFoundError:
        pass
    output = BytesIO()
    import_module("fontTools.ttLib.woff2").decompress(BytesIO(data), output)
    kept.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(kept, output.getvalue())
    return output.getvalue()


def collected_static(name):
    """The path of `name` in STATIC_ROOT when it was collected there (and stays inside it), else None."""
    if not settings.STATIC_ROOT:
        return None
    root = Path(settings.STATIC_ROOT).resolve()
    path = (root / name).resolve()
    return path if path.is_relative_to(root) and path.is_file() else None


def latest_publication(exploration):
    """When the exploration or one of its pages was last published (None if never)."""
    return (
        Page.objects.descendant_of(exploration, inclusive=True)
        .live()
        .aggregate(latest=Max("last_published_at"))["latest"]
    )


def licence_label(exploration):
    """The exploration's content licence in words, "" when it has none (or no such field yet)."""
    value = getattr(exploration, "content_licence", None)
    if not value:
        return ""
    display = getattr(exploration, "get_content_licence_display", None)
    return str(display()) if callable(display) else str(value)


def public(queryset):
    return queryset.live().exclude(private_pages_q())


def book_places(exploration):
    """The monographs with what their sheet reads, in the order of the terrains index."""
    return list(
        exploration.places()
        .select_related("commune__department__region", "commune__epci", "image")
        .prefetch_related("activities", "revenue_shares")
    )


def book_impacts(exploration):
    """Positive externalities first, then limits, each alphabetically (the order of the matrix)."""
    impacts = exploration.impacts().select_related("source").prefetch_related("exploration_fields")
    return sorted(impacts, key=lambda impact: (impact.is_limit, impact.title.casefold()))


def book_articles(exploration):
    return list(
        exploration.articles()
        .select_related("image", "original_source")
        .prefetch_related("interviewees", "related_places", "related_impacts")
    )


def book_matrix(places, impacts):
    """The places × impacts matrix, each cell and heading pointing inside the book instead of the site."""
    kinds = [(ImpactPage.POSITIVE, _("Externalités positives")), (ImpactPage.LIMIT, _("Limites"))]
    evidence = Evidence.objects.filter(place__in=places, impact__in=impacts).only(
        "pk", "place_id", "impact_id", "strength"
    )
    matrix = build_matrix(places, impacts, evidence, kinds=kinds)
    for column in matrix.columns:
        column.url = f"#impact-{column.impact.pk}"
    for row in matrix.rows:
        row.url = f"#monographie-{row.place.pk}"
        for cell in row.cells:
            if cell.evidence is not None:
                cell.url = f"#observation-{row.place.pk}-{cell.impact.pk}"
    return matrix


def rendered_sources(exploration, places, impacts, articles):
    """Every source cited by what the book prints, by author (publisher), date and title."""
    place_ids = [place.pk for place in places]
    ids = {exploration.source_id} | {impact.source_id for impact in impacts}
    ids |= {article.original_source_id for article in articles}
    for model in (PlaceFactSource, TimelineEvent, Stakeholder):
        ids |= set(model.objects.filter(place__in=place_ids).values_list("source_id", flat=True))
    ids |= set(
        Evidence.objects.filter(place__in=place_ids, impact__in=impacts).values_list("source_id", flat=True)
    )
    ids.discard(None)
    return list(Source.objects.filter(pk__in=ids).order_by("publisher", "date", "title"))


def bibliography(exploration, places, impacts, articles):
    """The exploration's bibliography: `explorations.bibliography.cited_sources` where the project has it,
    otherwise the sources cited by the pages the book prints."""
    try:
        cited_sources = import_module("millelieux.explorations.bibliography").cited_sources
    except (ImportError, AttributeError):
        return rendered_sources(exploration, places, impacts, articles)
    return list(cited_sources(exploration))


def link_inside(places, impacts, articles):
    """Give each page the evidence and related pages that the book prints: a link never leads to a page left out
    (unpublished or in a restricted section)."""
    place_ids = {place.pk for place in places}
    impact_ids = {impact.pk for impact in impacts}
    # Two queries for the whole book, in the orders of the pages' own lists: a monograph's evidence by strength,
    # then by impact title (PlacePage.live_evidence); an impact's by strength, then by place title
    # (ImpactPage.live_evidence).
    evidence = Evidence.objects.filter(place__in=place_ids, impact__in=impact_ids).select_related(
        "place", "impact", "source"
    )
    by_place = {pk: [] for pk in place_ids}
    for row in evidence.order_by("impact__title", "impact_id"):
        by_place[row.place_id].append(row)
    for place in places:
        place.book_evidence = sorted(by_place[place.pk], key=lambda row: -row.strength)  # stable: by title
    by_impact = {pk: [] for pk in impact_ids}
    for row in evidence.order_by("-strength", "place__title"):
        by_impact[row.impact_id].append(row)
    for impact in impacts:
        impact.book_evidence = by_impact[impact.pk]
    for article in articles:
        article.book_places = [p for p in article.related_places.all() if p.pk in place_ids]
        article.book_impacts = [i for i in article.related_impacts.all() if i.pk in impact_ids]


def book_context(exploration, *, edition_title=None, edition_date=None, base_url=None):
    places = book_places(exploration)
    impacts = book_impacts(exploration)
    articles = book_articles(exploration)
    link_inside(places, impacts, articles)
    published = latest_publication(exploration)
    date = edition_date or (timezone.localdate(published) if published else timezone.localdate())
    site_url = (base_url or "").rstrip("/")
    return {
        "exploration": exploration,
        "edition_title": edition_title or "",
        "edition_date": date,
        "licence": licence_label(exploration),
        "places": places,
        "impacts": impacts,
        "articles": articles,
        "fields": list(exploration.live_fields()),
        "partnerships": list(exploration.live_partnerships()),
        "matrix": book_matrix(places, impacts) if places and impacts else None,
        "matrix_landscape": len(impacts) > PORTRAIT_MATRIX_COLUMNS,
        "sources": bibliography(exploration, places, impacts, articles),
        "online_url": f"{site_url}{exploration.url}" if site_url and exploration.url else "",
        "generated": timezone.localtime(),
    }


# A legend key drawn outside its figure, coloured on the site by the class of its list item.
LEGEND_KEY = re.compile(
    r'<li class="kind-(?P<kind>[\w-]+)"><svg class="chart__key"(?P<attrs>[^>]*)>(?P<body>.*?)</svg>'
)
SVG_OPENING = re.compile(r"<svg\b[^>]*>")


@cache
def figures_stylesheet():
    """The sheet without its comments: inside an <svg> the HTML parser would read a tag named in a comment."""
    with open(finders.find("books/figures-svg.css"), encoding="utf-8") as file:
        return re.sub(r"/\*.*?\*/", "", file.read(), flags=re.DOTALL)


def style_figures(html):
    """Put the figures' drawing rules inside each <svg>: WeasyPrint styles an SVG only from its own <style>."""
    html = LEGEND_KEY.sub(
        lambda m: (
            f'<li class="kind-{m["kind"]}"><svg class="chart__key"{m["attrs"]}>'
            f'<g class="kind-{m["kind"]}">{m["body"]}</g></svg>'
        ),
        html,
    )
    style = f"<style>{figures_stylesheet()}</style>"
    return SVG_OPENING.sub(lambda m: m[0] + style, html)


def book_chapters(context):
    """The chapters of the book in order, each as (part, HTML body): `part` names the part whose running head a
    chapter takes when it does not open the part itself."""
    render = render_to_string
    chapters = [
        ("", render("books/includes/cover.html", context)),
        ("", render("books/includes/contents.html", context)),
        ("", render("books/includes/introduction.html", context)),
    ]
    parts = [
        ("terrains", _("Les terrains"), "places", "books/includes/monograph.html", "page"),
        ("impacts", _("Les impacts"), "impacts", "books/includes/impact.html", "impact"),
        ("articles", _("Entretiens et articles"), "articles", "books/includes/article.html", "page"),
    ]
    for part_id, title, entries, template, name in parts:
        if not context[entries]:
            continue
        opening = {**context, "part_id": part_id, "part_title": title}
        chapters.append(("", render("books/includes/part_opening.html", opening)))
        chapters += [(title, render(template, {**context, name: entry})) for entry in context[entries]]
        if part_id == "impacts" and context["matrix"]:
            chapters.append(("", render("books/includes/matrix.html", context)))
    chapters.append(("", render("books/includes/bibliography.html", context)))
    return [(part, body) for part, body in chapters if body.strip()]


def book_documents(context):
    """Each chapter as an HTML document of its own (French, the study's language), figures styled.

    Only the first chapter's head names the edition: the join takes the PDF's metadata from it, and the other
    chapters of a citable edition's book are then the live book's, whose laid-out chapters it takes
    (build_book's `reused_chapters`)."""
    return [
        style_figures(
            render_to_string(
                "books/book.html",
                {
                    **context,
                    "part": part,
                    "chapter": mark_safe(body),
                    "edition_title": context["edition_title"] if index == 0 else "",
                },
            )
        )
        for index, (part, body) in enumerate(book_chapters(context))
    ]


def book_html(exploration, *, edition_title=None, edition_date=None, base_url=None):
    """The whole book as one HTML document: every chapter in order (to read or check; the PDF is laid out
    chapter by chapter)."""
    with translation.override(settings.LANGUAGE_CODE):
        context = book_context(
            exploration, edition_title=edition_title, edition_date=edition_date, base_url=base_url
        )
        body = "\n".join(body for _part, body in book_chapters(context))
        return style_figures(render_to_string("books/book.html", {**context, "chapter": mark_safe(body)}))


# A file a style sheet reads (a typeface, a picture): url("../vendor/…") relative to the sheet.
STYLESHEET_URL = re.compile(r"""url\(\s*["']?([^"')]+?)["']?\s*\)""")


def stylesheets():
    """The addresses of the book's style sheets, and a digest of WeasyPrint's version, of their text and of the
    files they read (a laid-out chapter is kept only for the sheets and typefaces it was laid out with)."""
    static_url = urlsplit(settings.STATIC_URL).path
    names = ["css/fonts.css", "css/site.css", "books/book.css"]
    digest = hashlib.sha256(weasyprint().__version__.encode())
    for name in names:
        found = finders.find(name) or collected_static(name)
        text = Path(found).read_bytes() if found else b""
        digest.update(name.encode() + b"\0" + text)
        for address in sorted(set(STYLESHEET_URL.findall(text.decode("utf-8", "replace")))):
            if address.startswith(("data:", "#")) or urlsplit(address).scheme:
                continue
            read = posixpath.normpath(posixpath.join(posixpath.dirname(name), urlsplit(address).path))
            file = finders.find(read) or collected_static(read)
            digest.update(read.encode() + b"\0" + (Path(file).read_bytes() if file else b""))
    return [f"{DOCUMENT_ORIGIN.rstrip('/')}{static_url}{name}" for name in names], digest.hexdigest()[:16]


def pdf_date(value):
    """A date (or an aware datetime) in the PDF's format: D:20190620, D:20261126184512+01'00'."""
    if not isinstance(value, datetime.datetime):
        return f"D:{value:%Y%m%d}"
    offset = value.strftime("%z")
    zone = f"{offset[:3]}'{offset[3:]}'" if offset else ""
    return f"D:{value:%Y%m%d%H%M%S}{zone}"


def build_book(
    exploration,
    *,
    base_url=None,
    edition_title=None,
    edition_date=None,
    chapters_folder=None,
    reused_chapters=None,
):
    """The PDF of `exploration` as bytes.

    `base_url` is the site's address (https://millelieux.example.org): the cover then gives the online
    version's address. `edition_title` and `edition_date` (a date) name a citable edition; by default the book is
    dated by the latest publication of its pages. With `chapters_folder`, the chapters laid out are kept there and
    those unchanged since the last build are taken from it (books.layout). Without it, `reused_chapters` is the
    folder of another book's chapters (the live book's, for an edition): those that are the same are taken from it,
    and nothing is written there. Raises BookUnavailable when WeasyPrint's libraries are missing or when the page
    numbers never settle.
    """
    if isinstance(edition_date, datetime.datetime):
        edition_date = edition_date.date()
    library = weasyprint()
    with translation.override(settings.LANGUAGE_CODE):
        context = book_context(
            exploration, edition_title=edition_title, edition_date=edition_date, base_url=base_url
        )
        documents = book_documents(context)
    urls, digest = stylesheets()
    printer = layout.ChapterPrinter(library, urls, book_fetcher(), DOCUMENT_ORIGIN, stylesheet_digest=digest)
    if chapters_folder:
        store = layout.ChapterFolder(chapters_folder)
    else:
        reused = Path(reused_chapters) if reused_chapters else None
        store = layout.ChapterMemory(
            reused=layout.ChapterFolder(reused) if reused and reused.is_dir() else None
        )
    metadata = {
        "/CreationDate": pdf_date(context["edition_date"]),
        "/ModDate": pdf_date(context["generated"]),
    }
    with quiet(logging.getLogger("weasyprint")):
        try:
            return layout.compose(documents, printer, store, metadata=metadata)
        except layout.LayoutDidNotSettle as error:
            logger.error("The book of %s: %s", exploration.slug, error)
            raise BookUnavailable(
                _(
                    "Le livre PDF ne peut pas être mis en pages : les numéros de page de ses renvois ont changé à "
                    "chaque essai (%(rounds)s essais). Signalez-le aux développeurs avec l'adresse de "
                    "l'exploration."
                )
                % {"rounds": layout.MAX_ROUNDS}
            ) from error


@contextmanager
def quiet(logger):
    """Keep WeasyPrint's notes about the site's screen-only CSS (media queries, sticky…) out of the logs."""
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
