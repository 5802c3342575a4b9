"""The sources: every file read, the references it gives, the statements citing them."""

from dataclasses import dataclass

from django.db.models import Count, F, Prefetch

from profiles.models import (
    SECTION_FIELDS,
    Citation,
    Event,
    Reference,
    SourceDocument,
)
from profiles.parsing.text import normalise
from profiles.selectors.common import COUNTRY_NAMES, country_name, format_edtf
from profiles.selectors.profile import ReferenceItem, reference_item, timeline_event, with_anchors

# The sources: every file read, the references it gives, and the statements citing them.

SECTION_LABELS = {**dict(SECTION_FIELDS), "references": "References"}


def section_label(key):
    """The reader's name of a section key ("narrative" -> "Narrative")."""
    if not key:
        return "Profile"
    return SECTION_LABELS.get(key, key.replace("_", " ").capitalize())


def references_in_order():
    # Markers ascending with reference lines after them, as on a profile.
    return Reference.objects.order_by(F("marker").asc(nulls_last=True), "position", "label", "url")


def sources_for_list():
    """The documents the Sources list filters and pages, without their (whole-file) text."""
    return (
        SourceDocument.objects.select_related("group")
        .only("filename", "sha256", "format", "imported_at", "group__name", "group__slug")
        .order_by("filename")
    )


@dataclass(frozen=True)
class CitedIn:
    """The statements of one section that cite a reference."""

    section: str
    statements: int


@dataclass(frozen=True)
class SourceReference:
    item: ReferenceItem
    # Markers citing it (a sentence read as two timeline events is one statement).
    statements: int
    events: int  # the timeline events read from those statements
    sections: list  # [CitedIn], in the profile's section order


@dataclass(frozen=True)
class SourceRow:
    document: SourceDocument
    references: list  # [SourceReference]


def source_rows(documents):
    """A page of documents with their references, in two queries whatever the page holds.

    1 the references of these documents, each with the number of statements and timeline
    events citing it; 2 the number of citing statements per reference and section.
    """
    documents = list(documents)
    if not documents:
        return []
    ids = [document.pk for document in documents]
    references = references_in_order().filter(document_id__in=ids)
    references = references.annotate(
        statement_count=Count("citations__position", distinct=True),
        event_count=Count("citations__event", distinct=True),
    )
    per_section = (
        Citation.objects.filter(reference__document_id__in=ids)
        .values("reference_id", "section")
        .annotate(statements=Count("position", distinct=True))
        .order_by()
    )
    section_order = {key: index for index, key in enumerate(SECTION_LABELS)}
    sections = {}
    for row in per_section:
        sections.setdefault(row["reference_id"], []).append(row)
    by_document = {}
    for reference in references:
        cited_in = sorted(
            sections.get(reference.pk, []),
            key=lambda row: (section_order.get(row["section"], len(section_order)), row["section"]),
        )
        by_document.setdefault(reference.document_id, []).append(
            SourceReference(
                item=reference_item(reference, anchor=""),
                statements=reference.statement_count,
                events=reference.event_count,
                sections=[
                    CitedIn(section_label(row["section"]), row["statements"]) for row in cited_in
                ],
            )
        )
    return [SourceRow(document, by_document.get(document.pk, [])) for document in documents]


@dataclass(frozen=True)
class CitingStatement:
    section: str
    statement: str  # empty when the extract left the sentence out
    events: list  # readable dates of the timeline events read from the statement


@dataclass(frozen=True)
class DocumentReference:
    item: ReferenceItem
    statements: list  # [CitingStatement], in the order of the text


@dataclass(frozen=True)
class SourceDetail:
    document: SourceDocument
    countries: list  # [(code, name, filterable)]
    references: list  # [DocumentReference]
    events: list  # [TimelineEvent]
    # The file's text, line by line, numbered as the evidence of its values counts them.
    lines: list = ()  # [(number, text)]


def get_source(filename):
    """One document's provenance, references, citing statements and events, or None.

    Four queries: 1 the document (with its group and its text), 2 its references, 3 the
    citations of those references (with the event each is dated on), 4 the events read
    from it. A document without references skips query 3.
    """
    document = (
        SourceDocument.objects.select_related("group")
        # Not the group's sections: the page does not show them.
        .only(
            "filename",
            "raw_text",
            "sha256",
            "format",
            "encoding",
            "imported_at",
            "countries",
            "group__name",
            "group__slug",
        )
        .filter(filename=filename)
        .first()
    )
    if document is None:
        return None
    references = references_in_order().filter(document=document)
    references = references.prefetch_related(
        Prefetch(
            "citations",
            queryset=Citation.objects.select_related("event")
            .only("reference", "section", "statement", "position", "event__date")
            .order_by("position", "event__earliest", "event__latest", "event__position"),
        )
    )
    events = Event.objects.filter(document=document).order_by(
        "earliest", "latest", "position", "date", "text"
    )
    items = [
        DocumentReference(
            item=reference_item(reference, anchor),
            statements=citing_statements(reference.citations.all()),
        )
        for reference, anchor in with_anchors(references)
    ]
    return SourceDetail(
        document=document,
        countries=[
            (code, country_name(code), code in COUNTRY_NAMES) for code in document.countries
        ],
        references=items,
        events=[timeline_event(event, []) for event in events],
        lines=numbered_lines(document.raw_text),
    )


def numbered_lines(text):
    """(number, line) pairs, counted as the parser counts them (after normalising line
    ends, so that a CRLF file's line 4 is the evidence's line 4)."""
    lines = normalise(text or "").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return list(enumerate(lines, start=1))


def citing_statements(citations):
    """One entry per marker: the importer writes a citation per event read from a sentence."""
    by_position = {}
    for citation in citations:
        entry = by_position.get(citation.position)
        if entry is None:
            entry = CitingStatement(section_label(citation.section), citation.statement, [])
            by_position[citation.position] = entry
        if citation.event is not None:
            entry.events.append(format_edtf(citation.event.date))
    return list(by_position.values())


# The raw text of a source file.


def source_raw_text(filename):
    """The file's text as it was received (decoded), or None for an unknown file name."""
    return (
        SourceDocument.objects.filter(filename=filename).values_list("raw_text", flat=True).first()
    )
