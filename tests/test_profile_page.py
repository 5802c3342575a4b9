"""The profile page: citations and backlinks, flags, dates at their precision, links to the
other groups the text names, the raw source view, "cite this profile", and query counts."""

import io
import tempfile
from collections import Counter
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

from django.core.cache import cache
from django.core.management import call_command
from django.test import SimpleTestCase, TestCase

from profiles.models import Group, NameKey, Precision
from profiles.parsing.names import name_key
from profiles.profile_page import (
    Section,
    backlink_letter,
    bibtex_entry,
    bibtex_escape,
    bibtex_key,
    date_html,
    link_group_names,
    name_candidates,
)
from profiles.rendering import link_markers
from profiles.selectors import country_flag, html_datetime
from tests.factories import (
    FORMED_1992_ENDED_NOV_1994,
    make_citation,
    make_event,
    make_full_profile,
    make_group,
    make_reference,
    make_relationship,
    make_source,
    without_evidence,
)

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = date(2030, 1, 15)

WARDENS = """\
Night Wardens

The Night Wardens are a volunteer militia in Ghana.[1]

[2] The Night Wardens were founded in 1988 and fought against the Lanterns of Varn.[3][4]

Their leaders were arrested in 1990.[3]
"""
LANTERNS = """\
Lanterns of Varn (Ruritania)

Country: Ruritania
Details of Formation: Merchants of Zenda raised the Lanterns of Varn in March 1971.
Details of Termination: The militia was disbanded in 1979.
Purpose: To guard the river markets against the Night Wardens.
Reason for Membership: --
References: news sources listed in the PGMD
"""


def import_files(files):
    """Import {filename: bytes or text} with the real command, as an operator would."""
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            data = content if isinstance(content, bytes) else content.encode()
            (Path(folder) / name).write_bytes(data)
        call_command("import_profiles", folder, stdout=io.StringIO(), stderr=io.StringIO())


class PageParser(HTMLParser):
    """What the citation tests need from a page: ids, citation links, backlinks."""

    def __init__(self, html):
        super().__init__()
        self.ids = []
        self.cites = []  # (id of the sup, href of its link)
        self.references = {}  # li id -> [backlink hrefs]
        self.links = []  # (href, class, text)
        self._sup = None
        self._reference = None
        self._depth = 0
        self._link = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        classes = (attrs.get("class") or "").split()
        if tag == "sup" and "cite" in classes:
            self._sup = attrs.get("id")
        if tag == "a":
            if self._sup is not None:
                self.cites.append((self._sup, attrs.get("href")))
            if self._reference and "backlink" in classes:
                self.references[self._reference].append(attrs.get("href"))
            self._link = [attrs.get("href"), attrs.get("class"), ""]
        if tag == "li":
            if self._reference:
                self._depth += 1
            elif (attrs.get("id") or "").startswith("ref-"):
                self._reference = attrs["id"]
                self.references[self._reference] = []
                self._depth = 0

    def handle_endtag(self, tag):
        if tag == "sup":
            self._sup = None
        if tag == "a" and self._link:
            self.links.append(tuple(self._link))
            self._link = None
        if tag == "li" and self._reference:
            if self._depth:
                self._depth -= 1
            else:
                self._reference = None

    def handle_data(self, data):
        if self._link:
            self._link[2] += data


class FlagTests(SimpleTestCase):
    def test_flags_are_regional_indicator_pairs(self):
        self.assertEqual(country_flag("PK"), "\U0001f1f5\U0001f1f0")
        self.assertEqual(country_flag("pk"), "🇵🇰")
        self.assertEqual(country_flag("IR"), "🇮🇷")
        self.assertEqual(country_flag("XK"), "🇽🇰")

    def test_no_flag_for_states_that_no_longer_exist_or_unknown_codes(self):
        for code in ["SU", "YU", "CS", "ZR", "QQ", "", None, "PAK"]:
            with self.subTest(code=code):
                self.assertEqual(country_flag(code), "")


