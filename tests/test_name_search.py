"""Finding a group by any spelling of its name, and "Did you mean ..." when nothing matches.

PostgreSQL matches other spellings by trigram similarity (pg_trgm) of the names folded
with unaccent; SQLite compares names folded in Python, and suggests the closest names.
"""

import unittest
from importlib import import_module

from django.db import connection
from django.test import SimpleTestCase, TestCase

from profiles.models import Group
from profiles.name_search import fold, is_plain
from profiles.search import refresh_search_vectors
from tests.factories import make_alias, make_group

on_postgres = unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL search")
on_sqlite = unittest.skipUnless(connection.vendor == "sqlite", "SQLite fallback search")


def names(response):
    return [row.group.name for row in response.context["rows"]]


class FoldTests(SimpleTestCase):
    def test_case_accents_and_apostrophes(self):
        for text, folded in [
            ("Janjaweed", "janjaweed"),
            ("al-Hashd al-Sha'bi", "al-hashd al-shabi"),
            ("al-Ḥashd al-Shaʿbī", "al-hashd al-shabi"),
            ("Kata’ib Hizballah", "kataib hizballah"),
            ("Autodefensas Unidas de Colombia (AUC)", "autodefensas unidas de colombia (auc)"),
            ("Ça Ira", "ca ira"),
        ]:
            with self.subTest(text=text):
                self.assertEqual(fold(text), folded)

    def test_plain_queries(self):
        self.assertTrue(is_plain("Hashd al-Shaabi"))
        for query in ['"death squad"', "tiger -cubs", "militia or vigilante"]:
            with self.subTest(query=query):
                self.assertFalse(is_plain(query))


class SpellingTestData(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.janjaweed = make_group("Janjaweed", countries=["SD"], narrative="Raiders on horseback.")
        cls.pmf = make_group("Popular Mobilization Forces", countries=["IQ"])
        make_alias(cls.pmf, "al-Hashd al-Shaʿbī")
        cls.haqiqi = make_group("MQM Haqiqi", countries=["PK"])
        cls.army = make_group("Tribal Army", countries=["PK"], narrative="A home guard.")
        refresh_search_vectors()


class BothDatabasesTests(SpellingTestData):
    def test_accents_and_apostrophes_do_not_matter(self):
        for query in ["al-Hashd al-Sha'bi", "al-Hashd al-Shabi", "Sha'bi", "SHABI"]:
            with self.subTest(query=query):
                self.assertEqual(
                    names(self.client.get("/groups/", {"q": query})),
                    ["Popular Mobilization Forces"],
                )

    def test_full_text_search_still_works(self):
        self.assertEqual(names(self.client.get("/groups/", {"q": "horseback"})), ["Janjaweed"])
        self.assertEqual(names(self.client.get("/groups/", {"q": "haqiqi"})), ["MQM Haqiqi"])

    def test_did_you_mean_when_nothing_matches(self):
        response = self.client.get("/groups/", {"q": "Djanjawid", "country": "SD"})
        self.assertEqual(names(response), [])
        self.assertEqual(response.context["suggestions"], ["Janjaweed"])
        self.assertContains(
            response,
            '<p class="did-you-mean">Did you mean '
            '<a href="?q=Janjaweed&amp;country=SD">Janjaweed</a>?</p>',
            html=True,
        )

    def test_suggestions_keep_to_the_other_filters(self):
        response = self.client.get("/groups/", {"q": "Djanjawid", "country": "PK"})
        self.assertEqual(response.context["suggestions"], [])
        self.assertNotContains(response, "Did you mean")

    def test_no_suggestion_when_something_matches_or_nothing_is_close(self):
        self.assertEqual(self.client.get("/groups/", {"q": "haqiqi"}).context["suggestions"], [])
        self.assertEqual(self.client.get("/groups/", {"q": "zzzzqqq"}).context["suggestions"], [])

    def test_query_count_of_a_search_with_no_result(self):
        # 1 the archive's last change, 2 COUNT of the matches (0: no page to read), then
        # the suggestions: on PostgreSQL 3 the closest names by similarity, on SQLite 3
        # every name and 4 every alias of the groups the other filters keep; then the
        # countries with groups (the country picker) and the facets: per country, per
        # kind, the span of years (no decade in an empty span).
        expected = 7 if connection.vendor == "postgresql" else 8
        with self.assertNumQueries(expected):
            self.client.get("/groups/", {"q": "Djanjawid"})


@on_postgres
class PostgresSpellingTests(SpellingTestData):
    def test_transliterations_are_found(self):
        for query, expected in [
            ("Janjawid", ["Janjaweed"]),
            ("haqiqui", ["MQM Haqiqi"]),
            ("Hashd al-Shaabi", ["Popular Mobilization Forces"]),
            ("al-Hashd al-Sha'bi", ["Popular Mobilization Forces"]),
            ("Mobilisation Forces", ["Popular Mobilization Forces"]),
        ]:
            with self.subTest(query=query):
                self.assertEqual(names(self.client.get("/groups/", {"q": query})), expected)

    def test_an_exclusion_is_not_undone_by_a_similar_name(self):
        self.assertEqual(names(self.client.get("/groups/", {"q": "guard -tribal"})), [])

    def test_names_spelled_as_the_query_rank_first(self):
        make_group("Janjawid Brigade")
        refresh_search_vectors()
        self.assertEqual(
            names(self.client.get("/groups/", {"q": "janjawid"})),
            ["Janjawid Brigade", "Janjaweed"],
        )

    def test_names_follow_aliases_saved_later(self):
        make_alias(self.army, "Qabili Jaysh")  # refreshed by the save signal
        self.assertEqual(names(self.client.get("/groups/", {"q": "Qabili Jaish"})), ["Tribal Army"])

    def test_the_migration_folds_names_as_the_search_does(self):
        # 0013 fills search_names in SQL for the groups already there: the same text.
        expected = dict(Group.objects.values_list("pk", "search_names"))
        Group.objects.update(search_names="")
        migration = import_module("profiles.migrations.0014_net_name_search")
        with connection.cursor() as cursor:
            cursor.execute(migration.FILL)
        self.assertEqual(dict(Group.objects.values_list("pk", "search_names")), expected)
        self.assertEqual(expected[self.pmf.pk], "popular mobilization forces ; al-hashd al-shabi")


@on_sqlite
class SqliteSpellingTests(SpellingTestData):
    def test_other_transliterations_are_suggested(self):
        for query, suggested in [
            ("Janjawid", ["Janjaweed"]),
            ("haqiqui", ["MQM Haqiqi"]),
            ("Hashd al-Shaabi", ["al-Hashd al-Shaʿbī"]),
        ]:
            with self.subTest(query=query):
                response = self.client.get("/groups/", {"q": query})
                self.assertEqual(names(response), [])
                self.assertEqual(response.context["suggestions"], suggested)
