from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImpactsConfig(AppConfig):
    name = "millelieux.impacts"
    label = "impacts"
    verbose_name = _("Impacts")

    def ready(self):
        from wagtail.signals import pre_page_move

        from .moves import refuse_split_on_move

        pre_page_move.connect(refuse_split_on_move, dispatch_uid="impacts.refuse_split_on_move")
