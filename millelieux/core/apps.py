from django.apps import AppConfig
from django.db.models.signals import post_migrate, pre_delete


class CoreConfig(AppConfig):
    name = "millelieux.core"
    label = "core"
    verbose_name = "Mille Lieux"

    def ready(self):
        from .roles import ensure_roles

        # After every migrate, once all permissions exist: the editor and moderator groups are there and up to date.
        post_migrate.connect(ensure_roles, dispatch_uid="millelieux-ensure-roles")

        from wagtail.models import Page

        from .i18n import delete_translations_with_their_page

        pre_delete.connect(
            delete_translations_with_their_page, sender=Page, dispatch_uid="millelieux-translations"
        )
