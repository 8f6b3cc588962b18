"""Pictures on the pages: a <figure> with AVIF, WebP and fallback sources at several widths, the alternative text,
and the credit and licence beneath; renditions are real files, served at their address."""

import os
import re
from html.parser import HTMLParser
from io import BytesIO

import PIL.Image
import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from millelieux.articles.factories import make_article
from millelieux.core.factories import make_image
from millelieux.core.templatetags.pictures import avif_supported, picture_widths
from millelieux.explorations.factories import make_exploration, make_partner, make_partnership
from millelieux.places.factories import make_place

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rendition_cache():
    """Wagtail keeps renditions in the cache by image id, and ids come back after each test's rollback."""
    for cache in caches.all():
        cache.clear()


LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"


class Figures(HTMLParser):
    """The <figure class="picture"> of a page: their sources, <img> attributes and caption text."""

    def __init__(self):
        super().__init__()
        self.figures, self.current, self.in_caption = [], None, False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "figure" and "picture" in attrs.get("class", "").split():
            self.current = {"sources": [], "img": None, "caption": "", "links": [], "class": attrs["class"]}
            self.figures.append(self.current)
        elif self.current is None:
            return
        elif tag == "source":
            self.current["sources"].append(attrs)
        elif tag == "img":
            self.current["img"] = attrs
        elif tag == "figcaption":
            self.in_caption = True
        elif tag == "a" and self.in_caption:
            self.current["links"].append(attrs)

    def handle_endtag(self, tag):
        if tag == "figcaption":
            self.in_caption = False
        elif tag == "figure":
            self.current = None

    def handle_data(self, data):
        if self.in_caption:
            self.current["caption"] += data


def figures_of(response):
    assert response.status_code == 200
    parser = Figures()
    parser.feed(response.content.decode())
    return parser.figures


def srcset_widths(srcset):
    return [int(width) for width in re.findall(r" (\d+)w", srcset)]


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def photo(**fields):
    return make_image(
        "Atelier",
        colour="teal",
        size=(1600, 900),
        description="L'atelier partagé : établis et découpeuse laser.",
        credit="Camille Martin",
        licence="CC BY-SA 4.0",
        licence_url=LICENCE_URL,
        **fields,
    )


def test_a_monograph_shows_its_image_with_modern_formats_several_widths_alt_text_credit_and_licence(client):
    image = photo(source_url="https://example.org/atelier")
    place = make_place(image=image)

    [figure] = figures_of(client.get(place.url))

    types = [source["type"] for source in figure["sources"]]
    assert types == (["image/avif"] if avif_supported() else []) + ["image/webp"]
    for source in figure["sources"]:
        assert srcset_widths(source["srcset"]) == [480, 800, 1200]
        assert source["sizes"] == figure["img"]["sizes"]
    img = figure["img"]
    assert srcset_widths(img["srcset"]) == [480, 800, 1200]
    assert img["alt"] == "L'atelier partagé : établis et découpeuse laser."
    assert (img["width"], img["height"]) == ("800", "450")
    assert "loading" not in img  # the first image of the page is loaded at once
    assert "Camille Martin" in figure["caption"]
    assert "CC BY-SA 4.0" in figure["caption"]
    assert {"href": LICENCE_URL, "rel": "license"} in figure["links"]
    assert {"href": "https://example.org/atelier"} in figure["links"]


