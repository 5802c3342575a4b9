"""Profiles rendered once per change, not once per request (ProfileSnapshot).

A profile page costs a dozen queries and a large template; the archive is written rarely
and read constantly. So each profile's page body, meta description, JSON-LD and JSON twin
are rendered when something they show changes, stored, and served from one row.

What a profile shows of other groups, and so which snapshots a change to group G makes
stale:

- the groups tied to it, both ways, and the drawing of their ties two steps out: the
  groups within two ties of G;
- the names its texts mention: the groups whose mentions point at G;
- the names of other groups its sections link (profile_page.link_group_names): the
  groups whose text names G (groups_naming_any()).

Every writer says which groups it changed (groups_changed()): the curators' saves and
deletes through profiles.signals, the importer once per batch, a merge. Their snapshots
and those of the groups showing them are deleted in the writer's transaction, so no
reader sees a stale one once it commits, and rebuilt after it commits. A group without
a snapshot (never built, or deleted by a change) is built by the first request that
reads it.
"""

import json
import threading
from contextlib import contextmanager

from django.db import connection, transaction
from django.db.models import Q
from django.template.loader import render_to_string

from profiles.models import (
    SECTION_KEYS,
    Alias,
    Group,
    Mention,
    NameKey,
    ProfileSnapshot,
    Relationship,
)
from profiles.network import draw
from profiles.profile_page import build_profile_page
from profiles.selectors import dump_json, profile_json, profile_of, profile_queryset
from profiles.selectors.network import profile_ties
from profiles.structured_data import organization

# Groups read and rendered together: profile_queryset()'s prefetches for all of them at
# once, so building many snapshots costs a few queries per chunk, not a dozen per group.
BUILD_CHUNK = 200
# Ids per IN (...) of the queries finding the groups a change shows in: SQLite's oldest
# limit on parameters is 999.
ID_CHUNK = 500
# The names looked for in other groups' texts, per query.
NAME_CHUNK = 200
# The most snapshots a write rebuilds itself (each costs the profile's old render
# time, tens of ms on the benchmark archive); see _rebuild_waiting().
REBUILD_MAX = 1000

_pending = threading.local()


def chunks(items, size):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Building.


def render_snapshot(group):
    """A ProfileSnapshot (unsaved) of a group read through profile_queryset()."""
    profile = profile_of(group)
    # The citation (with the reader's host and today's date) is rendered per request
    # around the body, which does not show it: any URL will do here.
    page = build_profile_page(profile, absolute_url="")
    ties = None
    if page.related:
        nodes, drawn_ties, total = profile_ties(group)
        ties = draw(nodes, drawn_ties, focus=("group", group.pk), widest=720, total=total)
    context = {"profile": profile, "group": group, "page": page, "ties": ties}
    data = organization(profile, absolute_url="")
    return ProfileSnapshot(
        group=group,
        body_html=render_to_string("profiles/_profile_body.html", context),
        description=render_to_string("profiles/_profile_description.html", context),
        organization=json.dumps(data, ensure_ascii=False),
        profile_json=dump_json(profile_json(profile)),
    )


def build_snapshots(group_ids):
    """Render and store the snapshots of these groups (ids of deleted groups are
    skipped); returns how many were written."""
    written = 0
    for ids in chunks(sorted(set(group_ids)), BUILD_CHUNK):
        snapshots = [render_snapshot(group) for group in profile_queryset().filter(pk__in=ids)]
        store(snapshots)
        written += len(snapshots)
    return written


SNAPSHOT_FIELDS = ["body_html", "description", "organization", "profile_json", "built_at"]


def store(snapshots):
    # INSERT ... ON CONFLICT: two readers building the same missing snapshot both succeed.
    ProfileSnapshot.objects.bulk_create(
        snapshots,
        update_conflicts=True,
        unique_fields=["group"],
        update_fields=SNAPSHOT_FIELDS,
    )


def snapshot_of(slug):
    """The snapshot of the group with this slug, its group's own fields with it (built
    now if it has none); None when no group has this slug. One query when it exists."""
    found = snapshot_with_group(slug)
    if found is not None:
        return found
    group_id = Group.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if group_id is None:
        return None
    build_snapshots([group_id])
    return snapshot_with_group(slug)


def snapshot_with_group(slug):
    # The request adds the citation (name, address, last change) around the snapshot.
    return (
        ProfileSnapshot.objects.select_related("group")
        .only(*SNAPSHOT_FIELDS, "group__name", "group__slug", "group__updated_at")
        .filter(group__slug=slug)
        .first()
    )


# What a change makes stale.


