"""Comparing names: accents, case, punctuation and leading articles do not make two places different."""

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

_ARTICLE = re.compile(r"^(?:l|le|la|les)\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")
_SAINT = re.compile(r"\b(st|ste)\b")


def fold(text):
    """Lower case, no accents, words separated by one space: "L'Hôtel  Pasteur" → "l hotel pasteur"."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_WORD.sub(" ", text).strip()


def name_key(name):
    """A place name without its leading article: "L'Hôtel Pasteur" and "Hôtel Pasteur" give the same key."""
    return _ARTICLE.sub("", fold(name))


# Commune names repeat from row to row (and France has ~37,000 of them): each is folded once per process.
@lru_cache(maxsize=65536)
def commune_key(name):
    """A commune name as files spell it: "ST-MALO", "Saint Malo" and "Saint-Malo" give the same key."""
    return _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", fold(name))


def similarity(first, second):
    """0 to 1, on the keys of two place names."""
    return key_similarity(name_key(first), name_key(second))


def key_similarity(a, b, at_least=0.0):
    """The similarity of two keys (see `name_key`). With `at_least`, a pair that cannot reach it returns 0.0
    as soon as an upper bound of difflib's ratio says so (the ones of its real_quick_ratio and quick_ratio:
    the lengths, then the letters in common), so the costly ratio is computed only for pairs that may be
    similar; a pair that reaches `at_least` gets the same score as without."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if at_least:
        length = len(a) + len(b)
        if 2.0 * min(len(a), len(b)) / length < at_least:
            return 0.0
        common = sum(min(a.count(letter), b.count(letter)) for letter in set(a))
        if 2.0 * common / length < at_least:
            return 0.0
    return SequenceMatcher(None, a, b).ratio()
