"""Inserting many new rows at once: PostgreSQL's COPY, else bulk_create.

Most of an import is rows of a few plain tables (aliases, events, references, citations,
ties, evidence, mentions). bulk_create prepares every value of every row through its
field and then quotes it into one long statement, which cost most of a batch's time; COPY
streams the values with psycopg's own adapters. The ids are drawn from the table's
sequence first, so that the rows know them as they would after bulk_create (citations
point at events and references by id, and the history copies rows by id).
"""

from django.db import connection
from django.db.models import Expression

PLAIN_TYPES = {
    "CharField", "TextField", "SlugField", "IntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "BigIntegerField", "BooleanField",
    "DateField", "DateTimeField",
}  # fmt: skip


def insert_rows(model, rows):
    """Insert unsaved `rows` of `model` and give each its id."""
    if not rows:
        return rows
    if connection.vendor != "postgresql" or not _copyable(model, rows[0]):
        return model.objects.bulk_create(rows, batch_size=1000)
    meta = model._meta
    quote = connection.ops.quote_name
    fields = [f for f in meta.local_concrete_fields if not f.primary_key]
    relations = [(f.attname, f.name) for f in fields if f.is_relation]
    columns = ", ".join(quote(f.column) for f in [meta.pk, *fields])
    attnames = [f.attname for f in fields]
    # Timestamps set on saving (auto_now), as bulk_create sets them.
    stamped = [
        f for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    # Values psycopg takes as they are; others (JSON) go through their field first.
    prepared = [
        (index, f)
        for index, f in enumerate(fields)
        if f.get_internal_type() not in PLAIN_TYPES and not f.is_relation
    ]
    # Inside the caller's transaction; psycopg's errors become Django's, as an INSERT's would.
    with connection.wrap_database_errors, connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [meta.db_table, meta.pk.column, len(rows)],
        )
        ids = [row_id for (row_id,) in cursor.fetchall()]
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row, row_id in zip(rows, ids, strict=True):
                # A foreign key given as an object saved since (a group, an event): its id.
                for attname, name in relations:
                    related = row._state.fields_cache.get(name)
                    if related is not None:
                        setattr(row, attname, related.pk)
                row.pk = row_id
                for field in stamped:
                    field.pre_save(row, add=True)
                values = [getattr(row, attname) for attname in attnames]
                for index, field in prepared:
                    values[index] = field.get_db_prep_save(values[index], connection)
                copy.write_row([row_id, *values])
    for row in rows:
        row._state.adding, row._state.db = False, "default"
    return rows


def _copyable(model, row):
    """Whether every value is a plain one COPY can take (not a database default or an
    expression, which only an INSERT can evaluate)."""
    return not any(
        isinstance(getattr(row, f.attname), Expression) for f in model._meta.local_concrete_fields
    )
