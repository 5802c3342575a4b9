"""Re-importing a file without losing a curator's edit.

Each import remembers what it wrote: the group's values in `Group.imported_values`, and
each file's rows (aliases, events, references, citations, relationships) as a signature
per row in `SourceDocument.imported_rows`. When a new version of a file arrives, every
value and row is compared three ways: what the last import wrote, what the archive holds
now, and what the file says.

- The archive still holds what the last import wrote: the file's value replaces it.
- A curator changed it, and the file says what the last import said: the curator's stays.
- A curator changed it, and the file changed it too: the curator's stays, and the file's
  is kept as a `HeldChange` that a curator accepts or rejects.

Rows that a curator added by hand have no file and are never touched by an import.
"""

import datetime
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import models, transaction
from django.utils import timezone

from profiles.models import (
    SECTION_FIELDS,
    Alias,
    Citation,
    Event,
    Group,
    HeldChange,
    Reference,
    Relationship,
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
    wrote; return a HeldChange (unsaved) for each value the file and a curator both changed.

    What the file gave at its last import (`file_values`) is the base: a file that has
    not changed a value never overrides the archive's. A file seen for the first time is
    compared with what imports last wrote to the group.
    """
    imported = dict(group.imported_values or {})
    trusted = group.pk is None or (file_values is None and group.imported_values is None)
    held = []
    for name, value in new_values.items():
        current = value_of(group, name)
        if file_values is not None and name in file_values:
            base = file_values[name]
        else:
            base = imported.get(name, value_of(_BLANK_GROUP, name))
        if trusted or current == base or current == value:
            set_value(group, name, value)
            imported[name] = value
        elif value != base:
            held.append(
                HeldChange(
                    group=group,
                    target="field",
                    key=name,
                    label=VALUE_LABELS[name],
                    was_imported=show_value(name, base),
                    curator_value=show_value(name, current),
                    file_value=show_value(name, value),
                    proposed=value,
                )
            )
    group.imported_values = imported
    return held


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
class RowPlan:
    """What re-importing one file does to its rows of one model."""

    keep: list = field(default_factory=list)  # (existing row, the file's row it stands for)
    create: list = field(default_factory=list)
    delete: list = field(default_factory=list)
    # (the file's row, the [position, signature] last imported, the curator's row or None)
    held: list = field(default_factory=list)


def snapshot(rows, target):
    signature = SIGNATURES[target][1]
    return [[row.position, list(signature(row))] for row in rows]


def plan_rows(target, imported, current, new):
    """Compare a file's rows three ways.

    `imported` is what the last import of the file gave ([position, signature] pairs, or
    None when that was not recorded: then the rows the file has now count as imported);
    `current` the file's rows in the archive; `new` the rows the file gives now.
    """
    signature = SIGNATURES[target][1]
    if imported is None:
        imported = snapshot(sorted(current, key=lambda row: (row.position, row.pk)), target)
    unmatched = {}
    for row in current:
        unmatched.setdefault(signature(row), []).append(row)
    # Each imported row still in the archive as it was; None if a curator edited or deleted it.
    untouched = []
    for _position, sig in imported:
        rows = unmatched.get(tuple(sig))
        untouched.append(rows.pop(0) if rows else None)
    edited_at = {row.position: row for rows in unmatched.values() for row in rows}

    plan = RowPlan()
    old = [tuple(sig) for _position, sig in imported]
    matcher = SequenceMatcher(None, old, [signature(row) for row in new], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            # Rows the file did not change; one a curator changed stays as the curator left it.
            plan.keep += [
                (untouched[i], new[j])
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                if untouched[i] is not None
            ]
            continue
        plan.delete += [row for row in untouched[i1:i2] if row is not None]
        for offset, j in enumerate(range(j1, j2)):
            i = i1 + offset
            if i < i2 and untouched[i] is None:
                plan.held.append((new[j], imported[i], edited_at.get(imported[i][0])))
            else:
                plan.create.append(new[j])
    return plan


def held_row_change(target, row, imported_entry, curator_row, group, document):
    """The HeldChange for a row the file changed where a curator had changed it too."""
    model = SIGNATURES[target][0]
    proposed = {
        f.attname: _as_json(getattr(row, f.attname))
        for f in model._meta.concrete_fields
        if not f.primary_key
    }
    return HeldChange(
        group=group,
        document=document,
        target=target,
        key=str(imported_entry[0]),
        label=f"{model._meta.verbose_name.capitalize()} at position {imported_entry[0]}",
        was_imported=describe_signature(target, imported_entry[1]),
        curator_value=(
            describe_row(target, curator_row) if curator_row else "(deleted by a curator)"
        ),
        file_value=describe_row(target, row),
        proposed=proposed,
        row_id=curator_row.pk if curator_row else None,
    )


def save_held_changes(changes):
    """Save new held changes; an older one waiting on the same value is superseded."""
    for change in changes:
        HeldChange.objects.filter(
            group=change.group,
            target=change.target,
            key=change.key,
            document=change.document,
            status=HeldChange.Status.PENDING,
        ).update(status=HeldChange.Status.SUPERSEDED, decided_at=timezone.now())
    HeldChange.objects.bulk_create(changes)


def accept(change, user):
    """Write the file's value over the curator's; the history names `user`."""
    with transaction.atomic():
        if change.target == "field":
            group = Group.objects.select_for_update().get(pk=change.group_id)
            set_value(group, change.key, change.proposed)
            group.imported_values = {**(group.imported_values or {}), change.key: change.proposed}
            group._history_user = user
            group._change_reason = f"accepted the value of {change.document or 'a file'}"
            group.save()
        else:
            model = SIGNATURES[change.target][0]
            values = {
                attname: _from_json(model, attname.removesuffix("_id"), value)
                for attname, value in change.proposed.items()
            }
            row = model(**values)
            row._history_user = user
            row._change_reason = f"accepted the row of {change.document or 'a file'}"
            row.save()
            if change.row_id:
                replaced = model.objects.filter(pk=change.row_id).first()
                if replaced is not None:
                    replaced._history_user = user
                    replaced._change_reason = "replaced by an accepted row of a file"
                    replaced.delete()
        _decide(change, HeldChange.Status.ACCEPTED, user)


def reject(change, user):
    """Keep the curator's value; the file's is not proposed again until it changes."""
    _decide(change, HeldChange.Status.REJECTED, user)


def _decide(change, status, user):
    change.status = status
    change.decided_at = timezone.now()
    change.decided_by = user
    change.save(update_fields=["status", "decided_at", "decided_by"])
    # The group's note of waiting changes follows the decisions made.
    group = Group.objects.only("import_warnings").get(pk=change.group_id)
    waiting = change.group.held_changes.filter(status=HeldChange.Status.PENDING).count()
    warnings = with_held_doubt(group.import_warnings, waiting)
    if warnings != group.import_warnings:
        Group.objects.filter(pk=group.pk).update(import_warnings=warnings)


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
