"""What the public pages read, planned so that a page's query count does not grow with it.

Every list here is ordered by values the texts give (names, dates, markers, file names),
never by primary key, so that re-importing the same files changes no byte of a profile's
JSON.
"""

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cache
from urllib.parse import urlencode

import pycountry
from django.db.models import Count, F, Max, Min, Prefetch, Q

from profiles.charts import MAX_BARS, Chart, Span, build_chart
from profiles.models import (
    INVERSE_RELATION,
    SECTION_FIELDS,
    SECTION_KEYS,
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    GroupKind,
    GroupStatus,
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
    countries = countries_with_groups()
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
    return Group.objects.only(
        "name",
        "slug",
        "kind",
        "formation_date",
        "formation_earliest",
        "formation_precision",
        "termination_date",
        "termination_earliest",
        "termination_precision",
    ).order_by("name", "slug")


def country_codes_of(groups):
    """{group id: [ISO codes, ordered]} for a page of groups, in one query.

    A values query rather than prefetch_related: prefetching builds a queryset per group,
    which cost more than the query itself on a page of 50.
    """
    codes = defaultdict(list)
    rows = GroupCountry.objects.filter(group__in=[group.pk for group in groups])
    for group_id, code in rows.order_by("code").values_list("group_id", "code"):
        codes[group_id].append(code)
    return codes


@dataclass(frozen=True)
class GroupRow:
    group: Group
    countries: list  # [(code, name)]
    period: str
    # With a search: the name and a passage of text with the matches marked (safe HTML).
    name_html: str = ""
    snippet_html: str = ""


def group_rows(groups, highlighted=None):
    """The list's rows; `highlighted` is {group id: (name HTML, snippet HTML)}."""
    highlighted = highlighted or {}
    groups = list(groups)
    codes = country_codes_of(groups)
    rows = []
    for group in groups:
        name_html, snippet_html = highlighted.get(group.pk, ("", ""))
        rows.append(
            GroupRow(
                group=group,
                countries=[(code, country_name(code)) for code in codes[group.pk]],
                period=active_period(group),
                name_html=name_html,
                snippet_html=snippet_html,
            )
        )
    return rows


def group_list_item_json(group, country_codes, absolute_url):
    return {
        "name": group.name,
        "slug": group.slug,
        "countries": country_codes,
        "active_from": group.formation_year,
        "active_to": group.termination_year,
        "url": absolute_url,
    }


# Facets: how the list would narrow, counted under the filters already chosen.

# A decade facet reaching further back than this many decades would be a wall of links.
MAX_DECADES = 24


@dataclass(frozen=True)
class Facet:
    label: str
    count: int
    params: dict  # the query parameters that narrow the list to this value


def list_facets(groups, form_data):
    """Counts of the filtered groups per country, per decade of activity and per kind.

    `groups` is the filtered queryset; `form_data` the valid filter values. Four queries.
    A click on a facet narrows the list, so a country facet, when countries are chosen,
    counts only those (a group is listed for any of them), and a decade facet counts
    only decades inside the chosen period.
    """
    groups = groups.order_by()
    chosen_countries = form_data.get("country") or []
    ids = groups.values("pk")
    per_country = (
        GroupCountry.objects.filter(group__in=ids)
        if groups.query.has_filters()
        else (GroupCountry.objects.all())
    )
    if chosen_countries:
        per_country = per_country.filter(code__in=chosen_countries)
    country_rows = per_country.values("code").annotate(groups=Count("group_id")).order_by()
    countries = sorted(
        (
            Facet(country_name(row["code"]), row["groups"], {"country": row["code"]})
            for row in country_rows
            if row["code"] in COUNTRY_NAMES
        ),
        key=lambda facet: (-facet.count, name_sort_key(facet.label)),
    )
    kind_rows = groups.values("kind").annotate(groups=Count("pk")).order_by()
    kind_labels = dict(GroupKind.choices)
    kinds = sorted(
        (
            Facet(kind_labels.get(row["kind"], row["kind"]), row["groups"], {"kind": row["kind"]})
            for row in kind_rows
        ),
        key=lambda facet: (-facet.count, facet.label),
    )
    return {
        "countries": countries,
        "decades": decade_facets(groups, form_data),
        "kinds": kinds,
    }


def decade_facets(groups, form_data):
    """One facet per decade in which some of the groups may have been active."""
    bounds = groups.aggregate(
        first=Min("active_start"),
        last=Max("active_end"),
        open=Count("pk", filter=Q(active_end=None)),
    )
    if bounds["first"] is None:
        return []
    first_year = max(bounds["first"].year, form_data.get("active_from") or 1)
    last_year = date.today().year if bounds["open"] else bounds["last"].year
    last_year = min(last_year, form_data.get("active_to") or 9999)
    starts = list(range(first_year // 10 * 10, last_year + 1, 10))[-MAX_DECADES:]
    if not starts:
        return []
    spans = {start: (max(start, first_year), min(start + 9, last_year)) for start in starts}
    counts = groups.aggregate(
        **{
            f"d{start}": Count(
                "pk",
                filter=(Q(active_start=None) | Q(active_start__lte=date(end, 12, 31)))
                & (Q(active_end=None) | Q(active_end__gte=date(begin, 1, 1))),
            )
            for start, (begin, end) in spans.items()
        }
    )
    return [
        Facet(f"{start}s", counts[f"d{start}"], {"active_from": begin, "active_to": end})
        for start, (begin, end) in spans.items()
        if counts[f"d{start}"]
    ]


@dataclass(frozen=True)
class FacetLink:
    label: str
    count: int
    url: str


def facet_links(query, facets):
    """The facets as links: this list's query with the facet's values set, on page one.

    Each group of facets sets the same parameters, so the rest of the query is encoded
    once per group rather than once per facet (a country facet can have 200 entries).
    """
    links = {}
    for group, items in facets.items():
        if not items:
            links[group] = []
            continue
        rest = query.copy()
        for name in ("page", "format", *items[0].params):
            rest.pop(name, None)
        prefix = f"?{rest.urlencode()}&" if rest else "?"
        links[group] = [
            FacetLink(facet.label, facet.count, prefix + urlencode(facet.params)) for facet in items
        ]
    return links


# Exports.

CSV_COLUMNS = [
    "name", "slug", "aliases", "countries", "kind", "status", "formation", "termination",
    "active_from", "active_to", "size", "size_text", "last_changed", "url",
]  # fmt: skip


def groups_for_export():
    """The groups the CSV export writes; read in chunks, with their countries and aliases."""
    return Group.objects.defer(
        *SECTION_KEYS, "sections_html", "search_vector", "name_vector"
    ).prefetch_related(
        Prefetch("countries", queryset=GroupCountry.objects.order_by("code")),
        Prefetch(
            "aliases",
            queryset=Alias.objects.filter(kind__in=PUBLIC_ALIAS_KINDS).order_by(
                "kind", "position", "name"
            ),
        ),
    )


def csv_rows(groups, absolute_url):
    """The header, then one row per group: the columns of CSV_COLUMNS, as text."""
    yield CSV_COLUMNS
    for group in groups.iterator(chunk_size=2000):
        aliases = []
        for alias in group.aliases.all():
            if alias.name != group.name and alias.name not in aliases:
                aliases.append(alias.name)
        yield [
            group.name,
            group.slug,
            "; ".join(aliases),
            "; ".join(country.code for country in group.countries.all()),
            group.kind,
            group.status,
            group.formation_date,
            group.termination_date,
            group.formation_year or "",
            group.termination_year or "",
            "" if group.size is None else group.size,
            group.size_text,
            group.updated_at.isoformat(timespec="seconds"),
            absolute_url(group.get_absolute_url()),
        ]


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


# The timeline across groups, the country pages and the chart of active periods.


def countries_with_groups():
    """Every country some group is in, with its count of groups, ordered by name. One query."""
    per_country = (
        GroupCountry.objects.values("code").annotate(groups=Count("group")).order_by("code")
    )
    return sorted(
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


def timeline_events():
    """Events across all groups in date order, with their group's name and address.

    earliest, latest lead the order so that the index event_dates can give it; the rest
    only breaks ties, with the primary key last so that pages never overlap.
    """
    return (
        Event.objects.select_related("group")
        .only("date", "earliest", "latest", "kind", "text", "group__name", "group__slug")
        .order_by("earliest", "latest", "group__name", "position", "pk")
    )


@dataclass(frozen=True)
class TimelineRow:
    event: Event
    display_date: str
    kind_label: str


def timeline_rows(events):
    return [
        TimelineRow(
            event=event, display_date=format_edtf(event.date), kind_label=event.get_kind_display()
        )
        for event in events
    ]


def groups_of_country(code):
    """The groups of one country, for its page: the list's columns, without their countries."""
    return groups_for_list().in_countries([code])


# The fields the chart reads of each group.
CHART_FIELDS = [
    "name",
    "slug",
    "status",
    "formation_date",
    "formation_earliest",
    "formation_latest",
    "termination_date",
    "termination_earliest",
    "termination_latest",
    "active_start",
]


def chart_groups(groups, limit=MAX_BARS):
    """At most `limit` of these groups that have a date to draw, earliest first, and whether
    more were left out. One query: it reads one row more than it shows instead of counting.
    """
    rows = list(
        groups.filter(Q(active_start__isnull=False) | Q(termination_earliest__isnull=False))
        .only(*CHART_FIELDS)
        .order_by(F("active_start").asc(nulls_last=True), "termination_earliest", "name", "slug")[
            : limit + 1
        ]
    )
    return rows[:limit], len(rows) > limit


def group_span(group):
    """What the chart draws of a group: its formation and termination at their precision."""
    period = active_period(group) or "dates unknown"
    formation_known = group.formation_earliest is not None
    return Span(
        label=group.name,
        url=group.get_absolute_url(),
        start_earliest=group.formation_earliest,
        start_latest=group.formation_latest or group.formation_earliest,
        # The importer sets active_start to the first dated event when formation is unknown.
        first_seen=None if formation_known else group.active_start,
        end_earliest=group.termination_earliest,
        end_latest=group.termination_latest or group.termination_earliest,
        still_active=group.status == GroupStatus.ACTIVE,
        title=f"{group.name}: {period}",
    )


@dataclass(frozen=True)
class PeriodChart:
    chart: Chart | None
    rows: list  # (name, period) for the table read by screen readers
    truncated: bool


def period_chart(groups, limit=MAX_BARS):
    """The chart of at most `limit` of these groups (one query)."""
    shown, truncated = chart_groups(groups, limit)
    return PeriodChart(
        chart=build_chart([group_span(group) for group in shown]),
        rows=[(group.name, active_period(group) or "dates unknown") for group in shown],
        truncated=truncated,
    )


def group_rows_without_countries(groups):
    """Rows for a list of one country's groups, which need not repeat it."""
    return [GroupRow(group=group, countries=[], period=active_period(group)) for group in groups]


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


def reference_item(reference, anchor):
    return ReferenceItem(
        marker=reference.marker, label=reference.label, url=reference.url, anchor=anchor
    )


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


def get_source(filename):
    """One document's provenance, references, citing statements and events, or None.

    Four queries: 1 the document (with its group), 2 its references, 3 the citations of
    those references (with the event each is dated on), 4 the events read from it. A
    document without references skips query 3.
    """
    document = (
        SourceDocument.objects.select_related("group")
        # Neither the file's text nor the group's sections: the page shows neither.
        .only(
            "filename",
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
    )


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
