from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExportConfig(AppConfig):
    name = "millelieux.export"
    label = "export"
    verbose_name = _("Export du site statique")
