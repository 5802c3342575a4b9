"""The group list beyond filtering: search, facets, sorting, the CSV export, and HTTP caching
of every public page."""

import csv
import io
import time
import unittest
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from unittest import mock

from django.db import connection
from django.test import TestCase, override_settings
from django.utils.http import http_date

from profiles.importing import import_paths
from profiles.models import ArchiveState, Group, GroupKind, GroupStatus, Precision
from profiles.search import mark_words, marked
from tests.factories import make_alias, make_group, make_many_groups

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
on_postgres = unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL search")
on_sqlite = unittest.skipUnless(connection.vendor == "sqlite", "SQLite fallback search")


def decade(start, end=None, precision=Precision.YEAR):
    """The fields of a group active from `start` (a year) to `end` (a year or None)."""
    fields = {
        "formation_earliest": date(start, 1, 1),
        "formation_latest": date(start, 12, 31),
        "formation_precision": precision,
        "formation_date": f"{str(start)[:3]}X" if precision == Precision.DECADE else str(start),
        "active_start": date(start, 1, 1),
    }
    if precision == Precision.DECADE:
        fields["formation_latest"] = date(start + 9, 12, 31)
    if end is not None:
        fields.update(
            termination_date=str(end),
            termination_earliest=date(end, 1, 1),
            termination_latest=date(end, 12, 31),
            termination_precision=Precision.YEAR,
            active_end=date(end, 12, 31),
        )
    return fields


def names(response):
    return [row.group.name for row in response.context["rows"]]


