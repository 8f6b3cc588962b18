"""Labels of fields with choices, read from a dict built once per field.

Django's `get_<field>_display` builds a dict of the field's choices on every call, hashing each label: with
lazy translated labels, that translates every label of the field each time. A monograph shows a few dozen such
labels (the strength of each observation, the nature of each stakeholder and step), so those models read them
from here instead. The labels stay lazy: they are translated when shown, in the language of the request.
"""

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

_labels = {}


def choice_labels(field):
    """{value: label} of a field's choices (flattened groups), built on first use."""
    labels = _labels.get(field)
    if labels is None:
        labels = _labels[field] = {make_hashable(value): label for value, label in field.flatchoices}
    return labels


class ChoiceLabelsMixin:
    """For models whose choice labels are shown often: `get_<field>_display` reads `choice_labels(field)`."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        return force_str(choice_labels(field).get(make_hashable(value), value), strings_only=True)
