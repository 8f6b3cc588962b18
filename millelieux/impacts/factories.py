"""Factories for impacts, their index, and the evidence that ties an impact to a place.

    from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index

    impact = make_impact(exploration, "Créer des communs", kind="positive", exploration_fields=[field])
    limit = make_impact(exploration, "Une gentrification possible", kind="limit")
    evidence = make_evidence(place, impact, text="Un atelier partagé ouvert à tous.", strength=3)
    index = make_impact_index(exploration)   # the exploration's ImpactIndexPage (created if missing)

Every keyword not named here is passed to the model, so any field can be set.
"""

from millelieux.core.factories import add_page
from millelieux.explorations.factories import default_exploration

from .models import Evidence, ImpactIndexPage, ImpactPage


def make_impact_index(exploration=None, title="Impacts", **fields):
    """The first ImpactIndexPage of the exploration, created and published if it has none."""
    exploration = exploration or default_exploration()
    existing = ImpactIndexPage.objects.child_of(exploration).first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "impacts")
    return add_page(exploration, ImpactIndexPage(title=title, **fields))


def make_impact(
    exploration=None,
    title="Créer des communs",
    kind=ImpactPage.POSITIVE,
    live=True,
    index=None,
    exploration_fields=(),
    **fields,
):
    """A published ImpactPage (a draft with live=False) in the exploration's impact index."""
    index = index or make_impact_index(exploration)
    fields.setdefault("summary", f"{title} : ce que les tiers-lieux font, ou ne font pas, à leur territoire.")
    page = ImpactPage(title=title, kind=kind, **fields)
    page.exploration_fields = list(exploration_fields)
    return add_page(index, page, live=live)


def make_evidence(place, impact, text="Un atelier partagé ouvert aux habitants.", **fields):
    """An Evidence row between a place and an impact of the same exploration (checked by full_clean).

    It is written straight to the table, as the admin does when either page is published.
    """
    evidence = Evidence(place=place, impact=impact, text=text, **fields)
    evidence.full_clean()
    evidence.save()
    return evidence
