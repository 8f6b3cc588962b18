"""Reading a study in another language: translations made with Wagtail's localisation.

A study is written in French, in one page tree: that tree is the study's structure (its places, impacts,
articles, the links between them) and its addresses. Editors may translate a page into English with
Wagtail's localisation (wagtail.contrib.simple_translation), which copies it into the English tree. Readers
never browse that copy tree: under /en/, the address of the French page shows the English interface, and the
text of the page's live English translation when there is one; otherwise the French text, marked as French.

Only pages whose content is prose and carries no link to other pages of the study can be translated
(`translatable_fields`): a monograph's evidence, an article's places, an event's vote point at French pages,
and copies of them would be counted twice in the study's lists.
"""

import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.models import Locale, Page

from millelieux.core.routing import private_pages_q, view_restrictions


def default_language():
    return settings.LANGUAGE_CODE


def is_translatable(page):
    return bool(getattr(page.specific_class or type(page), "translatable_fields", None))


class ReadingLocaleMixin(models.Model):
    """Every public page type: its address is the French page's, prefixed by the interface's language."""

    # The fields a translation replaces when the page is read in another language (None: not translatable).
    translatable_fields = None

    class Meta:
        abstract = True

    @property
    def content_language(self):
        """The language of the text shown: set when a translation's text was put on the page."""
        return getattr(self, "_content_language", None) or default_language()

    def get_url_parts(self, request=None):
        source = self
        language = translation.get_language()
        if locale_language(self.locale_id) != default_language():
            # A translation is read at its French page's address, in its own language.
            language = locale_language(self.locale_id)
            source = (
                Page.objects.filter(
                    translation_key=self.translation_key, locale__language_code=default_language()
                ).first()
                or self
            )
        possible_sites = [
            root
            for root in source._get_relevant_site_root_paths(request)
            if root.language_code == default_language()
        ]
        if not possible_sites:
            return None
        site_id, root_path, root_url, _language = possible_sites[0]
        try:
            page_path = page_address(source.url_path[len(root_path) :], language)
        except NoReverseMatch:
            return (site_id, None, None)
        return (site_id, root_url, page_path)

    @property
    def breadcrumb_ancestors(self):
        """The pages above this one, from the routing when it found them (no query), else from the tree."""
        found = getattr(self, "_route_ancestors", None)
        return found if found is not None else list(self.get_ancestors())

    def get_view_restrictions(self):
        """Wagtail's, from the restrictions read once per request when the routing found the ancestors."""
        ancestors = getattr(self, "_route_ancestors", None)
        if ancestors is None or self.alias_of_id or any(page.alias_of_id for page in ancestors):
            return super().get_view_restrictions()
        return [
            restriction for restriction in view_restrictions() if self.path.startswith(restriction.page.path)
        ]

    def live_translation(self, language):
        """This page's live, public translation into `language`, or None."""
        if not self.translatable_fields or language == default_language():
            return None
        return (
            Page.objects.live()
            .exclude(private_pages_q())
            .filter(
                translation_key=self.translation_key, locale__language_code=language, alias_of__isnull=True
            )
            .exclude(pk=self.pk)
            .specific()
            .first()
        )

    def read_in(self, language):
        """The page to render for a reader of `language`: itself, with its translation's text if there is one."""
        translated = self.live_translation(language)
        if translated is None or type(translated) is not type(self):
            return self
        for name in self.translatable_fields:
            setattr(self, name, getattr(translated, name))
        self._content_language = locale_language(translated.locale_id)
        return self


def page_address(path, language):
    """What reverse("wagtail_serve", args=(path,)) gives in `language` (a page shows dozens of links): the
    language's prefix is reversed once, the path is checked against Wagtail's address pattern and quoted as
    reverse() quotes it."""
    key = (language, get_script_prefix(), settings.ROOT_URLCONF, get_urlconf())
    prefix = _SERVE_PREFIXES.get(key)
    if prefix is None:
        with translation.override(language):
            prefix = _SERVE_PREFIXES[key] = reverse("wagtail_serve", args=("",))
    if not _serve_path_pattern().fullmatch(path):
        raise NoReverseMatch(f"{path!r} is not a page address")
    return prefix + quote(path, safe=RFC3986_SUBDELIMS + "/~:@")


_SERVE_PREFIXES = {}


@functools.cache
def _serve_path_pattern():
    from wagtail import urls as wagtail_urls  # not at import: it loads Wagtail's views, which need the models

    return re.compile(wagtail_urls.serve_pattern)


def locale_language(locale_id):
    """The language code of a locale, without a query once known (locales are created by migrations and
    never renumbered; an unknown id reloads the table, so a locale added meanwhile is found)."""
    code = _LOCALE_LANGUAGES.get(locale_id)
    if code is None:
        _LOCALE_LANGUAGES.clear()
        _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
        code = _LOCALE_LANGUAGES.get(locale_id, default_language())
    return code


_LOCALE_LANGUAGES = {}


def delete_translations_with_their_page(sender, instance, **kwargs):
    """A translation is read through its French page: when that page is deleted, its translations go too
    (otherwise they would stay in the copy tree, unreachable, and be counted as pages of the study)."""
    if (
        getattr(instance, "locale_id", None) is None
        or locale_language(instance.locale_id) != default_language()
    ):
        return
    orphans = Page.objects.filter(translation_key=instance.translation_key).exclude(pk=instance.pk)
    orphans = orphans.exclude(locale__language_code=default_language())
    for orphan in orphans:
        orphan.delete()
