"""Factories for impacts, their index, and the evidence that ties an impact to a place.

    from millelieux.impacts.factories import make_evidence, make_impact, make_impact_index

    impact = make_impact(exploration, "Créer des communs", kind="positive", exploration_fields=[field])
    limit = make_impact(exploration, "Une gentrification possible", kind="limit")
    evidence = make_evidence(place, impact, text="Un atelier partagé ouvert à tous.", strength=3,
                             source=make_source())      # or source="Entretien, 2019" (found or created)
    index = make_impact_index(exploration)   # the exploration's ImpactIndexPage (created if missing)

Every keyword not named here is passed to the model, so any field can be set. Pages and rows are built by
impacts.builders, as the demo loader builds them.
"""

from millelieux.core.builders import add_page
from millelieux.explorations.factories import default_exploration
from millelieux.sources.builders import source_from

from .builders import build_evidence, build_impact, build_impact_index
from .models import ImpactIndexPage, ImpactPage


def make_impact_index(exploration=None, title="Impacts", **fields):
    """The first ImpactIndexPage of the exploration, created and published if it has none."""
    exploration = exploration or default_exploration()
    existing = ImpactIndexPage.objects.child_of(exploration).first()
    if existing is not None:
        return existing
    fields.setdefault("slug", "impacts")
    return add_page(exploration, build_impact_index(title=title, **fields))


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
    page = build_impact(title=title, kind=kind, exploration_fields=exploration_fields, **fields)
    return add_page(index, page, live=live)


def make_evidence(place, impact, text="Un atelier partagé ouvert aux habitants.", **fields):
    """An Evidence row of `place` about `impact` (checked by full_clean), written straight to the table.

    `source` may be a Source or a title (found or created). The place's revisions are not touched: as after an
    editor published the monograph with this row.
    """
    if "source" in fields:
        fields["source"] = source_from(fields["source"])
    (evidence,) = build_evidence([{"impact": impact, "text": text, **fields}])
    evidence.place = place
    evidence.full_clean()
    evidence.save()
    return evidence
