"""One profile: the group with everything its page and its JSON twin show."""

import json
from dataclasses import dataclass

from django.db.models import F, Prefetch

from profiles.models import (
    INVERSE_RELATION,
    SECTION_KEYS,
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    Reference,
    Relation,
    Relationship,
    SourceDocument,
)
from profiles.selectors.common import (
    PUBLIC_ALIAS_KINDS,
    active_period,
    country_name,
    format_edtf,
    html_datetime,
)

# One profile.


@dataclass(frozen=True)
class TimelineEvent:
    date: str
    end: str | None
    date_text: str
    display_date: str
    kind: str
    kind_label: str
    text: str
    citations: list  # marker numbers, ascending and distinct
    # What the page needs beyond the JSON: the machine-readable date, if HTML has one.
    datetime: str = ""


@dataclass(frozen=True)
class ReferenceItem:
    marker: int | None
    label: str
    url: str
    # Only the first reference with a marker takes its id="ref-N" (ids are unique).
    anchor: str

    @property
    def link(self):
        """The URL when it is a web address (never a javascript: one), else ""."""
        return self.url if self.url.lower().startswith(("http://", "https://")) else ""


@dataclass(frozen=True)
class RelatedGroup:
    slug: str | None
    name: str
    relation: str
    inverse: bool

    @property
    def relation_label(self):
        try:
            return Relation(self.relation).label
        except ValueError:
            return self.relation.replace("_", " ")


@dataclass(frozen=True)
class Profile:
    group: Group
    aliases: list
    countries: list  # [(code, name)], ordered by code
    period: str
    events: list
    references: list
    related: list
    sources: list
    # Every citation of the group (section, position, statement, event, marker), for the
    # page's backlinks; ordered by section and position.
    citations: list = ()

    @property
    def size_display(self):
        return f"{self.group.size:,}" if self.group.size is not None else ""


def profile_queryset():
    """A group with everything its profile shows, in nine queries.

    1 the group, 2 its countries, 3 its aliases (with their document's file name), 4 its
    events, 5 its citations (with their reference's marker; those of events give the
    timeline's markers, all of them the references' backlinks), 6 its references, 7 its
    relationships (with the target group), 8 the relationships that name it (with the
    source group), 9 its source documents.
    """
    return Group.objects.defer("search_vector", "name_vector").prefetch_related(
        Prefetch("countries", queryset=GroupCountry.objects.order_by("code")),
        Prefetch(
            "aliases",
            queryset=Alias.objects.filter(kind__in=PUBLIC_ALIAS_KINDS)
            .annotate(document_filename=F("document__filename"))
            .order_by("kind", "position", "name"),
        ),
        Prefetch(
            "events",
            queryset=Event.objects.order_by("earliest", "latest", "position", "date", "text"),
        ),
        Prefetch(
            "citations",
            queryset=Citation.objects.only("group", "event", "section", "statement", "position")
            .annotate(marker=F("reference__marker"))
            .order_by("section", "position", "marker", "event"),
        ),
        Prefetch(
            "references",
            queryset=Reference.objects.order_by(
                F("marker").asc(nulls_last=True), "position", "label", "url"
            ),
        ),
        Prefetch(
            "relationships",
            queryset=Relationship.objects.select_related("target").only(
                "source", "relation", "target_name", "target__name", "target__slug"
            ),
        ),
        Prefetch(
            "inverse_relationships",
            queryset=Relationship.objects.select_related("source").only(
                "target", "relation", "source__name", "source__slug"
            ),
        ),
        Prefetch(
            "sources",
            # raw_text is the whole file: the page needs none of it.
            queryset=SourceDocument.objects.only(
                "group", "filename", "sha256", "format", "encoding", "imported_at"
            ).order_by("filename"),
        ),
    )


def get_profile(slug):
    """The profile of the group with this slug, or None."""
    group = profile_queryset().filter(slug=slug).first()
    if group is None:
        return None
    citations = list(group.citations.all())
    return Profile(
        group=group,
        aliases=profile_aliases(group),
        countries=[(c.code, country_name(c.code)) for c in group.countries.all()],
        period=active_period(group),
        events=profile_events(group, citations),
        references=profile_references(group),
        related=profile_related(group),
        sources=list(group.sources.all()),
        citations=citations,
    )


