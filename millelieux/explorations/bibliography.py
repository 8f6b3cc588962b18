"""The bibliography of an exploration: every source cited across the study, each once."""

import unicodedata

from django.apps import apps
from wagtail.models import Page

from millelieux.core.routing import private_pages_q

# What cites a source: (model label, its source field, the field naming the page it is shown on).
# Pages cite theirs on themselves; inline rows of a monograph are shown on the monograph.
CITING = [
    ("explorations.ExplorationPage", "source", "pk"),
    ("explorations.EventPage", "source", "pk"),
    ("impacts.ImpactPage", "source", "pk"),
    ("articles.ArticlePage", "original_source", "pk"),
    ("places.PlaceFactSource", "source", "place"),
    ("places.TimelineEvent", "source", "place"),
    ("places.Stakeholder", "source", "place"),
    ("impacts.Evidence", "source", "place"),
]


def cited_sources(exploration):
    """Every Source cited by the live, public pages of `exploration`, each once, in bibliography order.

    Returns a list of `sources.Source` instances, sorted by publisher (or author), then date (undated last),
    then title, ignoring case and accents. Each carries two attributes of its own:

    - `citation_count`: how many facts of the study cite it (the exploration's and its events', impacts' and
      articles' own source fields, and the technical-sheet sources, timeline events, stakeholders and
      evidence rows of its monographs: one per row);
    - `cited_by`: the pages that cite it (a monograph for its rows), each once, in tree order: specific pages
      with only their page fields loaded, enough for `page.title` and `{% pageurl page %}` (in the interface's
      language).

    A source cited only by a draft, an unpublished page or a page in a private section is left out; so is
    a source nobody cites. A bounded number of queries whatever the size of the study: the citations (one
    UNION ALL), the sources, the pages (one per page type).
    """
    Source = apps.get_model("sources", "Source")
    public_pages = (
        Page.objects.descendant_of(exploration, inclusive=True).live().exclude(private_pages_q()).values("pk")
    )
    parts = []
    for label, source_field, page_field in CITING:
        model = apps.get_model(label)
        page_id = "pk" if page_field == "pk" else f"{page_field}_id"
        parts.append(
            model.objects.filter(**{f"{page_field}__in": public_pages, f"{source_field}__isnull": False})
            .order_by()
            .values_list(f"{source_field}_id", page_id)
        )
    citations = list(parts[0].union(*parts[1:], all=True))

    counts, pages_of = {}, {}
    for source_id, page_id in citations:
        counts[source_id] = counts.get(source_id, 0) + 1
        pages_of.setdefault(source_id, set()).add(page_id)
    if not counts:
        return []

    page_ids = {pk for ids in pages_of.values() for pk in ids}
    pages = list(Page.objects.filter(pk__in=page_ids).order_by("path").specific(defer=True))
    sources = list(Source.objects.filter(pk__in=counts))
    for source in sources:
        source.citation_count = counts[source.pk]
        source.cited_by = [page for page in pages if page.pk in pages_of[source.pk]]
    return sorted(sources, key=bibliography_order)


def _folded(text):
    """Lower case without accents, so that « Été » sorts with « ete » on every database and locale."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()


def bibliography_order(source):
    return (
        _folded(source.publisher),
        source.date is None,
        source.date or "",
        _folded(source.title),
        source.pk,
    )
