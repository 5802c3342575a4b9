"""What the importer was unsure of, noted on the group for a curator.

Two kinds: the parser's doubts (a value the text supports two readings of; the importer
wrote neither, and stores them as Doubt rows a curator decides with one click), and the
checks below on what it did write (a date known only to the decade, a tie to no profile).
"""

import datetime
import json

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from profiles.models import (
    Doubt,
    Group,
    GroupCountry,
    HeldChange,
    Precision,
    Relation,
    Relationship,
)
from profiles.parsing.types import UncertainDate
from profiles.reimport import with_held_doubt


def doubt_line(doubt):
    """How an open doubt reads among the group's import warnings."""
    return f"{doubt.get_field_display()}: {doubt.reason} (a choice waits below)"


def flag_doubts(group_ids, history, chunk_size=1000):
    """Note what the importer was unsure of in these groups, for a curator to check.

    A group is marked for review when its doubts change; a curator who has checked them
    clears the mark, and the same doubts read again do not set it back. Groups are read
    a chunk at a time so that a large import's memory stays flat.
    """
    group_ids = sorted(group_ids)
    for start in range(0, len(group_ids), chunk_size):
        _flag_chunk(group_ids[start : start + chunk_size], history)


def _flag_chunk(group_ids, history):
    # What the checks read: the history rows are copied from the table (History.update).
    groups = Group.objects.filter(pk__in=group_ids).only(
        "formation_date", "formation_precision", "termination_date", "termination_precision",
        "import_warnings", "needs_review",
    )  # fmt: skip
    with_country = set(
        GroupCountry.objects.filter(group__in=group_ids).values_list("group_id", flat=True)
    )
    unmatched = {}
    rows = Relationship.objects.filter(source__in=group_ids, target=None).order_by(
        "relation", "target_name"
    )
    for source_id, name, relation in rows.values_list("source_id", "target_name", "relation"):
        unmatched.setdefault(source_id, []).append((name, relation))
    held = dict(
        HeldChange.objects.filter(group__in=group_ids, status=HeldChange.Status.PENDING)
        .values("group")
        .annotate(n=Count("id"))
        .values_list("group", "n")
    )
    open_doubts = {}
    for doubt in Doubt.objects.filter(group__in=group_ids, status=Doubt.Status.OPEN).order_by(
        "field", "pk"
    ):
        open_doubts.setdefault(doubt.group_id, []).append(doubt)
    changed = []
    for group in groups:
        doubts = [doubt_line(doubt) for doubt in open_doubts.get(group.pk, [])]
        doubts += _date_doubts(group)
        if group.pk not in with_country:
            doubts.append("No country was read.")
        for name, relation in unmatched.get(group.pk, []):
            label = Relation(relation).label if relation in Relation.values else relation
            doubts.append(f"“{name}” ({label}) matches no group in the archive.")
        warnings = with_held_doubt("\n".join(doubts), held.get(group.pk, 0))
        if warnings != group.import_warnings:
            group.needs_review = group.needs_review or bool(warnings)
            group.import_warnings = warnings
            changed.append(group)
    history.update(
        Group, changed, ["import_warnings", "needs_review"], reason="doubts noted after an import"
    )


def _date_doubts(group):
    doubts = []
    for label, edtf, precision in (
        ("Formation", group.formation_date, group.formation_precision),
        ("Termination", group.termination_date, group.termination_precision),
    ):
        if precision == Precision.DECADE:
            doubts.append(f"{label} date “{edtf}” is known only to the decade.")
        elif edtf and edtf[-1] in "~?%":
            doubts.append(f"{label} date “{edtf}” is approximate or uncertain.")
    if not group.formation_date:
        doubts.append("No formation date was read.")
    return doubts


# The parser's doubts, stored per file.


def serialise_value(value):
    """A candidate's value as Doubt.candidates keeps it (JSON)."""
    if isinstance(value, UncertainDate):
        return {
            "edtf": value.edtf,
            "earliest": value.earliest.isoformat() if value.earliest else None,
            "latest": value.latest.isoformat() if value.latest else None,
            "precision": value.precision,
            "text": value.text,
        }
    return value


