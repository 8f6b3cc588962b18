"""« Citer cette page »: the citation of a public page as CSL-JSON, BibTeX and a suggested text.

    item = csl_item(page, request=request)          # a CSL-JSON item (a dict)
    bibtex(item)                                    # the BibTeX entry (a string, written by bibtexparser)
    citation_text(item)                             # « La 27e Région. Titre. In : … » in the active language

The CSL-JSON item is the one description; BibTeX and the text are drawn from it. What goes in:

- type: `report` for an exploration (the study), `interview` for an interview, `article` for another article,
  `webpage` for any other page (a monograph, an impact, an event, an index, the home page).
- author: the people interviewed, for an interview (CSL's convention: the interviewee is the author of an
  interview); otherwise the exploration's `organisation`, as a literal name (an institution, never split into
  given and family names); otherwise no author at all. Nothing is guessed.
- container-title: the exploration the page belongs to (not for the exploration itself).
- publisher: the site's name ("Mille Lieux").
- issued: the day the page was first published (`first_published_at`); the day of its latest publication
  (`last_published_at`) is said in the text when it differs ("mis à jour le …"), since a live page changes.
- URL: the page's French address (the study is written in French), absolute; accessed: today.

A page model may add or change keys with a `citation_fields()` method returning a dict merged into the item.
The suggested text follows ISO 690 for online documents, loosely: AUTHOR. Title [en ligne]. In : Container.
Publisher, date. [Consulté le …]. Disponible à l'adresse : URL.
"""

import datetime

import bibtexparser
from bibtexparser import model as bib
from bibtexparser.library import Library
from bibtexparser.middlewares import default_unparse_stack
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .tree import exploration_of

SITE_NAME = "Mille Lieux"

# CSL type → BibTeX (biblatex) entry type.
BIBTEX_TYPES = {"report": "report", "dataset": "dataset", "book": "book"}

# LaTeX's special characters, escaped so that a title with braces, % or & parses back as written.
LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def date_parts(value):
    """CSL's date: {"date-parts": [[2019, 4, 17]]} from a date or datetime (None for None)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return {"date-parts": [[value.year, value.month, value.day]]}


def parts_to_date(parts):
    if not parts:
        return None
    values = parts["date-parts"][0] + [1, 1]
    return datetime.date(values[0], values[1], values[2])


def page_address(page, request=None, base_url=None):
    """The absolute address of a page in the language of its text (French, unless an English translation's text
    was put on it): on `base_url` when given, else on the reader's host, else on the page's site."""
    with translation.override(getattr(page, "content_language", None) or settings.LANGUAGE_CODE):
        parts = page.get_url_parts(request)
    if parts is None or parts[2] is None:
        return ""
    _site_id, root_url, path = parts
    if base_url is not None:
        return base_url.rstrip("/") + path
    if request is not None:
        return request.build_absolute_uri(path)
    return root_url + path


def _csl_type(page):
    label = page._meta.label
    if label == "explorations.ExplorationPage":
        return "report"
    if label == "articles.ArticlePage":
        return "interview" if getattr(page, "kind", "") == "interview" else "article"
    return "webpage"


def _authors(page, exploration):
    if _csl_type(page) == "interview":
        people = [person.name for person in page.interviewees.all() if person.name]
        if people:
            return [{"literal": name} for name in people]
    if exploration is None:
        return []
    load_deferred = getattr(exploration, "load_deferred", None)
    if load_deferred is not None:
        # Below the exploration, its page row only is loaded (core/routing.py): its fields that the footer
        # and the linked data read come in the same one query (names not deferred are skipped).
        load_deferred("content_licence", "organisation")
    organisation = exploration.organisation
    return [{"literal": organisation}] if organisation else []


def csl_item(page, *, request=None, base_url=None, accessed=None, site_name=None):
    """The CSL-JSON item of a page (a dict with type, id, title, URL…; see the module's docstring).

    `page` is a specific page; `accessed` defaults to today; `base_url` replaces the reader's host (the static
    export and the editions write addresses of their own).
    """
    exploration = exploration_of(page)
    item = {
        "id": f"millelieux-{page.pk}",
        "type": _csl_type(page),
        "title": page.title,
        "publisher": site_name or SITE_NAME,
        "URL": page_address(page, request=request, base_url=base_url),
        "accessed": date_parts(accessed or timezone.localdate()),
        "language": getattr(page, "content_language", None) or settings.LANGUAGE_CODE,
    }
    authors = _authors(page, exploration)
    if authors:
        item["author"] = authors
    if exploration is not None and exploration.pk != page.pk:
        item["container-title"] = exploration.title
    issued = date_parts(page.first_published_at)
    if issued:
        item["issued"] = issued
    updated = date_parts(page.last_published_at)
    if updated and updated != issued:
        # Not a CSL variable: read by citation_text, ignored by reference managers.
        item["_updated"] = updated
    extra = getattr(page, "citation_fields", None)
    if callable(extra):
        item.update(extra())
    return item


def citation_key(page_id, request):
    """The memo key of a page's CSL item for a request (core.routing.memoised): its language and host."""
    return ("citation", int(page_id), translation.get_language(), request.get_host())


