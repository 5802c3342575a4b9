"""The Sources pages, the About page, the error pages and the Atom feed of changed profiles."""

import hashlib
import xml.etree.ElementTree as ET
from datetime import UTC, datetime

from django.test import Client, SimpleTestCase, TestCase, override_settings
from django.urls import include, path

from profiles.codebook import RELATION_MEANINGS, about_context
from profiles.feeds import opening_text
from profiles.models import (
    SECTION_FIELDS,
    Citation,
    Event,
    Group,
    GroupKind,
    Relation,
    SourceDocument,
)
from tests.factories import (
    FORMED_1992_ENDED_NOV_1994,
    make_event,
    make_full_profile,
    make_group,
    make_many_groups,
    make_reference,
    make_source,
)

ATOM = "{http://www.w3.org/2005/Atom}"


def cite(reference, statement, *, section="narrative", position=0, event=None):
    """A citation as the importer writes it: one row per event read from the statement."""
    return Citation.objects.create(
        reference=reference,
        group=reference.group,
        document=reference.document,
        event=event,
        section=section,
        statement=statement,
        position=position,
    )


def make_cited_source(group, filename, *, references=3):
    """An encyclopedia file whose markers are each cited by one statement read as an event."""
    document = make_source(group, filename)
    for marker in range(1, references + 1):
        reference = make_reference(group, marker, document=document, position=marker)
        event = make_event(group, "1990", "1990-01-01", "1990-12-31", document=document)
        cite(reference, f"Statement {marker}.", position=marker * 10, event=event)
    return document


def build_archive():
    """Two groups: a guidebook file with reference lines, an extract with cited markers."""
    guards = make_group("Village Guards", countries=["TR"])
    guidebook = make_source(
        guards, "guards.txt", text="Guards text.", format=SourceDocument.Format.GUIDEBOOK
    )
    make_reference(guards, None, "News sources listed in the PGMD", document=guidebook)
    make_reference(
        guards,
        None,
        "Human Rights Watch report",
        url="https://example.org/hrw",
        document=guidebook,
        position=1,
    )
    make_reference(
        guards, None, "A bad link", url="javascript:alert(1)", document=guidebook, position=2
    )

    front = make_group("Shadow Front", countries=["PK"])
    extract = make_source(front, "front.txt", text="Front text.")
    SourceDocument.objects.filter(pk=extract.pk).update(countries=["PK", "IN"], encoding="cp1252")
    first = make_reference(front, 1, "Note 1 of the source article", document=extract)
    second = make_reference(front, 2, "Note 2 of the source article", document=extract)
    make_reference(front, 3, "Note 3 of the source article", document=extract)
    formed = make_event(
        front,
        "1994-11",
        "1994-11-01",
        "1994-11-30",
        text="It was formed in November 1994 and grew in 1996.",
        kind=Event.Kind.FORMATION,
        document=extract,
    )
    grew = make_event(
        front,
        "1996",
        "1996-01-01",
        "1996-12-31",
        text="It was formed in November 1994 and grew in 1996.",
        document=extract,
        position=1,
    )
    # One marker closing a sentence read as two events: one statement, two events.
    statement = "It was formed in November 1994 and grew in 1996."
    cite(first, statement, position=50, event=formed)
    cite(first, statement, position=50, event=grew)
    # The same reference again, closing a sentence the extract left out.
    cite(first, "", position=10)
    cite(second, "Its leaders were arrested.", section="purpose", position=80)
    return guards, front


class SourceListTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_archive()

    def test_documents_in_file_name_order_with_provenance(self):
        response = self.client.get("/sources/")

        self.assertEqual(response.status_code, 200)
        self.assertTemplateUsed(response, "profiles/source_list.html")
        self.assertEqual(
            [row.document.filename for row in response.context["rows"]],
            ["front.txt", "guards.txt"],
        )
        self.assertContains(response, "2 source files.")
        self.assertContains(response, '<h2><a href="/sources/guards.txt/">guards.txt</a></h2>')
        self.assertContains(
            response,
            '<dt>Describes</dt><dd><a href="/groups/village-guards/">Village Guards</a></dd>',
            html=True,
        )
        self.assertContains(response, "<dd>Militias Guidebook description</dd>", html=True)
        self.assertContains(
            response, f'<code class="hash">{hashlib.sha256(b"Guards text.").hexdigest()}</code>'
        )
        self.assertContains(
            response, '<time datetime="2026-01-02T03:04:05+00:00">2 Jan 2026, 03:04 UTC</time>'
        )

    def test_references_with_how_often_they_are_cited(self):
        response = self.client.get("/sources/")
        content = " ".join(response.content.decode().split())

        # [1]: the statement read as two events counts once, the left-out sentence once.
        self.assertIn("cited by 2 statements: Narrative (2); dated on 2 timeline events", content)
        self.assertIn("cited by 1 statement: Purpose (1)</span>", content)
        self.assertIn("cited by no statement of the text", content)
        self.assertIn("a reference line for the whole text", content)
        front = response.context["rows"][0]
        self.assertEqual(
            [(r.item.marker, r.statements, r.events) for r in front.references],
            [(1, 2, 2), (2, 1, 0), (3, 0, 0)],
        )

    def test_only_web_addresses_are_links(self):
        response = self.client.get("/sources/")

        self.assertContains(
            response,
            '<a href="https://example.org/hrw" rel="nofollow noopener">https://example.org/hrw</a>',
        )
        self.assertContains(response, "javascript:alert(1)")  # shown as text
        self.assertNotContains(response, 'href="javascript:')

    def test_search_file_names_and_references(self):
        for query, expected in [
            ("q=GUARDS", ["guards.txt"]),
            ("q=watch+report", ["guards.txt"]),  # a reference's label
            ("q=example.org", ["guards.txt"]),  # a reference's address
            ("q=note+2", ["front.txt"]),
            ("q=nothing+like+it", []),
            ("file_format=encyclopedia", ["front.txt"]),
            ("file_format=guidebook&q=front", []),
            ("file_format=&q=", ["front.txt", "guards.txt"]),
        ]:
            with self.subTest(query=query):
                response = self.client.get(f"/sources/?{query}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(
                    [row.document.filename for row in response.context["rows"]], expected
                )

    def test_filtered_summary_and_empty_result(self):
        response = self.client.get("/sources/?file_format=encyclopedia")
        self.assertContains(response, "1 source file matches these filters.")
        self.assertContains(response, '<option value="encyclopedia" selected>')

        response = self.client.get("/sources/?q=zzz")
        self.assertContains(response, "No source file matches these filters.")

    def test_bad_parameters_are_400_naming_the_parameter(self):
        for query, message in [
            ("file_format=pdf", "File format: “pdf” is not a source format"),
            ("page=0", "Page: Page must be a positive whole number."),
            ("page=abc", "Page: Page must be a positive whole number."),
            ("q=" + "x" * 201, "File name or reference contains: Ensure this value"),
        ]:
            with self.subTest(query=query):
                response = self.client.get(f"/sources/?{query}")
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
                self.assertIsNone(response.context["page_obj"])

    def test_page_past_the_end_is_404(self):
        response = self.client.get("/sources/?page=2")

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "There is no such page of this list.", status_code=404)


@override_settings(SOURCES_PER_PAGE=2)
class SourceListPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for index in range(5):
            group = make_group(f"Group {index}")
            make_source(group, f"doc-{index}.txt", format=SourceDocument.Format.GUIDEBOOK)
        make_source(make_group("Other"), "other.txt")

    def test_links_keep_the_filters(self):
        response = self.client.get("/sources/?q=doc&file_format=guidebook")

        self.assertContains(response, "Page 1 of 3")
        self.assertContains(
            response, '<a rel="next" href="?q=doc&amp;file_format=guidebook&amp;page=2">'
        )
        response = self.client.get("/sources/?q=doc&file_format=guidebook&page=3")
        self.assertEqual([row.document.filename for row in response.context["rows"]], ["doc-4.txt"])
        self.assertContains(
            response, '<a rel="prev" href="?q=doc&amp;file_format=guidebook&amp;page=2">'
        )


class SourceDetailTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_archive()

    def setUp(self):
        self.response = self.client.get("/sources/front.txt/")
        self.assertEqual(self.response.status_code, 200)
        self.content = " ".join(self.response.content.decode().split())

    def test_provenance(self):
        self.assertContains(self.response, "<h1>front.txt</h1>", html=True)
        for fragment in [
            '<dt>Describes</dt><dd><a href="/groups/shadow-front/">Shadow Front</a></dd>',
            "<dt>Format</dt><dd>Encyclopedia extract</dd>",
            "<dt>Encoding</dt><dd>cp1252</dd>",
            '<dt>Countries</dt><dd><a href="/groups/?country=PK">Pakistan</a>, '
            '<a href="/groups/?country=IN">India</a></dd>',
        ]:
            with self.subTest(fragment=fragment):
                self.assertContains(self.response, fragment, html=True)
        self.assertContains(self.response, hashlib.sha256(b"Front text.").hexdigest())

    def test_every_statement_citing_each_reference(self):
        references = self.response.context["source"].references
        self.assertEqual([r.item.marker for r in references], [1, 2, 3])
        first = references[0].statements
        # In the order of the text; the sentence read as two events is listed once.
        self.assertEqual(
            [s.statement for s in first], ["", "It was formed in November 1994 and grew in 1996."]
        )
        self.assertEqual(first[1].events, ["Nov 1994", "1996"])
        self.assertIn('<li id="ref-1">', self.content)
        self.assertIn(
            '<span class="section-name">Narrative</span> <q>It was formed in November 1994 '
            'and grew in 1996.</q> <span class="note">(on the timeline: Nov 1994, 1996)</span>',
            self.content,
        )
        self.assertIn("A sentence the extract left out.", self.content)
        self.assertIn(
            '<span class="section-name">Purpose</span> <q>Its leaders were arrested.</q>',
            self.content,
        )
        self.assertIn("No statement of the text carries this reference’s marker.", self.content)

    def test_events_read_from_the_file(self):
        self.assertEqual(
            [(e.date, e.kind_label) for e in self.response.context["source"].events],
            [("1994-11", "Formation"), ("1996", "Other")],
        )
        self.assertIn('<span class="date" title="1994-11">Nov 1994</span>', self.content)

    def test_a_file_with_reference_lines_and_no_events(self):
        response = self.client.get("/sources/guards.txt/")

        self.assertContains(response, "No dated statement was read from this file.")
        self.assertNotContains(response, "<dt>Countr")
        self.assertContains(response, "A reference line: it stands for the whole text.", count=3)

    def test_a_file_without_references(self):
        make_source(make_group("Lone Unit"), "lone.txt")

        response = self.client.get("/sources/lone.txt/")

        self.assertContains(response, "This file gives no references.")

    def test_unknown_file_is_404(self):
        response = self.client.get("/sources/no-such-file.txt/")

        self.assertEqual(response.status_code, 404)
        self.assertTemplateUsed(response, "404.html")
        self.assertContains(response, "There is no source file with this name.", status_code=404)

    def test_an_unknown_format_is_refused(self):
        response = self.client.get("/sources/front.txt/?format=xml")

        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Format must be one of “html”, “json”.", status_code=400)


class AboutPageTests(TestCase):
    def setUp(self):
        self.response = self.client.get("/about/")
        self.assertEqual(self.response.status_code, 200)

    def test_every_field_of_the_model_is_defined(self):
        for label in ["Country", "References"] + [label for _, label in SECTION_FIELDS]:
            with self.subTest(label=label):
                self.assertRegex(
                    self.response.content.decode(), rf"<dt id=\"field-[a-z_]+\">{label}</dt>"
                )

    def test_every_kind_status_and_relation_is_defined(self):
        for value in [*GroupKind.values, *Relation.values, *Event.Kind.values, "unknown"]:
            with self.subTest(value=value):
                self.assertContains(self.response, f"<code>{value}</code></dt>")
        self.assertEqual(set(RELATION_MEANINGS), set(Relation))

    def test_contents_links_reach_their_sections(self):
        content = self.response.content.decode()
        self.assertIn('<nav class="contents" aria-label="Contents">', content)
        for anchor in ["what", "fields", "kinds", "dates", "sizes", "timeline", "relations",
                       "exports", "citing", "limits"]:  # fmt: skip
            with self.subTest(anchor=anchor):
                self.assertIn(f'<a href="#{anchor}">', content)
                self.assertIn(f'id="{anchor}"', content)

    def test_how_values_are_read(self):
        content = " ".join(self.response.content.decode().split())
        for text in [
            "<code>198X</code>",
            "<code>1990~</code>",
            "a group formed “in the 1980s” matches 1985",
            "“between 3,000 and 5,000” gives 5,000",
            "<code>?format=csv</code>",
            "The “mentioned with” relation is not read",
            "Journal of Peace Research",
        ]:
            with self.subTest(text=text):
                self.assertIn(text, content)

    def test_mentioned_with_is_marked_as_not_read(self):
        terms = {term.key: term for term in about_context()["relations"]}
        self.assertEqual(terms["mentioned_with"].note, "not read from the texts")
        self.assertEqual(terms["splinter_of"].note, "read from the texts")
        self.assertIn("other side", terms["has_splinter"].note)