def profile_aliases(group):
    """Names stated in the group's text by position, then claims from other texts by file.

    A name already given (in any case) or equal to the group's own name is left out.
    """

    def order(alias):
        if alias.kind == Alias.Kind.STATED:
            return (0, "", alias.position, alias.name)
        return (1, alias.document_filename or "", alias.position, alias.name)

    seen = {group.name.strip().casefold()}
    names = []
    for alias in sorted(group.aliases.all(), key=order):
        key = alias.name.strip().casefold()
        if key and key not in seen:
            seen.add(key)
            names.append(alias.name)
    return names


def profile_events(group, citations):
    markers = {}
    for citation in citations:
        if citation.event_id is not None and citation.marker is not None:
            markers.setdefault(citation.event_id, set()).add(citation.marker)
    return [
        timeline_event(event, sorted(markers.get(event.pk, ()))) for event in group.events.all()
    ]


def timeline_event(event, citations):
    """An event as the pages and the JSON show it; `citations`: its marker numbers."""
    return TimelineEvent(
        date=event.date,
        end=event.date.split("/", 1)[1] if "/" in event.date else None,
        date_text=event.date_text,
        display_date=format_edtf(event.date),
        kind=event.kind,
        kind_label=event.get_kind_display(),
        text=event.text,
        citations=citations,
        datetime=html_datetime(event.date),
    )


def profile_references(group):
    return [
        reference_item(reference, anchor)
        for reference, anchor in with_anchors(group.references.all())
    ]


def with_anchors(references):
    """(reference, anchor) pairs: the first reference of each marker number is the one
    a citation "[3]" links to ("ref-3"); repeats and unnumbered references get none."""
    anchored = set()
    for reference in references:
        anchor = ""
        if reference.marker is not None and reference.marker not in anchored:
            anchored.add(reference.marker)
            anchor = f"ref-{reference.marker}"
        yield reference, anchor


def profile_related(group):
    """Ties in both directions: those the group's texts state, and those naming the group."""
    related = {
        RelatedGroup(
            slug=r.target.slug if r.target else None,
            name=r.target_name,
            relation=r.relation,
            inverse=False,
        )
        for r in group.relationships.all()
    }
    related.update(
        RelatedGroup(
            slug=r.source.slug,
            name=r.source.name,
            relation=str(INVERSE_RELATION.get(r.relation, r.relation)),
            inverse=True,
        )
        for r in group.inverse_relationships.all()
    )
    # The set drops exact duplicates; `inverse` last makes the order total.
    return sorted(related, key=lambda r: (r.relation, r.name, r.slug or "", r.inverse))


def profile_json(profile):
    group = profile.group
    return {
        "name": group.name,
        "slug": group.slug,
        "aliases": profile.aliases,
        "countries": [code for code, _ in profile.countries],
        "kind": group.kind,
        "status": group.status,
        "active_from": group.formation_year,
        "active_to": group.termination_year,
        "formation": group.formation_date or None,
        "termination": group.termination_date or None,
        "size": group.size,
        "size_text": group.size_text or None,
        "sections": {key: getattr(group, key) or None for key in SECTION_KEYS},
        "events": [
            {
                "date": event.date,
                "end": event.end,
                "date_text": event.date_text,
                "kind": event.kind,
                "text": event.text,
                "citations": event.citations,
            }
            for event in profile.events
        ],
        "references": [
            {"marker": reference.marker, "label": reference.label, "url": reference.url or None}
            for reference in profile.references
        ],
        "related": [
            {
                "slug": related.slug,
                "name": related.name,
                "relation": related.relation,
                "inverse": related.inverse,
            }
            for related in profile.related
        ],
        "sources": [
            {"filename": source.filename, "sha256": source.sha256, "format": source.format}
            for source in profile.sources
        ],
    }


def dump_json(data):
    """The one serialisation of the API, so that equal data is always equal bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


def reference_item(reference, anchor):
    return ReferenceItem(
        marker=reference.marker, label=reference.label, url=reference.url, anchor=anchor
    )