def doubt_candidates(parsed):
    return [
        {
            "label": candidate.label,
            "value": serialise_value(candidate.value),
            "line": candidate.evidence.line if candidate.evidence else 0,
            "quote": candidate.evidence.quote if candidate.evidence else "",
        }
        for candidate in parsed.candidates
    ]


def _signature(field, candidates):
    """What makes a doubt the same one again: its field and its candidates' values and
    labels (not where they are written, which an edit above them moves)."""
    return (field, json.dumps([[c["label"], c["value"]] for c in candidates], sort_keys=True))


def write_doubts(items, groups, docs):
    """Store each file's doubts. A doubt the file raised before is kept as it is (decided
    ones stay decided, so a re-import never asks again); an open one the file no longer
    raises is dropped. Marking the group for review is flag_doubts' part."""
    replaced = [doc.pk for item, doc in zip(items, docs, strict=True) if item.existing]
    earlier = {}
    if replaced:
        for doubt in Doubt.objects.filter(document_id__in=replaced):
            earlier[(doubt.document_id, _signature(doubt.field, doubt.candidates))] = doubt
    new, kept = [], set()
    for item, group, doc in zip(items, groups, docs, strict=True):
        for parsed in item.profile.doubts:
            candidates = doubt_candidates(parsed)
            found = earlier.get((doc.pk, _signature(parsed.field, candidates)))
            if found is not None:
                kept.add(found.pk)
                continue
            new.append(
                Doubt(
                    group=group,
                    document=doc,
                    field=parsed.field,
                    reason=parsed.reason,
                    candidates=candidates,
                )
            )
    stale = [d.pk for d in earlier.values() if d.pk not in kept and d.status == Doubt.Status.OPEN]
    if stale:
        Doubt.objects.filter(pk__in=stale).delete()
    Doubt.objects.bulk_create(new, batch_size=1000)


# A curator's choice.


class ChoiceError(Exception):
    pass


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _apply(group, field, value, candidate):
    if field in ("formation", "termination"):
        setattr(group, f"{field}_date", value["edtf"] if value else "")
        setattr(group, f"{field}_earliest", _date(value and value["earliest"]))
        setattr(group, f"{field}_latest", _date(value and value["latest"]))
        setattr(group, f"{field}_precision", value["precision"] if value else "")
        if field == "formation" and value:
            group.active_start = _date(value["earliest"])
        if field == "termination":
            group.active_end = _date(value and value["latest"])
    else:
        group.size = value
        group.size_text = candidate["quote"] if value is not None else ""


def choose(doubt, index, user):
    """Give the doubt's group the value of candidate `index`, in `user`'s name (a version
    of the group in its history), and mark the doubt decided. Returns the group; raises
    ChoiceError when the doubt was decided meanwhile or the value contradicts the group's
    other dates."""
    with transaction.atomic():
        doubt = Doubt.objects.select_for_update().filter(pk=doubt.pk).first()
        if doubt is None or doubt.status != Doubt.Status.OPEN:
            raise ChoiceError("This doubt was decided meanwhile.")
        if not 0 <= index < len(doubt.candidates):
            raise ChoiceError("No such candidate.")
        candidate = doubt.candidates[index]
        group = Group.objects.select_for_update().get(pk=doubt.group_id)
        _apply(group, doubt.field, candidate["value"], candidate)
        start, end = group.formation_earliest, group.termination_latest
        if (
            start
            and end
            and start > end
            or (group.active_start and group.active_end and group.active_start > group.active_end)
        ):
            raise ChoiceError(
                f"“{candidate['label']}” would put the group's end before its formation."
            )
        # The doubt is settled: it no longer counts among what the importer was unsure of.
        group.import_warnings = "\n".join(
            line for line in group.import_warnings.splitlines() if line != doubt_line(doubt)
        )
        group._history_user = user
        group._change_reason = (
            f"doubt decided: {doubt.get_field_display().lower()} {candidate['label']}"
        )
        group.save()
        doubt.status, doubt.chosen = Doubt.Status.DECIDED, index
        doubt.decided_by, doubt.decided_at = user, timezone.now()
        doubt.save(update_fields=["status", "chosen", "decided_by", "decided_at"])
        return group
