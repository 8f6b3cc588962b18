"""The licences an exploration's editors may choose for its content (texts, monographs, impacts, articles).

Stored by their SPDX identifier; each with its official name and the address of its legal text. The census
data keep their own licence (the CGET's base: Licence Ouverte 2.0), shown beside them with its attribution.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Licence:
    code: str  # SPDX identifier
    short_name: str
    name: str  # the official name of the licence, as its publisher writes it
    url: str

    def __str__(self):
        return self.short_name


LICENCES = {
    licence.code: licence
    for licence in (
        Licence(
            "CC-BY-SA-4.0",
            "CC BY-SA 4.0",
            "Creative Commons Attribution-ShareAlike 4.0 International",
            "https://creativecommons.org/licenses/by-sa/4.0/",
        ),
        Licence(
            "CC-BY-4.0",
            "CC BY 4.0",
            "Creative Commons Attribution 4.0 International",
            "https://creativecommons.org/licenses/by/4.0/",
        ),
        Licence(
            "CC0-1.0",
            "CC0 1.0",
            "Creative Commons CC0 1.0 Universal",
            "https://creativecommons.org/publicdomain/zero/1.0/",
        ),
        Licence(
            "etalab-2.0",
            "Licence Ouverte 2.0",
            "Licence Ouverte / Open Licence version 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence",
        ),
    )
}
DEFAULT_LICENCE = "CC-BY-SA-4.0"
LICENCE_CHOICES = [(code, f"{licence.short_name} — {licence.name}") for code, licence in LICENCES.items()]
# The licence of the census data (the CGET's 2019 base) when a census does not name its own.
OPEN_LICENCE = LICENCES["etalab-2.0"]


def licence_of(code):
    """The Licence of an SPDX identifier; the default one for an unknown or empty identifier."""
    return LICENCES.get(code) or LICENCES[DEFAULT_LICENCE]