def public_item(item):
    """The item as written to a CSL-JSON file: without the keys of our own (starting with "_")."""
    return {key: value for key, value in item.items() if not key.startswith("_")}


def latex_escape(text):
    return "".join(LATEX_SPECIAL.get(char, char) for char in text)


def bibtex_key(item):
    return item["id"].replace(" ", "-")


def bibtex(item):
    """The BibTeX (biblatex) entry of a CSL item, written by bibtexparser: UTF-8, LaTeX specials escaped, the
    title in double braces so that styles keep its capitals, corporate authors in braces."""
    fields = [("title", "{" + latex_escape(item["title"]) + "}")]
    authors = [author.get("literal") or _person_name(author) for author in item.get("author", [])]
    if authors:
        fields.append(("author", " and ".join("{" + latex_escape(name) + "}" for name in authors)))
    if item.get("container-title"):
        fields.append(("titleaddon", latex_escape(item["container-title"])))
    if item.get("publisher"):
        publisher_field = "institution" if item["type"] == "report" else "organization"
        fields.append((publisher_field, latex_escape(item["publisher"])))
    issued = parts_to_date(item.get("issued"))
    if issued:
        fields += [("date", issued.isoformat()), ("year", str(issued.year))]
    fields.append(("url", item["URL"]))
    accessed = parts_to_date(item.get("accessed"))
    if accessed:
        fields.append(("urldate", accessed.isoformat()))
    if item.get("language"):
        fields.append(("langid", {"fr": "french", "en": "english"}.get(item["language"], item["language"])))
    entry = bib.Entry(
        BIBTEX_TYPES.get(item["type"], "online"),
        bibtex_key(item),
        [bib.Field(key, value) for key, value in fields],
    )
    # the library is built for this call only: the writer may enclose its values in place, without a deep copy
    return bibtexparser.write_string(
        Library([entry]), unparse_stack=default_unparse_stack(allow_inplace_modification=True)
    )


def _person_name(author):
    return " ".join(part for part in (author.get("given"), author.get("family")) if part)


def _day(parts):
    day = parts_to_date(parts)
    return date_format(day, "j F Y") if day else ""


def citation_text(item):
    """The suggested citation, in the active language, close to ISO 690 for online documents."""
    authors = [author.get("literal") or _person_name(author) for author in item.get("author", [])]
    parts = []
    if authors:
        parts.append(", ".join(authors) + ".")
    parts.append(_("%(title)s [en ligne].") % {"title": item["title"]})
    if item.get("container-title"):
        parts.append(_("In : %(container)s.") % {"container": item["container-title"]})
    published = ", ".join(part for part in (item.get("publisher", ""), _day(item.get("issued"))) if part)
    if published:
        parts.append(published + ".")
    if item.get("_updated"):
        parts.append(_("Mis à jour le %(date)s.") % {"date": _day(item["_updated"])})
    if item.get("accessed"):
        parts.append(_("[Consulté le %(date)s].") % {"date": _day(item["accessed"])})
    parts.append(_("Disponible à l'adresse : %(url)s") % {"url": item["URL"]})
    return " ".join(parts)


def filename(item, extension):
    """A readable file name, the page's title and id: « la-quincaillerie-42.bib »."""
    return f"{slugify(item['title'])[:80] or 'page'}-{item['id'].rsplit('-', 1)[-1]}.{extension}"