class DateDisplayTests(SimpleTestCase):
    def test_html_datetime(self):
        for edtf, expected in [
            ("1994", "1994"),
            ("1994-11", "1994-11"),
            ("1994-11-03", "1994-11-03"),
            ("0950", "0950"),
            ("198X", ""),
            ("1990~", ""),
            ("1997/2006", ""),
            ("1994-21", ""),  # a season
            ("1994-13", ""),
            ("1994-02-30", ""),
            ("", ""),
        ]:
            with self.subTest(edtf=edtf):
                self.assertEqual(html_datetime(edtf), expected)

    def test_dates_at_their_precision(self):
        for edtf, precision, expected in [
            (
                "1994-11-03",
                Precision.DAY,
                '<time datetime="1994-11-03" title="known to the day; EDTF 1994-11-03">'
                "3 Nov 1994</time>",
            ),
            (
                "1994-11",
                Precision.MONTH,
                '<time datetime="1994-11" title="known to the month; EDTF 1994-11">Nov 1994</time>',
            ),
            (
                "198X",
                Precision.DECADE,
                '<span class="date" title="known to the decade; EDTF 198X">1980s</span>',
            ),
            (
                "1990~",
                Precision.YEAR,
                '<span class="date" title="known to the year; EDTF 1990~">c. 1990</span>',
            ),
            ("1997/2006", "", '<span class="date" title="EDTF 1997/2006">1997–2006</span>'),
            ("", Precision.YEAR, ""),
        ]:
            with self.subTest(edtf=edtf):
                self.assertEqual(date_html(edtf, precision), expected)


class PeriodInHeaderTests(TestCase):
    def header_period(self, **fields):
        make_group("Alpha", **fields)
        response = self.client.get("/groups/alpha/")
        content = response.content.decode()
        start = content.index("<dt>Active</dt>")
        return content[start : content.index("</dd>", start) + 5]

    def test_approximate_formation_and_month_termination(self):
        period = self.header_period(
            formation_date="1992~",
            formation_earliest=date(1991, 1, 1),
            formation_latest=date(1993, 12, 31),
            formation_precision=Precision.YEAR,
            termination_date="1994-11",
            termination_earliest=date(1994, 11, 1),
            termination_latest=date(1994, 11, 30),
            termination_precision=Precision.MONTH,
        )
        self.assertInHTML(
            '<dd><span class="date" title="known to the year; EDTF 1992~">c. 1992</span> – '
            '<time datetime="1994-11" title="known to the month; EDTF 1994-11">Nov 1994</time></dd>',
            period,
        )

    def test_decade(self):
        period = self.header_period(
            formation_date="198X",
            formation_earliest=date(1980, 1, 1),
            formation_latest=date(1989, 12, 31),
            formation_precision=Precision.DECADE,
        )
        self.assertInHTML(
            '<dd>from <span class="date" title="known to the decade; EDTF 198X">1980s</span></dd>',
            period,
        )

    def test_day_termination_only(self):
        period = self.header_period(
            termination_date="2001-05-03",
            termination_earliest=date(2001, 5, 3),
            termination_latest=date(2001, 5, 3),
            termination_precision=Precision.DAY,
        )
        self.assertInHTML(
            '<dd>until <time datetime="2001-05-03" title="known to the day; EDTF 2001-05-03">'
            "3 May 2001</time></dd>",
            period,
        )

    def test_unknown_period_is_said(self):
        self.assertInHTML('<dd><span class="unknown">Not stated</span></dd>', self.header_period())


class HeaderTests(TestCase):
    def test_size_with_its_date_and_last_change(self):
        group = make_group(
            "Alpha",
            countries=["PK", "SU"],
            size=500,
            size_text="a PGM size of 500 members",
            size_date="1995-03",
        )
        Group.objects.filter(pk=group.pk).update(updated_at=datetime(2026, 11, 3, 12, tzinfo=UTC))

        response = self.client.get("/groups/alpha/")
        content = without_evidence(response)

        self.assertInHTML(
            '<dd>500 — <q>a PGM size of 500 members</q> <span class="note">(<time'
            ' datetime="1995-03" title="EDTF 1995-03">Mar 1995</time>)</span></dd>',
            content,
        )
        # A state that no longer exists keeps its name, without a flag.
        self.assertInHTML(
            '<a href="/groups/?country=PK"><span class="flag" aria-hidden="true">🇵🇰</span>'
            ' Pakistan</a>, <a href="/groups/?country=SU">Soviet Union</a>',
            content,
        )
        self.assertContains(
            response,
            '<dt>Last changed</dt><dd><time datetime="2026-11-03">3 Nov 2026</time></dd>',
            html=True,
        )
        self.assertContains(
            response, '<time datetime="2026-11-03">3 November 2026</time>', html=True
        )


