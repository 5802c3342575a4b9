"""Plain functions that create archive rows for tests, with sensible defaults."""

import hashlib
import itertools
import re
from datetime import UTC, date, datetime

from django.utils.text import slugify

from profiles.models import (
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    Precision,
    Reference,
    Relationship,
    SourceDocument,
)

_counter = itertools.count(1)


# A profile's period as the importer stores "formed in 1992, ended in November 1994".
FORMED_1992_ENDED_NOV_1994 = {
    "formation_date": "1992",
    "formation_earliest": date(1992, 1, 1),
    "formation_latest": date(1992, 12, 31),
    "formation_precision": Precision.YEAR,
    "termination_date": "1994-11",
    "termination_earliest": date(1994, 11, 1),
    "termination_latest": date(1994, 11, 30),
    "termination_precision": Precision.MONTH,
}


def make_group(name=None, *, slug=None, countries=(), **fields):
    """A group, with GroupCountry rows for `countries` (ISO codes)."""
    name = name or f"Group {next(_counter)}"
    group = Group.objects.create(
        name=name, slug=slug or slugify(name, allow_unicode=True), **fields
    )
    for code in countries:
        GroupCountry.objects.create(group=group, code=code)
    return group


def make_source(group, filename=None, *, text="", format=SourceDocument.Format.ENCYCLOPEDIA):
    filename = filename or f"{next(_counter):03d}_source.txt"
    text = text or f"The text of {filename}."
    return SourceDocument.objects.create(
        group=group,
        filename=filename,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format=format,
        raw_text=text,
        imported_at=datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC),
    )


def make_alias(group, name, *, kind=Alias.Kind.STATED, document=None, position=0):
    return Alias.objects.create(
        group=group, name=name, kind=kind, document=document, position=position
    )


def make_event(
    group,
    date_edtf,
    earliest,
    latest=None,
    *,
    text="Something happened.",
    kind=Event.Kind.OTHER,
    precision=Precision.YEAR,
    date_text="",
    position=0,
    document=None,
):
    """An event; `earliest` and `latest` are ISO dates ("1994-11-01")."""
    return Event.objects.create(
        group=group,
        document=document,
        date=date_edtf,
        date_text=date_text,
        earliest=date.fromisoformat(earliest),
        latest=date.fromisoformat(latest or earliest),
        precision=precision,
        text=text,
        kind=kind,
        position=position,
    )


def make_reference(group, marker=None, label="", *, url="", position=0, document=None):
    return Reference.objects.create(
        group=group,
        document=document,
        marker=marker,
        label=label or (f"Reference {marker}" if marker is not None else "A reference"),
        url=url,
        position=position,
    )


def make_citation(reference, *, event=None, section="", position=0):
    return Citation.objects.create(
        reference=reference,
        group=reference.group,
        event=event,
        section=section,
        position=position,
    )


def make_relationship(source, target_name, relation, *, target=None, position=0):
    return Relationship.objects.create(
        source=source,
        target=target,
        target_name=target_name,
        target_key=target_name.casefold(),
        relation=relation,
        position=position,
    )


def make_full_profile(name, *, countries=("PK",), events=3, references=3, related=2):
    """A group with every part a profile shows, `events` and `references` long."""
    group = make_group(
        name,
        countries=countries,
        formation_date="1992",
        formation_earliest=date(1992, 1, 1),
        formation_latest=date(1992, 12, 31),
        formation_precision=Precision.YEAR,
        active_start=date(1992, 1, 1),
        purpose="To *defend* the town [1].",
    )
    source = make_source(group, f"{group.slug}.txt")
    make_alias(group, f"{name} alias", document=source)
    refs = [
        make_reference(group, marker, document=source, position=marker)
        for marker in range(1, references + 1)
    ]
    for index in range(events):
        event = make_event(
            group,
            str(1992 + index),
            f"{1992 + index}-01-01",
            f"{1992 + index}-12-31",
            text=f"Event {index}.",
            position=index,
            document=source,
        )
        make_citation(refs[index % len(refs)], event=event)
    for index in range(related):
        other = make_group(f"{name} partner {index}")
        make_relationship(group, other.name, "ally_of", target=other)
        make_relationship(other, group.name, "splinter_of", target=group)
    return group


def make_many_groups(count, *, prefix="Many", countries=("PK", "IN"), events=1):
    """`count` groups, each with countries, a source, an alias and `events` events."""
    groups = []
    for index in range(count):
        group = make_group(
            f"{prefix} {index:03d}",
            countries=countries,
            formation_date=str(1950 + index),
            formation_earliest=date(1950 + index, 1, 1),
            formation_latest=date(1950 + index, 12, 31),
            formation_precision=Precision.YEAR,
            active_start=date(1950 + index, 1, 1),
        )
        source = make_source(group, f"{group.slug}.txt")
        make_alias(group, f"{prefix} alias {index}", document=source)
        for position in range(events):
            make_event(group, str(1950 + index), f"{1950 + index}-01-01", position=position)
        groups.append(group)
    return groups


EVIDENCE_HTML_RE = re.compile(r'<details class="evidence">.*?</details>', re.S)


def without_evidence(html):
    """A page without the evidence each fact opens to (tests/test_evidence.py checks
    that), for tests of what the facts themselves say."""
    if not isinstance(html, str):
        html = html.content.decode()
    return EVIDENCE_HTML_RE.sub("", html)