def raise_error(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("boom/", raise_error),
    path("", include("profiles.urls")),
]


@override_settings(DEBUG=False, ROOT_URLCONF=__name__)
class ServerErrorPageTests(TestCase):
    def test_500_page(self):
        client = Client(raise_request_exception=False)

        with self.assertNumQueries(0), self.assertLogs("django.request", "ERROR"):
            response = client.get("/boom/")

        self.assertEqual(response.status_code, 500)
        self.assertTemplateUsed(response, "500.html")
        self.assertContains(response, "<h1>Server error</h1>", status_code=500)
        self.assertContains(response, '<a href="/groups/">all groups</a>', status_code=500)
        self.assertContains(response, '<link rel="stylesheet"', status_code=500)


class NotFoundPageTests(TestCase):
    def test_offers_search_and_links(self):
        response = self.client.get("/no/such/page/")

        self.assertEqual(response.status_code, 404)
        content = response.content.decode()
        self.assertIn('<form class="search" role="search" method="get" action="/groups/">', content)
        self.assertIn('<input id="not-found-q" type="search" name="q" maxlength="200">', content)
        self.assertIn('<a href="/">home page</a>', content)
        self.assertIn('<a href="/groups/">all groups</a>', content)


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        alpha = make_group(
            "Alpha Brigade",
            countries=["PK", "IR"],
            purpose="To *defend* the town [1] & its\n\nmarkets.",
            **FORMED_1992_ENDED_NOV_1994,
        )
        beta = make_group("Beta Militia", narrative="Beta was formed in 1990 [3].")
        make_group("Gamma Front")
        created = datetime(2026, 1, 1, tzinfo=UTC)
        for day, group in enumerate([beta, alpha], start=1):
            Group.objects.filter(pk=group.pk).update(
                created_at=created, updated_at=datetime(2026, 3, day, tzinfo=UTC)
            )
        Group.objects.filter(name="Gamma Front").update(
            created_at=created, updated_at=datetime(2026, 2, 1, tzinfo=UTC)
        )

    def get_feed(self):
        response = self.client.get("/feed/")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
        return ET.fromstring(response.content)

    def test_is_atom_with_newest_first(self):
        root = self.get_feed()

        self.assertEqual(root.tag, f"{ATOM}feed")
        self.assertEqual(root.findtext(f"{ATOM}id"), "http://testserver/")
        self.assertEqual(root.findtext(f"{ATOM}updated"), "2026-03-02T00:00:00+00:00")
        self.assertEqual(root.findtext(f"{ATOM}author/{ATOM}name"), "Armed Group Profiles")
        self.assertEqual(
            root.find(f"{ATOM}link[@rel='self']").get("href"), "http://testserver/feed/"
        )
        entries = root.findall(f"{ATOM}entry")
        self.assertEqual(
            [entry.findtext(f"{ATOM}title") for entry in entries],
            ["Alpha Brigade", "Beta Militia", "Gamma Front"],
        )
        ids = [entry.findtext(f"{ATOM}id") for entry in entries]
        self.assertEqual(len(set(ids)), 3)
        first = entries[0]
        self.assertEqual(first.findtext(f"{ATOM}id"), "http://testserver/groups/alpha-brigade/")
        self.assertEqual(
            first.find(f"{ATOM}link").get("href"), "http://testserver/groups/alpha-brigade/"
        )
        self.assertEqual(first.findtext(f"{ATOM}updated"), "2026-03-02T00:00:00+00:00")
        self.assertEqual(first.findtext(f"{ATOM}published"), "2026-01-01T00:00:00+00:00")

    def test_summary_is_plain_text(self):
        entries = {
            entry.findtext(f"{ATOM}title"): entry
            for entry in self.get_feed().findall(f"{ATOM}entry")
        }
        alpha = entries["Alpha Brigade"].find(f"{ATOM}summary")
        self.assertEqual(alpha.get("type"), "html")
        # The summary is HTML: the plain text escaped once.
        self.assertEqual(
            alpha.text, "Iran, Pakistan · 1992 – Nov 1994 — To defend the town &amp; its markets."
        )
        self.assertEqual(
            entries["Beta Militia"].findtext(f"{ATOM}summary"), "Beta was formed in 1990."
        )
        self.assertEqual(entries["Gamma Front"].findtext(f"{ATOM}summary"), "")

    def test_fifty_entries_at_most(self):
        make_many_groups(55, events=0)

        self.assertEqual(len(self.get_feed().findall(f"{ATOM}entry")), 50)


