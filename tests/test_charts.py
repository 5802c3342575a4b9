"""The geometry of the chart of active periods: scale, ticks and each kind of bar end."""

from datetime import date

from django.test import SimpleTestCase

from profiles.charts import (
    AXIS_HEIGHT,
    LEAD_IN,
    PLOT_LEFT,
    PLOT_RIGHT,
    ROW_HEIGHT,
    Scale,
    Span,
    axis_years,
    bar_segments,
    build_chart,
    label_position,
    tick_step,
    ticks,
    year_after,
    year_fraction,
)

# Formed in 1990 (a year), ended in November 1994 (a month).
FORMED_1990_ENDED_NOV_1994 = dict(
    start_earliest=date(1990, 1, 1),
    start_latest=date(1990, 12, 31),
    end_earliest=date(1994, 11, 1),
    end_latest=date(1994, 11, 30),
)


def span(**fields):
    return Span(label="Group", url="/groups/group/", **fields)


def kinds(segments):
    return [segment.kind for segment in segments]


class ScaleTests(SimpleTestCase):
    def test_year_fraction(self):
        self.assertEqual(year_fraction(date(1990, 1, 1)), 1990)
        self.assertAlmostEqual(year_fraction(date(1990, 7, 2)), 1990.4986, places=4)
        # A day ends where the next begins: the last day of a year ends on 1 January.
        self.assertEqual(year_after(date(1990, 12, 31)), 1991)
        self.assertEqual(year_after(date(1992, 12, 31)), 1993)  # a leap year

    def test_x(self):
        scale = Scale(1990, 2000, left=0, right=100)

        self.assertEqual(scale.x(1990), 0)
        self.assertEqual(scale.x(1995), 50)
        self.assertEqual(scale.x(2000), 100)
        self.assertEqual(scale.start_of(date(1995, 1, 1)), 50)
        self.assertEqual(scale.end_of(date(1995, 12, 31)), 60)


class TickTests(SimpleTestCase):
    def test_step(self):
        for years, expected in [(1, 1), (8, 1), (9, 2), (10, 2), (30, 5), (60, 10), (200, 25)]:
            with self.subTest(years=years):
                self.assertEqual(tick_step(years), expected)

    def test_axis_of_closed_periods_ends_after_the_last_day(self):
        self.assertEqual(axis_years([span(**FORMED_1990_ENDED_NOV_1994)]), (1990, 1995, 1))

    def test_axis_rounds_out_to_whole_steps(self):
        spans = [
            span(start_earliest=date(1953, 3, 1), start_latest=date(1953, 3, 31)),
            span(end_earliest=date(2014, 1, 1), end_latest=date(2014, 12, 31)),
        ]
        first, last, step = axis_years(spans)

        self.assertEqual((first, last, step), (1950, 2020, 10))
        self.assertLessEqual((last - first) / step, 8)

    def test_axis_leaves_room_after_an_open_end(self):
        open_end = span(start_earliest=date(1990, 1, 1), start_latest=date(1990, 12, 31))

        first, last, _ = axis_years([open_end])
        self.assertEqual(first, 1990)
        self.assertGreaterEqual(last, 1992)

    def test_ticks_are_on_the_axis(self):
        scale = Scale(1950, 2020, left=0, right=700)

        self.assertEqual(
            [(tick.year, tick.x) for tick in ticks(1950, 2020, 10, scale)],
            [(1950 + 10 * i, 100.0 * i) for i in range(8)],
        )


