"""What the public pages read, planned so that a page's query count does not grow with it.

Every list here is ordered by values the texts give (names, dates, markers, file names),
never by primary key, so that re-importing the same files changes no byte of a profile's
JSON.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache

import pycountry
from django.db.models import Count, F, Prefetch

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
from profiles.parsing.countries import HISTORIC_NAMES

# The short name a reader knows ("Iran", not "Iran, Islamic Republic of").
COUNTRY_NAMES = {
    country.alpha_2: getattr(country, "common_name", None) or country.name
    for country in pycountry.countries
}
# The importer also gives codes to states that no longer exist, and to Kosovo.
COUNTRY_NAMES.update(HISTORIC_NAMES)
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# EDTF level 1 writes a season as a month from 21 to 24 ("1994-21" is spring 1994).
SEASONS = {21: "Spring", 22: "Summer", 23: "Autumn", 24: "Winter"}
EDTF_PART_RE = re.compile(
    r"^(?P<year>\d{3}X|\d{4})(?:-(?P<month>\d{2}))?(?:-(?P<day>\d{2}))?(?P<qualifier>[~?%]?)$"
)
PUBLIC_ALIAS_KINDS = [Alias.Kind.STATED, Alias.Kind.CLAIM]


def country_name(code):
    """The country's name, or the code itself when pycountry does not know it."""
    return COUNTRY_NAMES.get(code, code)


# Codes with a flag: the current ISO 3166-1 codes, and Kosovo's user-assigned XK, which
# has a flag in the emoji standard. A state that no longer exists (SU, YU, CS, ZR) has none.
FLAG_CODES = frozenset(country.alpha_2 for country in pycountry.countries) | {"XK"}
REGIONAL_INDICATOR_A = 0x1F1E6


def country_flag(code):
    """The flag emoji of an ISO alpha-2 code ("PK" gives 🇵🇰), or "" when it has none.

    A flag emoji is the code's two letters written as regional indicator symbols.
    """
    code = (code or "").upper()
    if code not in FLAG_CODES:
        return ""
    return "".join(chr(REGIONAL_INDICATOR_A + ord(letter) - ord("A")) for letter in code)