class OpeningTextTests(SimpleTestCase):
    def test_long_text_is_cut_to_words(self):
        text = opening_text(" ".join(["word"] * 100))

        self.assertEqual(text, " ".join(["word"] * 45) + "…")

    def test_markup_is_dropped(self):
        self.assertEqual(opening_text("**Bold** <b>x</b> [12] `y`"), "Bold x y")


class SiteFrameTests(TestCase):
    def test_every_page_advertises_the_feed_and_links_the_new_pages(self):
        make_full_profile("Alpha")
        link = (
            '<link rel="alternate" type="application/atom+xml" '
            'title="Armed Group Profiles: new and changed profiles" href="/feed/">'
        )
        for url in ["/", "/groups/", "/groups/alpha/", "/sources/", "/sources/alpha.txt/",
                    "/about/", "/no/such/page/"]:  # fmt: skip
            with self.subTest(url=url):
                response = self.client.get(url)
                content = response.content.decode()
                self.assertIn(link, content)
                self.assertIn('<li><a href="/sources/">Sources</a></li>', content)
                self.assertIn('<li><a href="/about/">About</a></li>', content)
                self.assertIn('<a href="/feed/" type="application/atom+xml">', content)

    def test_new_pages_are_read_only_and_share_no_session(self):
        make_full_profile("Alpha")

        for url in ["/sources/", "/sources/alpha.txt/", "/about/", "/feed/"]:
            with self.subTest(url=url):
                self.assertEqual(self.client.post(url).status_code, 405)
                response = self.client.head(url)
                self.assertEqual(response.status_code, 200)
                self.assertNotIn("Cookie", response.get("Vary", ""))
                self.assertEqual(response.cookies, {})


class PageQueryCountMixin:
    """The same query counts whatever the archive's size (see setUpTestData below)."""

    def test_source_list(self):
        # Every page first reads the archive's last change (ETag), then:
        # 1 COUNT of the documents, 2 the page of documents (with their group), 3 their
        # references with citing statements and events counted, 4 citing statements per
        # reference and section.
        with self.assertNumQueries(5):
            response = self.client.get("/sources/")
        self.assertEqual(len(response.context["rows"]), self.expected_on_first_page)

    def test_source_list_filtered(self):
        with self.assertNumQueries(5):
            response = self.client.get("/sources/?q=.txt&file_format=encyclopedia&page=1")
        self.assertEqual(len(response.context["rows"]), self.expected_on_first_page)

    def test_source_detail(self):
        # 1 the document (with its group), 2 its references, 3 their citations (with the
        # event each is dated on), 4 the events read from it.
        with self.assertNumQueries(5):
            response = self.client.get("/sources/alpha.txt/")
        self.assertEqual(len(response.context["source"].references), self.references)

    def test_about(self):
        with self.assertNumQueries(1):
            self.client.get("/about/")

    def test_feed(self):
        # 1 the most recently updated groups, 2 their countries.
        with self.assertNumQueries(3):
            response = self.client.get("/feed/")
        self.assertEqual(
            len(ET.fromstring(response.content).findall(f"{ATOM}entry")), self.feed_entries
        )

    def test_invalid_filters_run_only_the_last_change_query(self):
        with self.assertNumQueries(1):
            response = self.client.get("/sources/?file_format=pdf")
        self.assertEqual(response.status_code, 400)


class SmallArchiveQueryCountTests(PageQueryCountMixin, TestCase):
    expected_on_first_page, references, feed_entries = 2, 1, 2

    @classmethod
    def setUpTestData(cls):
        alpha = make_full_profile("Alpha", events=1, references=1, related=1)
        make_cited_source(alpha, "alpha-2.txt", references=1)


class LargeArchiveQueryCountTests(PageQueryCountMixin, TestCase):
    expected_on_first_page, references, feed_entries = 20, 30, 50

    @classmethod
    def setUpTestData(cls):
        alpha = make_full_profile("Alpha", countries=["PK", "IN", "AF"], events=40, references=30)
        make_cited_source(alpha, "alpha-2.txt", references=5)
        for group in make_many_groups(50, events=0):
            make_cited_source(group, f"{group.slug}-extract.txt", references=4)

    def test_last_page_costs_the_same(self):
        with self.assertNumQueries(5):
            response = self.client.get("/sources/?page=6")
        self.assertEqual(len(response.context["rows"]), 2)