def groups_changed(group_ids):
    """Mark the snapshots showing these groups stale: deleted now, in the writer's
    transaction, and rebuilt once it commits.

    Called before a change as well as after it when the change removes ties (a merge, an
    import), so that the groups the change takes away are found too.
    """
    group_ids = {pk for pk in group_ids if pk is not None}
    if not group_ids:
        return
    if ProfileSnapshot.objects.exists():
        stale = affected_groups(group_ids)
        for ids in chunks(stale, ID_CHUNK):
            ProfileSnapshot.objects.filter(group_id__in=ids).delete()
    else:
        # Before any snapshot is built (a first import) none is stale: only these groups'
        # are to build, and the search for the groups showing them (a text search among
        # others) is spared.
        stale = group_ids
    # One rebuild for all the changes of a transaction: the first callback to run takes
    # every group waiting, the others find none. (A rolled-back transaction's groups wait
    # for the next commit: rebuilding a current snapshot only costs time.)
    _waiting().update(stale)
    if not getattr(_pending, "deferred", False):
        transaction.on_commit(_rebuild_waiting)


def _waiting():
    if not hasattr(_pending, "ids"):
        _pending.ids = set()
    return _pending.ids


def _rebuild_waiting():
    """Rebuild the snapshots a write made stale, up to REBUILD_MAX: past that (a large
    import, a name that half the archive's texts use) they are left to the first reader
    of each and to `manage.py build_profile_snapshots`, rather than holding the writer
    for minutes. They are deleted already, so no reader sees a stale one either way."""
    ids, _pending.ids = _waiting(), set()
    if ids and len(ids) <= REBUILD_MAX:
        build_snapshots(ids)
    return len(ids)


@contextmanager
def rebuilt_at_the_end():
    """Within this block (an import), snapshots made stale wait: they are rebuilt once,
    together, when it ends, not after each batch. Readers meanwhile build the ones they
    ask for."""
    previous = getattr(_pending, "deferred", False)
    _pending.deferred = True
    try:
        yield
    finally:
        _pending.deferred = previous
    if not previous:
        _rebuild_waiting()


def forget_waiting():
    """Drop the groups waiting for a rebuild (tests: each starts with none)."""
    _pending.ids = set()


def affected_groups(group_ids):
    """These groups and every group whose profile shows one of them (module docstring)."""
    group_ids = set(group_ids)
    near = tied_to(group_ids)
    mentioning = set()
    for ids in chunks(group_ids, ID_CHUNK):
        mentioning |= set(
            Mention.objects.filter(target_id__in=ids).values_list("group_id", flat=True)
        )
    return group_ids | near | tied_to(near - group_ids) | mentioning | groups_naming_any(group_ids)


def tied_to(group_ids):
    """The groups with a tie to one of these, either way."""
    found = set()
    for ids in chunks(group_ids, ID_CHUNK):
        rows = Relationship.objects.filter(Q(source_id__in=ids) | Q(target_id__in=ids))
        for source_id, target_id in rows.values_list("source_id", "target_id"):
            found.add(source_id)
            if target_id is not None:
                found.add(target_id)
    return found


def groups_naming_any(group_ids):
    """The groups whose text may name one of these groups (by its name, an alias or a
    name key): their sections link the name to its profile.

    On PostgreSQL a phrase search of the stored vector finds them (it may find more,
    never fewer for a name written as the group's names are); on SQLite the texts are
    read, which is fine at the sizes SQLite serves.
    """
    names = set()
    for ids in chunks(group_ids, ID_CHUNK):
        names |= set(NameKey.objects.filter(group_id__in=ids).values_list("key", flat=True))
        names |= set(Group.objects.filter(pk__in=ids).values_list("name", flat=True))
        names |= set(Alias.objects.filter(group_id__in=ids).values_list("name", flat=True))
    names = {name.strip() for name in names if name and name.strip()}
    if not names:
        return set()
    if connection.vendor == "postgresql":
        return _naming_postgres(names)
    return _naming_by_reading(names)


def _naming_postgres(names):
    from django.contrib.postgres.search import SearchQuery

    from profiles.search import CONFIG

    found = set()
    for batch in chunks(sorted(names), NAME_CHUNK):
        query = None
        for name in batch:
            phrase = SearchQuery(name, search_type="phrase", config=CONFIG)
            query = phrase if query is None else query | phrase
        found |= set(Group.objects.filter(search_vector=query).values_list("pk", flat=True))
    return found


def _naming_by_reading(names):
    from profiles.parsing.names import name_key

    keys = {name_key(name) for name in names} - {""}
    found = set()
    texts = Group.objects.values_list("pk", *SECTION_KEYS)
    for pk, *sections in texts.iterator(chunk_size=1000):
        text = name_key(" ".join(section for section in sections if section))
        if any(f" {key} " in f" {text} " for key in keys):
            found.add(pk)
    return found
