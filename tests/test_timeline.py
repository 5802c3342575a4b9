"""The timeline across groups, the country pages and the chart of active periods."""

import re
import xml.etree.ElementTree as ET
from datetime import date

from django.core.cache import cache
from django.test import TestCase, override_settings

from profiles.charts import MAX_BARS
from profiles.models import Event, Group, Precision
from profiles.selectors import country_flag, period_chart
from tests.factories import (
    FORMED_1992_ENDED_NOV_1994,
    make_event,
    make_full_profile,
    make_group,
    make_many_groups,
)


def svg_of(response):
    """The chart's SVG, parsed as XML: it must be well formed, its names escaped."""
    content = response.content.decode()
    match = re.search(r"<svg xmlns=.*?</svg>", content, re.DOTALL)
    return ET.fromstring(match.group(0))


SVG = "{http://www.w3.org/2000/svg}"


class TimelineTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group(
            "Alpha Brigade",
            countries=["PK"],
            status="inactive",
            active_start=date(1992, 1, 1),
            active_end=date(1994, 11, 30),
            **FORMED_1992_ENDED_NOV_1994,
        )
        cls.beta = make_group(
            "Beta Militia",
            countries=["IN"],
            formation_date="198X",
            formation_earliest=date(1980, 1, 1),
            formation_latest=date(1989, 12, 31),
            formation_precision=Precision.DECADE,
            active_start=date(1980, 1, 1),
            status="active",
        )
        cls.gamma = make_group("Gamma Front", countries=["AF", "PK"])  # no dates at all
        make_event(cls.alpha, "1994-11", "1994-11-01", "1994-11-30", text="Crackdown.")
        make_event(cls.alpha, "1992", "1992-01-01", "1992-12-31", text="Alpha formed.")
        make_event(
            cls.beta,
            "199X",
            "1990-01-01",
            "1999-12-31",
            precision=Precision.DECADE,
            text="Beta grew.",
            kind=Event.Kind.SIZE_REPORT,
        )
        make_event(cls.beta, "1992", "1992-01-01", "1992-12-31", text="Beta fought Alpha.")
        make_event(
            cls.gamma, "1992-03-05", "1992-03-05", precision=Precision.DAY, text="Gamma raid."
        )
        make_event(cls.beta, "1990~", "1990-01-01", "1990-12-31", text="Beta approx.")

    def texts(self, query=""):
        # The rows come from the template's context: rendered, not from the page cache.
        cache.clear()
        response = self.client.get(f"/timeline/?{query}")
        self.assertEqual(response.status_code, 200, response.content[:2000])
        return [row.event.text for row in response.context["rows"]]

    def test_date_order_then_group_name(self):
        self.assertEqual(
            self.texts(),
            [
                "Beta approx.",  # 1990: earliest 1990-01-01, latest 1990-12-31
                "Beta grew.",  # the 1990s: the same first day, a later last day
                "Alpha formed.",  # 1992, Alpha before Beta
                "Beta fought Alpha.",
                "Gamma raid.",  # 5 March 1992: a later first day
                "Crackdown.",
            ],
        )

    def test_each_event_at_its_precision_with_its_group(self):
        response = self.client.get("/timeline/")

        self.assertContains(response, '<span class="date" title="199X">1990s</span>')
        self.assertContains(response, '<span class="date" title="1994-11">Nov 1994</span>')
        self.assertContains(response, '<span class="date" title="1992-03-05">5 Mar 1992</span>')
        self.assertContains(response, '<span class="date" title="1990~">c. 1990</span>')
        self.assertContains(response, '<span class="kind">Size report</span>')
        self.assertContains(
            response,
            '<span class="text"><a class="group" href="/groups/alpha-brigade/">Alpha Brigade</a>:'
            " Crackdown.</span>",
        )
        self.assertContains(response, "6 events.")

    def test_country_filter(self):
        self.assertEqual(self.texts("country=pk"), ["Alpha formed.", "Gamma raid.", "Crackdown."])
        self.assertEqual(len(self.texts("country=PK&country=IN")), 6)

    def test_period_overlaps_fuzzy_dates(self):
        # The 1990s may mean 1995; nothing else does.
        self.assertEqual(self.texts("from=1995&to=1995"), ["Beta grew."])
        self.assertEqual(self.texts("from=1994"), ["Beta grew.", "Crackdown."])
        self.assertEqual(self.texts("to=1990"), ["Beta approx.", "Beta grew."])
        self.assertEqual(
            self.texts("country=IN&from=1991&to=1992"), ["Beta grew.", "Beta fought Alpha."]
        )

    def test_filtered_summary(self):
        response = self.client.get("/timeline/?country=IN&from=1991")

        self.assertContains(response, "2 events match these filters.")
        self.assertContains(response, '<input type="checkbox" name="country" value="IN" checked>')

    def test_bad_parameters_are_a_400_naming_them(self):
        for query, message in [
            ("from=abc", "From (year): Enter a whole number."),
            ("to=1.5", "To (year): Enter a whole number."),
            ("country=ZZ", "Country: “ZZ” is not an ISO 3166-1 alpha-2 country code."),
            ("from=2000&to=1990", "To (year): The last year must not be before the first year."),
            ("from=0", "From (year): Ensure this value is greater than or equal to 1."),
            ("page=0", "Page: Page must be a positive whole number."),
        ]:
            with self.subTest(query=query):
                response = self.client.get(f"/timeline/?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
                self.assertNotContains(response, 'class="timeline', status_code=400)

    def test_page_past_the_end_is_a_404(self):
        self.assertEqual(self.client.get("/timeline/?page=2").status_code, 404)

    def test_chart_has_one_bar_per_dated_group(self):
        svg = svg_of(self.client.get("/timeline/"))

        bars = svg.findall(f"{SVG}a")
        self.assertEqual(
            [bar.get("href") for bar in bars], ["/groups/beta-militia/", "/groups/alpha-brigade/"]
        )
        self.assertEqual(
            [bar.find(f"{SVG}title").text for bar in bars],
            ["Beta Militia: from 1980s", "Alpha Brigade: 1992 – Nov 1994"],
        )
        # Alpha's November 1994 end is fuzzy; Beta, still active, runs on with an arrow.
        alpha_kinds = [rect.get("class") for rect in bars[1].findall(f"{SVG}rect")]
        self.assertEqual(alpha_kinds, ["segment fuzzy-start", "segment solid", "segment fuzzy-end"])
        beta_kinds = [rect.get("class") for rect in bars[0].findall(f"{SVG}rect")]
        self.assertEqual(beta_kinds, ["segment fuzzy-start", "segment ongoing"])
        self.assertIsNotNone(bars[0].find(f"{SVG}polygon"))
        years = [text.text for text in svg.findall(f"{SVG}g/{SVG}text")]
        self.assertIn("1980", years)

    def test_chart_follows_the_filters(self):
        svg = svg_of(self.client.get("/timeline/?country=PK&from=1993"))

        self.assertEqual(
            [bar.get("href") for bar in svg.findall(f"{SVG}a")], ["/groups/alpha-brigade/"]
        )

    def test_chart_has_a_caption_and_a_table_for_screen_readers(self):
        response = self.client.get("/timeline/")

        self.assertContains(response, 'aria-labelledby="timeline-chart-caption"')
        self.assertContains(
            response,
            '<figcaption id="timeline-chart-caption">When the groups were active.</figcaption>',
            html=True,
        )
        self.assertContains(
            response,
            "<tr><th scope='row'>Alpha Brigade</th><td>1992 – Nov 1994</td></tr>",
            html=True,
        )

    def test_no_chart_without_dated_groups(self):
        response = self.client.get("/timeline/?country=AF")

        self.assertNotContains(response, "<svg xmlns")
        self.assertEqual(self.texts("country=AF"), ["Gamma raid."])


class EscapingTests(TestCase):
    def test_names_are_escaped_in_the_chart_and_the_events(self):
        group = make_group(
            "<script>alert(1)</script> & Co",
            slug="evil",
            countries=["PK"],
            active_start=date(1990, 1, 1),
        )
        make_event(group, "1990", "1990-01-01", "1990-12-31", text="<b>bold</b>")

        for url in ["/timeline/", "/countries/PK/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotContains(response, "<script>")
                self.assertNotContains(response, "<b>bold")
                svg = svg_of(response)  # well-formed XML despite the name
                label = svg.find(f"{SVG}a/{SVG}text")
                self.assertEqual(label.text, "<script>alert(1)</script> & Co")


@override_settings(TIMELINE_EVENTS_PER_PAGE=2)
class TimelinePaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        group = make_group("Alpha", countries=["PK"])
        # Five events on the same dates: only the key's last part orders them.
        for index in range(5):
            make_event(group, "1990", "1990-01-01", "1990-12-31", text=f"Event {index}.")

    def test_pages_are_stable_and_keep_the_filters(self):
        seen = []
        for page in (1, 2, 3):
            response = self.client.get(f"/timeline/?country=PK&from=1990&page={page}")
            seen += [row.event.text for row in response.context["rows"]]
        self.assertEqual(seen, [f"Event {index}." for index in range(5)])

        response = self.client.get("/timeline/?country=PK&from=1990")
        self.assertContains(response, "Page 1 of 3")
        self.assertContains(response, '<a rel="next" href="?country=PK&amp;from=1990&amp;page=2">')


class ChartBoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_many_groups(MAX_BARS + 1, countries=["PK"], events=0)

    def test_at_most_max_bars_with_a_link_to_the_full_list(self):
        for url, more in [
            ("/timeline/?country=PK&from=1900", "/groups/?country=PK&amp;active_from=1900"),
            ("/countries/PK/", "/groups/?country=PK"),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                svg = svg_of(response)
                self.assertEqual(len(svg.findall(f"{SVG}a")), MAX_BARS)
                self.assertContains(response, "The chart shows the 60 groups that began earliest")
                self.assertContains(response, f'<a href="{more}">see every one')
        # The groups left out are the latest to begin.
        self.assertNotContains(response, "Many 060</text>")

    def test_selector_bound(self):
        chart = period_chart(Group.objects.all(), limit=2)

        self.assertTrue(chart.truncated)
        self.assertEqual([bar.label for bar in chart.chart.bars], ["Many 000", "Many 001"])
        self.assertFalse(period_chart(Group.objects.all(), limit=MAX_BARS + 1).truncated)


class CountryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group(
            "Alpha Brigade",
            countries=["PK", "IN"],
            kind="vigilante_group",
            active_start=date(1992, 1, 1),
            **FORMED_1992_ENDED_NOV_1994,
        )
        make_group("Beta Militia", countries=["PK"])
        make_group("Red Guard", countries=["SU"])
        make_group("Unknown Unit", countries=["QQ"])

    def test_page(self):
        response = self.client.get("/countries/PK/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(
            response, '<h1><span class="flag" aria-hidden="true">🇵🇰</span> Pakistan</h1>', html=True
        )
        self.assertContains(response, "2 groups active in Pakistan.")
        self.assertContains(
            response,
            """<tr>
              <th scope="row"><a href="/groups/alpha-brigade/">Alpha Brigade</a></th>
              <td>1992 – Nov 1994</td>
              <td>Vigilante group</td>
            </tr>""",
            html=True,
        )
        self.assertContains(response, '<a href="/timeline/?country=PK">')
        self.assertContains(response, '<a href="/groups/?country=PK">')
        # Only Alpha has dates to draw.
        self.assertEqual(len(svg_of(response).findall(f"{SVG}a")), 1)

    def test_code_in_any_case(self):
        response = self.client.get("/countries/pk/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["code"], "PK")

    def test_historic_country_has_no_flag(self):
        response = self.client.get("/countries/su/")

        self.assertContains(response, "<h1>Soviet Union</h1>", html=True)
        self.assertEqual(country_flag("SU"), "")
        self.assertEqual(country_flag("YU"), "")
        self.assertEqual(country_flag("IN"), "🇮🇳")

    def test_unknown_malformed_or_empty_is_a_404(self):
        for url, message in [
            ("/countries/ZZ/", "There is no country with this code."),
            ("/countries/QQ/", "There is no country with this code."),
            ("/countries/PAK/", "There is no country with this code."),
            ("/countries/p1/", "There is no country with this code."),
            ("/countries/%C3%9F/", "There is no country with this code."),  # ß, not SS
            ("/countries/FR/", "The archive holds no group in France."),
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertContains(response, message, status_code=404)

    def test_bad_page(self):
        self.assertEqual(self.client.get("/countries/PK/?page=abc").status_code, 400)
        self.assertEqual(self.client.get("/countries/PK/?page=0").status_code, 400)
        self.assertEqual(self.client.get("/countries/PK/?page=2").status_code, 404)

    @override_settings(GROUPS_PER_PAGE=1)
    def test_pagination(self):
        response = self.client.get("/countries/PK/?page=2")

        self.assertEqual([row.group.name for row in response.context["rows"]], ["Beta Militia"])
        self.assertContains(response, '<a rel="prev" href="?page=1">')

    def test_list_of_countries(self):
        response = self.client.get("/countries/")

        self.assertEqual(
            [(c.code, c.groups) for c in response.context["countries"]],
            [("IN", 1), ("PK", 2), ("QQ", 1), ("SU", 1)],
        )
        self.assertContains(response, '<a href="/countries/PK/">Pakistan</a>')
        self.assertContains(response, '<a href="/countries/SU/">Soviet Union</a>')
        self.assertContains(response, '<th scope="row">QQ</th>', html=True)

    def test_home_links_each_country_to_its_page(self):
        response = self.client.get("/")

        self.assertContains(response, '<a href="/countries/PK/">Pakistan</a>')
        self.assertNotContains(response, "/countries/QQ/")

    def test_navigation(self):
        response = self.client.get("/")

        self.assertContains(response, '<li><a href="/timeline/">Timeline</a></li>', html=True)
        self.assertContains(response, '<li><a href="/countries/">Countries</a></li>', html=True)

    def test_read_only_and_no_session(self):
        for url in ["/timeline/", "/countries/", "/countries/PK/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url).status_code, 405)
                self.assertEqual(self.client.head(url).status_code, 200)
                response = self.client.get(url)
                self.assertNotIn("Cookie", response.get("Vary", ""))
                self.assertEqual(response.cookies, {})


class QueryCountMixin:
    """The same query counts whatever the archive's size (see setUpTestData below)."""

    def test_timeline(self):
        # 1 the archive's last change (ETag), 2 COUNT of the events, 3 the page of events
        # with their groups, 4 the countries with groups (the country picker), 5 the
        # chart's groups (one more than it draws).
        with self.assertNumQueries(5):
            response = self.client.get("/timeline/")
        self.assertEqual(len(response.context["rows"]), self.events_on_first_page)

    def test_timeline_filtered(self):
        with self.assertNumQueries(5):
            response = self.client.get("/timeline/?country=PK&country=IN&from=1950&to=2100")
        self.assertEqual(response.status_code, 200)

    def test_timeline_invalid_runs_only_the_last_change_query(self):
        with self.assertNumQueries(1):
            response = self.client.get("/timeline/?from=abc")
        self.assertEqual(response.status_code, 400)

    def test_country_page(self):
        # 1 the archive's last change, 2 COUNT of the country's groups, 3 the page of
        # groups, 4 the chart's groups.
        with self.assertNumQueries(4):
            response = self.client.get("/countries/PK/")
        self.assertEqual(len(response.context["chart"].chart.bars), self.bars)

    def test_country_list(self):
        # 1 the archive's last change, 2 the groups per country code.
        with self.assertNumQueries(2):
            self.client.get("/countries/")


class SmallArchiveQueryCountTests(QueryCountMixin, TestCase):
    events_on_first_page, bars = 2, 1

    @classmethod
    def setUpTestData(cls):
        make_full_profile("Alpha", events=2, references=1, related=1)


@override_settings(TIMELINE_EVENTS_PER_PAGE=100)
class LargeArchiveQueryCountTests(QueryCountMixin, TestCase):
    events_on_first_page, bars = 100, MAX_BARS

    @classmethod
    def setUpTestData(cls):
        make_full_profile("Alpha", countries=["PK", "IN"], events=40, references=5, related=3)
        make_many_groups(70, prefix="Many", events=3)
