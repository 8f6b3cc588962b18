"""The export reports its progress while it fetches (the command draws a bar with it on a terminal)."""

from io import StringIO

import pytest

from millelieux.core.progress import ProgressBar
from millelieux.explorations.factories import make_exploration
from millelieux.export.site import export_site
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


def test_progress_is_called_until_every_known_address_is_done(tmp_path):
    exploration = make_exploration(title="Mille Lieux")
    make_place(exploration, title="Le Hangar")
    calls = []

    export_site(tmp_path / "site", progress=lambda done, known: calls.append((done, known)))

    assert calls and all(done <= known for done, known in calls)
    assert [done for done, _known in calls] == sorted(done for done, _known in calls)
    assert calls[-1][0] == calls[-1][1]  # the last call: all done


def test_the_bar_is_one_line_redrawn_in_place():
    stream = StringIO()
    bar = ProgressBar(stream, "adresses", width=10)
    bar(5, 20)
    bar(20, 20)
    bar.close()

    assert stream.getvalue() == "\r  [##........] 5 adresses\r  [##########] 20 adresses\n"
