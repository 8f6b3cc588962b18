from wagtail import hooks

from .choosers import census_entry_chooser_viewset


@hooks.register("register_admin_viewset")
def register_census_entry_chooser():
    return census_entry_chooser_viewset
