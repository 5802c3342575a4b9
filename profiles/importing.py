"""Profile files to rows: parse each file, then write files in batches, each file atomically.

A file is identified by its name: importing an unchanged file does nothing, importing a
changed version replaces what that file said, except where a curator has changed it since
(profiles.reimport). Every row written is recorded in the history, with the importing
user (none from the command line) and the file as the reason. Files are written a batch at a time
in one transaction (per-file commits would cost a round trip each); if a batch fails,
its files are written again one by one, each in its own savepoint, so that one bad file
never takes the others with it. Names are linked across files after every run, so the
order in which files arrive does not matter.
"""

import atexit
import hashlib
import multiprocessing
import os
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from django.apps import apps
from django.db import DatabaseError, connection, transaction
from django.db.models import Count
from django.db.models.deletion import Collector
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from profiles.models import (
    SECTION_KEYS,
    Alias,
    ArchiveState,
    Citation,
    Event,
    Group,
    GroupCountry,
    HeldChange,
    NameKey,
    Precision,
    Reference,
    Relation,
    Relationship,
    SlugRedirect,
    SourceDocument,
    bulk_changes,
)
from profiles.parsing.names import name_key
from profiles.parsing.profile import parse_profile
from profiles.parsing.text import decode
from profiles.parsing.types import ParseError
from profiles.reimport import (
    SIGNATURES,
    Entry,
    RowPlan,
    fresh_entries,
    held_row_change,
    merge_values,
    plan_rows,
    save_held_changes,
    snapshot,
    with_held_doubt,
)
from profiles.rendering import plain_to_markdown, render_plain
from profiles.search import refresh_search_vectors

BATCH_SIZE = 250
# Events that date the world around a group, not the group's own activity.
NOT_ACTIVITY = {"context", "publication"}


@dataclass
class FileOutcome:
    path: str
    status: str  # created, updated, unchanged, error
    group: str = ""
    slug: str = ""
    message: str = ""
    line: int = 0
    counts: dict = field(default_factory=dict)
    # What a curator changed that this file changes too: kept, and held for a decision.
    held: list = field(default_factory=list)

    @property
    def filename(self):
        return Path(self.path).name


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    totals: dict = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0, "error": 0}
    )

    def add(self, outcome):
        self.totals[outcome.status] += 1
        self.outcomes.append(outcome)

    @property
    def failed(self):
        return self.totals["error"] > 0


@dataclass
class ParsedFile:
    path: Path
    filename: str
    sha256: str
    text: str
    encoding: str
    profile: object
    existing: SourceDocument | None
    values: dict | None = None  # the group's values as this file gives them


