"""The public HTML pages: home, the list of groups and a group's profile."""

import hashlib
from datetime import UTC, date, datetime

from django.core.cache import cache
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings

from profiles import summaries
from profiles.models import Event, Group
from profiles.selectors import active_period, format_edtf
from tests.factories import (
    FORMED_1992_ENDED_NOV_1994,
    make_alias,
    make_citation,
    make_event,
    make_full_profile,
    make_group,
    make_many_groups,
    make_reference,
    make_relationship,
    make_source,
    without_evidence,
)


class FormatEdtfTests(SimpleTestCase):
    def test_formats(self):
        for edtf, expected in [
            ("", ""),
            ("1992", "1992"),
            ("1994-11", "Nov 1994"),
            ("1994-11-03", "3 Nov 1994"),
            ("198X", "1980s"),
            ("1990~", "c. 1990"),
            ("1990?", "1990?"),
            ("1990%", "c. 1990?"),
            ("1994-11~", "c. Nov 1994"),
            ("1997/2006", "1997–2006"),
            ("1994-11/1995-02", "Nov 1994–Feb 1995"),
            ("1997/..", "from 1997"),
            ("../1997", "until 1997"),
            ("0950", "950"),
            ("1994-21", "Spring 1994"),
            ("1994-13", "1994-13"),  # not a month: shown as stored
            ("198X-05", "198X-05"),
            ("sometime", "sometime"),
        ]:
            with self.subTest(edtf=edtf):
                self.assertEqual(format_edtf(edtf), expected)

    def test_active_period(self):
        for formation, termination, expected in [
            ("1992", "1994-11", "1992 – Nov 1994"),
            ("198X", "", "from 1980s"),
            ("", "2001", "until 2001"),
            ("", "", ""),
        ]:
            with self.subTest(formation=formation, termination=termination):
                group = Group(formation_date=formation, termination_date=termination)
                self.assertEqual(active_period(group), expected)


class HomePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        alpha = make_group("Alpha Brigade", countries=["PK", "IR"])
        make_group("Beta Militia", countries=["PK"])
        make_group("Unknown Unit", countries=["QQ"])  # a code neither pycountry nor we know
        make_source(alpha, "alpha.txt")
        make_event(alpha, "1992", "1992-01-01")
        make_event(alpha, "1993", "1993-01-01")
        for day, name in enumerate(["Beta Militia", "Alpha Brigade", "Unknown Unit"], start=1):
            Group.objects.filter(name=name).update(updated_at=datetime(2026, 3, day, tzinfo=UTC))

    def test_counts(self):
        response = self.client.get("/")

        self.assertEqual(response.status_code, 200)
        for key, value in [
            ("group_count", 3),
            ("country_count", 3),
            ("event_count", 2),
            ("source_count", 1),
        ]:
            self.assertEqual(response.context[key], value)
        self.assertContains(response, "<dt>Groups</dt><dd>3</dd>", html=True)
        self.assertContains(response, "<dt>Dated events</dt><dd>2</dd>", html=True)

    def test_browse_by_country(self):
        response = self.client.get("/")

        countries = response.context["countries"]
        self.assertEqual(
            [(c.code, c.name, c.groups) for c in countries],
            [("IR", "Iran", 1), ("PK", "Pakistan", 2), ("QQ", "QQ", 1)],
        )
        self.assertContains(response, '<a href="/countries/PK/">Pakistan</a>')
        self.assertContains(response, '<a href="/countries/IR/">Iran</a>')
        # A code no one knows has no country page, so it has no link.
        self.assertNotContains(response, "/countries/QQ/")

    def test_recently_updated_first(self):
        response = self.client.get("/")

        self.assertEqual(
            [group.name for group in response.context["recent_groups"]],
            ["Unknown Unit", "Alpha Brigade", "Beta Militia"],
        )
        self.assertContains(response, '<a href="/groups/unknown-unit/">Unknown Unit</a>')
        self.assertContains(response, "3 Mar 2026")

    def test_recent_list_is_short(self):
        make_many_groups(12, events=0)

        self.assertEqual(len(self.client.get("/").context["recent_groups"]), 10)

    def test_page_links_the_stylesheet_and_search(self):
        response = self.client.get("/")

        self.assertContains(response, '<link rel="stylesheet" href="/static/css/site.css">')
        self.assertContains(
            response, '<form class="search" role="search" method="get" action="/groups/">'
        )


