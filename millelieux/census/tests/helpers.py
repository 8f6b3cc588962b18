"""Building census files for the tests.

write_cget(tmp_path / "x.csv", [cget_row(ID="1", NOM_TL="La Ruche")])  # the CGET columns, sensible values
"""

import csv
import hashlib
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from millelieux.territories.models import Commune, Department, Region

REAL_CGET = (
    Path(settings.BASE_DIR).parent / "shared" / "data" / "census-cget-2019" / "CGET_TiersLieux_2019.csv"
)

CGET_COLUMNS = (
    "ID,NOM_TL,ADRESSE,CP,COMINIT,INSEECOM,NOMCOM,WEB,TWITTER,FACEBOOK,TYPO,LAT,LONG,GEOCOD,PRECISION,CONTACT,"
    "MAIL,METRO,NOMMETRO,INSEEREG,NOMREG,INSEEMETRO,INSEEDEP,NOMCOMMETRO,POPCOM,COMCLASS,INSEE_ZE,NOM_ZE,"
    "CLASS_ZE,POP_ZE"
).split(",")


def make_communes():
    """Rennes and Saint-Malo (Ille-et-Vilaine), Paris 11e, Les Abymes (Guadeloupe)."""
    bretagne = Region.objects.create(code="53", name="Bretagne")
    ile_de_france = Region.objects.create(code="11", name="Île-de-France")
    guadeloupe = Region.objects.create(code="01", name="Guadeloupe")
    ille = Department.objects.create(code="35", name="Ille-et-Vilaine", region=bretagne)
    paris = Department.objects.create(code="75", name="Paris", region=ile_de_france)
    gp = Department.objects.create(code="971", name="Guadeloupe", region=guadeloupe)
    return {
        "rennes": Commune.objects.create(
            code="35238", name="Rennes", department=ille, latitude=48.1113, longitude=-1.6800
        ),
        "saint-malo": Commune.objects.create(
            code="35288", name="Saint-Malo", department=ille, latitude=48.6493, longitude=-2.0257
        ),
        "paris-11": Commune.objects.create(
            code="75111",
            name="Paris 11e Arrondissement",
            kind="ARM",
            department=paris,
            parent_code="75056",
            latitude=48.8579,
            longitude=2.3797,
        ),
        "abymes": Commune.objects.create(
            code="97101", name="Les Abymes", department=gp, latitude=16.2710, longitude=-61.5046
        ),
    }


def cget_row(**values):
    """A CGET row in Rennes; `values` override columns."""
    row = dict.fromkeys(CGET_COLUMNS, "")
    row.update(
        ID="1",
        NOM_TL="La Ruche",
        ADRESSE="2 place Pasteur",
        CP="35000",
        COMINIT="Rennes",
        INSEECOM="35238",
        NOMCOM="Rennes",
        WEB="www.laruche.fr",
        TYPO="Tiers lieux à dominante coworking",
        LAT="48.110431",
        LONG="-1.67403",
        CONTACT="Camille Martin",
        MAIL="camille.martin@example.org",
        METRO="1",
        INSEEDEP="35",
        POPCOM="216815",
        COMCLASS="100000 et plus",
    )
    row.update(values)
    return row


def write_cget(path, rows, delimiter=",", encoding="utf-8", columns=CGET_COLUMNS):
    buffer = StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    Path(path).write_bytes(buffer.getvalue().encode(encoding))
    return path


# Reports go to a temporary folder, never beside the file (the real one is in ../shared).
REPORTS = Path(tempfile.mkdtemp(prefix="millelieux-census-reports-"))


def report_path_for(path):
    return REPORTS / (hashlib.sha256(str(Path(path).resolve()).encode()).hexdigest()[:16] + ".json")


def import_file(path, **options):
    """call_command("import_census", path, …) with its report in a temporary file; returns (report, output).
    After a refused import (CommandError), read_report(path) gives the report."""
    out = StringIO()
    options.setdefault("report", str(report_path_for(path)))
    call_command("import_census", str(path), stdout=out, **options)
    return json.loads(Path(options["report"]).read_text(encoding="utf-8")), out.getvalue()


def read_report(path):
    return json.loads(report_path_for(path).read_text(encoding="utf-8"))