def find_files(paths):
    """Each path, or every *.txt below a folder, in a stable order; missing paths are errors."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def import_paths(paths, *, dry_run=False, on_outcome=None, batch_size=BATCH_SIZE, user=None):
    """Import files and folders; `on_outcome(outcome)` hears about each file as it is done.
    The history names `user` (a curator who uploaded the files) as the author."""
    report = ImportReport()
    history = History(user)

    def record(outcome):
        report.add(outcome)
        if on_outcome:
            on_outcome(outcome)

    with transaction.atomic(), bulk_changes():
        seen = {}
        changed_groups = set()
        batch = []
        for path in find_files(paths):
            batch.append(path)
            if len(batch) >= batch_size:
                changed_groups |= _import_batch(batch, seen, record, history)
                batch = []
        if batch:
            changed_groups |= _import_batch(batch, seen, record, history)
        changed_groups |= link_names(history)
        if changed_groups:
            refresh_search_vectors(changed_groups)
            flag_doubts(changed_groups, history)
            ArchiveState.touch()
        if dry_run:
            transaction.set_rollback(True)
    if not dry_run and len(changed_groups) >= ANALYZE_FROM:
        analyze_tables()
    return report


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


class History:
    """Writes rows with their history records: who imported them, and from which file."""

    # Rows with a source file are most of an import; their history rows are copied by the
    # database (INSERT ... SELECT, the file's name as the reason) rather than built one
    # by one in Python, which took most of an import's time. Others go through
    # simple-history's own bulk functions.
    COPIED = {Alias, Event, Reference, Citation, Relationship}

    def __init__(self, user):
        self.user = user
        self.reason = "import" + ("" if user else " from the command line")

    def create(self, model, rows):
        if model in self.COPIED:
            model.objects.bulk_create(rows)
            self._copy(model, [row.pk for row in rows], "+")
            return rows
        return bulk_create_with_history(
            rows, model, default_user=self.user, default_change_reason=self.reason
        )

    def update(self, model, rows, fields, reason=None):
        """Update rows; the history gives `reason`, else the file each row came from."""
        if not rows:
            return
        if model in self.COPIED:
            model.objects.bulk_update(rows, fields)
            self._copy(model, [row.pk for row in rows], "~", reason)
            return
        bulk_update_with_history(
            rows, model, fields, default_user=self.user, default_change_reason=self.reason
        )

    def delete(self, rows):
        """Delete these rows (and what cascades from them), each deletion in the history."""
        if not rows:
            return
        model = type(rows[0])
        if model in self.COPIED:
            # The importer deletes citations before what they cite and unlinks what a
            # curator kept, so nothing cascades: one statement each way.
            ids = [row.pk for row in rows]
            self._copy(model, ids, "-")
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                for start in range(0, len(ids), 900):
                    chunk = ids[start : start + 900]
                    placeholders = ", ".join(["%s"] * len(chunk))
                    cursor.execute(f"DELETE FROM {table} WHERE id IN ({placeholders})", chunk)
            return
        for row in rows:
            row._history_user = self.user
            row._change_reason = getattr(row, "_change_reason", self.reason)
        # The collector sends each row's post_delete with these very instances, which
        # carry the author; a queryset delete would read the rows again without it.
        collector = Collector(using="default", origin=rows[0])
        collector.collect(rows)
        collector.delete()

    def _copy(self, model, ids, history_type, reason=None):
        """Write the history rows of these rows as they are now: the same columns
        simple-history's bulk_history_create writes."""
        historical = model.history.model
        quote = connection.ops.quote_name
        columns = [f.column for f in historical.tracked_fields]
        documents = quote(SourceDocument._meta.db_table)
        # The reason given, else the row's file.
        reason_sql = "%s" if reason else "COALESCE('import of ' || d.filename, %s)"
        insert = (
            f"INSERT INTO {quote(historical._meta.db_table)} "
            f"({', '.join(quote(c) for c in columns)}, history_date, history_change_reason, "
            "history_type, history_user_id) "
            f"SELECT {', '.join('r.' + quote(c) for c in columns)}, %s, {reason_sql}, %s, %s "
            f"FROM {quote(model._meta.db_table)} r LEFT JOIN {documents} d "
            "ON d.id = r.document_id WHERE r.id IN "
        )
        # As the ORM stores it (on SQLite, naive UTC text that compares with its own).
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        user_id = self.user.pk if self.user else None
        with connection.cursor() as cursor:
            for start in range(0, len(ids), 900):
                chunk = ids[start : start + 900]
                cursor.execute(
                    insert + f"({', '.join(['%s'] * len(chunk))})",
                    [now, reason or self.reason, history_type, user_id, *chunk],
                )


