"""Re-importing a file without losing a curator's edit.

Each import remembers what it wrote: per file, the group's values as the file gave them
(`SourceDocument.imported_values`; `Group.imported_values` holds what any import last
wrote) and each row the file gave, as its signature with the id of the archive's row
standing for it (`SourceDocument.imported_rows`, one `Entry` a row). When a new version
of a file arrives, every value and row is compared three ways: what the file's last
import wrote, what the archive holds now, and what the file says.

- The archive still holds what the last import wrote: the file's value replaces it.
- A curator changed it, and the file says what it said last time: the curator's stays.
- A curator changed it, and the file changed it too: the curator's stays, and the file's
  is kept as a `HeldChange` that a curator accepts or rejects.

Rows are found by their signature wherever the file moved them, and a changed row is
paired with the most similar row the file no longer gives. Rows that a curator added by
hand belong to no file's snapshot and are never touched by an import.
"""

import datetime
import hashlib
import json
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from simple_history.utils import bulk_update_with_history

from profiles.models import (
    SECTION_FIELDS,
    Alias,
    Citation,
    Event,
    Group,
    HeldChange,
    NameKey,
    Reference,
    Relationship,
    SourceDocument,
)

# The values a file sets, each a set of fields that change together.
VALUE_FIELDS = {
    "name": ["name"],
    "kind": ["kind"],
    "status": ["status"],
    "formation_date": [
        "formation_date", "formation_earliest", "formation_latest", "formation_precision",
    ],
    "termination_date": [
        "termination_date", "termination_earliest", "termination_latest",
        "termination_precision",
    ],
    "active_period": ["active_start", "active_end"],
    "size": ["size", "size_text", "size_date"],
    **{key: [key] for key, _ in SECTION_FIELDS},
}  # fmt: skip
VALUE_LABELS = {
    "name": "Name",
    "kind": "Kind",
    "status": "Status",
    "formation_date": "Formation date",
    "termination_date": "Termination date",
    "active_period": "Active period",
    "size": "Size",
    **{key: f"Section: {label}" for key, label in SECTION_FIELDS},
}
# A group no import has written to yet holds these.
_BLANK_GROUP = Group()


