"""Profile files to rows: parse each file, then write files in batches, each file atomically.

A file is identified by its name: importing an unchanged file does nothing, importing a
changed version replaces everything that file said. Files are written a batch at a time
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
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.text import slugify

from profiles.models import (
    SECTION_KEYS,
    Alias,
    ArchiveState,
    Citation,
    Event,
    Group,
    GroupCountry,
    NameKey,
    Precision,
    Reference,
    Relation,
    Relationship,
    SourceDocument,
    bulk_changes,
)
from profiles.parsing.names import name_key
from profiles.parsing.profile import parse_profile
from profiles.parsing.text import decode
from profiles.parsing.types import ParseError
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


def find_files(paths):
    """Each path, or every *.txt below a folder, in a stable order; missing paths are errors."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def import_paths(paths, *, dry_run=False, on_outcome=None, batch_size=BATCH_SIZE):
    """Import files and folders; `on_outcome(outcome)` hears about each file as it is done."""
    report = ImportReport()

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
                changed_groups |= _import_batch(batch, seen, record)
                batch = []
        if batch:
            changed_groups |= _import_batch(batch, seen, record)
        changed_groups |= link_names()
        if changed_groups:
            refresh_search_vectors(changed_groups)
            flag_doubts(changed_groups)
            ArchiveState.touch()
        if dry_run:
            transaction.set_rollback(True)
    return report


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


def _import_batch(paths, seen, record):
    """Import one batch; return the ids of the groups it wrote."""
    existing = {
        doc.filename: doc
        for doc in SourceDocument.objects.filter(filename__in=[p.name for p in paths]).only(
            "id", "filename", "sha256", "group_id"
        )
    }
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
            outcomes = _write(parsed, changed_groups)
    except DatabaseError:
        # Find the file the database refused; write the others one by one.
        outcomes = []
        for item in parsed:
            try:
                with transaction.atomic():
                    outcomes += _write([item], changed_groups)
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


def _write(items, changed_groups):
    """Write parsed files; return their outcomes and add the groups written to
    `changed_groups`. Runs inside a transaction."""
    now = timezone.now()
    replaced_docs = [item.existing.pk for item in items if item.existing]
    old_groups = {item.existing.group_id for item in items if item.existing}
    if replaced_docs:
        # Everything a replaced file said goes; its document row stays and is updated.
        for model in (Citation, Event, Reference, Relationship, Alias):
            model.objects.filter(document_id__in=replaced_docs).delete()

    groups = _groups_for(items, now)
    docs = []
    for item, group in zip(items, groups, strict=True):
        doc = item.existing or SourceDocument(filename=item.filename)
        doc.sha256, doc.format, doc.encoding = item.sha256, item.profile.format, item.encoding
        doc.raw_text, doc.group, doc.imported_at = item.text, group, now
        doc.countries = item.profile.countries
        docs.append(doc)
    new_docs = [doc for doc in docs if doc.pk is None]
    old_docs = [doc for doc in docs if doc.pk is not None]
    SourceDocument.objects.bulk_create(new_docs)
    if old_docs:
        SourceDocument.objects.bulk_update(
            old_docs,
            ["sha256", "format", "encoding", "raw_text", "group", "imported_at", "countries"],
        )

    _write_countries(groups)
    counts = _write_children(items, groups, docs)
    _write_name_keys(groups)
    # A changed file may name its group differently: drop a group no file describes.
    Group.objects.filter(pk__in=old_groups - {g.pk for g in groups}, sources__isnull=True).delete()
    changed_groups.update(group.pk for group in groups)

    outcomes = []
    for item, group, count in zip(items, groups, counts, strict=True):
        outcomes.append(
            FileOutcome(
                str(item.path),
                "updated" if item.existing else "created",
                group=group.name,
                slug=group.slug,
                counts=count,
            )
        )
    return outcomes


GROUP_FIELDS = [
    "name", "kind", "status", "formation_date", "formation_earliest", "formation_latest",
    "formation_precision", "termination_date", "termination_earliest", "termination_latest",
    "termination_precision", "active_start", "active_end", "size", "size_text", "size_date",
    *SECTION_KEYS, "sections_html", "updated_at",
]  # fmt: skip


def _groups_for(items, now):
    """One Group per file (files that name the same group share it), created or updated."""
    slugs = {item.filename: _slug(item.profile.name) for item in items}
    existing = {g.slug: g for g in Group.objects.filter(slug__in=set(slugs.values()))}
    other_files = _countries_by_group(
        [g.pk for g in existing.values()], exclude=[i.filename for i in items]
    )

    by_slug, groups = {}, []
    for item in items:
        slug = slugs[item.filename]
        group = by_slug.get(slug) or existing.get(slug)
        if group is not None and group.pk and _is_different_group(group, item, other_files):
            slug = _slug(item.profile.name, item.profile.countries or ["2"])
            group = by_slug.get(slug) or Group.objects.filter(slug=slug).first()
        if group is None:
            group = Group(slug=slug, created_at=now)
        _apply_profile(group, item.profile, now)
        by_slug[slug] = group
        groups.append(group)
    unique = list({id(g): g for g in groups}.values())
    new = [g for g in unique if g.pk is None]
    old = [g for g in unique if g.pk is not None]
    Group.objects.bulk_create(new)
    if old:
        Group.objects.bulk_update(old, GROUP_FIELDS)
    return groups


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