class EmptyHomePageTests(TestCase):
    def test_empty_archive(self):
        response = self.client.get("/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No profiles have been imported yet.", count=2)


class GroupListPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group(
            "Alpha Brigade",
            countries=["PK", "IR"],
            kind="vigilante_group",
            formation_date="1992",
            formation_earliest=date(1992, 1, 1),
            termination_date="1994-11",
            termination_earliest=date(1994, 11, 1),
        )
        make_group("Beta Militia", countries=["PK"])

    def test_rows(self):
        response = self.client.get("/groups/")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "<strong>2</strong> groups.", html=False)
        self.assertContains(
            response,
            """<tr>
              <th scope="row"><a href="/groups/alpha-brigade/">Alpha Brigade</a></th>
              <td>Iran, Pakistan</td>
              <td>1992 – Nov 1994</td>
              <td class="kind-column">Vigilante group</td>
            </tr>""",
            html=True,
        )

    def test_filtered_summary_and_json_link_keep_the_filters(self):
        response = self.client.get("/groups/?country=PK&q=alpha")

        self.assertContains(response, "<strong>1</strong> group matches these filters.")
        self.assertContains(response, 'href="?country=PK&amp;q=alpha&amp;format=json"')
        self.assertContains(response, '<input type="text" name="q" value="alpha"')

    def test_list_without_filters_shows_every_group(self):
        response = self.client.get("/groups/")

        self.assertEqual(
            [row.group.name for row in response.context["rows"]], ["Alpha Brigade", "Beta Militia"]
        )
        self.assertFalse(response.context["filtered"])


@override_settings(GROUPS_PER_PAGE=2)
class GroupListPaginationPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_many_groups(5, prefix="Pk", countries=["PK"], events=0)
        make_group("Other", countries=["IN"])

    def test_links_keep_the_filters(self):
        response = self.client.get("/groups/?country=PK&active_from=1900")

        self.assertContains(response, "Page 1 of 3")
        self.assertContains(
            response, '<a rel="next" href="?country=PK&amp;active_from=1900&amp;page=2">'
        )
        self.assertNotContains(response, 'rel="prev"')

        response = self.client.get("/groups/?country=PK&active_from=1900&page=2")
        self.assertContains(
            response, '<a rel="prev" href="?country=PK&amp;active_from=1900&amp;page=1">'
        )
        self.assertContains(
            response, '<a rel="next" href="?country=PK&amp;active_from=1900&amp;page=3">'
        )

    def test_last_page(self):
        response = self.client.get("/groups/?country=PK&page=3")

        self.assertEqual([row.group.name for row in response.context["rows"]], ["Pk 004"])
        self.assertNotContains(response, 'rel="next"')

    def test_one_page_has_no_pagination(self):
        response = self.client.get("/groups/?country=IN")

        self.assertNotContains(response, 'class="pagination"')


class ProfilePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        group = make_group(
            "Muhajir Defence Force",
            slug="mdf",
            countries=["PK", "IR"],
            kind="party_militant_wing",
            status="inactive",
            **FORMED_1992_ENDED_NOV_1994,
            size=12000,
            size_text="about 12,000 armed men",
            purpose="To defend *Karachi* [1].",
            narrative="It began <script>alert(1)</script> in 1992.",
        )
        make_alias(group, "MQM-H")
        make_alias(group, "Haqiqi", position=1)
        first = make_reference(group, 1, "Dawn, 1994", url="https://example.org/dawn")
        make_reference(group, 1, "Another text's [1]", position=1)
        second = make_reference(group, 2, "A bad link", url="javascript:alert(1)")
        make_reference(group, None, "Guidebook line")
        late = make_event(group, "1994-11", "1994-11-01", "1994-11-30", text="Crackdown.")
        make_event(
            group,
            "1992",
            "1992-01-01",
            "1992-12-31",
            text="Formed.",
            kind=Event.Kind.FORMATION,
            date_text="early 1990s",
        )
        make_citation(second, event=late)
        make_citation(first, event=late)
        other = make_group("APMSO")
        make_relationship(group, "APMSO", "successor_of", target=other)
        make_relationship(group, "Jeay Sindh", "rival_of")
        make_relationship(make_group("Haqiqi Split"), "MDF", "splinter_of", target=group)
        make_source(group, "mdf.txt", text="The text.")

    def setUp(self):
        self.response = self.client.get("/groups/mdf/")
        self.assertEqual(self.response.status_code, 200)

    def assertHTML(self, fragment):
        self.assertInHTML(fragment, without_evidence(self.response))

    def test_header(self):
        self.assertContains(self.response, "<h1>Muhajir Defence Force</h1>", html=True)
        self.assertIn(
            '<span class="alias">MQM-H</span>; <span class="alias">Haqiqi</span>',
            without_evidence(self.response),
        )
        self.assertHTML(
            '<dd><a href="/groups/?country=IR"><span class="flag" aria-hidden="true">🇮🇷</span>'
            ' Iran</a>, <a href="/groups/?country=PK"><span class="flag" aria-hidden="true">'
            "🇵🇰</span> Pakistan</a></dd>"
        )
        self.assertHTML("<dt>Active</dt>")
        self.assertHTML(
            '<dd><time datetime="1992" title="known to the year; EDTF 1992">1992</time> – '
            '<time datetime="1994-11" title="known to the month; EDTF 1994-11">Nov 1994</time>'
            "</dd>"
        )
        self.assertHTML("<dd>Inactive</dd>")
        self.assertHTML("<dd>Party militant wing</dd>")
        self.assertHTML("<dd>12,000 — <q>about 12,000 armed men</q></dd>")
        self.assertContains(self.response, '<a href="?format=json" type="application/json">')

    def test_sections_are_the_sanitized_html(self):
        self.assertHTML(
            '<section class="text" id="section-purpose" aria-labelledby="section-purpose-title">'
            '<h2 id="section-purpose-title">Purpose</h2>'
            '<p>To defend <em>Karachi</em> <sup class="cite" id="cite-1-1">'
            '<a href="#ref-1" aria-label="reference 1">[1]</a></sup>.</p></section>'
        )
        self.assertContains(self.response, '<h2 id="section-narrative-title">Narrative</h2>')
        self.assertNotContains(self.response, "<script>")
        self.assertNotContains(self.response, "<h2>Organisation</h2>")

    def test_timeline_in_date_order_with_citation_links(self):
        content = self.response.content.decode()
        self.assertLess(content.index("Formed."), content.index("Crackdown."))
        # The date at its precision; the words of the text in the title.
        self.assertContains(
            self.response,
            '<span class="date"><time datetime="1992" title="As written: early 1990s">1992'
            "</time></span>",
        )
        self.assertContains(
            self.response, '<span class="date"><time datetime="1994-11">Nov 1994</time></span>'
        )
        self.assertContains(self.response, '<span class="kind">Formation</span>')
        # The purpose section's [1] came first: the timeline's is the second citation of 1.
        self.assertContains(
            self.response,
            'Crackdown.<sup class="cite" id="cite-1-2"><a href="#ref-1" aria-label="reference 1">'
            '[1]</a></sup><sup class="cite" id="cite-2-1"><a href="#ref-2"'
            ' aria-label="reference 2">[2]</a></sup>',
        )

    def test_references_are_numbered_targets(self):
        content = self.response.content.decode()
        # One id per marker, even when two texts both have a [1].
        self.assertEqual(content.count('id="ref-1"'), 1)
        self.assertEqual(content.count('id="ref-2"'), 1)
        self.assertLess(content.index("Dawn, 1994"), content.index("Another text&#x27;s [1]"))
        self.assertLess(content.index('id="ref-2"'), content.index("Guidebook line"))
        self.assertContains(
            self.response,
            '<a href="https://example.org/dawn" rel="nofollow noopener">https://example.org/dawn</a>',
        )
        self.assertNotContains(self.response, 'href="javascript:')

    def test_related_groups_both_ways(self):
        self.assertHTML(
            '<dt>Splinter groups</dt><dd><a href="/groups/haqiqi-split/">Haqiqi Split</a>'
            ' <span class="note">(stated in that group’s profile)</span></dd>'
        )
        self.assertHTML('<dt>Rivals</dt><dd>Jeay Sindh <span class="note">(no profile)</span></dd>')
        self.assertHTML('<dt>Successor of</dt><dd><a href="/groups/apmso/">APMSO</a></dd>')

    def test_sources(self):
        self.assertHTML(
            f"""<tr>
              <th scope="row"><a class="raw-source" href="/sources/mdf.txt/raw/"
                type="text/plain">mdf.txt</a></th>
              <td>Encyclopedia extract<br><span class="note">utf-8</span></td>
              <td><code class="hash">{hashlib.sha256(b"The text.").hexdigest()}</code></td>
              <td><time datetime="2026-01-02T03:04:05+0000">2 Jan 2026, 03:04 UTC</time></td>
            </tr>"""
        )

    def test_the_other_side_is_linked_back(self):
        response = self.client.get("/groups/apmso/")

        self.assertInHTML(
            '<dt>Predecessor of</dt><dd><a href="/groups/mdf/">Muhajir Defence Force</a>'
            ' <span class="note">(stated in that group’s profile)</span></dd>',
            without_evidence(response),
        )


