"""Factories for sources: the publications that facts cite.

from millelieux.sources.factories import make_source

source = make_source()                                    # a web page with a title, publisher, date, URL
source = make_source("Hôtel Pasteur", publisher="Territoires Publics", url="https://example.org/pasteur")
evidence = make_evidence(place, impact, source=source)    # or source="Entretien, 2019" (found or created)
"""

import datetime
from itertools import count

from .builders import find_or_create_source

_numbers = count(1)


def make_source(title=None, publisher="Le Lab", date=datetime.date(2019, 4, 17), url=None):
    """A Source; each call without a title makes a new one ("Source 1", "Source 2"…, each with its own URL)."""
    number = next(_numbers)
    title = title or f"Source {number}"
    url = f"https://example.org/sources/{number}" if url is None else url
    return find_or_create_source(title=title, publisher=publisher, date=date, url=url)[0]