def test_every_rendition_in_the_markup_is_a_real_file_of_its_format_and_width(client):
    place = make_place(image=photo())
    [figure] = figures_of(client.get(place.url))
    expected = {"image/avif": "AVIF", "image/webp": "WEBP", "image/jpeg": "JPEG", "image/png": "PNG"}

    candidates = [(source["type"], source["srcset"]) for source in figure["sources"]]
    candidates.append(("image/png", figure["img"]["srcset"]))  # the original is a PNG: so is the fallback
    for mime_type, srcset in candidates:
        for url, width in re.findall(r"(\S+) (\d+)w", srcset):
            assert url.startswith(settings.MEDIA_URL)
            assert os.path.isfile(os.path.join(settings.MEDIA_ROOT, url.removeprefix(settings.MEDIA_URL)))
            response = client.get(url)
            assert response.status_code == 200
            assert response["Content-Type"] == mime_type
            decoded = PIL.Image.open(BytesIO(body_of(response)))
            assert decoded.format == expected[mime_type]
            assert decoded.size == (int(width), int(width) * 9 // 16)


def test_a_jpeg_original_falls_back_to_jpeg(client):
    image = photo()
    buffer = BytesIO()
    PIL.Image.new("RGB", (1000, 600), "navy").save(buffer, "JPEG")
    from django.core.files.images import ImageFile

    image.file.save("facade.jpg", ImageFile(buffer, name="facade.jpg"))
    place = make_place(image=image)

    [figure] = figures_of(client.get(place.url))

    assert figure["img"]["src"].endswith(".jpg")
    assert srcset_widths(figure["img"]["srcset"]) == [480, 800, 1000]


def test_an_image_narrower_than_the_widths_lists_each_width_once():
    assert picture_widths(600) == [480, 600]
    assert picture_widths(300) == [300]
    assert picture_widths(2400) == [480, 800, 1200]


def test_a_small_image_is_never_enlarged_and_its_srcset_has_no_repeated_width(client):
    place = make_place(image=make_image("Petite", size=(300, 200)))

    [figure] = figures_of(client.get(place.url))

    assert srcset_widths(figure["img"]["srcset"]) == [300]
    for source in figure["sources"]:
        assert srcset_widths(source["srcset"]) == [300]


def test_an_exploration_shows_its_cover(client):
    exploration = make_exploration(image=photo())

    [figure] = figures_of(client.get(exploration.url))

    assert figure["img"]["alt"] == "L'atelier partagé : établis et découpeuse laser."
    assert "Camille Martin" in figure["caption"]


def test_an_article_shows_its_image_with_the_alt_text_it_gives_or_else_the_images(client):
    image = photo()
    own = make_article(title="Entretien A", image=image, image_alt="L'atelier le soir de l'entretien.")
    plain = make_article(title="Entretien B", image=image)

    [figure] = figures_of(client.get(own.url))
    assert figure["img"]["alt"] == "L'atelier le soir de l'entretien."
    assert "article__image" in figure["class"]
    [figure] = figures_of(client.get(plain.url))
    assert figure["img"]["alt"] == "L'atelier partagé : établis et découpeuse laser."


def test_a_figure_in_a_narrative_is_lazy_loaded_with_its_caption_and_the_credit(client):
    image = photo()
    place = make_place()
    place.body = [("figure", {"image": image, "alt": "Les établis.", "caption": "L'atelier en 2018."})]
    place.save_revision().publish()

    [figure] = figures_of(client.get(place.url))

    assert figure["img"]["alt"] == "Les établis."
    assert figure["img"]["loading"] == "lazy"
    assert "L'atelier en 2018." in figure["caption"]
    assert "Camille Martin" in figure["caption"]


def test_partners_show_their_logo_small_with_its_credit(client):
    exploration = make_exploration()
    logo = make_image(
        "Logo de l'ADEME",
        size=(600, 300),
        description="Logo de l'ADEME",
        credit="ADEME",
        licence="Tous droits réservés, publié avec autorisation",
    )
    make_partnership(exploration, make_partner("ADEME", logo=logo))

    [figure] = figures_of(client.get(exploration.url + exploration.reverse_subpage("partners")))

    assert "picture--logo" in figure["class"]
    assert srcset_widths(figure["img"]["srcset"]) == [160, 320]
    assert figure["img"]["sizes"] == "10rem"
    assert figure["img"]["alt"] == "Logo de l'ADEME"
    assert "Tous droits réservés, publié avec autorisation" in figure["caption"]


def test_a_page_whose_image_file_is_missing_still_renders_without_the_figure(client):
    image = photo()
    os.remove(os.path.join(settings.MEDIA_ROOT, image.file.name))
    place = make_place(image=image)

    response = client.get(place.url)

    assert response.status_code == 200
    assert figures_of(response) == []


def test_an_image_costs_a_monograph_at_most_two_queries_once_its_renditions_exist(client):
    with_image = make_place(title="Avec image", image=photo())
    without = make_place(title="Sans image")
    for page in (with_image, without, with_image):  # the renditions are made on the first request
        client.get(page.url)

    counts = {}
    for name, page in (("with", with_image), ("without", without)):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts[name] = len(queries)

    assert counts["with"] - counts["without"] <= 2, counts


def test_the_partners_page_reads_the_renditions_of_every_logo_in_one_query(client):
    exploration = make_exploration()
    for n in range(1, 4):
        make_partnership(
            exploration, make_partner(f"Partenaire {n}", logo=make_image(f"Logo {n}", size=(400, 200)))
        )
    url = exploration.url + exploration.reverse_subpage("partners")
    client.get(url)
    with CaptureQueriesContext(connection) as three:
        client.get(url)
    make_partnership(exploration, make_partner("Partenaire 4", logo=make_image("Logo 4", size=(400, 200))))
    client.get(url)
    with CaptureQueriesContext(connection) as four:
        client.get(url)

    assert len(four) == len(three)
