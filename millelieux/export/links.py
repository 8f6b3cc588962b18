"""Addresses in exported files: where a site URL is written on disk, the links a file holds, and how a link
becomes relative to the file that holds it.

A static site has no server to add `index.html` to a folder's address nor to read a query string, so:
- `/a/b/` is written `a/b/index.html`, and a link to it says `…/b/index.html` (file:// opens no folder);
- `/a/b.csv` keeps its name; an HTML page at an address without a slash or an extension gets `a/b/index.html`;
- a query string is part of the file name, before the extension: `/carte/?page=2` is written
  `carte/index.q-page=2.html` (characters other than letters, digits, `=`, `.`, `-` are written `_XX`, `_` too),
  so a linked page of a list (a matrix filter, a page of results) is a file of its own.
Every link is written relative to the file holding it, so the folder works opened from disk and under any
sub-path of a static host.
"""

import functools
import html
import mimetypes
import posixpath
import re
from urllib.parse import quote, unquote, urlsplit

# Attributes whose value is one address (`data-…-url` attributes are read by scripts, e.g. the national map).
URL_ATTRIBUTE = re.compile(
    r"""(?P<prefix>\s(?P<name>href|src|poster|action|data-[a-z-]*url)\s*=\s*)(?P<quote>["'])(?P<value>[^"'<>]*)(?P=quote)""",
    re.IGNORECASE,
)
SRCSET_ATTRIBUTE = re.compile(
    r"""(?P<prefix>\s(?:srcset|imagesrcset)\s*=\s*)(?P<quote>["'])(?P<value>[^"'<>]*)(?P=quote)""",
    re.IGNORECASE,
)
CSS_URL = re.compile(r"""url\(\s*(?P<quote>["']?)(?P<value>[^"')\s]+)(?P=quote)\s*\)""")
CSS_IMPORT = re.compile(r"""@import\s+(?P<quote>["'])(?P<value>[^"']+)(?P=quote)""")
# A `<link rel="preload" as="fetch">`: the page's script fetches this file (see data_script in crawler.py).
PRELOAD_FETCH = re.compile(r"<link\b[^>]*\bas=[\"']fetch[\"'][^>]*>", re.IGNORECASE)
# A font preloaded by a page: the export writes fonts into the style sheet instead (see site._data_uri).
# (Its indentation stays: a pattern starting with spaces would be tried at every space of the page.)
PRELOAD_FONT = re.compile(r"<link\b[^>]*\bas=[\"']font[\"'][^>]*>", re.IGNORECASE)
HREF_IN_TAG = re.compile(r"""\shref\s*=\s*["']([^"']*)["']""", re.IGNORECASE)
ID_ATTRIBUTE = re.compile(r"""\s(?:id|name)\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
# The page's JSON data (`json_script`), and the addresses from the site's root in it.
JSON_SCRIPT = re.compile(
    r"(<script\b[^>]*\btype=[\"']application/json[\"'][^>]*>)(.*?)(</script>)", re.S | re.I
)
JSON_PATH = re.compile(r'"(/[^"\\\s<>]*)"')
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:", "blob:", "#", "about:")
TEXT_TYPES = ("text/html", "text/css", "application/xml", "text/xml", "application/atom+xml")

FILE_NAME_SAFE = re.compile(r"[^A-Za-z0-9=.\-]")


def is_html(content_type):
    return content_type.split(";")[0].strip() in ("text/html", "application/xhtml+xml")


def encode_query(query):
    """A query string as a piece of file name (reversible, no `/`, `?`, `%`, `&`, `_` left)."""
    return FILE_NAME_SAFE.sub(lambda m: "".join(f"_{b:02X}" for b in m.group().encode()), query)


def file_for(path, query="", content_type="text/html"):
    """The file (relative, POSIX, not percent-encoded) where the response of `path?query` is written."""
    path = unquote(path)
    if path.endswith("/"):
        name = "index" + _extension(content_type)
        folder = path
    else:
        folder, name = path.rsplit("/", 1)
        folder += "/"
        if "." not in name:
            if is_html(content_type):
                folder, name = f"{folder}{name}/", "index.html"
            else:
                name += _extension(content_type)
    if query:
        stem, dot, extension = name.rpartition(".")
        name = f"{stem}.q-{encode_query(query)}.{extension}" if dot else f"{name}.q-{encode_query(query)}"
    return (folder + name).lstrip("/")


def _extension(content_type):
    kind = content_type.split(";")[0].strip()
    if is_html(kind):
        return ".html"
    return (
        {"application/json": ".json", "text/plain": ".txt"}.get(kind) or mimetypes.guess_extension(kind) or ""
    )


def relative_href(from_file, to_file, fragment=""):
    """A link written in `from_file` to `to_file` (both relative to the export's root), percent-encoded."""
    return href_from(folder_of(from_file), to_file, fragment)


def folder_of(file):
    return posixpath.dirname(file) or "."


def href_from(folder, to_file, fragment=""):
    """relative_href() from a file of `folder` (folder_of(the file))."""
    href = _relative_path(folder, to_file)
    return href + (f"#{fragment}" if fragment else "")


@functools.lru_cache(maxsize=65536)
def _relative_path(start, to_file):
    # the pages of one folder (a list's pages, a language's copies) link the same files many times over
    return quote(posixpath.relpath(to_file, start), safe="/=.-_~")


class Address:
    """A link found in a file, resolved against the file's own site address; `path` None when external."""

    __slots__ = ("path", "query", "fragment", "external")

    def __init__(self, value, base_path, origins):
        parts = urlsplit(value)
        self.fragment = parts.fragment
        self.query = parts.query
        self.external = False
        if parts.scheme or parts.netloc:
            origin = f"{parts.scheme or 'http'}://{parts.netloc}"
            if parts.scheme not in ("http", "https", "") or origin not in origins:
                self.external, self.path = True, None
                return
        path = parts.path
        if not path:
            path = base_path  # "?page=2" or "#x": this very address
        elif not path.startswith("/"):
            folder = base_path if base_path.endswith("/") else posixpath.dirname(base_path) + "/"
            path = posixpath.normpath(folder + path) + ("/" if path.endswith("/") else "")
            path = re.sub(r"^/*", "/", path)
        self.path = path

    @property
    def key(self):
        return (self.path, self.query)


def followed(value):
    value = value.strip()
    return bool(value) and not value.lower().startswith(NOT_FOLLOWED)


def has_srcset(text):
    """Whether `text` may hold a srcset: few pages do, and the pattern is tried at every space of a page."""
    return "srcset" in text or "SRCSET" in text.upper()


def html_links(text):
    """(kind, raw value) of every address in an HTML document: attributes, srcset candidates, CSS url()."""
    for match in URL_ATTRIBUTE.finditer(text):
        yield match.group("name").lower(), html.unescape(match.group("value"))
    for match in SRCSET_ATTRIBUTE.finditer(text) if has_srcset(text) else ():
        for candidate in html.unescape(match.group("value")).split(","):
            if candidate.strip():
                yield "srcset", candidate.split()[0]
    for match in CSS_URL.finditer(text):
        yield "css", html.unescape(match.group("value"))


def css_links(text):
    for pattern in (CSS_URL, CSS_IMPORT):
        for match in pattern.finditer(text):
            yield "css", match.group("value")


# -- a page cut at its addresses --------------------------------------------------------------------------
# The crawl reads a page's addresses once, where it renders the page (html_pieces); the export then writes the
# page from its pieces (bake_pieces) without reading it again. A piece is a literal string or a tuple:
#   ("attr", original, prefix, quote, value, name)        an attribute holding one address (value unescaped)
#   ("srcset", original, prefix, quote, candidates)        a srcset: each candidate split at its spaces
#   ("css", original, quote, value, unescaped)             a CSS url() in a style attribute or element
#   ("json", path)                                         an address from the root in a JSON data script
#   ("tag", "fetch" | "font", pieces)                      a preloaded data file or font, with its own pieces


def html_pieces(text):
    """`text` as a list of pieces (see above); joined with every address left as it is, they are `text`."""
    spans = []  # (start, end, order, pieces): a preload tag or a JSON script comes before what it holds
    for match in JSON_SCRIPT.finditer(text):
        inner, last, content = [match.group(1)], 0, match.group(2)
        for path in JSON_PATH.finditer(content):
            inner += [content[last : path.start()], ("json", path.group(1))]
            last = path.end()
        inner += [content[last:], match.group(3)]
        spans.append((match.start(), match.end(), 0, inner))
    for kind, pattern in (("fetch", PRELOAD_FETCH), ("font", PRELOAD_FONT)):
        for match in pattern.finditer(text):
            tag = match.group(0)
            spans.append((match.start(), match.end(), 0, [("tag", kind, _cut(tag, _address_spans(tag)))]))
    spans += _address_spans(text)
    return _cut(text, spans)


def _cut(text, spans):
    """`text` cut at `spans` ((start, end, order, pieces)): each span's pieces replace its text; a span that
    starts inside an earlier one (order breaks ties: 0 for a preload tag or a data script) is left out."""
    pieces, position = [], 0
    for start, end, _order, found in sorted(spans, key=lambda span: (span[0], span[2])):
        if start < position:
            continue  # inside a preload tag or a data script already cut
        pieces.append(text[position:start])
        pieces += found
        position = end
    pieces.append(text[position:])
    return [piece for piece in pieces if piece != ""]


def _address_spans(text):
    for match in URL_ATTRIBUTE.finditer(text):
        piece = ("attr", match.group(0), match.group("prefix"), match.group("quote"))
        piece += (html.unescape(match.group("value")), match.group("name").lower())
        yield match.start(), match.end(), 1, [piece]
    for match in SRCSET_ATTRIBUTE.finditer(text) if has_srcset(text) else ():
        candidates = [candidate.split() for candidate in html.unescape(match.group("value")).split(",")]
        piece = ("srcset", match.group(0), match.group("prefix"), match.group("quote"), candidates)
        yield match.start(), match.end(), 1, [piece]
    for match in CSS_URL.finditer(text):
        value = match.group("value")
        yield (
            match.start(),
            match.end(),
            1,
            [("css", match.group(0), match.group("quote"), value, html.unescape(value))],
        )


def links_in_pieces(pieces):
    """(kind, raw value) of every address of a page cut by html_pieces (as html_links reads them)."""
    for piece in pieces:
        if piece.__class__ is str:
            continue
        form = piece[0]
        if form == "attr":
            yield piece[5], piece[4]
        elif form == "srcset":
            for candidate in piece[4]:
                if candidate:
                    yield "srcset", candidate[0]
        elif form == "css":
            yield "css", piece[4]
        elif form == "tag":
            yield from links_in_pieces(piece[2])


def fetched_by_script(pieces):
    """The raw address of every data file the page preloads for its script."""
    for piece in pieces:
        if piece.__class__ is not str and piece[0] == "tag" and piece[1] == "fetch":
            href = HREF_IN_TAG.search("".join(_original(sub) for sub in piece[2]))
            if href:
                yield href.group(1)


def _original(piece):
    if piece.__class__ is str:
        return piece
    if piece[0] == "json":
        return f'"{piece[1]}"'
    if piece[0] == "tag":
        return "".join(_original(sub) for sub in piece[2])
    return piece[1]


def bake_pieces(pieces, rewrite, rewrite_in_data):
    """The page written from its pieces: rewrite(raw value, kind) gives an address's new value (None keeps it),
    rewrite_in_data(path) the same for the JSON data; a preloaded data file becomes the script that loads its
    companion (`<file>.js`, see export.site.COMPANION) and a preloaded font goes (it is in the style sheet)."""
    out = []
    for piece in pieces:
        if piece.__class__ is str:
            out.append(piece)
            continue
        form = piece[0]
        if form == "attr":
            new = rewrite(piece[4], piece[5])
            out.append(
                piece[1] if new is None else f"{piece[2]}{piece[3]}{html.escape(new, quote=True)}{piece[3]}"
            )
        elif form == "srcset":
            candidates = []
            for candidate in piece[4]:
                if candidate:
                    new = rewrite(candidate[0], "srcset")
                    candidates.append(" ".join([new if new is not None else candidate[0], *candidate[1:]]))
            q = piece[3]
            out.append(f"{piece[2]}{q}{html.escape(', '.join(candidates), quote=True)}{q}")
        elif form == "css":
            _form, original, quote, value, unescaped = piece
            new = rewrite(unescaped, "css")
            if new is None:
                out.append(original)
            else:  # written with the quotes it had: a quote added inside an attribute would end it
                new = html.escape(new, quote=True)
                out.append(original.replace(quote + value + quote, quote + new + quote, 1))
        elif form == "json":
            new = rewrite_in_data(piece[1])
            out.append(f'"{piece[1] if new is None else new}"')
        elif piece[1] == "fetch":
            out.append(companion_script(bake_pieces(piece[2], rewrite, rewrite_in_data)))
        # a preloaded font: nothing
    return "".join(out)


def companion_script(tag):
    """A `<link rel="preload" as="fetch">` as the script that loads its file's companion (`<file>.js`): file://
    allows no fetch. A file on another site stays preloaded."""
    href = HREF_IN_TAG.search(tag)
    if not href or "://" in href.group(1):
        return tag
    return f'<script src="{href.group(1)}.js"></script>'


def rewrite_css(text, rewrite):
    """A style sheet with every address replaced by rewrite(raw value, "css") (None keeps it as it is)."""

    def css(match):
        new = rewrite(match.group("value"), "css")
        if new is None:
            return match.group(0)
        q = match.group("quote") or '"'
        return match.group(0).replace(
            match.group("quote") + match.group("value") + match.group("quote"), q + new + q, 1
        )

    text = CSS_URL.sub(css, text)
    return CSS_IMPORT.sub(css, text)
