"""The geometry of the chart of groups' active periods, as plain numbers for a template.

Pure functions, no database and no markup: the template (profiles/_period_chart.html) draws
what these compute. A date the texts give at a coarse precision is a span of days (a year,
a decade), so each end of a bar can be fuzzy: drawn as a gradient over the days it may mean.
"""

import math
from dataclasses import dataclass, field
from datetime import date

# The most bars a chart draws; a page with more groups says so and links to the full list.
MAX_BARS = 60

# The drawing, in SVG user units (the viewBox); the browser scales it to the page.
WIDTH = 760
PLOT_LEFT = 20  # room for half the first tick label
PLOT_RIGHT = 736  # room for the last tick label and an arrow
AXIS_HEIGHT = 24
ROW_HEIGHT = 34
LABEL_OFFSET = 14  # the name's baseline, from the top of its row
BAR_OFFSET = 19  # the bar's top, from the top of its row
BAR_HEIGHT = 10
# A start the texts do not state (only a first dated mention) fades in over this width.
LEAD_IN = 18
MIN_SOLID_WIDTH = 2  # so that a group known for a single day is still visible
MAX_TICKS = 8


@dataclass(frozen=True)
class Span:
    """What a chart knows of one group's period, read from its fields.

    start_earliest/start_latest: the days formation may mean (both None when unknown);
    first_seen: the earliest day the group is known active when formation is unknown;
    end_earliest/end_latest: the days termination may mean (None: open);
    still_active: the texts say the group is active (an open end drawn as ongoing).
    """

    label: str
    url: str
    start_earliest: date | None = None
    start_latest: date | None = None
    first_seen: date | None = None
    end_earliest: date | None = None
    end_latest: date | None = None
    still_active: bool = False
    title: str = ""

    @property
    def known_dates(self):
        return [
            day
            for day in (
                self.start_earliest,
                self.start_latest,
                self.first_seen,
                self.end_earliest,
                self.end_latest,
            )
            if day is not None
        ]

    @property
    def open_end(self):
        return self.end_earliest is None


@dataclass(frozen=True)
class Segment:
    """One piece of a bar. kind is one of:

    "solid": the days the group was surely active;
    "fuzzy-start": formation's possible days, fading in; "fuzzy-end": termination's, fading out;
    "open-start": no formation stated, fading in up to the first dated mention;
    "open-end": no end known, fading out to the chart's right edge;
    "ongoing": still active, solid up to the right edge (the template adds an arrow).
    """

    kind: str
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    label: str
    url: str
    title: str
    y: float  # the top of the bar
    label_x: float
    label_y: float
    label_anchor: str  # "start" or "end"
    segments: list = field(default_factory=list)

    @property
    def ongoing(self):
        return any(segment.kind == "ongoing" for segment in self.segments)

    @property
    def end_x(self):
        last = self.segments[-1]
        return last.x + last.width

    @property
    def arrow_points(self):
        """A triangle pointing right at the end of an ongoing bar (SVG polygon points)."""
        x, top, bottom = self.end_x, self.y - 3, self.y + BAR_HEIGHT + 3
        return f"{x:g},{top:g} {x + 8:g},{self.y + BAR_HEIGHT / 2:g} {x:g},{bottom:g}"


@dataclass(frozen=True)
class Tick:
    year: int
    x: float


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    first_year: int
    last_year: int  # the axis ends on 1 January of this year
    ticks: list
    bars: list
    plot_left: float = PLOT_LEFT
    plot_right: float = PLOT_RIGHT
    plot_top: float = AXIS_HEIGHT
    plot_bottom: float = 0

    @property
    def bottom_label_y(self):
        return self.plot_bottom + 16


def year_fraction(day):
    """The day as a year with its fraction: 1 July 1990 is about 1990.5."""
    start = date(day.year, 1, 1)
    days_in_year = (date(day.year + 1, 1, 1) - start).days
    return day.year + (day - start).days / days_in_year


def year_after(day):
    """The end of the day as a fractional year, so a span of whole years ends on 1 January."""
    return year_fraction(day) + 1 / (366 if _leap(day.year) else 365)


def _leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def tick_step(years, max_ticks=MAX_TICKS):
    """The smallest of 1, 2, 5, 10, 20, 25, 50, 100, ... years giving at most max_ticks gaps."""
    for magnitude in (1, 10, 100, 1000):
        for base in (1, 2, 5, 10) if magnitude == 1 else (1, 2, 2.5, 5):
            step = int(base * magnitude)
            if years / step <= max_ticks:
                return step
    return 10000