def _read(path, seen, record):
    """The file's bytes, or None after recording why it cannot be imported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        record(FileOutcome(str(path), "error", message="no such file", line=1))
        return None
    except OSError as error:
        record(FileOutcome(str(path), "error", message=f"cannot read: {error.strerror}", line=1))
        return None
    earlier = seen.get(path.name)
    digest = hashlib.sha256(data).hexdigest()
    if earlier and earlier[1] != digest:
        record(
            FileOutcome(
                str(path),
                "error",
                message=f"another file named {path.name} ({earlier[0]}) was imported in this run",
                line=1,
            )
        )
        return None
    seen[path.name] = (str(path), digest)
    return data, digest


def _import_batch(paths, seen, record, history):
    """Import one batch; return the ids of the groups it wrote."""
    existing = _documents([p.name for p in paths])
    to_parse = []
    for path in paths:
        read = _read(path, seen, record)
        if read is None:
            continue
        data, digest = read
        previous = existing.get(path.name)
        if previous and previous.sha256 == digest:
            record(FileOutcome(str(path), "unchanged"))
            continue
        to_parse.append((path, data, digest, previous))
    parsed = []
    results = _parse_all([data for _, data, _, _ in to_parse])
    for (path, _data, digest, previous), result in zip(to_parse, results, strict=True):
        if isinstance(result, ParseError):
            record(FileOutcome(str(path), "error", message=result.message, line=result.line))
            continue
        text, encoding, profile = result
        parsed.append(ParsedFile(path, path.name, digest, text, encoding, profile, previous))
    if not parsed:
        return set()
    changed_groups = set()
    try:
        with transaction.atomic():
            outcomes = _write(parsed, changed_groups, history)
    except DatabaseError:
        # Find the file the database refused; write the others one by one, each from
        # its document as stored (the failed attempt changed the objects in memory).
        outcomes = []
        stored = _documents([item.filename for item in parsed if item.existing])
        for item in parsed:
            item.existing = stored.get(item.filename)
            try:
                with transaction.atomic():
                    outcomes += _write([item], changed_groups, history)
            except DatabaseError as error:
                message = (
                    str(error).strip().splitlines()[0] if str(error).strip() else "database error"
                )
                outcomes.append(
                    FileOutcome(str(item.path), "error", message=f"not imported: {message}", line=1)
                )
    for outcome in outcomes:
        record(outcome)
    return changed_groups


def _documents(filenames):
    """filename -> the SourceDocument already imported under that name."""
    documents = SourceDocument.objects.filter(filename__in=filenames).only(
        "id", "filename", "sha256", "group_id", "imported_rows", "imported_values"
    )
    return {doc.filename: doc for doc in documents}


def parse_bytes(data):
    """(text, encoding, profile), or the ParseError: what a worker process returns."""
    try:
        text, encoding = decode(data)
        return text, encoding, parse_profile(text)
    except ParseError as error:
        return error


# Parsing is pure Python and CPU-bound: large batches are parsed on every core.
PARALLEL_FROM = 64
_pool = None


def _parse_all(blobs):
    global _pool
    workers = min(os.cpu_count() or 1, 8)
    if len(blobs) < PARALLEL_FROM or workers < 2:
        return [parse_bytes(data) for data in blobs]
    if _pool is None:
        # fork: the workers inherit the loaded parser and never touch the database.
        _pool = multiprocessing.get_context("fork").Pool(workers)
        atexit.register(_pool.terminate)
    return _pool.map(parse_bytes, blobs, chunksize=16)


SLUG_LENGTH = Group._meta.get_field("slug").max_length


def _slug(name, codes=()):
    """The group's slug; with `codes` for a same-named group elsewhere ("...-forces-sl")."""
    slug = slugify(name) or slugify(name, allow_unicode=True) or "group"
    if not codes:
        return slug[:SLUG_LENGTH]
    suffix = "-" + "-".join(code.lower() for code in codes)
    return slug[: SLUG_LENGTH - len(suffix)] + suffix


