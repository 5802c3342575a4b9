"""Writing a batch of parsed files, each file atomically."""

from django.db import DatabaseError, transaction
from django.utils import timezone

from profiles.importing.doubts import write_doubts
from profiles.importing.evidence import write_evidence
from profiles.importing.files import FileOutcome, ParsedFile, _documents, _parse_all, _read
from profiles.importing.groups import _countries_by_group, _groups_for, _write_countries
from profiles.importing.inserting import update_rows
from profiles.importing.linking import _write_name_keys
from profiles.importing.rows import _rows_of, _write_rows
from profiles.models import (
    Group,
    NameKey,
    SourceDocument,
)
from profiles.parsing.types import ParseError
from profiles.reimport import (
    save_held_changes,
)


def _start_batch(paths, seen, record):
    """Read a batch and start parsing the files that changed: (files, pending results)."""
    existing = _documents([p.name for p in paths])
    to_parse = []
    for path in paths:
        read = _read(path, seen, record)
        if read is None:
            continue
        data, digest = read
        previous = existing.get(path.name)
        if previous and previous.sha256 == digest:
            record(FileOutcome(str(path), "unchanged"))
            continue
        to_parse.append((path, data, digest, previous))
    return to_parse, _parse_all([data for _, data, _, _ in to_parse])


def _import_batch(started, history):
    """Write a batch started by _start_batch: (the files' outcomes, the ids of the groups
    it wrote, the name keys whose owners or rows it changed). Runs inside a transaction."""
    to_parse, pending = started
    parsed, outcomes = [], []
    for (path, _data, digest, previous), result in zip(to_parse, pending.get(), strict=True):
        if isinstance(result, ParseError):
            outcomes.append(
                FileOutcome(str(path), "error", message=result.message, line=result.line)
            )
            continue
        text, encoding, profile, values, sections = result
        parsed.append(
            ParsedFile(path, path.name, digest, text, encoding, profile, previous, values, sections)
        )
    changed_groups, changed_keys = set(), set()
    if not parsed:
        return outcomes, changed_groups, changed_keys
    try:
        with transaction.atomic():
            outcomes += _write(parsed, changed_groups, changed_keys, history)
    except DatabaseError:
        # Find the file the database refused; write the others one by one, each from
        # its document as stored (the failed attempt changed the objects in memory).
        stored = _documents([item.filename for item in parsed if item.existing])
        for item in parsed:
            item.existing = stored.get(item.filename)
            try:
                with transaction.atomic():
                    outcomes += _write([item], changed_groups, changed_keys, history)
            except DatabaseError as error:
                message = (
                    str(error).strip().splitlines()[0] if str(error).strip() else "database error"
                )
                outcomes.append(
                    FileOutcome(str(item.path), "error", message=f"not imported: {message}", line=1)
                )
    return outcomes, changed_groups, changed_keys


def _write(items, changed_groups, changed_keys, history):
    """Write parsed files; return their outcomes, add the groups written to
    `changed_groups` and the name keys to link again to `changed_keys`. Runs inside a
    transaction."""
    now = timezone.now()
    old_groups = {item.existing.group_id for item in items if item.existing}
    # What each re-imported file gave last time, before its row is updated below.
    imported_rows = {item.filename: item.existing.imported_rows for item in items if item.existing}
    groups, held_by_item, valid = _groups_for(items, now, history)
    countries_named = _countries_by_group({g.pk for g in groups})  # before the files change

    docs, rows, held = [], [], []
    for item, group, group_held in zip(items, groups, held_by_item, strict=True):
        doc = item.existing or SourceDocument(filename=item.filename)
        doc.sha256, doc.format, doc.encoding = item.sha256, item.profile.format, item.encoding
        doc.raw_text, doc.group, doc.imported_at = item.text, group, now
        doc.countries = item.profile.countries
        file_rows = _rows_of(item, group, doc)
        doc.imported_values = item.values
        doc._change_reason = f"import of {item.filename}"
        docs.append(doc)
        rows.append(file_rows)
        for change in group_held:
            change.document = doc
        held += group_held
    old_docs = [doc for doc in docs if doc.pk is not None]
    history.create(SourceDocument, [doc for doc in docs if doc.pk is None])
    history.update(
        SourceDocument,
        old_docs,
        ["sha256", "format", "encoding", "raw_text", "group", "imported_at", "countries"]
        + ["imported_values"],
    )

    _write_countries(groups, countries_named, history)
    row_held, row_valid, snapshots, rows_changed = _write_rows(
        items, groups, docs, rows, imported_rows, history
    )
    # A profile that gained or lost rows has changed, even if none of its values did (a
    # row's new place in the file alone is not a change readers see).
    Group.objects.filter(pk__in=rows_changed).exclude(updated_at=now).update(updated_at=now)
    # What each file gave, row by row, with the ids of the rows standing for it now.
    for doc, file_snapshot in zip(docs, snapshots, strict=True):
        doc.imported_rows = file_snapshot
    update_rows(SourceDocument, docs, ["imported_rows"])
    changed_keys |= _write_name_keys(groups, items)
    # The names the files' rows give are linked with the batch (profiles.importing.linking).
    for file_rows in rows:
        changed_keys.update(row.target_key for row in file_rows["relationship"])
        changed_keys.update(row.subject_key for row in file_rows["alias"] if row.subject_key)
    changed_keys |= write_evidence(items, groups, docs)
    write_doubts(items, groups, docs)
    # A changed file may now describe another group: drop a group no file describes; one
    # that other files still describe has changed too.
    left = old_groups - {g.pk for g in groups}
    orphans = list(Group.objects.filter(pk__in=left, sources__isnull=True))
    changed_keys.update(NameKey.objects.filter(group__in=orphans).values_list("key", flat=True))
    history.delete(orphans)
    survivors = set(Group.objects.filter(pk__in=left).values_list("pk", flat=True))
    Group.objects.filter(pk__in=survivors).update(updated_at=now)
    held += row_held
    save_held_changes(docs, held, valid | row_valid)
    changed_groups.update({group.pk for group in groups} | survivors)

    held_by_file = {}
    for change in held:
        held_by_file.setdefault(change.document.filename, []).append(change)
    outcomes = []
    for item, group in zip(items, groups, strict=True):
        counts = {
            "events": len(item.profile.events),
            "references": len(item.profile.references),
            "relations": len(item.profile.relations),
            "aliases": len(item.profile.aliases),
        }
        held_here = held_by_file.get(item.filename, [])
        if held_here:
            counts["held"] = len(held_here)
        outcomes.append(
            FileOutcome(
                str(item.path),
                "updated" if item.existing else "created",
                group=group.name,
                slug=group.slug,
                counts=counts,
                held=[
                    f"{c.label}: the curator's “{c.curator_value}” stays; "
                    f"the file now says “{c.file_value}”"
                    for c in held_here
                ],
            )
        )
    return outcomes
