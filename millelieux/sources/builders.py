"""Finding or creating the Source of a fact: shared by the factories and the demo loader.

from millelieux.sources.builders import find_or_create_source, source_from

source, created = find_or_create_source(title="Hôtel Pasteur", publisher="Territoires Publics",
                                        url="https://www.territoires-rennes.fr/les-projets/hotel-pasteur")
source_from("Entretien, 2019")    # a Source of that title (created if missing); a Source or None as is
"""

from .models import Source


def find_or_create_source(*, title, publisher="", date=None, url=""):
    """The Source with this URL and title (or this title, without URL), created if missing: (source, created).

    One row per publication: two facts citing the same publication share it. The title takes part in the match
    because several publications can be reached from one page (the articles of a series listed on its page).
    """
    existing = Source.objects.filter(title=title, url=url or "").order_by("pk").first()
    if existing is not None:
        return existing, False
    source = Source(title=title, publisher=publisher or "", date=date, url=url or "")
    source.full_clean()
    source.save()
    return source, True


def source_from(value):
    """A Source from what a caller has: a Source (kept), None or "" (None), or a title (found or created)."""
    if value is None or isinstance(value, Source):
        return value
    if isinstance(value, str):
        return find_or_create_source(title=value)[0] if value.strip() else None
    raise TypeError(f"une source est un objet Source ou un titre, pas {value!r}")
