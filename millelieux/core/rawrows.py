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
    names, converted = [], []
    for attname, column, converters in _conversions(connection.vendor, model):
        if attname in values:
            value = values[attname]
            for converter in converters:
                value = converter(value, column, connection)
            names.append(attname)
            converted.append(value)
    if not names:
        raise ValueError(f"No column of {model.__name__} under {prefix!r}.")
    return model.from_db(connection.alias, names, converted)


@functools.lru_cache(maxsize=256)
def _conversions(vendor, model):
    """[(attname, column, converters)] of the model's concrete fields, in their order: what the ORM's compiler
    applies to a value read from the database (SQLCompiler.get_converters), the backend's converters (SQLite's
    dates and booleans, aware datetimes) then the field's own (JSON, StreamField)."""
    conversions = []
    for field in model._meta.concrete_fields:
        column = field.get_col(field.model._meta.db_table)
        converters = tuple(connection.ops.get_db_converters(column)) + tuple(
            field.get_db_converters(connection)
        )
        conversions.append((field.attname, column, converters))
    return conversions


def dict_rows(sql, params):
    """The rows of `sql` as dicts of column name to value."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]


def specific_with_related(model, pk, related=()):
    """The page of type `model` with id `pk` (None if there is none), with the rows of `related` (paths of
    foreign keys, as select_related names them: "commune__department") cached on it, in one query written out
    in SQL. What `model.objects.select_related(*related).get(pk=pk)` reads, without building that query."""
    sql, hops = _specific_sql(connection.vendor, model, tuple(related))
    rows = dict_rows(sql, [pk])
    if not rows:
        return None
    row = rows[0]
    found = {"m": instance(model, row, "m")}
    for prefix, owner, field in hops:
        if owner not in found:
            continue  # an empty link earlier on the path
        target = field.related_model
        if row[f"{prefix}__{target._meta.pk.attname}"] is None:
            field.set_cached_value(found[owner], None)
            continue
        found[prefix] = instance(target, row, prefix)
        field.set_cached_value(found[owner], found[prefix])
    return found["m"]


@functools.lru_cache(maxsize=128)
def _specific_sql(vendor, model, related):
    """(SQL, [(prefix, owner prefix, foreign key)]) for specific_with_related: the page type's table joined to
    its ancestors' tables (Page's), then one LEFT JOIN per foreign key of `related`."""
    chain = [model, *model._meta.get_parent_list()]
    aliases = {m: f"m{i}" for i, m in enumerate(chain)}
    joins = [f"{table(model)} m0"]
    for child in chain[:-1]:
        for parent, link in child._meta.parents.items():
            if parent in aliases:
                parent_pk = q(parent._meta.pk.column)
                joins.append(
                    f"JOIN {table(parent)} {aliases[parent]} "
                    f"ON {aliases[parent]}.{parent_pk} = {aliases[child]}.{q(link.column)}"
                )
    selected = [
        f"{aliases[field.model]}.{q(field.column)} AS {q('m__' + field.attname)}"
        for field in model._meta.concrete_fields
    ]
    hops, seen = [], {(): ("m", model)}
    for path in related:
        names = path.split("__")
        for depth in range(1, len(names) + 1):
            key = tuple(names[:depth])
            if key in seen:
                continue
            owner_prefix, owner_model = seen[key[:-1]]
            field = owner_model._meta.get_field(key[-1])
            target = field.related_model
            if target._meta.parents:
                raise ValueError(f"{path}: a related model with parent tables is not read here.")
            prefix = f"r{len(hops)}"
            owner_column = (
                f"{owner_prefix if owner_prefix != 'm' else aliases[field.model]}.{q(field.column)}"
            )
            joins.append(
                f"LEFT JOIN {table(target)} {prefix} "
                f"ON {prefix}.{q(field.target_field.column)} = {owner_column}"
            )
            selected += [
                f"{prefix}.{q(f.column)} AS {q(prefix + '__' + f.attname)}"
                for f in target._meta.concrete_fields
            ]
            hops.append((prefix, owner_prefix, field))
            seen[key] = (prefix, target)
    page_pk = f"{aliases[chain[-1]]}.{q(chain[-1]._meta.pk.column)}"
    return f"SELECT {', '.join(selected)} FROM {' '.join(joins)} WHERE {page_pk} = %s", hops
