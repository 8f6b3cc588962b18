"""{% crawl_fragment %}: a block rendered once per set of values within a static export's crawl (the lasting
memo), and at every render elsewhere."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.utils import translation

from millelieux.core.routing import lasting_memo

TEMPLATE = Template(
    '{% load millelieux_tags %}{% crawl_fragment "numbers" kind %}{{ kind }}:{{ number }}{% endcrawl_fragment %}'
)


def render(kind, number, host="example.org"):
    request = RequestFactory(SERVER_NAME=host).get("/")
    return TEMPLATE.render(Context({"kind": kind, "number": number, "request": request}))


def test_outside_a_crawl_the_block_is_rendered_every_time():
    assert render("a", 1) == "a:1"
    assert render("a", 2) == "a:2"


def test_within_a_crawl_the_block_is_rendered_once_per_value_language_and_host():
    with lasting_memo():
        assert render("a", 1) == "a:1"
        assert render("a", 2) == "a:1"  # the same values: the first rendering
        assert render("b", 3) == "b:3"
        assert render("a", 4, host="other.example") == "a:4"
        with translation.override("en"):
            assert render("a", 5) == "a:5"
    assert render("a", 6) == "a:6"  # the crawl is over


def test_a_fragment_needs_a_name():
    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load millelieux_tags %}{% crawl_fragment %}x{% endcrawl_fragment %}")
