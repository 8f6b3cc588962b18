"""Building pages from plain data: the one way factories (tests) and the demo loader (data files) make content.

Each app has a `builders.py` that turns keyword data into an unsaved page (or a saved snippet) of its own
models; this module holds what they share: narrative blocks, short rich texts, and adding a page to the tree.

    from millelieux.core.builders import add_page, narrative, rich_text

    body = narrative([{"heading": "Une friche"}, {"paragraph": "Une <b>ancienne</b> faculté."}])
    page = add_page(index, PlacePage(title="La Quincaillerie", body=body, ...))   # published
"""

import html
import re

from django.core.exceptions import ValidationError
from wagtail.rich_text import RichText

# Inline markup a data file may use in a paragraph: bold, italic, and links to http(s) addresses.
_INLINE_TAGS = re.compile(r"&lt;(/?)(b|i|em|strong)&gt;")
_LINK_OPEN = re.compile(r'&lt;a href="(https?://[^"\s<>]+)"&gt;')
_LINK_CLOSE = re.compile(r"&lt;/a&gt;")

BLOCK_KINDS = ("heading", "paragraph", "quote")


def inline_html(text):
    """`text` escaped for HTML, except <b>, <i>, <em>, <strong> and <a href="https://…">…</a>."""
    safe = html.escape(text, quote=False)
    safe = _INLINE_TAGS.sub(r"<\1\2>", safe)
    safe = _LINK_OPEN.sub(r'<a href="\1">', safe)
    return _LINK_CLOSE.sub("</a>", safe)


def rich_text(text):
    """A RichTextField value: one paragraph per blank-line-separated part of `text` ("" stays "")."""
    parts = [part.strip() for part in re.split(r"\n\s*\n", text or "") if part.strip()]
    return "".join(f"<p>{inline_html(' '.join(part.split()))}</p>" for part in parts)


def narrative(blocks):
    """StreamField data for a NarrativeBlock from a list of blocks.

    A block is either already StreamField data, `("heading", "…")`, `("paragraph", RichText(…))`, or a dict
    as written in the demo's data files, with exactly one kind:
    `{"heading": "…"}`, `{"paragraph": "text with <b>, <i>, <a href>"}`, `{"quote": "…", "attribution": "…"}`.
    """
    data = []
    for block in blocks or ():
        if not isinstance(block, dict):
            data.append(tuple(block))
            continue
        kinds = [kind for kind in BLOCK_KINDS if kind in block]
        if len(kinds) != 1:
            raise ValueError(f"un bloc a exactement une nature parmi {', '.join(BLOCK_KINDS)} : {block!r}")
        kind = kinds[0]
        if kind == "heading":
            data.append(("heading", block["heading"]))
        elif kind == "paragraph":
            data.append(("paragraph", RichText(rich_text(block["paragraph"]))))
        else:
            data.append(("quote", {"text": block["quote"], "attribution": block.get("attribution", "")}))
    return data


def add_page(parent, page, live=True):
    """Add `page` under `parent` and return it fresh from the database.

    live=True publishes a first revision; live=False leaves a never-published draft with one revision, as when
    an editor clicks "save draft" on a new page. An empty slug is derived from the title and made unique among
    the siblings by Wagtail ("titre", "titre-2"…). The page is validated (full_clean) before it is written.

        page = add_page(index, PlacePage(title="La Quincaillerie", ...))
    """
    from wagtail.models import Page

    page.live = live
    page.has_unpublished_changes = not live
    # A fresh parent: treebeard computes the new path from the parent's child count, which may be stale.
    Page.objects.get(pk=parent.pk).add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return type(page).objects.get(pk=page.pk)


def checked_rows(model, name, rows, parental_key="place"):
    """Model instances from dicts, each validated alone; errors are keyed "name[n].field"."""
    instances, errors = [], {}
    for n, row in enumerate(rows):
        instance = row if isinstance(row, model) else model(**row)
        instance.sort_order = n
        try:
            instance.full_clean(exclude=[parental_key])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                errors[f"{name}[{n}].{field}"] = messages
        instances.append(instance)
    if errors:
        raise ValidationError(errors)
    return instances


def create_translation(page, language, **values):
    """A published translation of `page` into `language` with `values` (the translated fields), through
    Wagtail's localisation: the page is copied into the language's tree (its parents as aliases), then its
    fields are replaced and the copy is published. Narrative fields take blocks as `narrative()` does."""
    from wagtail.fields import StreamField
    from wagtail.models import Locale

    translated = page.copy_for_translation(Locale.objects.get(language_code=language), copy_parents=True)
    for name, value in values.items():
        if isinstance(translated._meta.get_field(name), StreamField):
            value = narrative(value)
        setattr(translated, name, value)
    translated.full_clean()
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)