def _write(items, changed_groups, history):
    """Write parsed files; return their outcomes and add the groups written to
    `changed_groups`. Runs inside a transaction."""
    now = timezone.now()
    old_groups = {item.existing.group_id for item in items if item.existing}
    # What each re-imported file gave last time, before its row is updated below.
    imported_rows = {item.filename: item.existing.imported_rows for item in items if item.existing}
    groups, held_by_item, valid = _groups_for(items, now, history)
    countries_named = _countries_by_group({g.pk for g in groups})  # before the files change

    docs, rows, held = [], [], []
    for item, group, group_held in zip(items, groups, held_by_item, strict=True):
        doc = item.existing or SourceDocument(filename=item.filename)
        doc.sha256, doc.format, doc.encoding = item.sha256, item.profile.format, item.encoding
        doc.raw_text, doc.group, doc.imported_at = item.text, group, now
        doc.countries = item.profile.countries
        file_rows = _rows_of(item, group, doc)
        doc.imported_values = item.values
        doc._change_reason = f"import of {item.filename}"
        docs.append(doc)
        rows.append(file_rows)
        for change in group_held:
            change.document = doc
        held += group_held
    old_docs = [doc for doc in docs if doc.pk is not None]
    history.create(SourceDocument, [doc for doc in docs if doc.pk is None])
    history.update(
        SourceDocument,
        old_docs,
        ["sha256", "format", "encoding", "raw_text", "group", "imported_at", "countries"]
        + ["imported_values"],
    )

    _write_countries(groups, countries_named, history)
    row_held, row_valid, snapshots, rows_changed = _write_rows(
        items, groups, docs, rows, imported_rows, history
    )
    # A profile that gained or lost rows has changed, even if none of its values did (a
    # row's new place in the file alone is not a change readers see).
    Group.objects.filter(pk__in=rows_changed).exclude(updated_at=now).update(updated_at=now)
    # What each file gave, row by row, with the ids of the rows standing for it now.
    for doc, file_snapshot in zip(docs, snapshots, strict=True):
        doc.imported_rows = file_snapshot
    SourceDocument.objects.bulk_update(docs, ["imported_rows"])
    _write_name_keys(groups, items)
    # A changed file may now describe another group: drop a group no file describes; one
    # that other files still describe has changed too.
    left = old_groups - {g.pk for g in groups}
    history.delete(list(Group.objects.filter(pk__in=left, sources__isnull=True)))
    survivors = set(Group.objects.filter(pk__in=left).values_list("pk", flat=True))
    Group.objects.filter(pk__in=survivors).update(updated_at=now)
    held += row_held
    save_held_changes(docs, held, valid | row_valid)
    changed_groups.update({group.pk for group in groups} | survivors)

    held_by_file = {}
    for change in held:
        held_by_file.setdefault(change.document.filename, []).append(change)
    outcomes = []
    for item, group in zip(items, groups, strict=True):
        counts = {
            "events": len(item.profile.events),
            "references": len(item.profile.references),
            "relations": len(item.profile.relations),
            "aliases": len(item.profile.aliases),
        }
        held_here = held_by_file.get(item.filename, [])
        if held_here:
            counts["held"] = len(held_here)
        outcomes.append(
            FileOutcome(
                str(item.path),
                "updated" if item.existing else "created",
                group=group.name,
                slug=group.slug,
                counts=counts,
                held=[
                    f"{c.label}: the curator's “{c.curator_value}” stays; "
                    f"the file now says “{c.file_value}”"
                    for c in held_here
                ],
            )
        )
    return outcomes


