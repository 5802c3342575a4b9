"""One profile: the group with everything its page and its JSON twin show."""

import json
from dataclasses import dataclass, field, replace

from django.db.models import F, Prefetch
from django.urls import reverse

from profiles.models import (
    INVERSE_RELATION,
    SECTION_KEYS,
    Alias,
    Citation,
    Event,
    Evidence,
    Group,
    GroupCountry,
    Mention,
    Reference,
    Relation,
    Relationship,
    SourceDocument,
)
from profiles.reimport import value_of
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
class Proof:
    """Where a coded value was read (file, line, sentence), or that a curator set it."""

    filename: str = ""
    line: int = 0
    quote: str = ""
    curator: bool = False

    @property
    def url(self):
        """The source page at the line, an absolute path ("/sources/f.txt/#L4")."""
        if self.curator or not self.filename:
            return ""
        anchor = f"#L{self.line}" if self.line else ""
        return reverse("source-detail", args=[self.filename]) + anchor

    def as_json(self):
        if self.curator:
            return {"curator": True, "file": None, "line": None, "quote": None, "url": None}
        return {"file": self.filename, "line": self.line, "quote": self.quote, "url": self.url}


CURATOR = Proof(curator=True)


@dataclass(frozen=True)
class MentionItem:
    """A group the profile's text names: linked when it has a profile."""

    name: str
    slug: str | None
    relation: str
    proof: Proof

    @property
    def proofs(self):
        return [self.proof]


@dataclass(frozen=True)
class RelatedGroup:
    slug: str | None
    name: str
    relation: str
    inverse: bool
    # The sentences stating the tie (not part of what makes two ties the same).
    evidence: tuple = field(default=(), compare=False)

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
    # Where each coded value was read: field -> [Proof] for formation, termination, size,
    # kind and status; "countries" and "aliases" -> {code or alias: [Proof]}.
    evidence: dict = field(default_factory=dict)
    mentions: list = ()  # [MentionItem], in the order of the files

    @property
    def size_display(self):
        return f"{self.group.size:,}" if self.group.size is not None else ""


def profile_queryset():
    """A group with everything its profile shows, in eleven queries.

    1 the group, 2 its countries, 3 its aliases (with their document's file name), 4 its
    events, 5 its citations (with their reference's marker; those of events give the
    timeline's markers, all of them the references' backlinks), 6 its references, 7 its
    relationships (with the target group and file name), 8 the relationships that name
    it (with the source group and file name), 9 its source documents, 10 the evidence of
    its values (with the file name), 11 the names its texts mention (with their profile).
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
            queryset=Relationship.objects.select_related("target")
            .only(
                "source",
                "relation",
                "target_name",
                "target_key",
                "target__name",
                "target__slug",
                "line",
                "quote",
                "document",
            )
            .annotate(filename=F("document__filename")),
        ),
        Prefetch(
            "inverse_relationships",
            queryset=Relationship.objects.select_related("source")
            .only("target", "relation", "source__name", "source__slug", "line", "quote", "document")
            .annotate(filename=F("document__filename")),
        ),
        Prefetch(
            "sources",
            # raw_text is the whole file: the page needs none of it.
            queryset=SourceDocument.objects.only(
                "group", "filename", "sha256", "format", "encoding", "imported_at", "countries"
            ).order_by("filename"),
        ),
        Prefetch(
            "evidence",
            queryset=Evidence.objects.only("group", "field", "key", "value", "line", "quote")
            .annotate(filename=F("document__filename"))
            .order_by("field", "key", "filename", "line"),
        ),
        Prefetch(
            "mentions",
            queryset=Mention.objects.select_related("target")
            .only("group", "name", "relation", "line", "quote", "target__name", "target__slug")
            .annotate(filename=F("document__filename"))
            .order_by("filename", "line", "name"),
        ),
    )


def get_profile(slug):
    """The profile of the group with this slug, or None."""
    group = profile_queryset().filter(slug=slug).first()
    if group is None:
        return None
    return profile_of(group)


def profile_of(group):
    """The Profile of a group read through profile_queryset() (no further query)."""
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
        evidence=profile_evidence(group),
        mentions=profile_mentions(group),
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
    proofs = {}  # one entry per tie, with the sentences of all its duplicates

    def add(item, row):
        proofs.setdefault(item, set()).add(tie_proof(row))

    for r in group.relationships.all():
        slug = r.target.slug if r.target else None
        add(RelatedGroup(slug=slug, name=r.target_name, relation=r.relation, inverse=False), r)
    for r in group.inverse_relationships.all():
        relation = str(INVERSE_RELATION.get(r.relation, r.relation))
        add(
            RelatedGroup(slug=r.source.slug, name=r.source.name, relation=relation, inverse=True), r
        )
    # `inverse` last makes the order total.
    return [
        replace(item, evidence=tuple(sorted(proofs[item], key=_proof_order)))
        for item in sorted(proofs, key=lambda r: (r.relation, r.name, r.slug or "", r.inverse))
    ]


def tie_proof(row):
    """The sentence stating a tie; a tie no file gave was a curator's."""
    if row.document_id is None:
        return CURATOR
    return Proof(row.filename, row.line, row.quote)


