"""Merging two profiles that turn out to describe one group.

Everything the duplicate holds moves to the survivor: aliases, events, references,
citations, relationships in both directions, source files, countries and match keys.
The duplicate's name becomes an alias, the survivor's empty fields take the duplicate's
values, and the duplicate's address redirects to the survivor. Nothing is deleted but
the duplicate's row itself and the ties the two had with each other.
"""

from django.db import transaction
from django.db.models import Q
from simple_history.utils import bulk_update_with_history

from profiles.models import (
    SECTION_KEYS,
    Alias,
    ArchiveState,
    Citation,
    Doubt,
    Event,
    Evidence,
    Group,
    GroupCountry,
    HeldChange,
    Mention,
    NameKey,
    Reference,
    Relationship,
    SlugRedirect,
    SourceDocument,
    bulk_changes,
)
from profiles.parsing.names import name_key
from profiles.search import refresh_search_vectors
from profiles.snapshots import groups_changed

# Fields the survivor takes from the duplicate when it has none of its own.
FILLABLE_FIELDS = [
    "formation_date", "formation_earliest", "formation_latest", "formation_precision",
    "termination_date", "termination_earliest", "termination_latest",
    "termination_precision", "size", "size_text", "size_date", *SECTION_KEYS,
]  # fmt: skip


class MergeError(ValueError):
    pass


def merge_groups(survivor, duplicate, user=None):
    """Fold `duplicate` into `survivor`; returns the survivor, saved. The history names
    `user` (the curator who merged) for every row the merge changes."""
    if survivor.pk == duplicate.pk:
        raise MergeError("A group cannot be merged into itself.")
    # Saves and deletes below would each move ArchiveState and refresh a search vector;
    # both are done once, at the end.
    with transaction.atomic(), bulk_changes():
        # The profiles showing either group, found before the merge moves their ties.
        groups_changed([survivor.pk, duplicate.pk])
        survivor = _merge(survivor, duplicate, user)
        refresh_search_vectors([survivor.pk])
        groups_changed([survivor.pk])
        ArchiveState.touch()
    return survivor


def _merge(survivor, duplicate, user):
    survivor = Group.objects.select_for_update().get(pk=survivor.pk)
    duplicate = Group.objects.select_for_update().get(pk=duplicate.pk)

    # Ties between the two would become ties of the survivor with itself.
    reason = f"merged “{duplicate.name}” into “{survivor.name}”"
    for tie in Relationship.objects.filter(
        Q(source=duplicate, target=survivor) | Q(source=survivor, target=duplicate)
    ):
        tie._history_user, tie._change_reason = user, reason
        tie.delete()
    moves = [
        (Relationship, "source"),
        (Relationship, "target"),
        *((model, "group") for model in (Alias, Event, Reference, Citation, SourceDocument)),
    ]
    for model, field_name in moves:
        rows = list(model.objects.filter(**{field_name: duplicate}))
        for row in rows:
            setattr(row, field_name, survivor)
        bulk_update_with_history(
            rows, model, [field_name], default_user=user, default_change_reason=reason
        )
    # What a re-import held back for the duplicate waits on the survivor.
    HeldChange.objects.filter(group=duplicate).update(group=survivor)
    # So do its evidence, the names its texts mention and its doubts; a mention of the
    # duplicate now names the survivor, and one of the survivor in its own text is none.
    for model in (Evidence, Mention, Doubt):
        model.objects.filter(group=duplicate).update(group=survivor)
    Mention.objects.filter(target=duplicate).update(target=survivor)
    Mention.objects.filter(group=survivor, target=survivor).update(target=None)

    # Rows unique per group: move those the survivor lacks, drop the repeats.
    codes = set(survivor.countries.values_list("code", flat=True))
    GroupCountry.objects.filter(group=duplicate).exclude(code__in=codes).update(group=survivor)
    keys = set(survivor.name_keys.values_list("key", flat=True))
    NameKey.objects.filter(group=duplicate).exclude(key__in=keys).update(group=survivor)
    if name_key(duplicate.name) and name_key(duplicate.name) not in keys | {
        name_key(survivor.name)
    }:
        NameKey.objects.get_or_create(group=survivor, key=name_key(duplicate.name))
    if duplicate.name.casefold() != survivor.name.casefold():
        Alias.objects.create(group=survivor, name=duplicate.name, kind=Alias.Kind.STATED)

    for field in FILLABLE_FIELDS:
        if getattr(survivor, field) in (None, "") and getattr(duplicate, field) not in (None, ""):
            setattr(survivor, field, getattr(duplicate, field))
    survivor.active_start = _earliest(survivor.active_start, duplicate.active_start)
    survivor.active_end = (
        None
        if survivor.active_end is None or duplicate.active_end is None
        else max(survivor.active_end, duplicate.active_end)
    )
    # The merged values are a curator's choice: a file about either group, new or
    # re-imported, proposes its differing values instead of writing them (profiles.reimport).
    survivor.imported_values = {}
    survivor.needs_review = survivor.needs_review or duplicate.needs_review
    notes = [survivor.review_notes, duplicate.review_notes]
    survivor.review_notes = "\n".join(note for note in notes if note)

    SlugRedirect.objects.filter(group=duplicate).update(group=survivor)
    old_slug = duplicate.slug
    duplicate._history_user, duplicate._change_reason = user, reason
    duplicate.delete()
    SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"group": survivor})
    survivor._history_user, survivor._change_reason = user, reason
    survivor.save()
    return survivor


def _earliest(first, second):
    if first is None or second is None:
        return first or second
    return min(first, second)