def _groups_for(items, now, history):
    """One Group per file (files that name the same group share it), created or updated;
    and the changes held back because a curator had changed the same values."""
    # One object per group row, however it is found: two would each be written, and the
    # second would undo what the first file wrote.
    loaded = {}

    def one(group):
        return None if group is None else loaded.setdefault(group.pk, group)

    slugs = {item.filename: _slug(item.profile.name) for item in items}
    existing = {g.slug: one(g) for g in Group.objects.filter(slug__in=set(slugs.values()))}
    other_files = _countries_by_group(
        [g.pk for g in existing.values()], exclude=[i.filename for i in items]
    )
    # A file already imported keeps its group, even one a curator renamed or merged.
    by_pk = {
        pk: one(group)
        for pk, group in Group.objects.in_bulk(
            {item.existing.group_id for item in items if item.existing}
        ).items()
    }
    names = {}
    for group_id, key in NameKey.objects.filter(group__in=by_pk).values_list("group_id", "key"):
        names.setdefault(group_id, set()).add(key)
    sources = dict(
        SourceDocument.objects.filter(group__in=by_pk)
        .values("group")
        .annotate(files=Count("id"))
        .values_list("group", "files")
    )
    # The address of a group merged into another leads to the survivor.
    redirects = {
        r.old_slug: one(r.group)
        for r in SlugRedirect.objects.filter(old_slug__in=set(slugs.values())).select_related(
            "group"
        )
    }
    by_slug, groups, held, renamed, valid, before = {}, [], [], [], set(), {}
    for item in items:
        slug = slugs[item.filename]
        group = by_pk.get(item.existing.group_id) if item.existing else None
        if group is not None and not _still_describes(group, item, sources, names):
            group = None
        if group is None:
            group = by_slug.get(slug) or existing.get(slug)
            if group is not None and group.pk and _is_different_group(group, item, other_files):
                slug = _slug(item.profile.name, item.profile.countries or ["2"])
                group = by_slug.get(slug) or one(Group.objects.filter(slug=slug).first())
            group = group or redirects.get(slug)
        if group is None:
            group = Group(slug=slug, created_at=now)
        before.setdefault(id(group), _fingerprint(group))
        name = group.name
        values, plain_sections = _profile_values(item.profile)
        group_held, group_valid = merge_values(
            group, values, item.existing.imported_values if item.existing else None
        )
        held.append(group_held)
        valid |= group_valid
        item.values = values
        _render_sections(group, plain_sections)
        if group.pk and group.name != name:
            renamed.append(group)
        group._change_reason = f"import of {item.filename}"
        by_slug[slug] = group
        groups.append(group)
    _follow_renames(renamed, history)
    unique = list({id(g): g for g in groups}.values())
    # A group whose values the files left as they were (or only held) is not written.
    changed = [g for g in unique if g.pk is None or _fingerprint(g) != before[id(g)]]
    for group in changed:
        group.updated_at = now
    new, old = [g for g in changed if g.pk is None], [g for g in changed if g.pk is not None]
    history.create(Group, new)
    history.update(Group, old, GROUP_FIELDS)
    return groups, held, valid


def _fingerprint(group):
    return [getattr(group, name) for name in GROUP_FIELDS if name != "updated_at"]


GROUP_FIELDS = [
    "name", "slug", "kind", "status", "formation_date", "formation_earliest",
    "formation_latest", "formation_precision", "termination_date", "termination_earliest",
    "termination_latest", "termination_precision", "active_start", "active_end", "size",
    "size_text", "size_date", *SECTION_KEYS, "sections_html", "imported_values", "updated_at",
]  # fmt: skip


def _still_describes(group, item, sources, names):
    """Whether a re-imported file still describes the group it was imported into: it is
    the group's only file, or its title, new or previous, is one the group goes by."""
    if sources.get(group.pk, 0) <= 1:
        return True
    known = names.get(group.pk, set()) | {name_key(group.name)}
    if name_key(item.profile.name) in known:
        return True
    # A retouched title ("The Night Wardens of Ghana" for "Night Wardens") of a name the
    # group goes by, even one a merge gave it; not a title naming another group.
    previous = ((item.existing.imported_values or {}).get("name") or [""])[0]
    return name_key(previous) in known and _resembles(previous, item.profile.name)


def _resembles(first, second):
    first, second = name_key(first), name_key(second)
    if not first or not second:
        return False
    return (
        first in second
        or second in first
        or SequenceMatcher(None, first, second, autojunk=False).ratio() >= 0.8
    )


def _follow_renames(groups, history):
    """A group a new version of its file renames takes the new name's address, unless
    that is taken; the old address redirects to it. (An import never changes a name a
    curator chose: profiles.reimport.)"""
    for group in groups:
        slug = _slug(group.name)
        if (
            slug == group.slug
            or Group.objects.filter(slug=slug).exists()
            or SlugRedirect.objects.filter(old_slug=slug).exclude(group=group).exists()
        ):
            continue
        # A name given back: its address leads to the group itself again.
        SlugRedirect.objects.filter(old_slug=slug, group=group).delete()
        redirect = SlugRedirect(old_slug=group.slug, group=group)
        redirect._change_reason = "a new version of its file renamed the group"
        history.create(SlugRedirect, [redirect])
        group.slug = slug


