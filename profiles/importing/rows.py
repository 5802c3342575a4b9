"""A file's rows (aliases, events, references, citations, ties): planned against what its
last import wrote (profiles.reimport) and written."""

from profiles.importing.building import new_row
from profiles.models import (
    Alias,
    Citation,
    Event,
    Reference,
    Relationship,
)
from profiles.parsing.names import name_key
from profiles.reimport import (
    SIGNATURES,
    Entry,
    RowPlan,
    fresh_entries,
    held_row_change,
    plan_rows,
    snapshot,
)


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
                new_row(Alias, group=group, name=name, kind=kind, document=doc, position=position)
            )
    for position, claim in enumerate(profile.alias_claims):
        aliases.append(
            new_row(
                Alias,
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
        event = new_row(
            Event,
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
        reference = new_row(
            Reference,
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
                new_row(
                    Citation,
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
        new_row(
            Relationship,
            source=group,
            target_name=parsed.target,
            target_key=name_key(parsed.target),
            relation=parsed.relation,
            sentence=parsed.sentence,
            document=doc,
            position=parsed.position,
            line=parsed.evidence.line if parsed.evidence else 0,
            quote=parsed.evidence.quote if parsed.evidence else "",
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
        cited_reference, cited_event = row.reference, row.event
        reference = standing_for.get(id(cited_reference), cited_reference)
        event = standing_for.get(id(cited_event), cited_event) if cited_event is not None else None
        if reference is None or reference.pk is None:
            continue
        event = event if event is not None and event.pk is not None else None
        # Assigned only when it changes: a related object's assignment is not cheap, and
        # a new file's citations (most of an import) already cite what they should.
        if reference is not cited_reference:
            row.reference = reference
        if event is not cited_event:
            row.event = event
        kept.append(row)
    return kept


def _followed_fields(target):
    """What a row the file kept takes from the file's row: its place in the file, its
    group (which a merge may have changed) and, for a citation, what it cites."""
    group = "source" if target == "relationship" else "group"
    if target == "citation":
        return ["position", group, "reference", "event"]
    if target == "relationship":
        # Where the tie is read moves with the file's lines.
        return ["position", group, "line", "quote"]
    return ["position", group]


def _id_of(row, name):
    """A field's value; for a foreign key, the id (of the object assigned, if any)."""
    field = row._meta.get_field(name)
    if not field.is_relation:
        return getattr(row, name)
    assigned = field.get_cached_value(row, default=None)
    return assigned.pk if assigned is not None else getattr(row, field.attname)
