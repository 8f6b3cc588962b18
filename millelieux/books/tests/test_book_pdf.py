"""The book of the demo exploration opens with a PDF library: its pages, outline, text, fonts and metadata."""

import re

import pytest

from millelieux.explorations.bibliography import cited_sources

pytestmark = pytest.mark.django_db


def outline_titles(reader):
    """(level, title, page number) of every bookmark, in order."""
    found = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                found.append((level, item.title, reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 1)
    return found


def text_of(reader):
    return [page.extract_text() for page in reader.pages]


def test_the_book_has_a_page_for_the_cover_contents_and_every_part(demo_book):
    assert demo_book.pdf.startswith(b"%PDF-")
    assert len(demo_book.reader.pages) >= 40


def test_the_outline_has_an_entry_for_every_part_monograph_impact_and_article(demo_book):
    exploration = demo_book.exploration
    bookmarks = outline_titles(demo_book.reader)
    parts = {title for level, title, _page in bookmarks if level == 1}
    entries = {title for level, title, _page in bookmarks if level == 2}

    assert {"Sommaire", "Les terrains", "Les impacts", "Tableau croisé des lieux et des impacts"} <= parts
    assert {"Entretiens et articles", "Bibliographie"} <= parts
    places = [place.title for place in exploration.places()]
    impacts = [impact.title for impact in exploration.impacts()]
    assert len(places) == 8 and len(impacts) == 8
    assert set(places) <= entries
    assert set(impacts) <= entries
    for article in exploration.articles():
        assert any(title.startswith(article.title) for title in entries), article.title


def test_each_monograph_starts_on_the_page_its_bookmark_points_to(demo_book):
    pages = text_of(demo_book.reader)
    for level, title, number in outline_titles(demo_book.reader):
        if level == 2 and title in {place.title for place in demo_book.exploration.places()}:
            assert title in pages[number - 1], (title, number)


def test_the_text_is_extractable_names_years_and_matrix_headings(demo_book):
    text = "\n".join(text_of(demo_book.reader))

    assert "Hôtel Pasteur" in text
    assert "fiche technique" in text.lower()  # upper case on paper (site.css)
    assert "frise chronologique" in text.lower()
    assert re.search(r"\b2012\b", text)  # the year Darwin opened, on its timeline
    assert "Impacts observés dans chaque lieu" in text  # the caption of the matrix
    assert "Lieux où il s'observe" in text  # its footer row
    assert "Bibliographie" in text


def test_the_contents_give_the_page_numbers_of_the_monographs(demo_book):
    contents = demo_book.reader.pages[1].extract_text() + demo_book.reader.pages[2].extract_text()
    assert "Sommaire" in contents
    for level, title, number in outline_titles(demo_book.reader):
        if level == 2 and title == "Hôtel Pasteur":
            assert re.search(rf"Hôtel Pasteur Rennes {number}\n", contents), contents
    # the dots up to each number are drawn, not written: a reader's tools read none
    assert ". ." not in contents and ".." not in contents


def test_the_matrix_of_eight_impacts_holds_on_one_upright_page(demo_book):
    bookmarks = outline_titles(demo_book.reader)
    matrix = next(n for level, title, n in bookmarks if title == "Tableau croisé des lieux et des impacts")
    articles = next(n for level, title, n in bookmarks if title == "Entretiens et articles")
    assert articles == matrix + 1
    box = demo_book.reader.pages[matrix - 1].mediabox
    assert round(float(box.width) / 72 * 25.4) == 210  # A4 upright


def test_pages_are_numbered_at_their_foot_except_the_cover(demo_book):
    pages = text_of(demo_book.reader)
    numbered = [n for n, text in enumerate(pages, start=1) if re.search(rf"(^|\n)\s*{n}\s*$", text)]
    assert len(numbered) >= len(pages) - 3  # the cover and the contents' first page may go without
    assert 1 not in numbered


def test_the_running_heads_name_the_part_and_the_monograph(demo_book):
    pages = text_of(demo_book.reader)
    bookmarks = outline_titles(demo_book.reader)
    pasteur = next(number for level, title, number in bookmarks if title == "Hôtel Pasteur")
    following = pages[pasteur]  # the monograph's second page
    assert "Les terrains" in following and "Hôtel Pasteur" in following


def test_the_self_hosted_typefaces_are_embedded(demo_book):
    fonts = {}
    for page in demo_book.reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font["/FontDescriptor"]
            ).get_object()
            fonts[str(font["/BaseFont"]).split("+")[-1]] = [
                key for key in descriptor if key.startswith("/FontFile")
            ]
    assert any(name.startswith("Source-Serif-4") for name in fonts), fonts
    assert any(name.startswith("Source-Sans-3") for name in fonts), fonts
    assert all(files for files in fonts.values()), fonts  # every font is embedded


def test_the_metadata_give_title_author_language_and_date(demo_book):
    metadata = demo_book.reader.metadata
    assert metadata.title == "Mille Lieux"
    assert metadata.author == demo_book.exploration.organisation
    assert metadata["/CreationDate"].startswith("D:20")
    assert demo_book.reader.trailer["/Root"]["/Lang"] == "fr"


def test_the_cover_gives_the_period_the_licence_and_the_online_address(demo_book):
    cover = demo_book.reader.pages[0].extract_text()
    assert "Mille Lieux" in cover
    assert demo_book.exploration.period_label in cover
    if getattr(demo_book.exploration, "content_licence", ""):
        assert "Licence du contenu" in cover
    assert "https://millelieux.example.org/explorations/mille-lieux/" in cover


def test_the_maps_and_timelines_are_vectors_not_pictures(demo_book):
    assert demo_book.html.count('class="location-map__svg"') == 8
    assert demo_book.html.count("timeline-chart--vertical") >= 8
    assert demo_book.html.count("actors-chart--narrow") >= 8
    # the cover is the demo's one picture; maps and charts are drawn as PDF paths, not embedded images
    images = {
        item.idnum
        for page in demo_book.reader.pages
        for item in (page["/Resources"].get("/XObject") or {}).values()
        if item.get_object().get("/Subtype") == "/Image"
    }
    assert len(images) <= 2


def test_the_figures_keep_the_colours_of_the_site(demo_book):
    drawn = "".join(page.get_contents().get_data().decode("latin-1") for page in demo_book.reader.pages)
    assert "0 0.447059 0.698039 rg" in drawn  # #0072b2, a kind of stakeholder or timeline step
    assert "0.184314 0.541176 0.435294 rg" in drawn  # #2f8a6f, the commune on its location map


def test_the_bibliography_lists_every_source_the_study_cites(demo_book):
    text = "\n".join(text_of(demo_book.reader)[-6:])
    sources = cited_sources(demo_book.exploration)
    assert sources
    for source in sources:
        assert source.title[:30] in text.replace("\n", " "), source.title


def test_links_inside_the_book_lead_to_its_own_pages(demo_book):
    html = demo_book.html
    targets = set(re.findall(r'id="([^"]+)"', html))
    for anchor in re.findall(r'href="#([^"]+)"', html):
        assert anchor in targets, anchor
    assert '<a href="/' not in html  # nothing points at the site by a relative address