class BarTests(SimpleTestCase):
    scale = Scale(1990, 2000, left=0, right=100)

    def test_fuzzy_start_and_end(self):
        segments = bar_segments(span(**FORMED_1990_ENDED_NOV_1994), self.scale)

        self.assertEqual(kinds(segments), ["fuzzy-start", "solid", "fuzzy-end"])
        fuzzy_start, solid, fuzzy_end = segments
        # Formation "1990" may mean any day of 1990.
        self.assertEqual((fuzzy_start.x, fuzzy_start.width), (0, 10))
        # Surely active from the end of 1990 until termination's first possible day.
        self.assertEqual(solid.x, 10)
        self.assertAlmostEqual(solid.x + solid.width, 10 * (4 + 304 / 365), places=1)
        # Termination "November 1994" may mean any day of November.
        self.assertAlmostEqual(fuzzy_end.x + fuzzy_end.width, 10 * (4 + 334 / 365), places=1)

    def test_segments_join_without_gaps(self):
        for fields in [
            FORMED_1990_ENDED_NOV_1994,
            dict(start_earliest=date(1990, 1, 1), start_latest=date(1999, 12, 31)),
            dict(first_seen=date(1995, 6, 1), still_active=True),
            dict(end_earliest=date(1995, 1, 1), end_latest=date(1995, 12, 31)),
        ]:
            with self.subTest(fields=fields):
                segments = bar_segments(span(**fields), self.scale)
                for before, after in zip(segments, segments[1:], strict=False):
                    self.assertAlmostEqual(before.x + before.width, after.x, places=1)

    def test_exact_dates_have_no_fuzzy_ends(self):
        exact = span(
            start_earliest=date(1991, 1, 1),
            start_latest=date(1991, 1, 1),
            end_earliest=date(1993, 1, 1),
            end_latest=date(1993, 1, 1),
        )

        segments = bar_segments(exact, self.scale)
        self.assertEqual(kinds(segments), ["solid"])
        self.assertEqual((segments[0].x, segments[0].width), (10, 20))

    def test_a_decade_start_is_fuzzy_over_the_decade(self):
        decade = span(start_earliest=date(1990, 1, 1), start_latest=date(1999, 12, 31))

        segments = bar_segments(decade, Scale(1990, 2010, left=0, right=200))
        self.assertEqual(kinds(segments), ["fuzzy-start", "solid", "open-end"])
        self.assertEqual((segments[0].x, segments[0].width), (0, 100))

    def test_unknown_end_fades_to_the_right_edge(self):
        segments = bar_segments(span(start_earliest=date(1992, 1, 1)), self.scale)

        self.assertEqual(kinds(segments), ["solid", "open-end"])
        self.assertEqual(segments[-1].x + segments[-1].width, self.scale.right)

    def test_still_active_runs_to_the_right_edge(self):
        active = span(start_earliest=date(1992, 1, 1), still_active=True)

        segments = bar_segments(active, self.scale)
        self.assertEqual(kinds(segments), ["ongoing"])
        self.assertEqual((segments[0].x, segments[0].width), (20, 80))

    def test_first_mention_without_formation_fades_in(self):
        segments = bar_segments(span(first_seen=date(1995, 1, 1)), Scale(1990, 2000, 0, 1000))

        self.assertEqual(kinds(segments), ["open-start", "solid", "open-end"])
        self.assertEqual((segments[0].x, segments[0].width), (500 - LEAD_IN, LEAD_IN))

    def test_fade_in_stops_at_the_left_edge(self):
        segments = bar_segments(span(first_seen=date(1990, 1, 1)), self.scale)

        self.assertEqual((segments[0].x, segments[0].width), (0, 0))

    def test_only_an_end(self):
        segments = bar_segments(
            span(end_earliest=date(1995, 1, 1), end_latest=date(1995, 12, 31)), self.scale
        )

        self.assertEqual(kinds(segments), ["open-start", "solid", "fuzzy-end"])

    def test_label_stays_inside(self):
        early = bar_segments(span(start_earliest=date(1991, 1, 1)), self.scale)
        late = bar_segments(
            span(start_earliest=date(1998, 1, 1), end_earliest=date(1999, 1, 1)), self.scale
        )

        self.assertEqual(label_position(early, self.scale), (10, "start"))
        self.assertEqual(label_position(late, self.scale), (90, "end"))


class BuildChartTests(SimpleTestCase):
    def test_one_bar_per_dated_span_in_order(self):
        spans = [
            Span("First", "/groups/first/", **FORMED_1990_ENDED_NOV_1994),
            Span("No dates", "/groups/no-dates/"),
            Span("Second", "/groups/second/", start_earliest=date(1993, 5, 1), still_active=True),
        ]

        chart = build_chart(spans)
        self.assertEqual([bar.label for bar in chart.bars], ["First", "Second"])
        self.assertEqual([bar.y for bar in chart.bars], [AXIS_HEIGHT + 19, AXIS_HEIGHT + 53])
        self.assertEqual(chart.height, AXIS_HEIGHT * 2 + 2 * ROW_HEIGHT + 4)
        self.assertEqual(chart.ticks[0].x, PLOT_LEFT)
        self.assertEqual(chart.ticks[-1].x, PLOT_RIGHT)
        self.assertTrue(chart.bars[1].ongoing)
        self.assertFalse(chart.bars[0].ongoing)
        end = chart.bars[1].end_x
        self.assertEqual(end, PLOT_RIGHT)
        # The bar's top is 24 + 34 + 19 = 77: the arrow reaches 3 units past each side.
        self.assertEqual(chart.bars[1].arrow_points, "736,74 744,82 736,90")

    def test_nothing_to_draw(self):
        self.assertIsNone(build_chart([]))
        self.assertIsNone(build_chart([Span("No dates", "/groups/no-dates/")]))
