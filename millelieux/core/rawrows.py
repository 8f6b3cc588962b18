"""Model instances from rows read with written-out SQL.

A few reading queries run on every render of a page and are complex (window functions, several page types
joined): there, building and compiling the query with the ORM costs ten times running it (3–4 ms against
0.3 ms for the monograph's evidence, measured with `millelieux benchmark_pages`). Those queries are written in
SQL that SQLite and PostgreSQL both run; the rows become ordinary model instances here, their other fields
deferred (read from the database if ever asked for), so templates use them as any other.
"""

import functools

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page

# What a link to a page needs (its title, its address in its language, its type).
PAGE_LINK_FIELDS = (
    "id",
    "title",
    "slug",
    "url_path",
    "path",
    "depth",
    "locale_id",
    "content_type_id",
    "live",
)


def q(name):
    """A table or column name quoted for the database."""
    return connection.ops.quote_name(name)


def table(model):
    return q(model._meta.db_table)


def columns(alias, names, prefix):
    """`alias.name AS prefix__name, …`: the columns read for one model of a row."""
    return _columns(connection.vendor, alias, tuple(names), prefix)


@functools.lru_cache(maxsize=256)
def _columns(vendor, alias, names, prefix):
    # the same few lists are written on every page: quoted once per database vendor
    return ", ".join(f"{alias}.{q(name)} AS {q(f'{prefix}__{name}')}" for name in names)


def page_columns(alias, prefix):
    """Every column of the page row `alias` (what Wagtail's `.specific(defer=True)` loads of a page)."""
    return columns(alias, _page_column_names(), prefix)


@functools.cache
def _page_column_names():
    return tuple(field.column for field in Page._meta.concrete_fields)


def specific_page(row, prefix):
    """The page read with page_columns under `prefix`, as an instance of its own type with the fields of that
    type deferred."""
    model = ContentType.objects.get_for_id(row[f"{prefix}__content_type_id"]).model_class() or Page
    return instance(model, row, prefix)


def instance(model, row, prefix):
    """The instance of `model` read in `row` (a dict of the cursor's columns) under `prefix__<attname>`, each
    value converted by its field as the ORM would (SQLite returns booleans as integers, dates as text). A page
    type's link to its page row (`page_ptr_id`) is the page's id: reading `id` is enough."""
    start = f"{prefix}__"
    values = {name[len(start) :]: value for name, value in row.items() if name.startswith(start)}
    parent_link = model._meta.pk
    if parent_link.attname not in values and "id" in values and parent_link.remote_field is not None:
        values[parent_link.attname] = values["id"]
    fields = [field for field in model._meta.concrete_fields if field.attname in values]
    if not fields:
        raise ValueError(f"No column of {model.__name__} under {prefix!r}.")
    return model.from_db(
        connection.alias,
        [field.attname for field in fields],
        [
            None if values[field.attname] is None else field.to_python(values[field.attname])
            for field in fields
        ],
    )


def dict_rows(sql, params):
    """The rows of `sql` as dicts of column name to value."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
