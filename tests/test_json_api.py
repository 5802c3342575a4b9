"""The JSON twins of the list and the profile: their exact shape, order and stability."""

import json
from datetime import date
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache
from django.test import TestCase, override_settings

from profiles.models import SECTION_KEYS, Alias, Event, Group, Precision, SourceDocument
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
)

LIST_KEYS = ["count", "next", "previous", "results"]
LIST_ITEM_KEYS = ["name", "slug", "countries", "active_from", "active_to", "url"]
PROFILE_KEYS = [
    "name",
    "slug",
    "aliases",
    "countries",
    "kind",
    "status",
    "active_from",
    "active_to",
    "formation",
    "termination",
    "size",
    "size_text",
    "sections",
    "events",
    "references",
    "related",
    "evidence",
    "mentions",
    "sources",
]


class ListJsonTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group(
            "Zulu Force",
            countries=["PK", "AF"],
            formation_date="1994-11",
            formation_earliest=date(1994, 11, 1),
            formation_latest=date(1994, 11, 30),
            formation_precision=Precision.MONTH,
            termination_date="2001",
            termination_earliest=date(2001, 1, 1),
            termination_latest=date(2001, 12, 31),
            termination_precision=Precision.YEAR,
        )
        make_group(
            "Alpha Brigade",
            formation_date="198X",
            formation_earliest=date(1980, 1, 1),
            formation_latest=date(1989, 12, 31),
            formation_precision=Precision.DECADE,
        )

    def test_shape_and_values(self):
        response = self.client.get("/groups/?format=json")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        data = response.json()
        self.assertEqual(list(data), LIST_KEYS)
        self.assertEqual(data["count"], 2)
        self.assertIsNone(data["next"])
        self.assertIsNone(data["previous"])
        # Ordered by name; a decade-precision formation gives no year.
        self.assertEqual(
            data["results"],
            [
                {
                    "name": "Alpha Brigade",
                    "slug": "alpha-brigade",
                    "countries": [],
                    "active_from": None,
                    "active_to": None,
                    "url": "http://testserver/groups/alpha-brigade/",
                },
                {
                    "name": "Zulu Force",
                    "slug": "zulu-force",
                    "countries": ["AF", "PK"],
                    "active_from": 1994,
                    "active_to": 2001,
                    "url": "http://testserver/groups/zulu-force/",
                },
            ],
        )
        for item in data["results"]:
            self.assertEqual(list(item), LIST_ITEM_KEYS)

    def test_empty_result_is_a_page_not_a_404(self):
        response = self.client.get("/groups/?format=json&q=nothing-like-this")

        self.assertEqual(response.status_code, 200)
        self.assertEqual(
            response.json(), {"count": 0, "next": None, "previous": None, "results": []}
        )


