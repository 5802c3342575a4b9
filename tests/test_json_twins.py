"""The JSON twins of the timeline, countries, a country, sources and a source; the CSV of
the timeline; <link rel="alternate"> on every page that has a twin; bad formats."""

import csv
import io
import json

from django.test import TestCase, override_settings

from profiles.twins import TIMELINE_CSV_COLUMNS
from tests.factories import (
    make_citation,
    make_event,
    make_group,
    make_reference,
    make_source,
)


def streamed(response):
    return b"".join(response.streaming_content).decode("utf-8")


class TwinsTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group("Alpha Front", countries=["PK"])
        cls.beta = make_group("Beta Brigade", countries=["IN", "PK"])
        cls.source = make_source(cls.alpha, "alpha.txt", text="Alpha was formed in 1990 [1].")
        cls.event = make_event(
            cls.alpha, "1990", "1990-01-01", "1990-12-31", text="Alpha was formed.",
            date_text="in 1990", kind="formation", document=cls.source,
        )  # fmt: skip
        make_event(cls.beta, "2001-03", "2001-03-01", "2001-03-31", text="Beta fought.")
        make_event(cls.beta, "198X", "1980-01-01", "1989-12-31", text="Beta, the 1980s.")
        reference = make_reference(cls.alpha, 1, "Note 1", document=cls.source)
        make_citation(reference, event=cls.event, section="narrative", position=5)

    def get_json(self, address, status=200):
        response = self.client.get(address)
        self.assertEqual(response.status_code, status, response.content[:300])
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        return json.loads(response.content)


class TimelineTwinsTests(TwinsTestCase):
    def test_json_pages_the_filtered_events(self):
        # 1 the archive's last change, 2 COUNT of the events, 3 the page (with the groups).
        with self.assertNumQueries(3):
            data = self.get_json("/timeline/?format=json")
        self.assertEqual(data["count"], 3)
        self.assertEqual([event["text"] for event in data["results"]][0], "Beta, the 1980s.")
        first = data["results"][1]
        self.assertEqual(
            first,
            {
                "date": "1990",
                "date_text": "in 1990",
                "display_date": "1990",
                "earliest": "1990-01-01",
                "latest": "1990-12-31",
                "kind": "formation",
                "text": "Alpha was formed.",
                "group": {
                    "name": "Alpha Front",
                    "slug": "alpha-front",
                    "url": "http://testserver/groups/alpha-front/",
                },
            },
        )
        data = self.get_json("/timeline/?format=json&country=IN&from=2000")
        self.assertEqual([event["text"] for event in data["results"]], ["Beta fought."])

    @override_settings(TIMELINE_EVENTS_PER_PAGE=2)
    def test_json_links_the_neighbouring_pages_with_the_filters(self):
        data = self.get_json("/timeline/?format=json&country=PK")
        self.assertEqual(data["next"], "http://testserver/timeline/?format=json&country=PK&page=2")
        self.assertIsNone(data["previous"])
        data = self.get_json(data["next"])
        self.assertEqual(len(data["results"]), 1)
        self.assertIsNone(data["next"])

    def test_json_errors_are_json(self):
        data = self.get_json("/timeline/?format=json&from=abc", status=400)
        self.assertIn("from", data["errors"])
        data = self.get_json("/timeline/?format=json&page=9", status=404)
        self.assertIn("error", data)

    @override_settings(TIMELINE_EVENTS_PER_PAGE=2)
    def test_csv_holds_every_filtered_event_with_its_group(self):
        # 1 the archive's last change, 2 the events with their groups (read in chunks).
        with self.assertNumQueries(2):
            response = self.client.get("/timeline/?format=csv&page=1")
            text = streamed(response)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("attachment", response["Content-Disposition"])
        rows = list(csv.reader(io.StringIO(text)))
        self.assertEqual(rows[0], TIMELINE_CSV_COLUMNS)
        self.assertEqual(len(rows), 4)  # every event, not a page of 2
        self.assertEqual(
            rows[2],
            [
                "1990", "in 1990", "1990-01-01", "1990-12-31", "formation",
                "Alpha was formed.", "Alpha Front", "alpha-front",
                "http://testserver/groups/alpha-front/",
            ],
        )  # fmt: skip
        rows = list(
            csv.reader(io.StringIO(streamed(self.client.get("/timeline/?format=csv&to=1989"))))
        )
        self.assertEqual([row[5] for row in rows[1:]], ["Beta, the 1980s."])

    def test_csv_with_a_bad_filter_is_400(self):
        response = self.client.get("/timeline/?format=csv&country=ZZ")
        self.assertEqual(response.status_code, 400)
        self.assertIn("country", json.loads(response.content)["errors"])


