"""Profile files to rows: parse each file, then write files in batches, each file atomically.

A file is identified by its name: importing an unchanged file does nothing, importing a
changed version replaces what that file said, except where a curator has changed it since
(profiles.reimport). Every row written is recorded in the history, with the importing
user (none from the command line) and the file as the reason.

Each batch of files is one transaction, committed with what derives from it: its names
linked, search vectors, doubts and the archive's version. Readers see groups arrive a
batch at a time, and an import stopped midway (even killed) keeps the batches it
committed: run again, it skips their files as unchanged. If a batch fails, its files are
written again one by one, each in its own savepoint, so that one bad file never takes the
others with it. Names are linked per batch and checked again at the end of every run, so
the order in which files arrive does not matter.

The stages, one module each: files (find, read, decode, parse), writing (a batch, each
file atomically), groups (a file's group and values), rows (its aliases, events,
references, citations and ties), history (bulk history rows), linking (names across
files), doubts (what a curator should check).
"""

import gc
from contextlib import contextmanager, nullcontext

from django.apps import apps
from django.db import connection, transaction

from profiles.importing.doubts import flag_doubts
from profiles.importing.files import (
    FileOutcome,
    ImportReport,
    ParsedFile,
    find_files,
    forget_workers,
    parse_bytes,
)
from profiles.importing.history import History
from profiles.importing.linking import link_names
from profiles.importing.writing import _import_batch, _start_batch
from profiles.models import Alias, ArchiveState, Group, bulk_changes
from profiles.parsing.known_names import use_archive_names
from profiles.search import refresh_search_vectors
from profiles.snapshots import groups_changed, rebuilt_at_the_end

__all__ = [
    "FileOutcome",
    "History",
    "ImportReport",
    "ParsedFile",
    "find_files",
    "flag_doubts",
    "import_paths",
    "link_names",
    "parse_bytes",
]

# Files per batch. Each batch also pays for what is done once per batch whatever its size
# (linking, the list's facets, a commit): 500 wrote 10,000 files on PostgreSQL in 15% less
# time than 250, and the parent's memory stays within a few tens of MB of it.
BATCH_SIZE = 500


def import_paths(
    paths,
    *,
    dry_run=False,
    on_outcome=None,
    batch_size=BATCH_SIZE,
    user=None,
    keep_outcomes=True,
):
    """Import files and folders; `on_outcome(outcome)` hears about each file as it is done,
    and the report keeps them all unless `keep_outcomes` is false. The history names
    `user` (a curator who uploaded the files) as the author."""
    report = ImportReport(keep_outcomes=keep_outcomes)
    history = History(user)

    def record(outcome):
        report.add(outcome)
        if on_outcome:
            on_outcome(outcome)

    _use_archive_names()
    # A dry run writes in one transaction that it rolls back; an import commits each batch.
    with (
        transaction.atomic() if dry_run else nullcontext(),
        bulk_changes(),
        nullcontext() if dry_run else rebuilt_at_the_end(),
        _collections_skip_what_is_loaded(),
    ):
        seen = {}
        written = 0
        # Each batch is parsed (by worker processes) while the one before it is written.
        writing = None
        for batch in _batches(find_files(paths), batch_size):
            started = _start_batch(batch, seen, record)
            if writing:
                written += _commit_batch(writing, record, history)
            writing = started
        if writing:
            written += _commit_batch(writing, record, history)
        # Every name once more: what changed outside the importer (a merge) links too.
        with transaction.atomic():
            _bring_up_to_date(link_names(history), history)
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run and written >= ANALYZE_FROM:
        analyze_tables()
    return report


def _commit_batch(started, record, history):
    """Write a batch in one transaction with what derives from it (links, search vectors,
    doubts, the archive's version): readers see its groups whole or not at all, and an
    import stopped later keeps it. Returns how many groups it changed."""
    with _collections_paused(), transaction.atomic():
        # The profiles showing these files' groups now: a tie or a name that a new version
        # drops leaves them.
        groups_changed(previous.group_id for _, _, _, previous in started[0] if previous)
        outcomes, changed_groups, changed_keys = _import_batch(started, history)
        changed_groups |= link_names(history, changed_keys)
        _bring_up_to_date(changed_groups, history)
    # Told once committed, so that a file reported imported is in the archive.
    for outcome in outcomes:
        record(outcome)
    return len(changed_groups)


# The garbage collector: a batch's rows are tens of thousands of objects that live until
# it is committed, and most are freed by reference counting. Its collections during a
# batch found little to free but walked them all, and everything loaded before (Django,
# the parser's dictionary of names) each time: 14 s of the parent's 74 s when importing
# 10,000 files on PostgreSQL, 1 s with the two below.


@contextmanager
def _collections_skip_what_is_loaded():
    """What is loaded before the import lives through it: frozen, collections skip it."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _collections_paused():
    """No collections while a batch is written; its garbage with cycles waits until the
    next collection after it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _bring_up_to_date(changed_groups, history):
    if changed_groups:
        refresh_search_vectors(changed_groups)
        flag_doubts(changed_groups, history)
        groups_changed(changed_groups)
        ArchiveState.touch()


def _batches(paths, size):
    batch = []
    for path in paths:
        batch.append(path)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _use_archive_names():
    """The archive's names and aliases become the parser's dictionary for mentions."""
    names = set(Group.objects.values_list("name", flat=True))
    names |= set(Alias.objects.values_list("name", flat=True))
    if use_archive_names(names):
        forget_workers()


# After this many groups, PostgreSQL's statistics are refreshed at once: autovacuum may
# take minutes, and meanwhile its planner, believing the tables small, reads whole tables
# for a profile page (measured after 10,000 files: 42.8 ms for a profile, 11.8 ms after
# ANALYZE, which took 2.3 s).
ANALYZE_FROM = 1000


def analyze_tables():
    if connection.vendor != "postgresql":
        return
    quote = connection.ops.quote_name
    tables = [model._meta.db_table for model in apps.get_app_config("profiles").get_models()]
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"ANALYZE {quote(table)}")