class UnicodeSlugTests(TestCase):
    def test_profile_and_list_link(self):
        make_group("Échelon Noir", countries=["FR"])

        response = self.client.get("/groups/%C3%A9chelon-noir/")
        self.assertContains(response, "<h1>Échelon Noir</h1>", html=True)
        list_response = self.client.get("/groups/")
        self.assertContains(list_response, '<a href="/groups/%C3%A9chelon-noir/">Échelon Noir</a>')
        data = self.client.get("/groups/?format=json").json()
        self.assertEqual(data["results"][0]["url"], "http://testserver/groups/%C3%A9chelon-noir/")


class ErrorPageTests(TestCase):
    def test_unknown_slug_is_a_404_page(self):
        response = self.client.get("/groups/no-such-group/")

        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, "There is no group with this address.", status_code=404)

    def test_unknown_address_uses_the_404_page(self):
        response = self.client.get("/no/such/page/")

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "There is no page at this address.", status_code=404)

    def test_profile_in_an_unknown_format_is_a_400(self):
        make_group("Alpha")

        response = self.client.get("/groups/alpha/?format=csv")

        self.assertEqual(response.status_code, 400)
        self.assertTemplateUsed(response, "400.html")
        self.assertContains(response, "Format must be “json” or “html”.", status_code=400)

    def test_too_many_parameters_is_the_400_page(self):
        response = self.client.get("/groups/?" + "&".join(["country=PK"] * 2000))

        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "<h1>Bad request</h1>", status_code=400)

    def test_pages_are_read_only(self):
        make_group("Alpha")

        for url in ["/", "/groups/", "/groups/alpha/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url).status_code, 405)
                self.assertEqual(self.client.head(url).status_code, 200)


class NoSessionTests(TestCase):
    """Public pages never read the session, so caches may share them between readers."""

    def test_no_cookie_and_no_vary_on_cookie(self):
        make_full_profile("Alpha")

        for url in [
            "/",
            "/groups/",
            "/groups/?format=json",
            "/groups/alpha/",
            "/groups/alpha/?format=json",
            "/groups/?country=ZZ",
            "/groups/nope/",
        ]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertNotIn("Cookie", response.get("Vary", ""))
                self.assertEqual(response.cookies, {})


class PageQueryCountMixin:
    """The same query counts whatever the archive's size (see setUpTestData below)."""

    def test_home(self):
        # 1 the archive's last change (for ETag), 2 COUNT of groups, 3 groups per country
        # code, 4 COUNT of events, 5 COUNT of source documents, 6 the ten most recently
        # updated groups.
        with self.assertNumQueries(6):
            response = self.client.get("/")
        self.assertEqual(response.status_code, 200)

    def test_list(self):
        # 1 the archive's last change, 2 COUNT of the filtered groups, 3 the page of groups,
        # 4 their countries, 5 the countries with groups (the country picker); facets:
        # 6 per country, 7 per kind, 8 the span of years, 9 per decade; on PostgreSQL,
        # 10 the page's search matches highlighted.
        with self.assertNumQueries(10 if connection.vendor == "postgresql" else 9):
            response = self.client.get("/groups/?country=PK&country=IN&active_to=2100&q=alias")
        self.assertEqual(len(response.context["rows"]), self.expected_on_first_page)

    def test_list_without_filters(self):
        # The whole list's facets are stored when a change commits (profiles.summaries);
        # here, where the test's writes never commit, as that commit would.
        summaries.refresh()
        # 1 last change, 2 COUNT, 3 the stored facets, 4 picker, 5 page, 6 countries.
        with self.assertNumQueries(6):
            self.client.get("/groups/")

    def test_profile(self):
        # The first request builds the profile's snapshot (profiles.snapshots): 1 the
        # archive's last change (ETag), 2 the snapshot (missing), 3 the group's id, 4 the
        # group, 5 its countries, 6 its public aliases (with the document's file name),
        # 7 its events, 8 its citations (with the reference's marker), 9 its references,
        # 10 its relationships (with the target), 11 relationships naming it (with the
        # source), 12 its source documents, 13 the evidence of its values, 14 the names its
        # texts mention (with their profile), 15 the groups the names in its text belong
        # to (NameKey), 16 the ties of the groups it is tied to (for the drawing of its
        # ties, profiles.selectors.network), 17 storing the snapshot; 18 the snapshot with
        # its group, 19 the latest release holding it (for its citation).
        with self.assertNumQueries(19):
            first = self.client.get("/groups/alpha/")
        # Every request after: 1 the archive's last change, 2 the snapshot with its group,
        # 3 the latest release holding it ...
        cache.clear()
        with self.assertNumQueries(3):
            response = self.client.get("/groups/alpha/")
        self.assertEqual(response.content, first.content)
        # ... and once another reader had it, the page cache: only the last change.
        with self.assertNumQueries(1):
            again = self.client.get("/groups/alpha/")
        self.assertEqual(again.content, first.content)
        self.assertEqual(response.content.count(b'<span class="kind">'), self.events)

    def test_invalid_filters_run_only_the_last_change_query(self):
        # The validators are checked before the parameters; nothing else is read.
        with self.assertNumQueries(1):
            response = self.client.get("/groups/?active_from=abc")
        self.assertEqual(response.status_code, 400)


class SmallArchivePageQueryCountTests(PageQueryCountMixin, TestCase):
    events, expected_on_first_page = 2, 1

    @classmethod
    def setUpTestData(cls):
        make_full_profile("Alpha", events=2, references=1, related=1)


class LargeArchivePageQueryCountTests(PageQueryCountMixin, TestCase):
    events, expected_on_first_page = 40, 50

    @classmethod
    def setUpTestData(cls):
        make_full_profile(
            "Alpha", countries=["PK", "IN", "AF"], events=40, references=30, related=6
        )
        make_many_groups(70, prefix="Many", events=3)

    def test_second_page(self):
        # Page 2 costs what page 1 does: last change, COUNT, page, countries, the picker's
        # countries, 4 facets.
        with self.assertNumQueries(9):
            response = self.client.get("/groups/?country=PK&page=2")
        self.assertEqual(len(response.context["rows"]), 21)