def _proof_order(proof):
    return (proof.curator, proof.filename, proof.line, proof.quote)


# The fields whose evidence the profile shows, each with the value it is compared with
# and the value (profiles.reimport.VALUE_FIELDS) that tells a curator's from a file's.
SINGLE_EVIDENCE = {
    "formation": (lambda g: g.formation_date, "formation_date"),
    "termination": (lambda g: g.termination_date, "termination_date"),
    "size": (lambda g: "" if g.size is None else str(g.size), "size"),
    "kind": (lambda g: g.kind, "kind"),
    "status": (lambda g: g.status, "status"),
}


def curator_set(group, name):
    """Whether the group's value differs from what the imports last wrote to it."""
    imported = group.imported_values or {}
    return name in imported and value_of(group, name) != imported[name]


def profile_evidence(group):
    """Where each coded value was read: the sentences of the files that give the value
    the group holds, or the curator when one set it since."""
    rows = {}
    for row in group.evidence.all():
        rows.setdefault((row.field, row.key), []).append(row)
    evidence = {}
    for name, (current, value_name) in SINGLE_EVIDENCE.items():
        value = current(group)
        if curator_set(group, value_name):
            evidence[name] = [CURATOR]
        else:
            evidence[name] = [
                Proof(row.filename, row.line, row.quote)
                for row in rows.get((name, ""), [])
                if value and row.value == value
            ]
    named_by_files = {code for source in group.sources.all() for code in source.countries}
    evidence["countries"] = {}
    for country in group.countries.all():
        found = rows.get(("country", country.code), [])
        proofs = [Proof(row.filename, row.line, row.quote) for row in found]
        if not proofs and country.code not in named_by_files:
            proofs = [CURATOR]
        evidence["countries"][country.code] = proofs
    by_alias = {}
    for (field_name, key), found in rows.items():
        if field_name == "alias":
            by_alias.setdefault(key.strip().casefold(), []).extend(found)
    typed_by_hand = {
        alias.name.strip().casefold()
        for alias in group.aliases.all()
        if alias.document_id is None and alias.kind == Alias.Kind.STATED
    }
    evidence["aliases"] = {}
    for name in profile_aliases(group):
        key = name.strip().casefold()
        proofs = [Proof(row.filename, row.line, row.quote) for row in by_alias.get(key, [])]
        if not proofs and key in typed_by_hand:
            proofs = [CURATOR]
        evidence["aliases"][name] = proofs
    return evidence


def profile_mentions(group):
    return [
        MentionItem(
            name=mention.name,
            slug=mention.target.slug if mention.target else None,
            relation=mention.relation,
            proof=Proof(mention.filename, mention.line, mention.quote),
        )
        for mention in group.mentions.all()
    ]


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
                "evidence": [proof.as_json() for proof in related.evidence],
            }
            for related in profile.related
        ],
        "evidence": evidence_json(profile.evidence),
        "mentions": [
            {
                "name": mention.name,
                "slug": mention.slug,
                "relation": mention.relation or None,
                **mention.proof.as_json(),
            }
            for mention in profile.mentions
        ],
        "sources": [
            {"filename": source.filename, "sha256": source.sha256, "format": source.format}
            for source in profile.sources
        ],
    }


def evidence_json(evidence):
    data = {name: [proof.as_json() for proof in evidence.get(name, [])] for name in SINGLE_EVIDENCE}
    for name in ("countries", "aliases"):
        data[name] = {
            key: [proof.as_json() for proof in proofs]
            for key, proofs in evidence.get(name, {}).items()
        }
    return data


def dump_json(data):
    """The one serialisation of the API, so that equal data is always equal bytes."""
    return json.dumps(data, ensure_ascii=False, sort_keys=False)


def reference_item(reference, anchor):
    return ReferenceItem(
        marker=reference.marker, label=reference.label, url=reference.url, anchor=anchor
    )
