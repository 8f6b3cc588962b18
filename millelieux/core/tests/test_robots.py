"""/robots.txt lets every robot read the site but the admin, and names the sitemap at its absolute address."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_allows_reading_keeps_robots_out_of_the_admin_and_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Allow: /",
        "Disallow: /admin/",
        "Sitemap: http://testserver/sitemap.xml",
    ]


def test_the_sitemap_it_names_answers(client):
    sitemap = client.get("/robots.txt").content.decode().splitlines()[-1].removeprefix("Sitemap: ")

    response = client.get(sitemap.removeprefix("http://testserver"))

    assert response.status_code == 200
    assert b"<urlset" in response.content


def test_robots_txt_is_only_read(client):
    assert client.head("/robots.txt").status_code == 200
    assert client.post("/robots.txt").status_code == 405


def test_robots_txt_names_the_host_it_is_asked_on(client, settings):
    settings.ALLOWED_HOSTS = ["millelieux.example.org"]

    response = client.get("/robots.txt", HTTP_HOST="millelieux.example.org", secure=True)

    assert response.content.decode().splitlines()[-1] == "Sitemap: https://millelieux.example.org/sitemap.xml"
