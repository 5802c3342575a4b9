"""Values derived from the whole archive, computed once after each change commits rather
than by the first reader after it: the facets of the unfiltered list (groups per country,
decade and kind), which every cold visit to /groups/ needs and which read every group.

The archive is written rarely and read constantly: a write pays for them (about 50 ms at
50,000 groups, once per committed transaction or import batch), readers get one row.
"""

import threading

from django.db import transaction

from profiles.models import ArchiveState, ArchiveSummary

LIST_FACETS = "list-facets"

_stale = threading.local()


def archive_touched(**kwargs):
    """ArchiveState moved: recompute once the writer's transaction commits. One
    recomputation for all the changes of a transaction: the first callback to run does
    it, the others find nothing stale (a rolled-back transaction's flag waits for the
    next commit: recomputing current values only costs time)."""
    _stale.value = True
    transaction.on_commit(refresh_if_stale)


def refresh_if_stale():
    if getattr(_stale, "value", False):
        _stale.value = False
        refresh()


def refresh():
    from profiles.selectors.lists import facets_data

    stamp = ArchiveState.last_changed()
    data = facets_data(facets_from_rows())
    ArchiveSummary.objects.update_or_create(
        key=LIST_FACETS, defaults={"computed_for": stamp, "data": data}
    )


def facets_from_rows():
    """The unfiltered list's facets, counted from the groups now."""
    from profiles.selectors.lists import groups_for_list, list_facets

    return list_facets(groups_for_list(), {})


def whole_list_facets(changed_at=None):
    """The unfiltered list's facets: the stored ones when they are those of the archive's
    last change (`changed_at`, read if not given), else computed now (a reader never
    writes: the next commit stores them)."""
    from profiles.selectors.lists import facets_from_data

    stamp = changed_at or ArchiveState.recently_changed()
    stored = (
        ArchiveSummary.objects.filter(key=LIST_FACETS, computed_for=stamp)
        .values_list("data", flat=True)
        .first()
    )
    if stored is not None:
        return facets_from_data(stored)
    return facets_from_rows()
