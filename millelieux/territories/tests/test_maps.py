from types import SimpleNamespace

import pytest

from millelieux.territories import maps, outlines


def square(west, south, size=1.0):
    return [
        (west, south),
        (west + size, south),
        (west + size, south + size),
        (west, south + size),
        (west, south),
    ]


def test_a_known_point_lands_where_expected():
    project = maps.Projection((0.0, 40.0, 10.0, 50.0), 200, 200)
    assert project(5.0, 45.0) == pytest.approx((100, 100))
    north_east = project(10.0, 50.0)
    assert north_east[0] > 100 and north_east[1] < 100  # east is right, north is up
    # longitudes shrink by the cosine of the latitude: the 10° of latitude fill the height
    assert project(5.0, 50.0)[1] == pytest.approx(0)


def test_outlines_survive_their_text_form():
    rings = [square(-1.6778, 48.1173, 0.01), square(55.2, -21.1, 0.5)]
    text = outlines.encode(rings)
    assert " " in text and "<" not in text and '"' not in text
    decoded = outlines.decode(text)
    assert len(decoded) == 2
    assert decoded[0][0] == pytest.approx((-1.6778, 48.1173))
    assert decoded[1][2] == pytest.approx((55.7, -20.6))
    assert outlines.decode("") == []


def test_two_neighbouring_communes_dissolve_into_one_outline():
    left, right = [square(0, 0)], [square(1, 0)]
    edges = outlines.boundary_edges([left, right])
    assert len(edges) == 6  # the shared edge is inside
    (ring,) = outlines.chain(edges)
    assert outlines.area(ring) == pytest.approx(2)


def test_simplifying_keeps_the_shape_and_drops_the_specks():
    wiggly = [(x / 100, 0.0001 * (x % 2)) for x in range(101)] + [(1, 1), (0, 1), (0, 0)]
    speck = square(5, 5, 0.0001)
    (kept,) = outlines.simplify([wiggly, speck], 0.001)
    assert len(kept) <= 6
    assert outlines.area(kept) == pytest.approx(1, rel=0.01)


def test_a_ring_is_clipped_to_the_box():
    ring = [(-50, -50), (150, -50), (150, 150), (-50, 150)]
    clipped = maps.clip(ring, (0, 0, 100, 100))
    assert all(0 <= x <= 100 and 0 <= y <= 100 for x, y in clipped)
    assert len(clipped) == 4


def _commune(outline, latitude=45.0, longitude=5.0, region_code="84", department_outline=None):
    region = SimpleNamespace(
        pk=1,
        code=region_code,
        name="Région",
        outline=outlines.encode([square(3, 43, 4)]),
        outline_coarse=outlines.encode([square(3, 43, 4)]),
        is_overseas=region_code in ("01", "02", "03", "04", "06"),
    )
    if department_outline is None:
        department_outline = outlines.encode([square(4, 44, 2)])
    department = SimpleNamespace(pk=10, name="Département", outline=department_outline, region=region)
    return SimpleNamespace(
        name="Commune", outline=outline, latitude=latitude, longitude=longitude, department=department
    )


def test_the_monograph_map_highlights_the_commune_and_marks_the_place():
    commune = _commune(outlines.encode([square(4.9, 44.9, 0.2)]))
    result = maps.location_map(commune, [], [commune.department.region], 45.0, 5.0, label="<Lyon & co>")
    svg = str(result.drawing)
    assert 'class="lm-commune"' in svg and 'class="lm-department"' in svg
    assert "&lt;Lyon &amp; co&gt;" in svg and "<Lyon" not in svg
    assert not result.marker.approximate
    assert 0 < result.marker.x < result.width and 0 < result.marker.y < result.height
    assert result.inset and "lm-inset" in svg


def test_without_coordinates_the_marker_is_the_town_hall_and_approximate():
    commune = _commune(outlines.encode([square(4.9, 44.9, 0.2)]), latitude=45.0, longitude=5.0)
    result = maps.location_map(commune, [], [], None, None, label="Commune")
    assert result.marker.approximate
    assert "lm-marker--approximate" in str(result.drawing)


def test_an_overseas_commune_gets_its_own_map_without_the_inset_of_mainland_france():
    reunion = outlines.encode([square(55.2, -21.4, 0.6)])
    commune = _commune(
        outlines.encode([square(55.4, -21.0, 0.1)]),
        latitude=-20.95,
        longitude=55.45,
        region_code="04",
        department_outline=reunion,
    )
    result = maps.location_map(commune, [], [commune.department.region], None, None, label="Saint-Denis")
    assert not result.inset
    assert 0 < result.marker.x < result.width and 0 < result.marker.y < result.height


def test_a_commune_without_any_outline_gives_no_map_or_a_map_without_it():
    assert maps.location_map(_commune("", department_outline=""), [], [], None, None) is None
    result = maps.location_map(_commune(""), [], [], None, None)
    assert result is not None and not result.has_outline


def test_the_places_map_links_each_place_and_boxes_the_overseas_ones():
    mainland = SimpleNamespace(pk=1, name="Métropole", outline_coarse=outlines.encode([square(-4, 42, 12)]))
    mainland.is_overseas = False
    reunion = SimpleNamespace(
        pk=2, name="La Réunion", outline_coarse=outlines.encode([square(55.2, -21.4, 0.6)])
    )
    reunion.is_overseas = True
    communes = {
        "35238": SimpleNamespace(latitude=48.1, longitude=-1.67, department=SimpleNamespace(region=mainland)),
        "97411": SimpleNamespace(latitude=-20.9, longitude=55.45, department=SimpleNamespace(region=reunion)),
    }
    places = [
        dict(
            number=1,
            title="A & B",
            url="/a/",
            commune_code="35238",
            commune_name="Rennes",
            latitude=None,
            longitude=None,
        ),
        dict(
            number=2,
            title="C",
            url="/c/",
            commune_code="97411",
            commune_name="Saint-Denis",
            latitude=None,
            longitude=None,
        ),
        dict(
            number=3,
            title="D",
            url="/d/",
            commune_code="00000",
            commune_name="?",
            latitude=None,
            longitude=None,
        ),
    ]
    result = maps.places_map(places, communes, [mainland, reunion])
    svg = str(result.drawing)
    assert 'href="/a/"' in svg and 'href="/c/"' in svg and "A &amp; B" in svg
    assert "pm-overseas" in svg and "La Réunion" in svg
    overseas = next(p for p in result.points if p.number == 2)
    assert overseas.overseas and overseas.y > result.height - 100
    assert [p["number"] for p in result.missing] == [3]