class CountryTwinsTests(TwinsTestCase):
    def test_countries_as_json(self):
        with self.assertNumQueries(2):  # the archive's last change, the groups per country
            data = self.get_json("/countries/?format=json")
        self.assertEqual(data["count"], 2)
        self.assertEqual(
            data["results"],
            [
                {"code": "IN", "name": "India", "groups": 1,
                 "url": "http://testserver/countries/IN/"},
                {"code": "PK", "name": "Pakistan", "groups": 2,
                 "url": "http://testserver/countries/PK/"},
            ],
        )  # fmt: skip

    def test_a_country_as_json(self):
        # 1 last change, 2 COUNT of its groups, 3 the page of groups, 4 their countries.
        with self.assertNumQueries(4):
            data = self.get_json("/countries/pk/?format=json")
        self.assertEqual((data["code"], data["name"], data["count"]), ("PK", "Pakistan", 2))
        self.assertEqual(data["results"][1]["countries"], ["IN", "PK"])
        self.assertEqual(data["results"][1]["url"], "http://testserver/groups/beta-brigade/")
        self.assertIsNone(data["next"])

    def test_country_json_errors_are_json(self):
        self.assertIn("error", self.get_json("/countries/ZZ/?format=json", status=404))
        self.assertIn("error", self.get_json("/countries/FR/?format=json", status=404))
        self.assertIn(
            "page", self.get_json("/countries/PK/?format=json&page=x", status=400)["errors"]
        )
        self.assertIn("error", self.get_json("/countries/PK/?format=json&page=5", status=404))


class SourceTwinsTests(TwinsTestCase):
    def test_sources_as_json(self):
        # 1 last change, 2 COUNT, 3 the page of files, 4 their references with counts,
        # 5 the citing statements per section.
        with self.assertNumQueries(5):
            data = self.get_json("/sources/?format=json")
        self.assertEqual(data["count"], 1)
        source = data["results"][0]
        self.assertEqual(source["filename"], "alpha.txt")
        self.assertEqual(source["url"], "http://testserver/sources/alpha.txt/")
        self.assertEqual(source["raw_url"], "http://testserver/sources/alpha.txt/raw/")
        self.assertEqual(source["group"]["slug"], "alpha-front")
        self.assertEqual(
            source["references"],
            [{"marker": 1, "label": "Note 1", "url": None, "statements": 1, "events": 1}],
        )
        self.assertEqual(self.get_json("/sources/?format=json&q=zzz")["results"], [])
        self.assertIn("file_format", self.get_json(
            "/sources/?format=json&file_format=pdf", status=400)["errors"])  # fmt: skip

    def test_a_source_as_json(self):
        # 1 last change, 2 the file, 3 its references, 4 their citations, 5 its events.
        with self.assertNumQueries(5):
            data = self.get_json("/sources/alpha.txt/?format=json")
        self.assertEqual(data["sha256"], self.source.sha256)
        self.assertEqual(data["events"][0]["text"], "Alpha was formed.")
        self.assertEqual(
            data["references"][0]["statements"],
            [{"section": "Narrative", "statement": None, "events": ["1990"]}],
        )
        self.assertIn("error", self.get_json("/sources/none.txt/?format=json", status=404))


class AlternatesAndFormatsTests(TwinsTestCase):
    def test_every_page_with_a_twin_advertises_it(self):
        for address, twins in [
            ("/groups/?country=PK", {"application/json": "?country=PK&amp;format=json",
                                     "text/csv": "?country=PK&amp;format=csv"}),
            ("/groups/alpha-front/", {"application/json": "?format=json"}),
            ("/timeline/?from=1990&page=1", {
                "application/json": "?from=1990&amp;page=1&amp;format=json",
                "text/csv": "?from=1990&amp;format=csv"}),
            ("/countries/", {"application/json": "?format=json"}),
            ("/countries/PK/", {"application/json": "?format=json"}),
            ("/sources/", {"application/json": "?format=json"}),
            ("/sources/alpha.txt/", {"application/json": "?format=json"}),
        ]:  # fmt: skip
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 200)
                for content_type, href in twins.items():
                    self.assertContains(
                        response, f'<link rel="alternate" type="{content_type}" href="{href}"'
                    )
                # ... links to it where a reader sees them ...
                self.assertContains(
                    response, f'href="{twins["application/json"]}" type="application/json">'
                )
                # ... and each twin answers.
                for href in twins.values():
                    path = address.split("?")[0] + href.replace("&amp;", "&")
                    self.assertEqual(self.client.get(path).status_code, 200, path)

    def test_bad_formats_are_400_never_500(self):
        for address in [
            "/timeline/?format=xml",
            "/timeline/?format=JSON",
            "/countries/?format=csv",
            "/countries/PK/?format=csv",
            "/sources/?format=csv",
            "/sources/alpha.txt/?format=csv",
            "/groups/alpha-front/?format=csv",
        ]:
            with self.subTest(address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, "Format must be", status_code=400)
        # An empty format is the page itself.
        self.assertEqual(self.client.get("/timeline/?format=").status_code, 200)