def name_sort_key(name):
    """Sorts "Åland Islands" with the A's and "Côte d'Ivoire" before "Croatia"."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def country_choices():
    """(code, "Name") for every ISO 3166-1 country, ordered by name."""
    return sorted(COUNTRY_NAMES.items(), key=lambda item: (name_sort_key(item[1]), item[0]))


# Dates, as a reader wants them: "1992", "Nov 1994", "3 Nov 1994", "1980s", "c. 1990".


def format_edtf(edtf):
    """A readable form of an EDTF date or interval, at the precision it states."""
    if not edtf:
        return ""
    if "/" in edtf:
        start, end = edtf.split("/", 1)
        if start in ("", ".."):
            return f"until {format_edtf_part(end)}"
        if end in ("", ".."):
            return f"from {format_edtf_part(start)}"
        return f"{format_edtf_part(start)}–{format_edtf_part(end)}"
    return format_edtf_part(edtf)


def format_edtf_part(edtf):
    match = EDTF_PART_RE.match(edtf)
    if not match:
        return edtf  # A shape we do not know is shown as stored rather than guessed at.
    year, month, day, qualifier = match.group("year", "month", "day", "qualifier")
    if year.endswith("X"):
        text = f"{int(year[:3])}0s"
    else:
        text = str(int(year))
    if month:
        number = int(month)
        if 1 <= number <= 12 and not year.endswith("X"):
            text = f"{MONTHS[number - 1]} {text}"
            if day:
                text = f"{int(day)} {text}"
        elif number in SEASONS and not day and not year.endswith("X"):
            text = f"{SEASONS[number]} {text}"
        else:
            return edtf
    if qualifier in ("~", "%"):
        text = f"c. {text}"
    if qualifier in ("?", "%"):
        text = f"{text}?"
    return text


HTML_DATETIME_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def html_datetime(edtf):
    """The EDTF date as an HTML <time datetime> value ("1994", "1994-11", "1994-11-03").

    HTML has no decade, season, interval or qualifier: those dates get "" (no <time>).
    """
    if not HTML_DATETIME_RE.match(edtf or ""):
        return ""
    year, month, day = ([int(part) for part in edtf.split("-")] + [1, 1])[:3]
    try:
        date(year, month, day)
    except ValueError:
        return ""  # "1994-13" or "1994-02-30": not a date
    return edtf


def active_period(group):
    """'1992 – Nov 1994', 'from 1992', 'until 1994', or '' when the texts give neither."""
    formation = format_edtf(group.formation_date)
    termination = format_edtf(group.termination_date)
    if formation and termination:
        return f"{formation} – {termination}"
    if formation:
        return f"from {formation}"
    if termination:
        return f"until {termination}"
    return ""


# The home page.


@dataclass(frozen=True)
class CountryCount:
    code: str
    name: str
    groups: int
    # A code pycountry does not know cannot be used in the list's country filter.
    filterable: bool


def home_summary(recent=10):
    # Five queries: the count of groups, the groups per country, the count of events, the
    # count of sources, and the recently updated groups.
    per_country = (
        GroupCountry.objects.values("code").annotate(groups=Count("group")).order_by("code")
    )
    countries = sorted(
        (
            CountryCount(
                code=row["code"],
                name=country_name(row["code"]),
                groups=row["groups"],
                filterable=row["code"] in COUNTRY_NAMES,
            )
            for row in per_country
        ),
        key=lambda country: (name_sort_key(country.name), country.code),
    )
    return {
        "group_count": Group.objects.count(),
        "country_count": len(countries),
        "event_count": Event.objects.count(),
        "source_count": SourceDocument.objects.count(),
        "countries": countries,
        "recent_groups": list(
            Group.objects.only("name", "slug", "updated_at").order_by(
                "-updated_at", "name", "slug"
            )[:recent]
        ),
    }


# The list of groups.


def groups_for_list():
    """The groups the list filters and pages; only the columns the list shows."""
    return (
        Group.objects.only(
            "name",
            "slug",
            "kind",
            "formation_date",
            "formation_earliest",
            "formation_precision",
            "termination_date",
            "termination_earliest",
            "termination_precision",
        )
        .prefetch_related(Prefetch("countries", queryset=GroupCountry.objects.order_by("code")))
        .order_by("name", "slug")
    )


@dataclass(frozen=True)
class GroupRow:
    group: Group
    countries: list  # [(code, name)]
    period: str


def group_rows(groups):
    return [
        GroupRow(
            group=group,
            countries=[(c.code, country_name(c.code)) for c in group.countries.all()],
            period=active_period(group),
        )
        for group in groups
    ]


def group_list_item_json(group, absolute_url):
    return {
        "name": group.name,
        "slug": group.slug,
        "countries": [country.code for country in group.countries.all()],
        "active_from": group.formation_year,
        "active_to": group.termination_year,
        "url": absolute_url,
    }


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
    return Group.objects.prefetch_related(
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
        TimelineEvent(
            date=event.date,
            end=event.date.split("/", 1)[1] if "/" in event.date else None,
            date_text=event.date_text,
            display_date=format_edtf(event.date),
            kind=event.kind,
            kind_label=event.get_kind_display(),
            text=event.text,
            citations=sorted(markers.get(event.pk, ())),
            datetime=html_datetime(event.date),
        )
        for event in group.events.all()
    ]


def profile_references(group):
    anchored = set()
    references = []
    for reference in group.references.all():
        anchor = ""
        if reference.marker is not None and reference.marker not in anchored:
            anchored.add(reference.marker)
            anchor = f"ref-{reference.marker}"
        references.append(
            ReferenceItem(
                marker=reference.marker,
                label=reference.label,
                url=reference.url,
                anchor=anchor,
            )
        )
    return references


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


# The raw text of a source file.


def source_raw_text(filename):
    """The file's text as it was received (decoded), or None for an unknown file name."""
    return (
        SourceDocument.objects.filter(filename=filename).values_list("raw_text", flat=True).first()
    )