class ListTestData(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.haqiqi = make_group(
            "Haqiqi Defence Force",
            countries=["PK"],
            kind=GroupKind.SPLINTER_FACTION,
            status=GroupStatus.INACTIVE,
            purpose="Fought the death squads of rival parties in Karachi.",
            **decade(1992, 1994),
        )
        make_alias(cls.haqiqi, "HDF")
        cls.tigers = make_group(
            "Village Tigers",
            countries=["LK", "IN"],
            kind=GroupKind.PRO_GOVERNMENT_MILITIA,
            status=GroupStatus.ACTIVE,
            narrative="A home guard raised by the army.",
            **decade(1980, precision=Precision.DECADE),
        )
        cls.hunters = make_group(
            "Hunters' Society",
            countries=["SL"],
            kind=GroupKind.PRO_GOVERNMENT_MILITIA,
            status=GroupStatus.INACTIVE,
            **decade(1995, 2002),
        )
        cls.undated = make_group("Undated Watch", countries=["PK"])


class SearchTests(ListTestData):
    def test_finds_by_name_alias_and_text(self):
        for query, expected in [
            ("haqiqi", ["Haqiqi Defence Force"]),
            ("HDF", ["Haqiqi Defence Force"]),
            ("home guard", ["Village Tigers"]),
        ]:
            with self.subTest(query=query):
                self.assertEqual(names(self.client.get("/groups/", {"q": query})), expected)

    def test_a_search_within_other_filters(self):
        response = self.client.get("/groups/", {"q": "militia OR guard", "country": "SL"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(names(self.client.get("/groups/", {"q": "guard", "country": "SL"})), [])

    def test_name_matches_are_marked(self):
        response = self.client.get("/groups/", {"q": "Tigers"})
        self.assertContains(response, "<mark>Tigers</mark>")

    @on_postgres
    def test_websearch_syntax_stemming_and_ranking(self):
        make_group("Tiger Cubs", countries=["LK"], narrative="Tigers, tigers and more tigers.")
        # Stemming: "tiger" finds "Tigers"; a name match (weight A) outranks text.
        self.assertEqual(
            names(self.client.get("/groups/", {"q": "tiger"})), ["Tiger Cubs", "Village Tigers"]
        )
        self.assertEqual(
            names(self.client.get("/groups/", {"q": "tiger -cubs"})), ["Village Tigers"]
        )
        self.assertEqual(
            names(self.client.get("/groups/", {"q": '"death squads"'})),
            ["Haqiqi Defence Force"],
        )
        self.assertEqual(names(self.client.get("/groups/", {"q": '"squads death"'})), [])

    @on_postgres
    def test_text_matches_are_shown_in_a_marked_snippet(self):
        response = self.client.get("/groups/", {"q": "squads"})
        (row,) = response.context["rows"]
        self.assertIn("<mark>squads</mark>", row.snippet_html)
        self.assertContains(response, 'class="snippet"')

    @on_postgres
    def test_an_alias_saved_later_is_searchable(self):
        make_alias(self.tigers, "Gramarakshaka")
        self.assertEqual(
            names(self.client.get("/groups/", {"q": "gramarakshaka"})), ["Village Tigers"]
        )

    @on_sqlite
    def test_fallback_needs_every_word(self):
        self.assertEqual(names(self.client.get("/groups/", {"q": "home army"})), ["Village Tigers"])
        self.assertEqual(names(self.client.get("/groups/", {"q": "home karachi"})), [])

    def test_highlighting_escapes_the_text(self):
        self.assertEqual(
            mark_words("<b>Tigers</b> & tigers", ["tiger"]),
            "&lt;b&gt;<mark>Tiger</mark>s&lt;/b&gt; &amp; <mark>tiger</mark>s",
        )
        self.assertEqual(marked("a \x02<script>\x03 [12] b"), "a <mark>&lt;script&gt;</mark>  b")


class FilterAndSortTests(ListTestData):
    def test_kind_and_status(self):
        response = self.client.get(
            "/groups/", {"kind": "pro_government_militia", "status": "inactive"}
        )
        self.assertEqual(names(response), ["Hunters' Society"])

    def test_a_decade_precision_formation_matches_a_year_inside_it(self):
        response = self.client.get("/groups/", {"active_from": 1985, "active_to": 1985})
        self.assertIn("Village Tigers", names(response))
        self.assertNotIn("Haqiqi Defence Force", names(response))

    def test_sorts(self):
        for sort, expected in [
            (
                "name",
                ["Haqiqi Defence Force", "Hunters' Society", "Undated Watch", "Village Tigers"],
            ),
            (
                "formation",
                ["Village Tigers", "Haqiqi Defence Force", "Hunters' Society", "Undated Watch"],
            ),
            (
                "-formation",
                ["Hunters' Society", "Haqiqi Defence Force", "Village Tigers", "Undated Watch"],
            ),
        ]:
            with self.subTest(sort=sort):
                self.assertEqual(names(self.client.get("/groups/", {"sort": sort})), expected)

    def test_last_update_sort(self):
        Group.objects.filter(pk=self.hunters.pk).update(updated_at=datetime(2030, 1, 1, tzinfo=UTC))
        self.assertEqual(
            names(self.client.get("/groups/", {"sort": "-updated"}))[0], "Hunters' Society"
        )

    def test_bad_values_are_form_errors(self):
        for params, field in [
            ({"sort": "size"}, "sort"),
            ({"kind": "army"}, "kind"),
            ({"status": "dormant"}, "status"),
            ({"format": "xml"}, "format"),
        ]:
            with self.subTest(params=params):
                response = self.client.get("/groups/", params)
                self.assertEqual(response.status_code, 400)
                self.assertIn(field, response.context["form"].errors)
                if field != "format":
                    response = self.client.get("/groups/", {**params, "format": "csv"})
                    self.assertEqual(response.status_code, 400)
                    self.assertIn(field, response.json()["errors"])


class FacetTests(ListTestData):
    def facets(self, params=None):
        return self.client.get("/groups/", params or {}).context["facets"]

    def test_counts(self):
        facets = self.facets()
        self.assertEqual(
            [(f.label, f.count) for f in facets["countries"]],
            [("Pakistan", 2), ("India", 1), ("Sierra Leone", 1), ("Sri Lanka", 1)],
        )
        self.assertEqual(
            [(f.label, f.count) for f in facets["kinds"]],
            [("Pro-government militia", 2), ("Armed group", 1), ("Splinter faction", 1)],
        )
        decades = {f.label: f.count for f in facets["decades"]}
        # The undated group counts everywhere: nothing excludes it from a period.
        self.assertEqual(decades["1980s"], 2)
        self.assertEqual(decades["1990s"], 4)
        self.assertEqual(decades["2000s"], 3)

    def test_every_facet_narrows_to_its_count(self):
        start = {"country": ["PK", "SL"], "active_from": "1990"}
        base = self.client.get("/groups/", start)
        total = base.context["paginator"].count
        for group in base.context["facets"].values():
            for facet in group:
                with self.subTest(facet=facet.label):
                    response = self.client.get("/groups/" + facet.url)
                    self.assertEqual(response.context["paginator"].count, facet.count)
                    self.assertLessEqual(facet.count, total)

    def test_chosen_countries_limit_the_country_facet(self):
        facets = self.facets({"country": "LK"})
        self.assertEqual([f.url for f in facets["countries"]], ["?country=LK"])

    def test_decades_stay_inside_the_chosen_period(self):
        facets = self.facets({"active_from": 1993, "active_to": 1996})
        self.assertEqual(
            [(f.label, f.url) for f in facets["decades"]],
            [("1990s", "?active_from=1993&active_to=1996")],
        )

    def test_facet_links_keep_the_filters_and_drop_the_page(self):
        response = self.client.get("/groups/", {"q": "haqiqi", "page": "1", "sort": "name"})
        self.assertContains(response, 'href="?q=haqiqi&amp;sort=name&amp;country=PK"')


class CsvExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_many_groups(60, prefix="Many", countries=("PK", "IN"))
        make_many_groups(5, prefix="Other", countries=("AF",))

    def read(self, params):
        response = self.client.get("/groups/", {**params, "format": "csv"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertTrue(response["Content-Disposition"].startswith("attachment; filename="))
        text = b"".join(response.streaming_content).decode()
        return list(csv.DictReader(io.StringIO(text)))

    def test_all_of_the_filtered_list_in_its_order(self):
        rows = self.read({"country": "PK", "sort": "-formation"})
        # More than one page of the list (50): the export is not paginated.
        self.assertEqual(len(rows), 60)
        self.assertEqual(rows[0]["name"], "Many 059")
        self.assertEqual(rows[-1]["name"], "Many 000")
        self.assertEqual(rows[0]["countries"], "IN; PK")
        self.assertEqual(rows[0]["aliases"], "Many alias 59")
        self.assertEqual(rows[0]["active_from"], "2009")
        self.assertTrue(rows[0]["url"].endswith("/groups/many-059/"))

    def test_the_link_on_the_page_exports_the_same_filters(self):
        page = self.client.get("/groups/", {"country": "AF", "page": 1})
        self.assertContains(page, 'class="export-csv" href="?country=AF&amp;format=csv"')
        self.assertEqual(
            [row["name"] for row in self.read({"country": "AF"})],
            [f"Other {index:03d}" for index in range(5)],
        )


class ConditionalRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha", countries=["PK"])

    def test_pages_carry_validators_and_answer_304_without_rendering(self):
        for url in ["/", "/groups/", "/groups/?country=PK&format=json", "/groups/alpha/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn("public", response["Cache-Control"])
                self.assertNotIn("Vary", response)
                with self.assertNumQueries(1):
                    again = self.client.get(url, headers={"if-none-match": response["ETag"]})
                self.assertEqual(again.status_code, 304)
                self.assertEqual(again.content, b"")
                self.assertEqual(again["ETag"], response["ETag"])
                since = self.client.get(
                    url, headers={"if-modified-since": response["Last-Modified"]}
                )
                self.assertEqual(since.status_code, 304)

    def test_errors_carry_no_validators(self):
        for url in ["/groups/nope/", "/groups/?country=ZZ"]:
            with self.subTest(url=url):
                self.assertNotIn("ETag", self.client.get(url))

    def test_a_curators_save_changes_the_etag(self):
        etag = self.client.get("/groups/alpha/")["ETag"]
        group = Group.objects.get(slug="alpha")
        group.name = "Alpha Force"
        group.save()
        response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Alpha Force")

    def test_an_import_changes_the_etag_and_an_unchanged_one_does_not(self):
        import_paths([FIXTURES])
        etag = self.client.get("/groups/")["ETag"]
        import_paths([FIXTURES])
        self.assertEqual(self.client.get("/groups/")["ETag"], etag)
        ArchiveState.objects.update(changed_at=ArchiveState.last_changed() - timedelta(days=1))
        self.assertNotEqual(self.client.get("/groups/")["ETag"], etag)

    def test_an_old_copy_is_revalidated_by_date(self):
        old = http_date(ArchiveState.last_changed().timestamp() - 3600)
        response = self.client.get("/groups/", headers={"if-modified-since": old})
        self.assertEqual(response.status_code, 200)

    @override_settings(DEBUG=False)
    def test_a_missing_state_row_is_recreated(self):
        ArchiveState.objects.all().delete()
        self.assertEqual(self.client.get("/").status_code, 200)
        self.assertEqual(ArchiveState.objects.count(), 1)


class ArchiveCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_many_groups(3, prefix="Many", countries=("PK",))

    def test_counts_and_facets_are_computed_once_per_archive_change(self):
        self.client.get("/groups/", {"country": "PK"})
        # Warm: the last change, the page and its countries; no COUNT, no facets.
        with self.assertNumQueries(3):
            response = self.client.get("/groups/", {"country": "PK", "page": 1})
        self.assertEqual(response.context["paginator"].count, 3)
        self.assertEqual(response.context["facets"]["countries"][0].count, 3)

    def test_a_change_is_counted_at_once(self):
        self.client.get("/groups/")
        make_group("Newcomer", countries=["PK"])
        response = self.client.get("/groups/")
        self.assertEqual(response.context["paginator"].count, 4)
        self.assertEqual(response.context["facets"]["countries"][0].count, 4)

    def test_other_filters_are_counted_apart(self):
        self.client.get("/groups/", {"country": "PK"})
        response = self.client.get("/groups/", {"country": "IN"})
        self.assertEqual(response.context["paginator"].count, 0)


class NotModifiedMiddlewareTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha", countries=["PK"])

    def test_revalidation_never_reaches_the_view(self):
        etag = self.client.get("/groups/alpha/")["ETag"]
        with mock.patch("profiles.views.snapshot_of", side_effect=AssertionError("rendered")):
            with self.assertNumQueries(1):
                response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response["ETag"], etag)
        self.assertNotIn("Vary", response)

    def test_a_stale_etag_gets_the_page(self):
        response = self.client.get("/groups/alpha/", headers={"if-none-match": '"old"'})
        self.assertEqual(response.status_code, 200)

    def test_pages_that_are_not_the_archives_are_left_alone(self):
        for url in ["/admin/login/", "/no/such/page/"]:
            with self.subTest(url=url):
                response = self.client.get(url, headers={"if-none-match": "*"})
                self.assertNotEqual(response.status_code, 304)


class ArchiveStateCopyTests(TestCase):
    """Each server process reads the last change at most once per interval."""

    @classmethod
    def setUpTestData(cls):
        make_group("Alpha", countries=["PK"])

    def setUp(self):
        # After conftest's fixture, which makes every other test read it every time.
        self.enterContext(self.settings(ARCHIVE_STATE_REREAD_SECONDS=60))

    def test_read_once_per_interval(self):
        etag = self.client.get("/groups/alpha/")["ETag"]
        with self.assertNumQueries(0):
            response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 304)

    def test_a_change_in_this_process_is_seen_at_once(self):
        etag = self.client.get("/groups/alpha/")["ETag"]
        Group.objects.get(slug="alpha").save()
        response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)

    def test_another_process_change_is_seen_after_the_interval(self):
        etag = self.client.get("/groups/alpha/")["ETag"]
        # As another process would: the row moves, this process's copy does not know.
        ArchiveState.objects.update(changed_at=ArchiveState.last_changed() + timedelta(hours=1))
        response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 304)
        later = time.monotonic() + 61
        with mock.patch("profiles.models.time.monotonic", return_value=later):
            response = self.client.get("/groups/alpha/", headers={"if-none-match": etag})
        self.assertEqual(response.status_code, 200)
