"""Write the copy of the CGET 2019 base that the project ships (data/cget-2019.csv) from the raw file.

    python -m millelieux.census.public_copy ../shared/data/census-cget-2019/CGET_TiersLieux_2019.csv

The personal columns (CONTACT, MAIL) are dropped, and a cell of another column that holds an e-mail address
is emptied (one WEB cell of the raw file does); everything else is kept as it is, row by row.
"""

import csv
import re
import sys
from pathlib import Path

PERSONAL_COLUMNS = ("CONTACT", "MAIL")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
TARGET = Path(__file__).resolve().parent / "data" / "cget-2019.csv"


def write_public_copy(raw, target=TARGET):
    """Returns the number of rows written and the number of cells emptied."""
    with Path(raw).open(encoding="utf-8", newline="") as source:
        reader = csv.DictReader(source)
        columns = [c for c in reader.fieldnames if c not in PERSONAL_COLUMNS]
        with Path(target).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
            writer.writeheader()
            rows = emptied = 0
            for row in reader:
                for column in columns:
                    if EMAIL.search(row[column] or ""):
                        row[column] = ""
                        emptied += 1
                writer.writerow(row)
                rows += 1
    return rows, emptied


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    written, cleared = write_public_copy(sys.argv[1])
    print(f"{TARGET}: {written} rows, {cleared} cells with an e-mail address emptied")