def _profile_values(profile):
    """The group's values as this file gives them (profiles.reimport.VALUE_FIELDS), and
    the plain text of each section it gives."""
    values = {"name": [profile.name], "kind": [profile.kind], "status": [profile.status]}
    for prefix, value in (("formation", profile.formation), ("termination", profile.termination)):
        values[f"{prefix}_date"] = [
            value.edtf if value else "",
            value.earliest.isoformat() if value and value.earliest else None,
            value.latest.isoformat() if value and value.latest else None,
            value.precision if value else "",
        ]
    start, end = _active_span(profile)
    values["active_period"] = [start and start.isoformat(), end and end.isoformat()]
    values["size"] = [
        profile.size,
        profile.size_text,
        profile.size_date.edtf if profile.size_date else "",
    ]
    plain_sections = {}
    for key in SECTION_KEYS:
        # A file fills the sections it has; another file's sections of the group stay.
        if key in profile.sections or profile.format == "guidebook" and key != "narrative":
            plain_sections[key] = profile.sections.get(key, "")
            values[key] = [plain_to_markdown(plain_sections[key])]
    return values, plain_sections


def _render_sections(group, plain_sections):
    """The HTML of the sections the file gave and the group now holds (not those a
    curator's edit kept), from the plain text: quicker than rendering the Markdown."""
    html = dict(group.sections_html or {})
    for key, text in plain_sections.items():
        if getattr(group, key) == plain_to_markdown(text):
            html[key] = render_plain(text)
    group.sections_html = {key: value for key, value in html.items() if value}


def _countries_by_group(group_ids, exclude=()):
    """group id -> the country codes its source files name (but the files in `exclude`)."""
    codes = {}
    rows = SourceDocument.objects.filter(group_id__in=group_ids).exclude(filename__in=exclude)
    for group_id, countries in rows.values_list("group_id", "countries"):
        codes.setdefault(group_id, set()).update(countries)
    return codes


def _is_different_group(group, item, other_files):
    """A group of the same name described by other files about other countries."""
    theirs = other_files.get(group.pk)
    return (
        bool(theirs) and bool(item.profile.countries) and not theirs & set(item.profile.countries)
    )


def _active_span(profile):
    """Widest possible active span: formation, else the earliest dated activity; open end."""
    end = profile.termination.latest if profile.termination else None
    if profile.formation:
        start = profile.formation.earliest
    else:
        activity = [e.date.earliest for e in profile.events if e.kind not in NOT_ACTIVITY]
        start = min(activity) if activity else None
    if start and end and start > end:
        start = min(start, profile.termination.earliest) if profile.termination else start
        if start > end:
            start = None
    return start, end


def _write_countries(groups, named_before, history):
    """Each group's countries follow what its files name, three ways: a country the files
    now name is added, one they no longer name is removed, and what a curator added or
    removed otherwise stays as the curator left it."""
    unique = {g.pk for g in groups}
    named = _countries_by_group(unique)
    have = {}
    for row in GroupCountry.objects.filter(group_id__in=unique):
        have.setdefault(row.group_id, {})[row.code] = row
    added, removed = [], []
    for group_id in unique:
        now, before = named.get(group_id, set()), named_before.get(group_id, set())
        current = have.get(group_id, {})
        added += [
            GroupCountry(group_id=group_id, code=code)
            for code in sorted(now - before)
            if code not in current
        ]
        removed += [current[code] for code in sorted(before - now) if code in current]
    history.delete(removed)
    history.create(GroupCountry, added)