def _as_json(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _from_json(model, attname, value):
    """A value as `_as_json` wrote it, back in the type of `model`'s field."""
    if value is not None and isinstance(model._meta.get_field(attname), models.DateField):
        return datetime.date.fromisoformat(value)
    return value


def value_of(group, name):
    """One of the group's values as JSON: a list, one item per field."""
    return [_as_json(getattr(group, f)) for f in VALUE_FIELDS[name]]


def set_value(group, name, value):
    for field_name, item in zip(VALUE_FIELDS[name], value, strict=True):
        setattr(group, field_name, _from_json(Group, field_name, item))


def show_value(name, value):
    """A value as a curator reads it in the admin."""
    fields = dict(zip(VALUE_FIELDS[name], value, strict=True))
    if name in ("formation_date", "termination_date"):
        return fields[f"{name.split('_')[0]}_date"] or "(none)"
    if name == "active_period":
        return f"{fields['active_start'] or '?'} – {fields['active_end'] or 'open'}"
    if name == "size":
        return fields["size_text"] or (str(fields["size"]) if fields["size"] else "(none)")
    return str(value[0]) if value[0] not in (None, "") else "(none)"


def merge_values(group, new_values, file_values):
    """Write a file's values into `group` where the archive still holds what imports
    wrote; return the HeldChange (unsaved) for each value the file and a curator both
    changed, and the identities of the held changes that remain valid (see `identity`).

    What the file gave at its last import (`file_values`) is the base: a file that has
    not changed a value never overrides the archive's. A file seen for the first time is
    compared with what imports last wrote to the group.
    """
    imported = dict(group.imported_values or {})
    trusted = group.pk is None or (file_values is None and group.imported_values is None)
    held, valid, applied = [], set(), {}
    for name, value in new_values.items():
        current = value_of(group, name)
        if file_values is not None and name in file_values:
            base = file_values[name]
        else:
            base = imported.get(name, value_of(_BLANK_GROUP, name))
        # What imports last wrote is still there (this file's or another's): not a curator's.
        if trusted or current in (base, imported.get(name)) or current == value:
            if current != value:
                applied[name] = current
            set_value(group, name, value)
            imported[name] = value
            continue
        valid.add(_value_identity(name, value))
        if value != base:
            held.append(_held_value(group, name, base, current, value))
    # A file's date cannot contradict a date a curator set (formation after termination):
    # its dates wait for a decision instead.
    if not _dates_consistent(group):
        for name in DATE_VALUES & applied.keys():
            value = value_of(group, name)
            set_value(group, name, applied[name])
            imported[name] = (group.imported_values or {}).get(name, applied[name])
            valid.add(_value_identity(name, value))
            held.append(_held_value(group, name, imported[name], applied[name], value))
    group.imported_values = imported
    return held, valid


DATE_VALUES = {"formation_date", "termination_date", "active_period"}


def _dates_consistent(group):
    pairs = [
        (group.formation_earliest, group.termination_latest),
        (group.active_start, group.active_end),
    ]
    return all(first is None or last is None or first <= last for first, last in pairs)


def _held_value(group, name, base, current, value):
    return HeldChange(
        group=group,
        target=HeldChange.Target.FIELD,
        key=name,
        label=VALUE_LABELS[name],
        was_imported=show_value(name, base),
        curator_value=show_value(name, current),
        file_value=show_value(name, value),
        proposed=value,
    )


def _value_identity(name, value):
    return ("field", name, json.dumps(value))


def identity(change):
    """What a held change proposes: a later import proposing the same keeps it waiting."""
    if change.target == HeldChange.Target.FIELD:
        return _value_identity(change.key, change.proposed)
    return (change.target, change.key)


# Rows: what identifies an imported row's content, model by model.
def _alias_signature(alias):
    return (alias.kind, alias.name, alias.subject_name)


def _event_signature(event):
    return (event.date, event.date_text, event.kind, event.section, event.text)


def _reference_signature(reference):
    marker = "" if reference.marker is None else str(reference.marker)
    return (marker, reference.label, reference.url)


def _relationship_signature(tie):
    return (tie.relation, tie.target_name, tie.sentence)


def _citation_signature(citation):
    marker = citation.reference.marker if citation.reference_id or citation.reference else None
    event = citation.event
    return (
        "" if marker is None else str(marker),
        citation.section,
        citation.statement,
        "" if event is None else event.date,
    )


SIGNATURES = {
    "alias": (Alias, _alias_signature),
    "event": (Event, _event_signature),
    "reference": (Reference, _reference_signature),
    "citation": (Citation, _citation_signature),
    "relationship": (Relationship, _relationship_signature),
}


def describe_row(target, row):
    if target == "alias":
        return f"{row.get_kind_display()}: {row.name}"
    if target == "event":
        return f"{row.date_text or row.date}: {row.text}"
    if target == "reference":
        return f"{'' if row.marker is None else f'[{row.marker}] '}{row.label} {row.url}".strip()
    if target == "relationship":
        return f"{row.get_relation_display()} {row.target_name}"
    return f"[{row.reference.marker}] {row.section}: {row.statement}"


def describe_signature(target, signature):
    return " · ".join(str(part) for part in signature if part not in ("", None))


@dataclass
class Entry:
    """One row a file gave at its last import: its place in the file, its signature, the
    archive's row that stands for it (None: deleted by a curator) and its state: "" (the
    file's row, or a curator's edit of it), "held" (the file changed a row a curator had
    changed; its change waits) or "dropped" (the file no longer has a row a curator edited)."""

    position: int
    signature: tuple
    row_id: int | None
    state: str = ""

    @classmethod
    def load(cls, data):
        position, signature, row_id, state = data
        return cls(position, tuple(signature), row_id, state)

    def dump(self):
        return [self.position, list(self.signature), self.row_id, self.state]

    @property
    def key(self):
        """Identifies a held change about this row (`HeldChange.key`)."""
        digest = hashlib.sha1(json.dumps(self.signature).encode()).hexdigest()[:16]
        return f"{self.row_id or '-'}:{self.state}:{digest}"


@dataclass
class RowPlan:
    """What re-importing one file does to its rows of one model."""

    keep: list = field(default_factory=list)  # (the archive's row, the file's row)
    create: list = field(default_factory=list)
    delete: list = field(default_factory=list)
    # (the file's row or None to delete, the entry it changes, the curator's row or None)
    held: list = field(default_factory=list)
    # (the file's row, the curator's row or None): not written, a curator's version stands
    stand_in: list = field(default_factory=list)
    # The entries of the file's new snapshot: [position, signature, row, state], the row
    # an object whose id is known once the rows are written.
    entries: list = field(default_factory=list)


def snapshot(plan_entries):
    """The file's rows as `SourceDocument.imported_rows` keeps them, once written."""
    # Entry(...).dump() written out: a large import snapshots tens of thousands of rows.
    return [
        [position, list(signature), row.pk if row is not None else None, state]
        for position, signature, row, state in plan_entries
    ]


def fresh_entries(rows, target):
    """The entries of a file imported for the first time: every row is the file's."""
    signature = SIGNATURES[target][1]
    return [(row.position, signature(row), row, "") for row in rows]


def plan_rows(target, imported, current, new):
    """Compare a file's rows three ways: what its last import gave (`imported`, a list of
    Entry data, or None when not recorded: then its rows now count as imported), the
    file's rows in the archive (`current`), and the rows the file gives now (`new`).

    A row the file still gives is found by its signature wherever it moved in the file;
    a row the file changed is paired with the most similar row it no longer gives.
    """
    signature = SIGNATURES[target][1]
    if imported is None:
        ordered = sorted(current, key=lambda row: (row.position, row.pk))
        entries = [Entry(row.position, signature(row), row.pk) for row in ordered]
    else:
        entries = [Entry.load(data) for data in imported]
    rows = {row.pk: row for row in current}

    def state(entry):
        row = rows.get(entry.row_id)
        if row is None:
            return "deleted", None
        if signature(row) == entry.signature and entry.state != "held":
            return "untouched", row
        return "edited", row

    plan = RowPlan()
    waiting = {}
    for entry in entries:
        waiting.setdefault(entry.signature, []).append(entry)
    unmatched_new = []
    for row in new:
        sig = signature(row)
        if waiting.get(sig):
            entry = waiting[sig].pop(0)
            status, archived = state(entry)
            if status == "untouched":
                plan.keep.append((archived, row))
                plan.entries.append((row.position, sig, archived, ""))
            else:  # the curator's edit or deletion stands
                plan.stand_in.append((row, archived))
                kept_state = "held" if entry.state == "held" else ""
                plan.entries.append((row.position, sig, archived, kept_state))
        else:
            unmatched_new.append(row)
    left = {id(entry) for unmatched in waiting.values() for entry in unmatched}
    gone = [entry for entry in entries if id(entry) in left]

    for entry, row in _pair_similar(gone, unmatched_new, signature):
        status, archived = state(entry) if entry else ("new", None)
        if row is None:  # the file no longer gives this row
            if status == "untouched":
                plan.delete.append(archived)
            elif status == "edited":
                if entry.state != "dropped":
                    plan.held.append((None, entry, archived))
                plan.entries.append((entry.position, entry.signature, archived, "dropped"))
        elif status in ("new", "untouched"):  # the file's row replaces its old one
            if archived is not None:
                plan.delete.append(archived)
            plan.create.append(row)
            plan.entries.append((row.position, signature(row), row, ""))
        else:  # the file changed a row a curator had changed or deleted
            plan.held.append((row, entry, archived))
            plan.stand_in.append((row, archived))
            plan.entries.append((row.position, signature(row), archived, "held"))
    return plan


def _pair_similar(gone, added, signature, threshold=0.6):
    """Pairs (entry or None, row or None): each row the file added with the most similar
    row it no longer gives, most similar first; the rest alone."""
    candidates = []
    for i, entry in enumerate(gone):
        old_text = " ".join(str(part) for part in entry.signature)
        for j, row in enumerate(added):
            new_text = " ".join(str(part) for part in signature(row))
            ratio = SequenceMatcher(None, old_text, new_text, autojunk=False).ratio()
            if ratio >= threshold:
                candidates.append((-ratio, i, j))
    paired_old, paired_new, pairs = set(), set(), []
    for _ratio, i, j in sorted(candidates):
        if i not in paired_old and j not in paired_new:
            paired_old.add(i)
            paired_new.add(j)
            pairs.append((gone[i], added[j]))
    pairs += [(entry, None) for i, entry in enumerate(gone) if i not in paired_old]
    pairs += [(None, row) for j, row in enumerate(added) if j not in paired_new]
    return pairs


def held_row_change(target, row, entry, curator_row, group, document):
    """The HeldChange for a row the file changed (`row`) or dropped (None) where a
    curator had changed it too."""
    model = SIGNATURES[target][0]
    if row is None:
        proposed = {"delete": True}
        new_entry = Entry(entry.position, entry.signature, curator_row.pk, "dropped")
        file_value = "(the file no longer gives this row)"
    else:
        proposed = {
            f.attname: _as_json(getattr(row, f.attname))
            for f in model._meta.concrete_fields
            if not f.primary_key
        }
        new_entry = Entry(
            row.position, SIGNATURES[target][1](row), curator_row and curator_row.pk, "held"
        )
        file_value = describe_row(target, row)
    shown = file_value if row else describe_signature(target, entry.signature)
    return HeldChange(
        group=group,
        document=document,
        target=target,
        key=new_entry.key,
        label=f"{model._meta.verbose_name.capitalize()}: {Truncator(shown).chars(80)}",
        was_imported=describe_signature(target, entry.signature),
        curator_value=(
            describe_row(target, curator_row) if curator_row else "(deleted by a curator)"
        ),
        file_value=file_value,
        proposed=proposed,
        row_id=curator_row.pk if curator_row else None,
    )


def save_held_changes(documents, changes, valid):
    """Save the held changes of these re-imported files. A waiting change the files
    propose again (same identity) keeps waiting rather than being written twice; one
    they no longer propose is superseded."""
    proposed = {identity(change) for change in changes}
    stale, kept = [], set()
    pending = HeldChange.objects.filter(document__in=documents, status=HeldChange.Status.PENDING)
    for change in pending.only("id", "target", "key", "proposed"):
        found = identity(change)
        if found in valid or found in proposed:
            kept.add(found)
        else:
            stale.append(change.pk)
    if stale:
        HeldChange.objects.filter(pk__in=stale).update(
            status=HeldChange.Status.SUPERSEDED, decided_at=timezone.now()
        )
    HeldChange.objects.bulk_create([c for c in changes if identity(c) not in kept])


def accept(change, user):
    """Write the file's version over the curator's; the history names `user`. A change
    already decided (by another curator meanwhile) is left as it is."""
    with transaction.atomic():
        change = HeldChange.objects.select_for_update().filter(pk=change.pk).first()
        if change is None or change.status != HeldChange.Status.PENDING:
            return False
        if change.target != HeldChange.Target.FIELD and change.document_id is None:
            # The file is gone: nothing to write from; the change can only be rejected.
            return False
        reason = f"accepted the version of {change.document or 'a file'}"
        if change.target == HeldChange.Target.FIELD:
            group = Group.objects.select_for_update().get(pk=change.group_id)
            set_value(group, change.key, change.proposed)
            group.imported_values = {**(group.imported_values or {}), change.key: change.proposed}
            group._history_user, group._change_reason = user, reason
            group.save()
        else:
            _accept_row(change, user, reason)
        _decide(change, HeldChange.Status.ACCEPTED, user)
        return True


def _accept_row(change, user, reason):
    model = SIGNATURES[change.target][0]
    curator_row = model.objects.filter(pk=change.row_id).first() if change.row_id else None
    document = SourceDocument.objects.select_for_update().get(pk=change.document_id)
    entries = [Entry.load(data) for data in (document.imported_rows or {}).get(change.target, [])]
    entry = next((e for e in entries if e.key == change.key), None)
    if change.proposed.get("delete"):
        if curator_row is not None:
            curator_row._history_user, curator_row._change_reason = user, reason
            curator_row.delete()
        if entry is not None:
            entries.remove(entry)
    else:
        values = {
            attname: _from_json(model, attname.removesuffix("_id"), value)
            for attname, value in change.proposed.items()
        }
        # The file's row takes the curator's row's place (and id), or a new one.
        row = curator_row or model()
        for attname, value in values.items():
            if attname in ("group_id", "source_id", "document_id"):
                continue  # the row stays with its group and file (a merge may have moved it)
            setattr(row, attname, value)
        if row.pk is None:
            row.document_id = change.document_id
            setattr(row, "source_id" if model is Relationship else "group_id", change.group_id)
        row._history_user, row._change_reason = user, reason
        row.save()
        if model is Relationship:
            link_relationship(row)
        if entry is not None:
            entry.row_id, entry.state = row.pk, ""
    document.imported_rows = {
        **(document.imported_rows or {}),
        change.target: [e.dump() for e in entries],
    }
    SourceDocument.objects.filter(pk=document.pk).update(imported_rows=document.imported_rows)


def link_relationship(tie):
    """Link an accepted relationship to the group its name answers to, if exactly one."""
    owners = set(
        NameKey.objects.filter(key=tie.target_key).values_list("group_id", flat=True).distinct()
    )
    if len(owners) == 1 and owners != {tie.source_id}:
        tie.target_id = owners.pop()
        tie.save(update_fields=["target"])


def reject(change, user):
    """Keep the curator's value; the file's is not proposed again until it changes. A
    change already decided (by another curator meanwhile) is left as it is."""
    with transaction.atomic():
        change = HeldChange.objects.select_for_update().filter(pk=change.pk).first()
        if change is None or change.status != HeldChange.Status.PENDING:
            return False
        _decide(change, HeldChange.Status.REJECTED, user)
        return True


def _decide(change, status, user):
    change.status = status
    change.decided_at = timezone.now()
    change.decided_by = user
    change.save(update_fields=["status", "decided_at", "decided_by"])
    # The group's note of waiting changes follows the decisions made.
    group = Group.objects.defer("search_vector", "name_vector").get(pk=change.group_id)
    waiting = group.held_changes.filter(status=HeldChange.Status.PENDING).count()
    warnings = with_held_doubt(group.import_warnings, waiting)
    if warnings != group.import_warnings:
        group.import_warnings = warnings
        bulk_update_with_history(
            [group],
            Group,
            ["import_warnings"],
            default_user=user,
            default_change_reason="held changes decided",
        )


HELD_DOUBT = "wait for a decision (Held changes)."


def with_held_doubt(warnings, waiting):
    """The importer's doubts about a group, noting its `waiting` held changes."""
    lines = [line for line in warnings.splitlines() if not line.endswith(HELD_DOUBT)]
    if waiting:
        lines.append(
            f"{waiting} change(s) from a re-imported file differ from a curator's edit "
            f"and {HELD_DOUBT}"
        )
    return "\n".join(lines)
