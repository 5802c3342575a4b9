"""Names linked across files: alias claims, ties and mentions, and the name keys that
find a group.

A name links only when exactly one group answers to it. Each batch of an import links
the names its own rows give and every row naming a key whose owners the batch changed;
the end of a run checks every row once more (which also catches what a merge in the admin
moved). Both ask the database for the rows whose link is stale and read nothing else, so
that linking costs what changed, not the size of the archive.
"""

from django.db import connection

from profiles.importing.building import new_row
from profiles.importing.inserting import fetch_binary, insert_rows, update_rows
from profiles.models import (
    Alias,
    Mention,
    NameKey,
    Relationship,
)
from profiles.parsing.names import name_key

# Keys per statement: each key is a parameter twice, under SQLite's 999.
KEY_CHUNK = 400


def _write_name_keys(groups, items):
    """Rewrite the name keys of the groups a batch wrote; returns the keys whose set of
    owners changed (a key a group gained or lost)."""
    unique = {g.pk: g for g in groups}
    before = set(NameKey.objects.filter(group_id__in=unique).values_list("group_id", "key"))
    keys = {(g.pk, name_key(g.name)) for g in unique.values()}
    # The name a file gives stays a way to its group when a curator renamed the group.
    keys |= {(g.pk, name_key(item.profile.name)) for g, item in zip(groups, items, strict=True)}
    for group_id, name in Alias.objects.filter(group_id__in=unique).values_list("group_id", "name"):
        keys.add((group_id, name_key(name)))
    keys = {(group_id, key) for group_id, key in keys if key}
    gone, new = before - keys, keys - before
    for start in range(0, len(gone), 500):
        chunk = list(gone)[start : start + 500]
        for group_id in {g for g, _ in chunk}:
            NameKey.objects.filter(
                group_id=group_id, key__in=[k for g, k in chunk if g == group_id]
            ).delete()
    insert_rows(NameKey, [new_row(NameKey, group_id=gid, key=key) for gid, key in new])
    return {key for _, key in gone | new}


def link_names(history, keys=None):
    """Link alias claims, relationships and mentions to the groups they name: every row
    when `keys` is None, else the rows naming one of `keys`. Claims come first: an alias
    stated in one file ("The MQM correspond to the Muttahida Qaumi Movement") can be the
    name another file uses. Returns the ids of the groups whose aliases, ties or mentions
    changed."""
    keys = None if keys is None else set(keys)
    changed_groups = set()
    for _ in range(3):
        stale = _stale(Alias, "subject_key", "group_id", None, keys)
        changed_groups.update(
            group for _pk, owner, current, _ in stale for group in (owner, current) if group
        )
        _relink(Alias, {pk: owner for pk, owner, _, _ in stale}, "group", history)
        # A claimed name becomes a way to the group that claims it.
        claimed = _claimed_keys({pk for pk, owner, _, _ in stale if owner})
        NameKey.objects.bulk_create(
            [NameKey(group_id=owner, key=key) for owner, key in claimed],
            ignore_conflicts=True,
            batch_size=1000,
        )
        if keys is not None:
            keys |= {key for _, key in claimed}
        if not stale:
            break
    stale = _stale(Relationship, "target_key", "target_id", "source_id", keys)
    for _pk, owner, current, source in stale:
        # Both profiles show the tie, and the source's doubts may change.
        changed_groups.update({source, owner, current} - {None})
    _relink(Relationship, {pk: owner for pk, owner, _, _ in stale}, "target", history)
    changed_groups |= link_mentions(keys)
    return changed_groups


def link_mentions(keys=None):
    """Point each mention at the one group answering to its name (none: unlinked), so
    that a name links whichever of the two files arrives first. Returns the ids of the
    groups whose mentions changed."""
    stale = _stale(Mention, "key", "target_id", "group_id", keys)
    update_rows(Mention, [Mention(pk=pk, target_id=owner) for pk, owner, _, _ in stale], ["target"])
    return {group for _, _, _, group in stale}


def _stale(model, key_column, link_column, own_column, keys):
    """(id, owner, current, own group) of the rows of `model` whose link is not the one group
    answering to their key (never their own group, `own_column`), for the rows naming one
    of `keys` (all rows when None)."""
    if keys is not None and not keys:
        return []
    quote = connection.ops.quote_name
    table, name_keys = quote(model._meta.db_table), quote(NameKey._meta.db_table)
    owner, own = "o.group_id", "NULL"
    if own_column:
        owner = f"CASE WHEN o.group_id = r.{own_column} THEN NULL ELSE o.group_id END"
        own = f"r.{own_column}"
    differs = "IS DISTINCT FROM" if connection.vendor == "postgresql" else "IS NOT"
    sql = (
        f"SELECT r.id, {owner}, r.{link_column}, {own} FROM {table} r LEFT JOIN ("
        f"SELECT key, MIN(group_id) AS group_id FROM {name_keys} {{keys_here}}"
        "GROUP BY key HAVING COUNT(*) = 1"
        f") o ON o.key = r.{key_column} WHERE r.{key_column} <> '' {{keys_there}}"
        f"AND ({owner}) {differs} r.{link_column}"
    )
    found = []
    if keys is not None and connection.vendor == "postgresql":
        # The keys as one array, sent apart in binary: no chunks of placeholders for the
        # client to quote into the statement.
        ordered = sorted(keys)
        return fetch_binary(
            sql.format(
                keys_here="WHERE key = ANY(%b::text[]) ",
                keys_there=f"AND r.{key_column} = ANY(%b::text[]) ",
            ),
            [ordered, ordered],
        )
    with connection.cursor() as cursor:
        if keys is None:
            cursor.execute(sql.format(keys_here="", keys_there=""))
            found += cursor.fetchall()
        else:
            ordered = sorted(keys)
            for start in range(0, len(ordered), KEY_CHUNK):
                chunk = ordered[start : start + KEY_CHUNK]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(
                    sql.format(
                        keys_here=f"WHERE key IN ({marks}) ",
                        keys_there=f"AND r.{key_column} IN ({marks}) ",
                    ),
                    chunk + chunk,
                )
                found += cursor.fetchall()
    return found


def _claimed_keys(alias_ids):
    """(group id, key) of the names these alias claims give their groups."""
    claimed = set()
    ids = sorted(alias_ids)
    for start in range(0, len(ids), 900):
        rows = Alias.objects.filter(pk__in=ids[start : start + 900], group__isnull=False)
        for group_id, name in rows.values_list("group_id", "name"):
            if name_key(name):
                claimed.add((group_id, name_key(name)))
    return claimed


def _relink(model, group_by_pk, field_name, history):
    """Point these rows at the groups found for them, in chunks (the history records
    whole rows, so the rows are read whole)."""
    pks = sorted(group_by_pk)
    for start in range(0, len(pks), 1000):
        rows = list(model.objects.filter(pk__in=pks[start : start + 1000]))
        for row in rows:
            setattr(row, f"{field_name}_id", group_by_pk[row.pk])
        history.update(model, rows, [field_name], reason="names linked after an import")