def _rows_of(item, group, doc):
    """The rows a file gives, unsaved, model by model (profiles.reimport.SIGNATURES)."""
    profile = item.profile
    aliases = []
    for kind, names in (
        (Alias.Kind.STATED, profile.aliases),
        (Alias.Kind.MATCH_KEY, profile.match_keys),
    ):
        for position, name in enumerate(names):
            aliases.append(
                Alias(group=group, name=name, kind=kind, document=doc, position=position)
            )
    for position, claim in enumerate(profile.alias_claims):
        aliases.append(
            Alias(
                subject_name=claim.subject,
                subject_key=name_key(claim.subject),
                name=claim.name,
                kind=Alias.Kind.CLAIM if claim.display else Alias.Kind.MATCH_KEY,
                document=doc,
                position=position,
            )
        )
    events, doc_events = [], {}
    for parsed in profile.events:
        event = Event(
            group=group,
            document=doc,
            date=parsed.date.edtf,
            date_text=parsed.date.text[:200],
            earliest=parsed.date.earliest,
            latest=parsed.date.latest,
            precision=parsed.date.precision,
            text=parsed.text,
            kind=parsed.kind,
            section=parsed.section,
            position=parsed.position,
        )
        events.append(event)
        doc_events.setdefault(parsed.text, []).append(event)
    references, doc_references = [], {}
    for parsed in profile.references:
        reference = Reference(
            group=group,
            document=doc,
            marker=parsed.marker,
            label=parsed.label,
            url=parsed.url,
            position=parsed.position,
        )
        references.append(reference)
        if parsed.marker is not None:
            doc_references[parsed.marker] = reference
    citations = []
    for parsed in profile.citations:
        reference = doc_references.get(parsed.marker)
        if reference is None:
            continue
        # The marker cites each event read from its sentence; one that closed a sentence
        # the extract left out cites no event.
        cited = doc_events.get(parsed.statement, []) if parsed.statement else []
        for event in cited or [None]:
            citations.append(
                Citation(
                    group=group,
                    document=doc,
                    reference=reference,
                    event=event,
                    section=parsed.section,
                    statement=parsed.statement,
                    position=parsed.position,
                )
            )
    relationships = [
        Relationship(
            source=group,
            target_name=parsed.target,
            target_key=name_key(parsed.target),
            relation=parsed.relation,
            sentence=parsed.sentence,
            document=doc,
            position=parsed.position,
        )
        for parsed in profile.relations
    ]
    file_rows = {
        "alias": aliases,
        "event": events,
        "reference": references,
        "citation": citations,
        "relationship": relationships,
    }
    return file_rows


# Saved in this order so that citations find the ids of their events and references.
WRITE_ORDER = ["alias", "event", "reference", "citation", "relationship"]


def _write_rows(items, groups, docs, rows, imported_rows, history):
    """Write each file's rows; a re-imported file's rows are compared with what it gave
    last time (profiles.reimport.plan_rows). Returns the changes held for a curator, the
    identities of the waiting ones still valid, each file's new row snapshot, and the
    groups whose rows changed."""
    plans = _plan_rows(items, groups, docs, rows, imported_rows)
    _delete_dropped(plans, history)
    # The archive's row that stands for each of the file's rows (None: none does), so
    # that the file's citations cite rows that are in the archive.
    standing_for = {}
    for target in WRITE_ORDER:
        for _doc, _group, plan in plans[target]:
            standing_for.update((id(new), row) for new, row in plan.stand_in)
        _follow_kept(target, plans[target], standing_for, history)
        creatable = [row for _doc, _group, plan in plans[target] for row in plan.create]
        history.create(SIGNATURES[target][0], _resolved(target, creatable, standing_for))
    held, valid = [], set()
    for target in WRITE_ORDER:
        for doc, group, plan in plans[target]:
            for new, entry, curator_row in plan.held:
                if new is None or _resolved(target, [new], standing_for):
                    held.append(held_row_change(target, new, entry, curator_row, group, doc))
            valid |= {
                (target, Entry(position, signature, row and row.pk, state).key)
                for position, signature, row, state in plan.entries
                if state
            }
    snapshots = [
        {target: snapshot(plans[target][index][2].entries) for target in SIGNATURES}
        for index in range(len(items))
    ]
    rows_changed = {
        group.pk
        for target in SIGNATURES
        for _doc, group, plan in plans[target]
        if plan.create or plan.delete
    }
    return held, valid, snapshots, rows_changed


