"""The home page, the list of groups with its facets, and its exports."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.db.models import Count, Max, Min, Prefetch, Q

from profiles.models import (
    SECTION_KEYS,
    Alias,
    Event,
    Group,
    GroupCountry,
    GroupKind,
    SourceDocument,
)
from profiles.selectors.common import (
    COUNTRY_NAMES,
    PUBLIC_ALIAS_KINDS,
    active_period,
    country_name,
    name_sort_key,
)

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


def facets_data(facets):
    """list_facets() as JSON (profiles.summaries stores the whole list's)."""
    return {
        name: [[facet.label, facet.count, facet.params] for facet in values]
        for name, values in facets.items()
    }


def facets_from_data(data):
    return {
        name: [Facet(label, count, params) for label, count, params in values]
        for name, values in data.items()
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
