"""The importer's history rows: who imported a row, and from which file."""

from django.db import connection
from django.db.models.deletion import Collector
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from profiles.importing.building import new_row
from profiles.importing.inserting import insert_rows, update_rows
from profiles.models import (
    Alias,
    Citation,
    Event,
    Reference,
    Relationship,
    SourceDocument,
)


class History:
    """Writes rows with their history records: who imported them, and from which file."""

    # Rows with a source file are most of an import; their history rows are copied by the
    # database (INSERT ... SELECT, the file's name as the reason) rather than built one
    # by one in Python, which took most of an import's time. Others go through
    # simple-history's own bulk functions.
    COPIED = {Alias, Event, Reference, Citation, Relationship}

    def __init__(self, user):
        self.user = user
        self.reason = "import" + ("" if user else " from the command line")

    def create(self, model, rows):
        if model in self.COPIED:
            insert_rows(model, rows)
            self._copy(model, [row.pk for row in rows], "+")
            return rows
        if connection.vendor == "postgresql":
            # The same rows as bulk_create_with_history writes, through COPY.
            insert_rows(model, rows)
            insert_rows(model.history.model, self._records(model, rows, "+"))
            return rows
        return bulk_create_with_history(
            rows, model, default_user=self.user, default_change_reason=self.reason
        )

    def _records(self, model, rows, history_type):
        """Unsaved history records of these rows, as simple-history's bulk functions make
        them: the row's reason (`_change_reason`), else the importer's."""
        historical = model.history.model
        now = timezone.now()
        fields = [field.attname for field in historical.tracked_fields]
        return [
            new_row(
                historical,
                history_date=now,
                history_user_id=self.user.pk if self.user else None,
                history_change_reason=getattr(row, "_change_reason", None) or self.reason,
                history_type=history_type,
                **{name: getattr(row, name) for name in fields},
            )
            for row in rows
        ]

    def update(self, model, rows, fields, reason=None):
        """Update rows; the history gives `reason`, else the file each row came from (or,
        for a model without files, each row's `_change_reason`)."""
        if not rows:
            return
        # With the reason known, the history rows are copied by the database too: the
        # rows need only the fields updated, not the whole row the history records.
        if model in self.COPIED or reason is not None:
            update_rows(model, rows, fields)
            self._copy(model, [row.pk for row in rows], "~", reason)
            return
        if connection.vendor == "postgresql":
            # The same rows as bulk_update_with_history writes, in two statements.
            update_rows(model, rows, fields)
            insert_rows(model.history.model, self._records(model, rows, "~"))
            return
        bulk_update_with_history(
            rows, model, fields, default_user=self.user, default_change_reason=self.reason
        )

    def delete(self, rows):
        """Delete these rows (and what cascades from them), each deletion in the history."""
        if not rows:
            return
        model = type(rows[0])
        if model in self.COPIED:
            # The importer deletes citations before what they cite and unlinks what a
            # curator kept, so nothing cascades: one statement each way.
            ids = [row.pk for row in rows]
            self._copy(model, ids, "-")
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute(
                        f"DELETE FROM {table} WHERE id = ANY(%s::bigint[])", [_array(ids)]
                    )
                    return
                for start in range(0, len(ids), 900):
                    chunk = ids[start : start + 900]
                    placeholders = ", ".join(["%s"] * len(chunk))
                    cursor.execute(f"DELETE FROM {table} WHERE id IN ({placeholders})", chunk)
            return
        for row in rows:
            row._history_user = self.user
            row._change_reason = getattr(row, "_change_reason", self.reason)
        # The collector sends each row's post_delete with these very instances, which
        # carry the author; a queryset delete would read the rows again without it.
        collector = Collector(using="default", origin=rows[0])
        collector.collect(rows)
        collector.delete()

    def _copy(self, model, ids, history_type, reason=None):
        """Write the history rows of these rows as they are now: the same columns
        simple-history's bulk_history_create writes."""
        historical = model.history.model
        quote = connection.ops.quote_name
        columns = [f.column for f in historical.tracked_fields]
        documents = quote(SourceDocument._meta.db_table)
        # The reason given, else the row's file.
        reason_sql, documents_sql = "%s", ""
        if not reason:
            reason_sql = "COALESCE('import of ' || d.filename, %s)"
            documents_sql = f"LEFT JOIN {documents} d ON d.id = r.document_id "
        insert = (
            f"INSERT INTO {quote(historical._meta.db_table)} "
            f"({', '.join(quote(c) for c in columns)}, history_date, history_change_reason, "
            "history_type, history_user_id) "
            f"SELECT {', '.join('r.' + quote(c) for c in columns)}, %s, {reason_sql}, %s, %s "
            f"FROM {quote(model._meta.db_table)} r {documents_sql}WHERE r.id IN "
        )
        # As the ORM stores it (on SQLite, naive UTC text that compares with its own).
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        user_id = self.user.pk if self.user else None
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # One statement, the ids as one array literal: quoting thousands of
                # parameters one by one cost more than the insert.
                cursor.execute(
                    insert.removesuffix(" IN ") + " = ANY(%s::bigint[])",
                    [now, reason or self.reason, history_type, user_id, _array(ids)],
                )
                return
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                cursor.execute(
                    insert + f"({', '.join(['%s'] * len(chunk))})",
                    [now, reason or self.reason, history_type, user_id, *chunk],
                )


def _array(ids):
    """A PostgreSQL array literal of integer ids."""
    return "{" + ",".join(str(int(pk)) for pk in ids) + "}"