class CitationRoundTripTests(TestCase):
    """Imported texts: every marker links to its reference and every reference links back."""

    @classmethod
    def setUpTestData(cls):
        import_files({"wardens.txt": WARDENS, "lanterns.txt": LANTERNS})
        import_files({path.name: path.read_bytes() for path in FIXTURES.glob("*.txt")})

    def page(self, slug):
        response = self.client.get(f"/groups/{slug}/")
        self.assertEqual(response.status_code, 200)
        return response, PageParser(response.content.decode())

    def assert_round_trip(self, parsed):
        self.assertTrue(parsed.cites)
        self.assertEqual(
            [item for item, count in Counter(parsed.ids).items() if count > 1], [], "unique ids"
        )
        backlinks = {href for hrefs in parsed.references.values() for href in hrefs}
        for sup_id, href in parsed.cites:
            with self.subTest(sup=sup_id):
                # The marker links to a reference that exists, which links back to it.
                self.assertIn(href[1:], parsed.references)
                self.assertIn(f"#{sup_id}", parsed.references[href[1:]])
        # Every backlink goes to a citation on the page.
        self.assertEqual(backlinks, {f"#{sup_id}" for sup_id, _ in parsed.cites})

    def test_round_trip_on_every_imported_profile(self):
        for slug in ["night-wardens", "mqm-militancy"]:
            with self.subTest(slug=slug):
                _response, parsed = self.page(slug)
                self.assert_round_trip(parsed)

    def test_a_reference_cited_in_text_and_timeline_has_lettered_backlinks(self):
        response, parsed = self.page("night-wardens")

        # [3] closes the founding sentence (in the text, and on its timeline event) and the
        # arrest sentence.
        self.assertEqual(
            parsed.references["ref-3"], ["#cite-3-1", "#cite-3-2", "#cite-3-3", "#cite-3-4"]
        )
        links = [link for link in parsed.links if link[1] == "backlink"]
        self.assertIn(("#cite-3-1", "backlink", "a"), links)
        self.assertIn(("#cite-3-4", "backlink", "d"), links)
        # One citation: a single arrow.
        self.assertEqual(parsed.references["ref-1"], ["#cite-1-1"])
        self.assertIn(("#cite-1-1", "backlink", "↑"), links)

    def test_backlinks_quote_the_statement_or_say_it_was_left_out(self):
        response, _parsed = self.page("night-wardens")

        self.assertContains(
            response,
            "<li>Narrative: <q>The Night Wardens are a volunteer militia in Ghana.</q></li>",
            html=True,
        )
        self.assertContains(
            response,
            '<li>Narrative: <span class="note">the sentence before this paragraph, which the'
            " source extract leaves out</span></li>",
            html=True,
        )
        self.assertContains(
            response,
            "<li><b>b</b> Timeline, 1988: <q>The Night Wardens were founded in 1988 and fought"
            " against the Lanterns of Varn.</q></li>",
            html=True,
        )

    def test_timeline_markers_have_ids(self):
        response, _parsed = self.page("night-wardens")

        self.assertContains(
            response,
            'Varn.<sup class="cite" id="cite-3-3"><a href="#ref-3" aria-label="reference 3">[3]'
            '</a></sup><sup class="cite" id="cite-4-2"><a href="#ref-4" aria-label="reference 4">'
            "[4]</a></sup>",
        )

    def test_names_of_other_groups_are_linked_once(self):
        response, parsed = self.page("night-wardens")

        group_links = [link for link in parsed.links if link[1] == "group-link"]
        self.assertEqual(
            group_links, [("/groups/lanterns-of-varn/", "group-link", "Lanterns of Varn")]
        )

        response, parsed = self.page("mqm-haqiqi")
        group_links = [link for link in parsed.links if link[1] == "group-link"]
        # The first "MQM" of the text; the group's own name ("MQM Haqiqi") is never linked.
        self.assertEqual(group_links, [("/groups/mqm-militancy/", "group-link", "MQM")])
        self.assertContains(
            response,
            'members of <a class="group-link" href="/groups/mqm-militancy/"'
            ' title="MQM militancy">MQM</a>, together',
        )

    def test_raw_source_link_serves_the_file(self):
        _response, parsed = self.page("mqm-haqiqi")

        raw_links = [link for link in parsed.links if link[1] == "raw-source"]
        self.assertEqual(
            raw_links,
            [("/sources/004_6d5b354a8c919a76.txt/raw/", "raw-source", "004_6d5b354a8c919a76.txt")],
        )
        raw = self.client.get(raw_links[0][0])
        self.assertEqual(raw.content, (FIXTURES / "004_6d5b354a8c919a76.txt").read_bytes())


