"""StreamField blocks for the narrative parts of monographs, impacts, articles and explorations."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Auteur ou source"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "core/blocks/quote_block.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Ce que l'image montre, pour les personnes qui ne la voient pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "core/blocks/figure_block.html"


class NarrativeBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Intertitre"),
        form_classname="title",
        icon="title",
        max_length=200,
        template="core/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"), features=["bold", "italic", "link", "ol", "ul", "document-link"]
    )
    quote = QuoteBlock()
    figure = FigureBlock()

    class Meta:
        label = _("Récit")
