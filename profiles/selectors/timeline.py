"""The timeline across groups, the country pages and the chart of active periods."""

from dataclasses import dataclass

from django.db.models import F, Q

from profiles.charts import MAX_BARS, Chart, Span, build_chart
from profiles.models import (
    Event,
    GroupStatus,
)
from profiles.selectors.common import (
    active_period,
    format_edtf,
)
from profiles.selectors.lists import GroupRow, groups_for_list

# The timeline across groups, the country pages and the chart of active periods.


def timeline_events():
    """Events across all groups in date order, with their group's name and address.

    earliest, latest lead the order so that the index event_dates can give it; the rest
    only breaks ties, with the primary key last so that pages never overlap.
    """
    return (
        Event.objects.select_related("group")
        .only(
            "date", "date_text", "earliest", "latest", "kind", "text", "group__name", "group__slug"
        )
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
