"""Moving a page must not split an evidence row between two explorations.

An evidence row ties a monograph to an impact of the same exploration. Moving a monograph (or an index of
monographs, or an impact) into another exploration would leave rows pointing across explorations: the
move is refused, with the rows named, until an editor removes them from the monograph.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import ngettext
from wagtail.models import Page

from millelieux.explorations.tree import exploration_of

from .models import Evidence


def evidence_split_by_move(page, destination):
    """The evidence rows whose place and impact would sit in two explorations once `page` is under `destination`."""
    moved_ids = set(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))
    target = exploration_of(destination)
    if exploration_of(page) in (target, page.specific_deferred):
        return []  # staying in the same exploration, or moving a whole exploration with its contents
    rows = Evidence.objects.filter(Q(place_id__in=moved_ids) | Q(impact_id__in=moved_ids)).select_related(
        "place", "impact"
    )
    split = []
    for row in rows:
        place_moves, impact_moves = row.place_id in moved_ids, row.impact_id in moved_ids
        if place_moves and impact_moves:
            continue
        other_side = row.impact if place_moves else row.place
        if exploration_of(other_side) != target:
            split.append(row)
    return split


def refusal_message(page, rows):
    names = ", ".join(f"« {row.place.title} × {row.impact.title} »" for row in rows[:5])
    return ngettext(
        "« %(page)s » ne peut pas changer d'exploration : l'observation %(rows)s relierait deux explorations. "
        "Retirez-la de la monographie, puis déplacez la page.",
        "« %(page)s » ne peut pas changer d'exploration : les observations %(rows)s relieraient deux "
        "explorations. Retirez-les de la monographie, puis déplacez la page.",
        len(rows),
    ) % {"page": page.title, "rows": names + (" …" if len(rows) > 5 else "")}


def refuse_split_on_move(sender, instance, parent_page_after, **kwargs):
    """pre_page_move receiver: the last guard, for moves made in code or by a bulk action."""
    rows = evidence_split_by_move(instance, parent_page_after)
    if rows:
        raise ValidationError(refusal_message(instance, rows))
