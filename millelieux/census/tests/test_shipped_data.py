"""The CGET 2019 base the project ships for the demo: no personal column, no e-mail address anywhere."""

import csv
import re

from millelieux.demo.management.commands.demo import CGET_2019_FILE

from .helpers import REAL_CGET

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[a-z]{2,}", re.IGNORECASE)


def test_the_shipped_file_has_no_personal_column():
    with CGET_2019_FILE.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))

    assert "CONTACT" not in header and "MAIL" not in header
    assert {"ID", "NOM_TL", "LAT", "LONG", "INSEECOM", "TYPO"} <= set(header)


def test_the_shipped_file_holds_no_email_address():
    text = CGET_2019_FILE.read_text(encoding="utf-8")

    assert not EMAIL.search(text)


def test_the_shipped_file_keeps_every_row_of_the_raw_one():
    with CGET_2019_FILE.open(encoding="utf-8", newline="") as handle:
        shipped = list(csv.DictReader(handle))
    assert len(shipped) == 1512
    if REAL_CGET.is_file():
        with REAL_CGET.open(encoding="utf-8", newline="") as handle:
            raw = list(csv.DictReader(handle))
        assert [r["ID"] for r in shipped] == [r["ID"] for r in raw]
        assert [r["NOM_TL"] for r in shipped] == [r["NOM_TL"] for r in raw]
