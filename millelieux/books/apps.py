from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BooksConfig(AppConfig):
    name = "millelieux.books"
    label = "books"
    verbose_name = _("Livres PDF")

    def ready(self):
        from wagtail.signals import published, unpublished

        from .tasks import refresh_after_publication

        published.connect(refresh_after_publication, dispatch_uid="books.refresh_after_publication")
        unpublished.connect(refresh_after_publication, dispatch_uid="books.refresh_after_unpublication")
