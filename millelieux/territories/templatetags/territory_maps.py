"""Location maps of places, drawn from the territory data (territories/maps.py).

Places are read by duck typing (title, commune_code, commune_name, latitude, longitude, and `commune` for a
monograph): this app sits below the places app and imports none of it.
"""

from django import template
from django.db.models import Value

from millelieux.territories import maps
from millelieux.territories.models import Commune, Department, Region

register = template.Library()


def _regions():
    return list(Region.objects.only("pk", "code", "name", "outline_coarse"))


def _outlines_for_location_map(region_id):
    """(the departments of the region, every region), with only what location maps draw: one query (a union
    of the two tables)."""
    departments = (
        Department.objects.filter(region_id=region_id)
        .annotate(kind=Value("department"))
        .values_list("pk", "code", "name", "outline", "kind")
        .order_by()
    )
    regions = (
        Region.objects.annotate(kind=Value("region"))
        .values_list("pk", "code", "name", "outline_coarse", "kind")
        .order_by()
    )
    found_departments, found_regions = [], []
    for pk, code, name, outline, kind in departments.union(regions, all=True):
        if kind == "department":
            found_departments.append(Department(pk=pk, code=code, name=name, outline=outline))
        else:
            found_regions.append(Region(pk=pk, code=code, name=name, outline_coarse=outline))
    # in the order of the tables (a union has none), so that the same place always gets the same drawing
    return sorted(found_departments, key=lambda d: d.code), sorted(found_regions, key=lambda r: r.name)


@register.simple_tag
def location_map(place):
    """The map of a monograph (a maps.LocationMap), or None when its commune or its outlines are unknown:
    one query besides the commune's (the departments of its region and the regions for the inset).

    {% location_map page as map %}{% if map %}{% include "territories/location_map.html" %}{% endif %}
    """
    commune = place.commune
    if commune is None:
        return None
    department = commune.department
    departments, regions = _outlines_for_location_map(department.region_id if department else None)
    return maps.location_map(
        commune,
        departments,
        regions,
        latitude=place.latitude,
        longitude=place.longitude,
        label=place.commune_name or commune.name,
    )


@register.simple_tag(takes_context=True)
def places_map(context, places):
    """The map of France with a numbered link to each of `places` (a maps.PlacesMap), or None before the
    territories are loaded: two queries whatever the number of places.

    {% places_map places as map %}{% if map %}{% include "territories/places_map.html" %}{% endif %}
    """
    request = context.get("request")
    places = list(places)
    if not places:
        return None
    communes = {
        commune.code: commune
        for commune in Commune.objects.filter(code__in={place.commune_code for place in places})
        .select_related("department__region")
        .only("code", "latitude", "longitude", "department__region__code", "department__region__name")
    }
    entries = [
        {
            "number": number,
            "title": place.title,
            "url": place.get_url(request),
            "commune_code": place.commune_code,
            "commune_name": place.commune_name,
            "latitude": place.latitude,
            "longitude": place.longitude,
        }
        for number, place in enumerate(places, start=1)
    ]
    return maps.places_map(entries, communes, _regions())