class CitationMarkupTests(TestCase):
    def test_a_marker_without_reference_is_not_a_dead_link(self):
        make_group("Alpha", narrative="Formed in 1990.[7] Fought on.[1]")
        make_reference(Group.objects.get(), 1)

        response = self.client.get("/groups/alpha/")

        self.assertContains(
            response,
            '<sup class="cite missing" title="No reference with this number is recorded">[7]</sup>',
        )
        self.assertNotContains(response, 'href="#ref-7"')
        self.assertContains(response, '<sup class="cite" id="cite-1-1"><a href="#ref-1"')

    def test_curated_text_keeps_statements_only_while_markers_match(self):
        group = make_group("Alpha", narrative="First claim.[1] Second claim.[2]")
        first, second = make_reference(group, 1), make_reference(group, 2)
        for reference, position, statement in [
            (first, 12, "First claim."),
            (second, 26, "Second claim."),
        ]:
            citation = make_citation(reference, section="narrative", position=position)
            citation.statement = statement
            citation.save()

        response = self.client.get("/groups/alpha/")
        self.assertContains(response, "<li>Narrative: <q>First claim.</q></li>", html=True)

        # A curator swapped the markers: the imported statements no longer apply.
        group.narrative = "First claim.[2] Second claim.[1]"
        group.save()
        response = self.client.get("/groups/alpha/")
        self.assertNotContains(response, "<q>First claim.</q>")
        self.assertContains(response, "<li>Narrative</li>", html=True)

    def test_markers_in_links_urls_and_code_stay_as_written(self):
        html = (
            '<p><a href="https://example.org/a[1]" title="x [2]">see [3]</a> and [4]'
            " <code>[5]</code></p>"
        )
        self.assertEqual(
            link_markers(html),
            '<p><a href="https://example.org/a[1]" title="x [2]">see [3]</a> and '
            '<sup class="cite"><a href="#ref-4" aria-label="reference 4">[4]</a></sup>'
            " <code>[5]</code></p>",
        )

    def test_backlink_letters(self):
        self.assertEqual(
            [backlink_letter(i) for i in (0, 1, 25, 26, 27, 51, 52)],
            ["a", "b", "z", "aa", "ab", "az", "ba"],
        )


class SanitizationTests(TestCase):
    def test_script_and_javascript_links_never_reach_the_page(self):
        make_group(
            "Alpha",
            narrative=(
                "Text <script>alert('x')</script> and [a link](javascript:alert(1)) and "
                '<a href="javascript:alert(2)">raw</a> <img src=x onerror="alert(3)"> '
                '<a href="https://example.org/" onclick="alert(4)">ok</a> Beta Front.'
            ),
            purpose="<iframe src='https://evil.example/'></iframe>Plain.",
        )
        NameKey.objects.create(group=make_group("Beta Front"), key="beta front")

        response = self.client.get("/groups/alpha/")
        content = response.content.decode()

        for forbidden in ["<script>alert", "javascript:", "onerror", "onclick", "<iframe", "<img"]:
            with self.subTest(forbidden=forbidden):
                self.assertNotIn(forbidden, content)
        self.assertContains(response, 'href="https://example.org/"')
        # Our link is added to the sanitized text.
        self.assertContains(response, '<a class="group-link" href="/groups/beta-front/"')

    def test_names_and_text_are_escaped(self):
        make_group('<b>Bold</b> "Front"', slug="bold", narrative="Tom &amp; Jerry <Front>")

        response = self.client.get("/groups/bold/")

        self.assertNotContains(response, "<b>Bold</b>")
        self.assertContains(response, "<h1>&lt;b&gt;Bold&lt;/b&gt; &quot;Front&quot;</h1>")


class NameLinkingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group("Alpha Brigade")
        cls.beta = make_group("Beta Front")
        cls.gamma = make_group("Gamma Movement")
        cls.twin_one = make_group("Twin Force")
        cls.twin_two = make_group("Twin Force", slug="twin-force-2")
        NameKey.objects.bulk_create(
            [
                NameKey(group=cls.alpha, key="alpha brigade"),
                NameKey(group=cls.alpha, key="ab"),
                NameKey(group=cls.beta, key="beta front"),
                NameKey(group=cls.beta, key="bf"),
                NameKey(group=cls.gamma, key="gamma movement"),
                NameKey(group=cls.gamma, key=name_key("New People's Gamma")),
                NameKey(group=cls.twin_one, key="twin force"),
                NameKey(group=cls.twin_two, key="twin force"),
            ]
        )

    def link(self, html, group=None):
        sections = [Section(key="narrative", label="Narrative", html=html)]
        with self.assertNumQueries(1):
            link_group_names(sections, group or self.alpha)
        return sections[0].html

    def test_first_mention_of_another_group_only(self):
        self.assertEqual(
            self.link("<p>The AB fought the BF. Later the Beta Front split.</p>"),
            '<p>The AB fought the <a class="group-link" href="/groups/beta-front/"'
            ' title="Beta Front">BF</a>. Later the Beta Front split.</p>',
        )

    def test_never_itself_nor_a_name_two_groups_answer_to(self):
        html = "<p>Alpha Brigade and the Twin Force met.</p>"
        self.assertEqual(self.link(html), html)

    def test_never_inside_a_link_or_code(self):
        html = '<p><a href="https://example.org/">Beta Front</a> <code>Beta Front</code></p>'
        sections = [Section(key="narrative", label="Narrative", html=html)]
        with self.assertNumQueries(0):  # no name outside them: nothing to look up
            link_group_names(sections, self.alpha)
        self.assertEqual(sections[0].html, html)
        self.assertEqual(
            self.link(html.replace("</p>", " Beta Front.</p>")),
            html.replace(
                "</p>",
                ' <a class="group-link" href="/groups/beta-front/" title="Beta Front">'
                "Beta Front</a>.</p>",
            ),
        )

    def test_longest_name_wins_and_possessives(self):
        self.assertEqual(
            self.link("<p>The Gamma Movement's men and the Beta Front's.</p>"),
            '<p>The <a class="group-link" href="/groups/gamma-movement/" title="Gamma Movement">'
            "Gamma Movement</a>'s men and the "
            '<a class="group-link" href="/groups/beta-front/" title="Beta Front">Beta Front</a>'
            "'s.</p>",
        )
        self.assertIn(">New People's Gamma</a>", self.link("<p>The New People's Gamma grew.</p>"))

    def test_escaped_text_stays_escaped(self):
        self.assertEqual(
            self.link("<p>Tom &amp; Beta Front &lt;x&gt;</p>"),
            '<p>Tom &amp; <a class="group-link" href="/groups/beta-front/" title="Beta Front">'
            "Beta Front</a> &lt;x&gt;</p>",
        )

    def test_one_query_for_every_section(self):
        sections = [
            Section(key=f"s{i}", label="S", html=f"<p>Name Number {i} and Beta Front.</p>")
            for i in range(50)
        ]
        with self.assertNumQueries(1):
            link_group_names(sections, self.alpha)
        self.assertEqual(sum(s.html.count("group-link") for s in sections), 1)

    def test_no_query_without_names(self):
        sections = [Section(key="s", label="S", html="<p>nothing here.</p>")]
        with self.assertNumQueries(0):
            link_group_names(sections, self.alpha)

    def test_candidates(self):
        sections = [
            Section(
                key="s", label="S", html="<p>The All Pakistan Front (APF) of the MQM's wing.</p>"
            )
        ]
        candidates = name_candidates(sections)
        for key in ["all pakistan front", "pakistan front", "apf", "mqm", "all pakistan"]:
            with self.subTest(key=key):
                self.assertIn(key, candidates)
        self.assertNotIn("mqms", candidates)