@override_settings(GROUPS_PER_PAGE=2)
class ListPaginationJsonTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_many_groups(5, prefix="Pk", countries=["PK"])
        make_many_groups(2, prefix="In", countries=["IN"])

    def get(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def assertQuery(self, url, expected):
        parts = urlsplit(url)
        self.assertEqual(
            (parts.scheme, parts.netloc, parts.path), ("http", "testserver", "/groups/")
        )
        self.assertEqual(parse_qs(parts.query), expected)

    def test_next_and_previous_keep_the_filters(self):
        first = self.get("/groups/?country=PK&format=json&q=pk")

        self.assertEqual(first["count"], 5)
        self.assertEqual([g["slug"] for g in first["results"]], ["pk-000", "pk-001"])
        self.assertIsNone(first["previous"])
        self.assertQuery(
            first["next"], {"country": ["PK"], "format": ["json"], "q": ["pk"], "page": ["2"]}
        )

        second = self.get(first["next"])
        self.assertEqual([g["slug"] for g in second["results"]], ["pk-002", "pk-003"])
        self.assertQuery(
            second["previous"],
            {"country": ["PK"], "format": ["json"], "q": ["pk"], "page": ["1"]},
        )
        self.assertQuery(
            second["next"], {"country": ["PK"], "format": ["json"], "q": ["pk"], "page": ["3"]}
        )

        last = self.get(second["next"])
        self.assertEqual([g["slug"] for g in last["results"]], ["pk-004"])
        self.assertIsNone(last["next"])

    def test_repeated_country_is_kept_in_next(self):
        data = self.get("/groups/?country=PK&country=IN&format=json")

        self.assertEqual(data["count"], 7)
        self.assertQuery(data["next"], {"country": ["PK", "IN"], "format": ["json"], "page": ["2"]})

    def test_page_past_the_end_is_a_json_404(self):
        response = self.client.get("/groups/?format=json&page=5")

        self.assertEqual(response.status_code, 404)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(response.json(), {"error": "There is no such page of this list."})


def build_profile(reverse=False):
    """One profile with ties and gaps in every list; `reverse` inserts every row in the
    opposite order, so that primary keys run the other way."""

    def ordered(items):
        return list(reversed(items)) if reverse else list(items)

    group = make_group(
        "Muhajir Defence Force",
        slug="mdf",
        countries=ordered(["PK", "AF"]),
        kind="party_militant_wing",
        status="inactive",
        **FORMED_1992_ENDED_NOV_1994,
        size=12000,
        size_text="about 12,000 armed men",
        purpose="To defend *Karachi*’s muhajirs [1].",
        narrative="Formed in 1992 [2][1].",
    )
    others = {}
    for name in ordered(["Sindh Rangers", "APMSO", "Haqiqi"]):
        others[name] = make_group(name)
    sources = {}
    for filename in ordered(["b_guidebook.txt", "a_encyclopedia.txt", "c_other.txt"]):
        sources[filename] = make_source(
            group if filename != "c_other.txt" else others["APMSO"], filename
        )

    aliases = [
        ("MQM-H", Alias.Kind.STATED, "b_guidebook.txt", 2),
        ("Mohajir Qaumi Movement", Alias.Kind.STATED, "b_guidebook.txt", 1),
        ("mqm-h", Alias.Kind.STATED, "a_encyclopedia.txt", 3),  # a repeat in other case
        ("Muhajir Defence Force", Alias.Kind.STATED, "a_encyclopedia.txt", 0),  # own name
        ("The Haqiqi group", Alias.Kind.CLAIM, "c_other.txt", 0),
        ("Black Tigers", Alias.Kind.CLAIM, "a_encyclopedia.txt", 5),
        ("Zeta cell", Alias.Kind.CLAIM, None, 9),
        ("mdf", Alias.Kind.MATCH_KEY, "a_encyclopedia.txt", 0),  # never public
    ]
    for name, kind, filename, position in ordered(aliases):
        make_alias(
            group,
            name,
            kind=kind,
            document=sources.get(filename) if filename else None,
            position=position,
        )
    make_alias(others["APMSO"], "Not ours", document=sources["c_other.txt"])

    references = {}
    reference_rows = [
        (None, "Guidebook reference B", "", 2),
        (2, "Second", "https://example.org/2", 0),
        (None, "Guidebook reference A", "", 1),
        (1, "First", "https://example.org/1", 0),
        (10, "Tenth", "", 0),
    ]
    for marker, label, url, position in ordered(reference_rows):
        references[label] = make_reference(
            group, marker, label, url=url, position=position, document=sources["a_encyclopedia.txt"]
        )

    event_rows = [
        ("1994-11", "1994-11-01", "1994-11-30", 0, "Crackdown.", ["Tenth", "Second", "Tenth"]),
        ("1992", "1992-01-01", "1992-12-31", 1, "Formed, second statement.", []),
        ("1992", "1992-01-01", "1992-12-31", 0, "Formed.", ["Second", "First"]),
        ("1992/1994", "1992-01-01", "1994-12-31", 0, "Fought the MQM.", ["Guidebook reference A"]),
        ("1992-06-19", "1992-06-19", "1992-06-19", 0, "Operation Clean-up began.", []),
    ]
    for edtf, earliest, latest, position, text, cited in ordered(event_rows):
        event = make_event(
            group,
            edtf,
            earliest,
            latest,
            text=text,
            position=position,
            kind=Event.Kind.OTHER,
            date_text=f"as written: {edtf}",
        )
        for label in ordered(cited):
            make_citation(references[label], event=event)

    relationship_rows = [
        (group, "APMSO", "successor_of", others["APMSO"]),
        (group, "Jeay Sindh", "rival_of", None),  # no profile yet: no slug
        (group, "APMSO", "successor_of", others["APMSO"]),  # stated twice
        (others["Haqiqi"], "Muhajir Defence Force", "splinter_of", group),
        (others["Sindh Rangers"], "MDF", "rival_of", group),
        (others["Sindh Rangers"], "MDF", "ally_of", group),
    ]
    for source, target_name, relation, target in ordered(relationship_rows):
        make_relationship(source, target_name, relation, target=target)
    return group


def without_evidence(related):
    """The ties without their evidence (tests/test_evidence.py checks that)."""
    return [{k: v for k, v in tie.items() if k != "evidence"} for tie in related]


class ProfileJsonTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_profile()

    def get(self):
        response = self.client.get("/groups/mdf/?format=json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        return response.json()

    def test_keys_and_scalars(self):
        data = self.get()

        self.assertEqual(list(data), PROFILE_KEYS)
        self.assertEqual(data["name"], "Muhajir Defence Force")
        self.assertEqual(data["slug"], "mdf")
        self.assertEqual(data["countries"], ["AF", "PK"])
        self.assertEqual(data["kind"], "party_militant_wing")
        self.assertEqual(data["status"], "inactive")
        self.assertEqual(data["active_from"], 1992)
        self.assertEqual(data["active_to"], 1994)
        self.assertEqual(data["formation"], "1992")
        self.assertEqual(data["termination"], "1994-11")
        self.assertEqual(data["size"], 12000)
        self.assertEqual(data["size_text"], "about 12,000 armed men")

    def test_sections_have_every_key_with_null_when_empty(self):
        sections = self.get()["sections"]

        self.assertEqual(list(sections), SECTION_KEYS)
        self.assertEqual(sections["purpose"], "To defend *Karachi*’s muhajirs [1].")
        self.assertEqual(sections["narrative"], "Formed in 1992 [2][1].")
        self.assertEqual(
            [key for key, text in sections.items() if text is None],
            [key for key in SECTION_KEYS if key not in ("purpose", "narrative")],
        )

    def test_aliases(self):
        # Stated by position, then claims by file name then position (no file first);
        # repeats in another case, the group's own name and match keys are left out.
        self.assertEqual(
            self.get()["aliases"],
            ["Mohajir Qaumi Movement", "MQM-H", "Zeta cell", "Black Tigers", "The Haqiqi group"],
        )

    def test_events_in_date_order_with_their_citations(self):
        events = self.get()["events"]

        self.assertEqual(
            events,
            [
                {
                    "date": "1992",
                    "end": None,
                    "date_text": "as written: 1992",
                    "kind": "other",
                    "text": "Formed.",
                    "citations": [1, 2],
                },
                {
                    "date": "1992",
                    "end": None,
                    "date_text": "as written: 1992",
                    "kind": "other",
                    "text": "Formed, second statement.",
                    "citations": [],
                },
                {
                    "date": "1992/1994",
                    "end": "1994",
                    "date_text": "as written: 1992/1994",
                    "kind": "other",
                    "text": "Fought the MQM.",
                    # Its only reference has no marker.
                    "citations": [],
                },
                {
                    "date": "1992-06-19",
                    "end": None,
                    "date_text": "as written: 1992-06-19",
                    "kind": "other",
                    "text": "Operation Clean-up began.",
                    "citations": [],
                },
                {
                    "date": "1994-11",
                    "end": None,
                    "date_text": "as written: 1994-11",
                    "kind": "other",
                    "text": "Crackdown.",
                    "citations": [2, 10],
                },
            ],
        )

    def test_references_by_marker_with_unnumbered_last(self):
        self.assertEqual(
            self.get()["references"],
            [
                {"marker": 1, "label": "First", "url": "https://example.org/1"},
                {"marker": 2, "label": "Second", "url": "https://example.org/2"},
                {"marker": 10, "label": "Tenth", "url": None},
                {"marker": None, "label": "Guidebook reference A", "url": None},
                {"marker": None, "label": "Guidebook reference B", "url": None},
            ],
        )

    def test_related_in_both_directions(self):
        self.assertEqual(
            without_evidence(self.get()["related"]),
            [
                # Stated in the Sindh Rangers' text: "ally of", read back as "ally of".
                {
                    "slug": "sindh-rangers",
                    "name": "Sindh Rangers",
                    "relation": "ally_of",
                    "inverse": True,
                },
                # Stated in Haqiqi's text: "splinter of MDF", read back as "has splinter".
                {"slug": "haqiqi", "name": "Haqiqi", "relation": "has_splinter", "inverse": True},
                {"slug": None, "name": "Jeay Sindh", "relation": "rival_of", "inverse": False},
                {
                    "slug": "sindh-rangers",
                    "name": "Sindh Rangers",
                    "relation": "rival_of",
                    "inverse": True,
                },
                # Stated twice, listed once.
                {"slug": "apmso", "name": "APMSO", "relation": "successor_of", "inverse": False},
            ],
        )

    def test_the_other_side_sees_the_inverse(self):
        response = self.client.get("/groups/apmso/?format=json")

        self.assertEqual(
            without_evidence(response.json()["related"]),
            [
                {
                    "slug": "mdf",
                    "name": "Muhajir Defence Force",
                    "relation": "predecessor_of",
                    "inverse": True,
                }
            ],
        )

    def test_sources_by_filename_without_import_time(self):
        sources = self.get()["sources"]

        self.assertEqual(
            [s["filename"] for s in sources], ["a_encyclopedia.txt", "b_guidebook.txt"]
        )
        self.assertEqual(list(sources[0]), ["filename", "sha256", "format"])
        document = SourceDocument.objects.get(filename="a_encyclopedia.txt")
        self.assertEqual(sources[0]["sha256"], document.sha256)
        self.assertEqual(sources[0]["format"], "encyclopedia")

    def test_non_ascii_is_written_as_utf8(self):
        body = self.client.get("/groups/mdf/?format=json").content

        self.assertIn("Karachi*’s".encode(), body)
        self.assertNotIn(b"\\u2019", body)

    def test_empty_profile(self):
        make_group("Bare Group")

        data = self.client.get("/groups/bare-group/?format=json").json()

        self.assertEqual(
            data,
            {
                "name": "Bare Group",
                "slug": "bare-group",
                "aliases": [],
                "countries": [],
                "kind": "armed_group",
                "status": "unknown",
                "active_from": None,
                "active_to": None,
                "formation": None,
                "termination": None,
                "size": None,
                "size_text": None,
                "sections": dict.fromkeys(SECTION_KEYS),
                "events": [],
                "references": [],
                "related": [],
                # Nothing read, so no evidence; kind and status are the defaults.
                "evidence": {
                    "formation": [],
                    "termination": [],
                    "size": [],
                    "kind": [],
                    "status": [],
                    "countries": {},
                    "aliases": {},
                },
                "mentions": [],
                "sources": [],
            },
        )

    def test_unknown_slug_is_a_json_404(self):
        response = self.client.get("/groups/no-such-group/?format=json")

        self.assertEqual(response.status_code, 404)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        self.assertEqual(response.json(), {"error": "There is no group with this address."})


class DeterminismTests(TestCase):
    def test_same_data_in_another_insertion_order_gives_the_same_bytes(self):
        build_profile()
        first = self.client.get("/groups/mdf/?format=json").content
        first_list = self.client.get("/groups/?format=json").content
        Group.objects.all().delete()

        build_profile(reverse=True)
        second = self.client.get("/groups/mdf/?format=json").content
        second_list = self.client.get("/groups/?format=json").content

        self.assertEqual(first, second)
        self.assertEqual(first_list, second_list)
        # The bytes are the documented serialisation of the parsed document.
        self.assertEqual(
            first, json.dumps(json.loads(first), ensure_ascii=False, sort_keys=False).encode()
        )


class JsonQueryCountMixin:
    """The same query counts whatever the archive's size (see setUpTestData below)."""

    def test_list(self):
        # 1 the archive's last change, 2 COUNT of the filtered groups, 3 the page of
        # groups, 4 their countries. JSON has no facets.
        with self.assertNumQueries(4):
            response = self.client.get("/groups/?format=json&country=PK&active_from=1900")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(len(response.json()["results"]), self.expected_on_first_page)

    def test_profile(self):
        # The first request builds the profile's snapshot, page and JSON twin together
        # (test_pages.PageQueryCountMixin.test_profile lists the queries).
        with self.assertNumQueries(18):
            self.client.get("/groups/alpha/?format=json")
        # Then 1 the archive's last change, 2 the snapshot (the JSON is stored whole).
        cache.clear()
        with self.assertNumQueries(2):
            response = self.client.get("/groups/alpha/?format=json")
        data = response.json()
        self.assertEqual(len(data["events"]), self.events)
        self.assertEqual(len(data["references"]), self.references)

    def test_invalid_filters_run_only_the_last_change_query(self):
        # The validators are checked before the parameters; nothing else is read.
        with self.assertNumQueries(1):
            response = self.client.get("/groups/?format=json&country=ZZ")
        self.assertEqual(response.status_code, 400)


class SmallArchiveJsonQueryCountTests(JsonQueryCountMixin, TestCase):
    events, references, expected_on_first_page = 2, 1, 1

    @classmethod
    def setUpTestData(cls):
        make_full_profile("Alpha", events=2, references=1, related=1)


class LargeArchiveJsonQueryCountTests(JsonQueryCountMixin, TestCase):
    events, references, expected_on_first_page = 40, 30, 50

    @classmethod
    def setUpTestData(cls):
        make_full_profile("Alpha", events=40, references=30, related=6)
        make_many_groups(70, events=3)
