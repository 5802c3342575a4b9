"""Names linked across files: alias claims, ties and the name keys that find a group."""

from profiles.models import (
    Alias,
    Mention,
    NameKey,
    Relationship,
)
from profiles.parsing.names import name_key


def _write_name_keys(groups, items):
    unique = {g.pk: g for g in groups}
    NameKey.objects.filter(group_id__in=unique).delete()
    keys = {(g.pk, name_key(g.name)) for g in unique.values()}
    # The name a file gives stays a way to its group when a curator renamed the group.
    keys |= {(g.pk, name_key(item.profile.name)) for g, item in zip(groups, items, strict=True)}
    for group_id, name in Alias.objects.filter(group_id__in=unique).values_list("group_id", "name"):
        keys.add((group_id, name_key(name)))
    NameKey.objects.bulk_create([NameKey(group_id=gid, key=key) for gid, key in keys if key])


def link_names(history):
    """Link alias claims and relationships to the groups they name, across all files.

    A name links only when exactly one group answers to it. Claims come first: an alias
    stated in one file ("The MQM correspond to the Muttahida Qaumi Movement") can be the
    name another file uses. Returns the ids of the groups whose aliases or ties changed.
    """
    changed_groups = set()
    for _ in range(3):
        claims = list(
            Alias.objects.exclude(subject_key="").values_list(
                "id", "subject_key", "group_id", "name"
            )
        )
        owners = _unique_owners({key for _, key, _, _ in claims})
        changed = {}
        for pk, key, group_id, _name in claims:
            if owners.get(key) != group_id:
                changed[pk] = owners.get(key)
                changed_groups.update({group_id, owners.get(key)} - {None})
        _relink(Alias, changed, "group", history)
        new_keys = [
            NameKey(group_id=owners[key], key=name_key(name))
            for _pk, key, _group, name in claims
            if key in owners and name_key(name)
        ]
        NameKey.objects.bulk_create(new_keys, ignore_conflicts=True, batch_size=1000)
        if not changed:
            break
    relationships = list(
        Relationship.objects.values_list("id", "target_key", "source_id", "target_id")
    )
    owners = _unique_owners({key for _, key, _, _ in relationships})
    changed = {}
    for pk, key, source_id, target_id in relationships:
        owner = owners.get(key)
        if owner == source_id:
            owner = None
        if owner != target_id:
            changed[pk] = owner
            # Both profiles show the tie, and the source's doubts may change.
            changed_groups.update({source_id, target_id, owner} - {None})
    _relink(Relationship, changed, "target", history)
    changed_groups |= link_mentions()
    return changed_groups


def link_mentions():
    """Point each mention at the one group answering to its name (none: unlinked), so
    that a name links whichever of the two files arrives first. Returns the ids of the
    groups whose mentions changed."""
    mentions = list(Mention.objects.values_list("id", "key", "group_id", "target_id"))
    owners = _unique_owners({key for _, key, _, _ in mentions})
    changed, changed_groups = [], set()
    for pk, key, group_id, target_id in mentions:
        owner = owners.get(key)
        if owner == group_id:
            owner = None  # the group's own name, written another way
        if owner != target_id:
            changed.append(Mention(pk=pk, target_id=owner))
            changed_groups.add(group_id)
    Mention.objects.bulk_update(changed, ["target"], batch_size=1000)
    return changed_groups


def _relink(model, group_by_pk, field_name, history):
    """Point these rows at the groups found for them, in chunks (the history records
    whole rows, so the rows are read whole)."""
    pks = sorted(group_by_pk)
    for start in range(0, len(pks), 1000):
        rows = list(model.objects.filter(pk__in=pks[start : start + 1000]))
        for row in rows:
            setattr(row, f"{field_name}_id", group_by_pk[row.pk])
        history.update(model, rows, [field_name], reason="names linked after an import")


def _unique_owners(keys):
    """key -> group id, for the keys exactly one group answers to."""
    owners, ambiguous = {}, set()
    keys = list(keys)
    for start in range(0, len(keys), 900):
        rows = NameKey.objects.filter(key__in=keys[start : start + 900]).values_list(
            "key", "group_id"
        )
        for key, group_id in rows:
            if key in owners and owners[key] != group_id:
                ambiguous.add(key)
            owners[key] = group_id
    return {key: gid for key, gid in owners.items() if key not in ambiguous}
