"""What the importer was unsure of, noted on the group for a curator."""

from django.db.models import Count

from profiles.models import (
    Group,
    GroupCountry,
    HeldChange,
    Precision,
    Relation,
    Relationship,
)
from profiles.reimport import (
    with_held_doubt,
)


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
    # Whole rows (but the search vectors): the history records the whole row.
    groups = Group.objects.filter(pk__in=group_ids).defer("search_vector", "name_vector")
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
    changed = []
    for group in groups:
        doubts = _date_doubts(group)
        if group.pk not in with_country:
            doubts.append("No country was read.")
        for name, relation in unmatched.get(group.pk, []):
            label = Relation(relation).label if relation in Relation.values else relation
            doubts.append(f"“{name}” ({label}) matches no group in the archive.")
        warnings = with_held_doubt("\n".join(doubts), held.get(group.pk, 0))
        if warnings != group.import_warnings:
            group.needs_review = group.needs_review or bool(warnings)
            group.import_warnings = warnings
            group._change_reason = "doubts noted after an import"
            changed.append(group)
    history.update(Group, changed, ["import_warnings", "needs_review"])


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
