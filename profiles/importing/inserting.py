"""Inserting and updating many rows at once: PostgreSQL's COPY and UPDATE ... FROM
unnest(), else bulk_create and bulk_update.

Most of an import is rows of a few plain tables (aliases, events, references, citations,
ties, evidence, mentions). bulk_create prepares every value of every row through its
field and then quotes it into one long statement, which cost most of a batch's time; COPY
streams the values with psycopg's own adapters. The ids are drawn from the table's
sequence first, so that the rows know them as they would after bulk_create (citations
point at events and references by id, and the history copies rows by id).
"""

import operator

import psycopg
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
    pk_attname = meta.pk.attname
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
        # The sequence named once: pg_get_serial_sequence() in the select list was
        # evaluated for every row, ten times the cost of nextval() itself.
        cursor.execute(
            "SELECT nextval(%s::regclass) FROM generate_series(1, %s)",
            [_sequence(meta.db_table, meta.pk.column), len(rows)],
        )
        ids = [row_id for (row_id,) in cursor.fetchall()]
        read_values = operator.itemgetter(*attnames) if len(attnames) > 1 else None
        with cursor.cursor.copy(f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN") as copy:
            for row, row_id in zip(rows, ids, strict=True):
                # Values read and written in the instance's __dict__, where the fields'
                # descriptors keep them: through the descriptors cost more than COPY.
                state = row.__dict__
                # A foreign key given as an object saved since (a group, an event): its id.
                cached = state["_state"].fields_cache
                for attname, name in relations:
                    related = cached.get(name)
                    if related is not None:
                        state[attname] = related.pk
                state[pk_attname] = row_id
                for field in stamped:
                    field.pre_save(row, add=True)
                values = list(read_values(state)) if read_values else [state[attnames[0]]]
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


_sequences = {}


def _sequence(table, column):
    """The name of the sequence that numbers `table`.`column` (looked up once per run)."""
    if (table, column) not in _sequences:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            _sequences[table, column] = cursor.fetchone()[0]
    return _sequences[table, column]


def update_rows(model, rows, fields):
    """Write `fields` of saved `rows`: on PostgreSQL one UPDATE joined to the new values
    as arrays (one parameter per column), else bulk_update. bulk_update's CASE WHEN
    expression, resolved in Python for every row and field, cost more than the update."""
    if not rows:
        return
    if connection.vendor != "postgresql":
        model.objects.bulk_update(rows, fields, batch_size=1000)
        return
    meta = model._meta
    quote = connection.ops.quote_name
    targets = [meta.get_field(name) for name in fields]
    arrays = [[row.pk for row in rows]]
    for field in targets:
        if field.is_relation:
            # A related object assigned and saved since: its id, as bulk_update takes it.
            values = [_related_id(row, field) for row in rows]
        else:
            values = [
                field.get_db_prep_save(getattr(row, field.attname), connection) for row in rows
            ]
        arrays.append(values)
    types = [meta.pk.rel_db_type(connection)] + [
        field.rel_db_type(connection) if field.is_relation else field.db_type(connection)
        for field in targets
    ]
    names = ["id"] + [f"v{index}" for index in range(len(targets))]
    unnest = ", ".join(f"%b::{_array_type(db_type)}" for db_type in types)
    assignments = ", ".join(
        f"{quote(field.column)} = v.{name}" for field, name in zip(targets, names[1:], strict=True)
    )
    with connection.wrap_database_errors, connection.cursor() as cursor:
        # Sent apart from the statement, in binary (%b): Django's cursor quotes parameters
        # into the statement, and quoting an array of texts (a row snapshot is JSON)
        # escapes it character by character in Python, which cost more than the update.
        binding = psycopg.Cursor(cursor.cursor.connection)
        try:
            binding.execute(
                f"UPDATE {quote(meta.db_table)} SET {assignments} "
                f"FROM unnest({unnest}) AS v({', '.join(names)}) "
                f"WHERE {quote(meta.db_table)}.{quote(meta.pk.column)} = v.id",
                arrays,
            )
        finally:
            binding.close()


def _related_id(row, field):
    related = field.get_cached_value(row, default=None)
    value = related.pk if related is not None else getattr(row, field.attname)
    setattr(row, field.attname, value)
    return value


def _array_type(db_type):
    """The array type of a column type: varchar(300)[] is written varchar[] (no length)."""
    return db_type.split("(")[0] + "[]"


def fetch_binary(sql, params):
    """The rows of a query on PostgreSQL whose parameters (%b) are sent apart from it, in
    binary: a large array costs no quoting in Python."""
    with connection.wrap_database_errors, connection.cursor() as cursor:
        binding = psycopg.Cursor(cursor.cursor.connection)
        try:
            binding.execute(sql, params)
            return binding.fetchall()
        finally:
            binding.close()
