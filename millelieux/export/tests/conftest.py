"""The demo content and a few census entries, exported by the tests of this folder."""

from io import StringIO

import pytest
from django.core.management import call_command

from millelieux.census.importing import import_census, load_mapping
from millelieux.census.tests.helpers import cget_row, make_communes, write_cget


@pytest.fixture
def demo(db, tmp_path):
    """The demo's two explorations, and three census entries for the national map."""
    call_command("load_demo", stdout=StringIO())  # first: with no commune, the demo places name none
    make_communes()
    rows = [
        cget_row(ID="1", NOM_TL="La Ruche"),
        cget_row(
            ID="2", NOM_TL="Le Lieu Commun", INSEECOM="35288", NOMCOM="Saint-Malo", LAT="48.65", LONG="-2.02"
        ),
        cget_row(ID="3", NOM_TL="Le Hangar", INSEECOM="75111", NOMCOM="Paris", LAT="48.858", LONG="2.38"),
    ]
    import_census(write_cget(tmp_path / "cget.csv", rows), load_mapping("cget-2019"))


def export(outdir, *args, **options):
    """`millelieux export-static` as a reader calls it; returns its output."""
    out = StringIO()
    call_command("export_static", str(outdir), *args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()