def axis_years(spans, max_ticks=MAX_TICKS):
    """(first_year, last_year, step): the axis covers every known day and ends on ticks.

    With an open end among the bars, a year of room is added past the last known day so
    that its fade or arrow shows beyond every date the texts give.
    """
    days = [day for span in spans for day in span.known_dates]
    first = min(day.year for day in days)
    last = max(day.year for day in days) + 1  # the axis ends on 1 January after the last day
    if any(span.open_end for span in spans):
        last += 1
    step = tick_step(last - first, max_ticks)
    while True:
        first_tick = math.floor(first / step) * step
        last_tick = math.ceil(last / step) * step
        if (last_tick - first_tick) / step <= max_ticks:
            return first_tick, last_tick, step
        # Rounding out to whole steps made too many gaps: a larger step.
        step = tick_step(last_tick - first_tick, max_ticks)


class Scale:
    """Years to x positions between left and right."""

    def __init__(self, first_year, last_year, left=PLOT_LEFT, right=PLOT_RIGHT):
        self.first_year = first_year
        self.last_year = last_year
        self.left = left
        self.right = right

    def x(self, year):
        fraction = (year - self.first_year) / (self.last_year - self.first_year)
        return round(self.left + fraction * (self.right - self.left), 2)

    def start_of(self, day):
        return self.x(year_fraction(day))

    def end_of(self, day):
        return self.x(year_after(day))


def ticks(first_year, last_year, step, scale):
    return [Tick(year, scale.x(year)) for year in range(first_year, last_year + 1, step)]


def _segment(kind, x, end):
    return Segment(kind, round(x, 2), round(max(end - x, 0), 2))


def bar_segments(span, scale):
    """The pieces of one group's bar, left to right, without gaps."""
    segments = []
    # Where the surely-active part begins.
    if span.start_earliest is not None:
        start_left = scale.start_of(span.start_earliest)
        solid_left = scale.end_of(span.start_latest or span.start_earliest)
        if span.start_latest is not None and span.start_latest > span.start_earliest:
            segments.append(_segment("fuzzy-start", start_left, solid_left))
        else:
            solid_left = start_left
    elif span.first_seen is not None:
        solid_left = scale.start_of(span.first_seen)
        segments.append(_segment("open-start", max(scale.left, solid_left - LEAD_IN), solid_left))
    else:
        # Only the end is known: the group existed for an unknown time before it.
        solid_left = None

    if span.end_earliest is not None:
        end_right = scale.end_of(span.end_latest or span.end_earliest)
        solid_right = scale.start_of(span.end_earliest)
        if solid_left is None:
            lead_in_left = max(scale.left, solid_right - LEAD_IN)
            segments.append(_segment("open-start", lead_in_left, solid_right))
            solid_left = solid_right
        solid_right = max(solid_right, solid_left + MIN_SOLID_WIDTH)
        segments.append(_segment("solid", solid_left, solid_right))
        if span.end_latest is not None and span.end_latest > span.end_earliest:
            segments.append(_segment("fuzzy-end", solid_right, max(end_right, solid_right)))
    elif span.still_active:
        segments.append(_segment("ongoing", solid_left, scale.right))
    else:
        # Neither an end nor "still active": a short certain part, then a fade to the edge.
        solid_right = min(solid_left + MIN_SOLID_WIDTH, scale.right)
        segments.append(_segment("solid", solid_left, solid_right))
        segments.append(_segment("open-end", solid_right, scale.right))
    return segments


def label_position(segments, scale):
    """The name sits above the bar, starting where it starts; a bar that starts in the
    right half has its name end where the bar ends, so that it stays inside the chart."""
    left = segments[0].x
    right = segments[-1].x + segments[-1].width
    if left > (scale.left + scale.right) / 2:
        return min(right, scale.right), "end"
    return left, "start"


def build_chart(spans):
    """The chart of these spans, one bar per span in the order given; None when empty."""
    spans = [span for span in spans if span.known_dates]
    if not spans:
        return None
    first_year, last_year, step = axis_years(spans)
    scale = Scale(first_year, last_year)
    bars = []
    for index, span in enumerate(spans):
        top = AXIS_HEIGHT + index * ROW_HEIGHT
        segments = bar_segments(span, scale)
        label_x, anchor = label_position(segments, scale)
        bars.append(
            Bar(
                label=span.label,
                url=span.url,
                title=span.title or span.label,
                y=top + BAR_OFFSET,
                label_x=label_x,
                label_y=top + LABEL_OFFSET,
                label_anchor=anchor,
                segments=segments,
            )
        )
    plot_bottom = AXIS_HEIGHT + len(spans) * ROW_HEIGHT + 4
    return Chart(
        width=WIDTH,
        height=plot_bottom + AXIS_HEIGHT,
        first_year=first_year,
        last_year=last_year,
        ticks=ticks(first_year, last_year, step, scale),
        bars=bars,
        plot_bottom=plot_bottom,
    )
