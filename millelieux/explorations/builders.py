"""Building explorations, their fields, partners and events from plain data (factories and demo loader).

    from millelieux.core.builders import add_page
    from millelieux.explorations.builders import build_event, build_exploration, create_field, create_partner

    partner = create_partner(name="ADEME")                              # saved, live
    page = add_page(index, build_exploration(title="Mille Lieux", period_start=2018, summary="…",
                                             foreword=[{"paragraph": "…"}],
                                             partnerships=[{"partner": partner, "role": "Financeur"}]))
    field = create_field(page, title="La création de communs", colour="#3d5a98")   # saved, live
    event = build_event(title="Soirée", date=…, summary="…", vote_options=[{"impact": impact, "chosen": True}])

Pages come back unsaved (add them with core.builders.add_page); snippets come back saved, with a first
revision (published when live). Every keyword not named here is a field of the model.
"""

from millelieux.core.builders import narrative

from .models import (
    EventPage,
    EventVoteOption,
    ExplorationField,
    ExplorationIndexPage,
    ExplorationPage,
    ExplorationPartnership,
    Partner,
)


def build_exploration_index(*, title="Explorations", **fields):
    """An unsaved ExplorationIndexPage (`intro` is rich text: see core.builders.rich_text)."""
    return ExplorationIndexPage(title=title, **fields)


def build_exploration(*, title, foreword=(), method=(), partnerships=(), **fields):
    """An unsaved ExplorationPage; `partnerships` are dicts {"partner": Partner, "role": "…"}."""
    page = ExplorationPage(title=title, foreword=narrative(foreword), method=narrative(method), **fields)
    page.partnerships = [
        ExplorationPartnership(sort_order=n, partner=row["partner"], role=row.get("role", ""))
        for n, row in enumerate(partnerships)
    ]
    return page


def _save_snippet(obj, live):
    """Validate and save a snippet with drafts, with a first revision (published when live)."""
    obj.live = live
    obj.full_clean()
    obj.save()
    revision = obj.save_revision()
    if live:
        revision.publish()
    else:
        obj.has_unpublished_changes = True
        obj.save(update_fields=["has_unpublished_changes"])
    return type(obj).objects.get(pk=obj.pk)


def create_field(exploration, *, title, live=True, **fields):
    """A saved field of exploration; its slug comes from the title unless given."""
    return _save_snippet(ExplorationField(exploration=exploration, title=title, **fields), live)


def create_partner(*, name, live=True, **fields):
    """A saved partner (names are unique)."""
    return _save_snippet(Partner(name=name, **fields), live)


def build_event(*, title, vote_options=(), restitution=(), **fields):
    """An unsaved EventPage; `vote_options` are dicts {"impact": ImpactPage, "votes": 12, "chosen": True}."""
    page = EventPage(title=title, restitution=narrative(restitution), **fields)
    page.vote_options = [EventVoteOption(sort_order=n, **option) for n, option in enumerate(vote_options)]
    return page