def _plan_rows(items, groups, docs, rows, imported_rows):
    """Per model, a RowPlan for each file (in the order of `items`); a file imported for
    the first time has every row to create."""
    replaced = [doc for item, doc in zip(items, docs, strict=True) if item.existing]
    current = {target: {} for target in SIGNATURES}
    for target, (model, _signature) in SIGNATURES.items():
        queryset = model.objects.filter(document__in=replaced)
        if target == "citation":
            queryset = queryset.select_related("reference", "event")
        for row in queryset:
            current[target].setdefault(row.document_id, []).append(row)

    plans = {target: [] for target in SIGNATURES}
    for item, group, doc, file_rows in zip(items, groups, docs, rows, strict=True):
        for target in SIGNATURES:
            if item.existing:
                before = imported_rows[item.filename]
                imported = None if before is None else before.get(target)
                plan = plan_rows(
                    target, imported, current[target].get(doc.pk, []), file_rows[target]
                )
            else:
                plan = RowPlan(
                    create=file_rows[target], entries=fresh_entries(file_rows[target], target)
                )
            plans[target].append((doc, group, plan))
    return plans


def _delete_dropped(plans, history):
    """Delete the rows the files no longer give: citations before what they cite."""

    def dropped(target):
        return [row for _doc, _group, plan in plans[target] for row in plan.delete]

    history.delete(dropped("citation"))
    events, references = dropped("event"), dropped("reference")
    # A citation a curator kept outlives the event it cited, and keeps its reference.
    orphaned = list(Citation.objects.filter(event__in=events))
    for citation in orphaned:
        citation.event = None
    history.update(Citation, orphaned, ["event"])
    cited = set(
        Citation.objects.filter(reference__in=references).values_list("reference_id", flat=True)
    )
    history.delete(events)
    history.delete([row for row in references if row.pk not in cited])
    history.delete(dropped("alias"))
    history.delete(dropped("relationship"))


def _follow_kept(target, plans, standing_for, history):
    """Rows a file still gives unchanged stay (same id, no history) but follow the file:
    their place in it, their group and, for citations, what they cite."""
    model = SIGNATURES[target][0]
    followed = _followed_fields(target)
    moved = []
    for _doc, _group, plan in plans:
        for row, new in plan.keep:
            standing_for[id(new)] = row
            fields = list(followed)
            if getattr(row, "subject_key", ""):
                fields.remove("group")  # a claim's group is found by linking names
            if target == "citation" and not _resolved(target, [new], standing_for):
                fields = ["position"]  # what it cited is held back: it keeps citing the old
            if any(_id_of(row, name) != _id_of(new, name) for name in fields):
                for name in fields:
                    setattr(row, name, getattr(new, name))
                moved.append(row)
    history.update(model, moved, followed)


def _resolved(target, rows, standing_for):
    """The rows, each citation pointed at the archive's rows that stand for what it cites;
    a citation whose reference is not in the archive is left out."""
    if target != "citation":
        return rows
    kept = []
    for row in rows:
        reference = standing_for.get(id(row.reference), row.reference)
        event = standing_for.get(id(row.event), row.event) if row.event is not None else None
        if reference is None or reference.pk is None:
            continue
        row.reference = reference
        row.event = event if event is not None and event.pk is not None else None
        kept.append(row)
    return kept


def _followed_fields(target):
    """What a row the file kept takes from the file's row: its place in the file, its
    group (which a merge may have changed) and, for a citation, what it cites."""
    group = "source" if target == "relationship" else "group"
    if target == "citation":
        return ["position", group, "reference", "event"]
    return ["position", group]


def _id_of(row, name):
    """A field's value; for a foreign key, the id (of the object assigned, if any)."""
    field = row._meta.get_field(name)
    if not field.is_relation:
        return getattr(row, name)
    assigned = field.get_cached_value(row, default=None)
    return assigned.pk if assigned is not None else getattr(row, field.attname)


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