class CiteThisProfileTests(TestCase):
    def test_plain_reference_and_bibtex(self):
        group = make_group("MQM Haqiqi", **FORMED_1992_ENDED_NOV_1994)
        Group.objects.filter(pk=group.pk).update(updated_at=datetime(2026, 11, 3, 9, tzinfo=UTC))

        with mock.patch("profiles.profile_page.timezone.localdate", return_value=TODAY):
            response = self.client.get("/groups/mqm-haqiqi/")

        self.assertContains(
            response,
            '<p class="citation">Armed Group Profiles. “MQM Haqiqi”. Last changed 3 Nov 2026.'
            " http://testserver/groups/mqm-haqiqi/ (accessed 15 Jan 2030).</p>",
            html=True,
        )
        self.assertContains(
            response,
            "<code>@misc{mqm-haqiqi,\n"
            "  author = {{Armed Group Profiles}},\n"
            "  title = {{MQM Haqiqi}},\n"
            "  year = {2026},\n"
            "  howpublished = {\\url{http://testserver/groups/mqm-haqiqi/}},\n"
            "  url = {http://testserver/groups/mqm-haqiqi/},\n"
            "  urldate = {2030-01-15},\n"
            "  note = {Last changed 3 Nov 2026; accessed 15 Jan 2030},\n"
            "}</code>",
        )

    def test_bibtex_special_characters(self):
        self.assertEqual(
            bibtex_escape("100% & Sons_{#1} $5 ~ ^ \\ end"),
            r"100\% \& Sons\_\{\#1\} \$5 \textasciitilde{} \textasciicircum{} \textbackslash{} end",
        )
        self.assertEqual(bibtex_escape("Two\nlines"), "Two lines")

    def test_bibtex_entry_of_a_unicode_slug(self):
        entry = bibtex_entry(
            "échelon-noir-100%",
            "Échelon {Noir} 100%",
            "https://host/groups/%C3%A9chelon-noir/",
            date(2026, 11, 3),
            TODAY,
        )
        self.assertTrue(entry.startswith("@misc{echelon-noir-100,\n"))
        self.assertIn(r"  title = {{Échelon \{Noir\} 100\%}},", entry)
        self.assertIn(r"  howpublished = {\url{https://host/groups/\%C3\%A9chelon-noir/}},", entry)
        self.assertIn("  url = {https://host/groups/%C3%A9chelon-noir/},", entry)
        # Braces stay balanced: the entry parses.
        self.assertEqual(entry.replace(r"\{", "").count("{"), entry.replace(r"\}", "").count("}"))
        self.assertEqual(bibtex_key("«»"), "group")


class RawSourceTests(TestCase):
    TEXT = "Četa Front (Serbia)\r\n\r\nDetails: “quoted” — ünïcödé 🇷🇸 <script>alert(1)</script>\n"

    def test_exact_text_as_plain_text(self):
        group = make_group("Četa Front")
        make_source(group, "četa front.txt", text=self.TEXT)

        with self.assertNumQueries(2):  # the archive's last change, the document
            response = self.client.get("/sources/%C4%8Deta%20front.txt/raw/")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, self.TEXT.encode("utf-8"))
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(
            response["Content-Disposition"], "inline; filename*=utf-8''%C4%8Deta%20front.txt"
        )
        self.assertIn("sandbox", response["Content-Security-Policy"])

    def test_the_profile_links_it(self):
        group = make_group("Četa Front")
        make_source(group, "četa front.txt", text=self.TEXT)

        response = self.client.get(group.get_absolute_url())

        self.assertContains(
            response,
            '<a class="raw-source" href="/sources/%C4%8Deta%20front.txt/raw/" type="text/plain">'
            "četa front.txt</a>",
        )

    def test_quotes_in_the_file_name_cannot_break_the_header(self):
        make_source(make_group("Alpha"), 'a "b"\\c.txt', text="x")

        response = self.client.get("/sources/a%20%22b%22%5Cc.txt/raw/")

        self.assertEqual(response["Content-Disposition"], 'inline; filename="a \\"b\\"\\\\c.txt"')

    def test_a_file_name_no_url_can_hold_is_shown_without_link(self):
        group = make_group("Alpha")
        make_source(group, "folder/a.txt", text="x")

        response = self.client.get("/groups/alpha/")

        self.assertContains(response, '<th scope="row">folder/a.txt</th>', html=True)

    def test_a_windows_1252_file_is_served_as_utf8(self):
        import_files(
            {
                "cp.txt": "Caf\xe9 Militia\n\nThe Caf\xe9 Militia was formed in 1990.\n".encode(
                    "cp1252"
                )
            }
        )

        response = self.client.get("/sources/cp.txt/raw/")

        self.assertEqual(
            response.content.decode("utf-8"),
            "Café Militia\n\nThe Café Militia was formed in 1990.\n",
        )

    def test_unknown_file_is_a_404_and_read_only(self):
        self.assertEqual(self.client.get("/sources/nope.txt/raw/").status_code, 404)
        make_source(make_group("Alpha"), "a.txt", text="x")
        self.assertEqual(self.client.post("/sources/a.txt/raw/").status_code, 405)
        head = self.client.head("/sources/a.txt/raw/")
        self.assertEqual(head.status_code, 200)
        self.assertNotIn("Cookie", head.get("Vary", ""))