def _apply_profile(group, profile, now):
    group.name = profile.name
    group.kind = profile.kind
    group.status = profile.status
    for prefix, value in (("formation", profile.formation), ("termination", profile.termination)):
        setattr(group, f"{prefix}_date", value.edtf if value else "")
        setattr(group, f"{prefix}_earliest", value.earliest if value else None)
        setattr(group, f"{prefix}_latest", value.latest if value else None)
        setattr(group, f"{prefix}_precision", value.precision if value else "")
    group.active_start, group.active_end = _active_span(profile)
    group.size = profile.size
    group.size_text = profile.size_text
    group.size_date = profile.size_date.edtf if profile.size_date else ""
    html = dict(group.sections_html or {})
    for key in SECTION_KEYS:
        # A file fills the sections it has; another file's sections of the group stay.
        if key in profile.sections or profile.format == "guidebook" and key != "narrative":
            text = profile.sections.get(key, "")
            setattr(group, key, plain_to_markdown(text))
            html[key] = render_plain(text)
    group.sections_html = {key: value for key, value in html.items() if value}
    group.updated_at = now


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


def _write_countries(groups):
    unique = {g.pk for g in groups}
    codes = _countries_by_group(unique)
    GroupCountry.objects.filter(group_id__in=unique).delete()
    GroupCountry.objects.bulk_create(
        [
            GroupCountry(group_id=gid, code=code)
            for gid, found in codes.items()
            for code in sorted(found)
        ]
    )


def _write_children(items, groups, docs):
    aliases, events, references, relationships = [], [], [], []
    citations = []
    counts = []
    for item, group, doc in zip(items, groups, docs, strict=True):
        profile = item.profile
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
        doc_events = {}
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
        doc_references = {}
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
        for parsed in profile.relations:
            relationships.append(
                Relationship(
                    source=group,
                    target_name=parsed.target,
                    target_key=name_key(parsed.target),
                    relation=parsed.relation,
                    sentence=parsed.sentence,
                    document=doc,
                    position=parsed.position,
                )
            )
        counts.append(
            {
                "events": len(profile.events),
                "references": len(profile.references),
                "relations": len(profile.relations),
                "aliases": len(profile.aliases),
            }
        )
    Alias.objects.bulk_create(aliases)
    # Saved in this order so that citations find the ids of their events and references.
    Event.objects.bulk_create(events)
    Reference.objects.bulk_create(references)
    Citation.objects.bulk_create(citations)
    Relationship.objects.bulk_create(relationships)
    return counts


def _write_name_keys(groups):
    unique = {g.pk: g for g in groups}
    NameKey.objects.filter(group_id__in=unique).delete()
    keys = {(g.pk, name_key(g.name)) for g in unique.values()}
    for group_id, name in Alias.objects.filter(group_id__in=unique).values_list("group_id", "name"):
        keys.add((group_id, name_key(name)))
    NameKey.objects.bulk_create([NameKey(group_id=gid, key=key) for gid, key in keys if key])


def link_names():
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
        changed = []
        for pk, key, group_id, _name in claims:
            if owners.get(key) != group_id:
                changed.append(Alias(pk=pk, group_id=owners.get(key)))
                changed_groups.update({group_id, owners.get(key)} - {None})
        Alias.objects.bulk_update(changed, ["group"], batch_size=1000)
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
    changed = []
    for pk, key, source_id, target_id in relationships:
        owner = owners.get(key)
        if owner == source_id:
            owner = None
        if owner != target_id:
            changed.append(Relationship(pk=pk, target_id=owner))
            # Both profiles show the tie, and the source's doubts may change.
            changed_groups.update({source_id, target_id, owner} - {None})
    Relationship.objects.bulk_update(changed, ["target"], batch_size=1000)
    return changed_groups


def flag_doubts(group_ids, chunk_size=1000):
    """Note what the importer was unsure of in these groups, for a curator to check.

    A group is marked for review when its doubts change; a curator who has checked them
    clears the mark, and the same doubts read again do not set it back. Groups are read
    a chunk at a time so that a large import's memory stays flat.
    """
    group_ids = sorted(group_ids)
    for start in range(0, len(group_ids), chunk_size):
        _flag_chunk(group_ids[start : start + chunk_size])


def _flag_chunk(group_ids):
    groups = Group.objects.filter(pk__in=group_ids).only(
        "import_warnings",
        "needs_review",
        "formation_date",
        "formation_precision",
        "termination_date",
        "termination_precision",
    )
    with_country = set(
        GroupCountry.objects.filter(group__in=group_ids).values_list("group_id", flat=True)
    )
    unmatched = {}
    rows = Relationship.objects.filter(source__in=group_ids, target=None).order_by(
        "relation", "target_name"
    )
    for source_id, name, relation in rows.values_list("source_id", "target_name", "relation"):
        unmatched.setdefault(source_id, []).append((name, relation))
    changed = []
    for group in groups:
        doubts = _date_doubts(group)
        if group.pk not in with_country:
            doubts.append("No country was read.")
        for name, relation in unmatched.get(group.pk, []):
            label = Relation(relation).label if relation in Relation.values else relation
            doubts.append(f"“{name}” ({label}) matches no group in the archive.")
        warnings = "\n".join(doubts)
        if warnings != group.import_warnings:
            group.needs_review = group.needs_review or bool(warnings)
            group.import_warnings = warnings
            changed.append(group)
    Group.objects.bulk_update(changed, ["import_warnings", "needs_review"])


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
