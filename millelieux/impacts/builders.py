"""Building impacts and evidence rows from plain data: shared by the factories and the demo loader.

    from millelieux.impacts.builders import build_evidence, build_impact

    impact = add_page(index, build_impact(title="Créer des communs", kind="positive", summary="…",
                                          exploration_fields=[field], body=[{"paragraph": "…"}]))
    place.evidence = build_evidence([{"impact": impact, "text": "…", "strength": 3, "source": source}])

Evidence belongs to the monograph: the rows are given to the place page before it is saved (the impacts must
exist by then). Pages come back unsaved; every keyword not named here is a field of the model.
"""

from millelieux.core.builders import checked_rows, narrative

from .models import Evidence, ImpactIndexPage, ImpactPage


def build_impact_index(*, title="Impacts", **fields):
    """An unsaved ImpactIndexPage (`intro` is rich text: see core.builders.rich_text)."""
    return ImpactIndexPage(title=title, **fields)


def build_impact(*, title, kind=ImpactPage.POSITIVE, exploration_fields=(), body=(), **fields):
    page = ImpactPage(title=title, kind=kind, body=narrative(body), **fields)
    page.exploration_fields = list(exploration_fields)
    return page


def build_evidence(rows):
    """Evidence rows for a place page, from dicts of Evidence fields (impact, text, strength, quote, source).

    Each row is checked alone; a ValidationError names it, for example {"evidence[1].strength": ["…"]}.
    """
    return checked_rows(Evidence, "evidence", rows)
