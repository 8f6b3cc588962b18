"""The image form of the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): alternative text, credit and licence required.

Every form that creates or edits an image goes through it: the upload page, the multiple upload (an image
lacking them waits as an upload until they are given) and the chooser's upload tab. The checks of the file
itself (type, weight, pixels) are Wagtail's, with its French messages, set by WAGTAILIMAGES_* in settings.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class PictureForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            field = self.fields["description"]
            field.required = True
            field.label = _("Texte alternatif")
            field.help_text = _(
                "Ce que l'image montre, pour les personnes qui ne la voient pas (lu par les lecteurs "
                "d'écran, affiché si l'image ne se charge pas). Une ou deux phrases ; pas « image de »."
            )
            field.error_messages["required"] = _(
                "Décrivez l'image pour les personnes qui ne la voient pas : le texte alternatif est obligatoire."
            )
        for name, message in (
            ("credit", _("Indiquez l'auteur ou le détenteur des droits de l'image.")),
            ("licence", _("Indiquez la licence ou l'autorisation sous laquelle l'image est publiée.")),
        ):
            if name in self.fields:
                self.fields[name].error_messages["required"] = message
