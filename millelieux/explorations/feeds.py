"""The Atom feed of an exploration's articles (Django's syndication framework), served by the exploration's
`flux/` sub-page: newest first, each entry with its absolute address, author, summary and dates."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from millelieux.core import linked_data

# A feed reader asks for it often; the newest entries are what it needs.
MAX_ENTRIES = 100


class StudyAtomFeed(Atom1Feed):
    """Atom, dated by its newest entry, or without entries by the exploration's publication (Django would date
    an empty feed "now": it would change at every request, and every static export would rewrite it)."""

    def latest_post_date(self):
        if not self.items and self.feed.get("published_at") is not None:
            return self.feed["published_at"]
        return super().latest_post_date()


class ArticlesFeed(Feed):
    feed_type = StudyAtomFeed
    language = settings.LANGUAGE_CODE  # the language of the articles, whatever the interface's

    def get_object(self, request, exploration):
        self.request = request
        return exploration

    def title(self, exploration):
        return _("Articles — %(title)s") % {"title": exploration.title}

    def subtitle(self, exploration):
        return exploration.summary

    def link(self, exploration):
        return linked_data.page_address(exploration, self.request)

    def feed_url(self, exploration):
        return linked_data.absolute_url(self.request, self.request.path)

    def author_name(self, exploration):
        return exploration.organisation or None

    def feed_copyright(self, exploration):
        licence = exploration.licence
        return f"{licence.name} ({licence.url})"

    def items(self, exploration):
        # In publication order, newest first: the article's date, then its first publication on the site.
        return list(
            exploration.articles()
            .defer_streamfields()
            .select_related("original_source")
            .prefetch_related("interviewees")
            .order_by("-date", "-first_published_at", "-pk")[:MAX_ENTRIES]
        )

    def item_title(self, article):
        return f"{article.title} ({article.series_label})" if article.series_label else article.title

    def item_description(self, article):
        # Atom's summary is read as HTML: the plain text of the summary, escaped.
        return escape(article.summary)

    def item_link(self, article):
        return linked_data.page_address(article, self.request)

    def item_guid(self, article):
        return self.item_link(article)

    def item_author_name(self, article):
        # the same credit as the article's linked data: its interviewees, its original publisher or the study's
        article.exploration = self._exploration  # known: no query to find it again
        return ", ".join(article.author_names()) or None

    def item_pubdate(self, article):
        return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time()))

    def item_updateddate(self, article):
        published = self.item_pubdate(article)
        return max(article.last_published_at or published, published)

    def item_categories(self, article):
        return [article.series.title] if article.series_id else [str(article.get_kind_display())]

    def feed_extra_kwargs(self, exploration):
        return {"published_at": exploration.last_published_at or exploration.first_published_at}

    def get_feed(self, obj, request):
        self._exploration = obj
        return super().get_feed(obj, request)
