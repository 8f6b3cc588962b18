from wagtail import hooks

from .choosers import commune_chooser_viewset


@hooks.register("register_admin_viewset")
def register_commune_chooser():
    return commune_chooser_viewset