class RelatedGroupsTests(TestCase):
    def test_grouped_by_tie_in_reading_order(self):
        group = make_group("Alpha")
        for name, relation in [
            ("Rival Two", "rival_of"),
            ("Rival One", "rival_of"),
            ("Parent", "splinter_of"),
            ("Friend", "ally_of"),
        ]:
            make_relationship(group, name, relation, target=make_group(name))
        make_relationship(group, "Ghost Army", "ally_of")
        make_relationship(make_group("Child"), "Alpha", "splinter_of", target=group)

        response = self.client.get("/groups/alpha/")
        content = without_evidence(response)
        related = content[content.index('<section id="related"') :]
        related = related[: related.index("</section>")]

        headings = [part.split("</dt>")[0] for part in related.split("<dt>")[1:]]
        self.assertEqual(headings, ["Splinter of", "Splinter groups", "Allies", "Rivals"])
        self.assertLess(related.index("Rival One"), related.index("Rival Two"))
        self.assertInHTML('<dd><a href="/groups/parent/">Parent</a></dd>', related)
        self.assertInHTML('<dd>Ghost Army <span class="note">(no profile)</span></dd>', related)


def add_named_sections(group, names):
    """Sections naming `names` (other groups), as long texts do."""
    group.narrative = " ".join(f"They met the {name} in 1990." for name in names)
    group.other_information = "Nothing else [1]."
    group.save()


class ProfileQueryCountTests(TestCase):
    """A profile is rendered once into its snapshot, by the first request (or by the
    write that changed it): fifteen queries whatever its size, then three for every
    request after. Building it: the archive's last change, the snapshot (missing), the
    group's id, the eleven of profile_queryset(), the names its text uses, the ties of
    its neighbours (for the drawing), storing the snapshot; then, as for every request,
    the snapshot with its group and the latest release holding the group."""

    def test_small_profile(self):
        group = make_full_profile("Alpha", events=1, references=1, related=1)
        other = make_group("Other Front")
        NameKey.objects.create(group=other, key="other front")
        add_named_sections(group, ["Other Front"])

        with self.assertNumQueries(19):
            first = self.client.get("/groups/alpha/")
        self.assertContains(first, 'class="group-link"', count=1)

        # The archive's last change, the snapshot with its group, the latest release.
        cache.clear()
        with self.assertNumQueries(3):
            response = self.client.get("/groups/alpha/")
        self.assertEqual(response.content, first.content)

    def test_large_profile(self):
        group = make_full_profile(
            "Alpha", countries=["PK", "IN", "AF"], events=60, references=40, related=8
        )
        others = [make_group(f"Other Front Number{index}") for index in range(30)]
        NameKey.objects.bulk_create(NameKey(group=o, key=name_key(o.name)) for o in others)
        add_named_sections(
            group, [o.name for o in others] + [f"Unknown Front Number{i}" for i in range(200)]
        )
        source = group.sources.get()
        for index in range(20):
            make_source(group, f"extra-{index}.txt")
            make_event(
                group, "1994-11", "1994-11-01", "1994-11-30", position=100 + index, document=source
            )

        with self.assertNumQueries(19):
            self.client.get("/groups/alpha/")
        cache.clear()
        with self.assertNumQueries(3):
            response = self.client.get("/groups/alpha/")
        self.assertContains(response, 'class="group-link"', count=30)
        self.assertContains(response, 'class="raw-source"', count=21)

    def test_profile_without_text_skips_the_name_lookup(self):
        make_group("Alpha")

        with self.assertNumQueries(17):
            self.client.get("/groups/alpha/")
