"""Choice labels read from a dict built once per field (core/choices.py) say what Django's own would."""

from django.db.models import Model
from django.utils import translation

from millelieux.census.models import CensusEntry
from millelieux.impacts.models import Evidence
from millelieux.places.models import Stakeholder


def djangos_own(instance, name):
    return Model._get_FIELD_display(instance, instance._meta.get_field(name))


def test_the_labels_are_those_of_django_in_each_language():
    for language in ("fr", "en"):
        with translation.override(language):
            for value, _label in Evidence.STRENGTH_CHOICES:
                evidence = Evidence(strength=value)
                assert evidence.get_strength_display() == djangos_own(evidence, "strength")
            for value, _label in Stakeholder._meta.get_field("scale").flatchoices:
                stakeholder = Stakeholder(scale=value)
                assert stakeholder.get_scale_display() == djangos_own(stakeholder, "scale")
    with translation.override("en"):
        assert Evidence(strength=3).get_strength_display() != Evidence(strength=1).get_strength_display()


def test_the_label_follows_the_active_language():
    entry = CensusEntry(status=CensusEntry.Status.PRESENT)
    labels = {}
    for language in ("fr", "en"):
        with translation.override(language):
            labels[language] = entry.get_status_display()
            assert labels[language] == djangos_own(entry, "status")
    assert labels["fr"] != labels["en"]


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert Evidence(strength=99).get_strength_display() == 99
    assert Stakeholder(scale="ailleurs").get_scale_display() == "ailleurs"
    assert Stakeholder(scale=None).get_scale_display() is None
