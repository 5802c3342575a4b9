"""The group list's filters: what each matches, how they combine, and every bad value."""

import unittest
from datetime import date

from django.db import connection
from django.test import TestCase, override_settings
from django.utils.html import escape

from profiles.models import Alias, Precision
from tests.factories import make_alias, make_group


def years(first, last=None):
    """The fields of a group active from `first` to `last` (None: no end known)."""
    fields = {"active_start": date(first, 1, 1)}
    if last is not None:
        fields["active_end"] = date(last, 12, 31)
    return fields


class FilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        alpha = make_group("Alpha Brigade", countries=["PK"], **years(1990, 1995))
        make_alias(alpha, "Red Hand", kind=Alias.Kind.STATED)
        beta = make_group("Beta Militia", countries=["IN"], **years(2000, 2005))
        make_alias(beta, "Crimson Wing", kind=Alias.Kind.CLAIM)
        make_alias(beta, "hidden key", kind=Alias.Kind.MATCH_KEY)
        gamma = make_group("Gamma Front", countries=["PK", "AF"], **years(2010))
        make_alias(gamma, "Gamma Front")  # an alias equal to the name: still listed once
        make_group("Delta Guards", countries=["IQ"])  # no dates at all
        make_group(
            "Decade Group",
            countries=["SY"],
            formation_date="198X",
            formation_earliest=date(1980, 1, 1),
            formation_latest=date(1989, 12, 31),
            formation_precision=Precision.DECADE,
            active_start=date(1980, 1, 1),
        )
        make_group("Échelon Noir", countries=["FR"], **years(1960, 1962))
        make_group("100% Loyal", countries=["NG"], **years(1970, 1971))
        make_group("Under_score Unit", countries=["NG"], **years(1970, 1971))

    def names(self, query):
        """The names the JSON list gives, sorted here: the order is not what these test."""
        response = self.client.get(f"/groups/?format=json&{query}")
        self.assertEqual(response.status_code, 200, response.content)
        data = response.json()
        self.assertEqual(data["count"], len(data["results"]))
        return sorted(item["name"] for item in data["results"])

    def html_names(self, query):
        response = self.client.get(f"/groups/?{query}")
        self.assertEqual(response.status_code, 200)
        return sorted(row.group.name for row in response.context["rows"])

    # country

    def test_country(self):
        self.assertEqual(self.names("country=PK"), ["Alpha Brigade", "Gamma Front"])

    def test_country_repeated_matches_any(self):
        self.assertEqual(self.names("country=IN&country=IQ"), ["Beta Militia", "Delta Guards"])

    def test_group_with_two_of_the_countries_is_listed_once(self):
        self.assertEqual(self.names("country=PK&country=AF"), ["Alpha Brigade", "Gamma Front"])

    def test_country_is_case_insensitive_and_repeats_are_harmless(self):
        self.assertEqual(
            self.names("country=pk&country=%20Pk%20&country=PK"), ["Alpha Brigade", "Gamma Front"]
        )

    def test_empty_country_is_no_filter(self):
        self.assertEqual(len(self.names("country=")), 8)

    # q

    def test_q_matches_the_name_in_any_case(self):
        self.assertEqual(self.names("q=bRiGaDe"), ["Alpha Brigade"])

    def test_q_matches_stated_and_claimed_aliases(self):
        self.assertEqual(self.names("q=red%20hand"), ["Alpha Brigade"])
        self.assertEqual(self.names("q=crimson"), ["Beta Militia"])
        self.assertEqual(self.names("q=hand"), ["Alpha Brigade"])

    def test_q_ignores_match_keys(self):
        self.assertEqual(self.names("q=hidden"), [])

    def test_q_lists_a_group_once_when_name_and_alias_match(self):
        self.assertEqual(self.names("q=gamma"), ["Gamma Front"])

    def test_q_with_non_ascii(self):
        self.assertEqual(self.names("q=%C3%89chelon"), ["Échelon Noir"])

    @unittest.skipIf(connection.vendor == "postgresql", "PostgreSQL searches words, not text")
    def test_q_wildcards_are_literal(self):
        self.assertEqual(self.names("q=%25"), ["100% Loyal"])
        self.assertEqual(self.names("q=_"), ["Under_score Unit"])

    def test_blank_q_is_no_filter(self):
        self.assertEqual(len(self.names("q=%20%20")), 8)

    # active_from and active_to: the possible active span overlaps the years

    def test_active_from_keeps_groups_ending_then_or_later_and_open_ends(self):
        self.assertEqual(
            self.names("active_from=1995"),
            ["Alpha Brigade", "Beta Militia", "Decade Group", "Delta Guards", "Gamma Front"],
        )
        self.assertNotIn("Alpha Brigade", self.names("active_from=1996"))

    def test_active_to_keeps_groups_starting_then_or_earlier_and_open_starts(self):
        self.assertEqual(
            self.names("active_to=1970"),
            ["100% Loyal", "Delta Guards", "Under_score Unit", "Échelon Noir"],
        )
        self.assertNotIn("Alpha Brigade", self.names("active_to=1989"))
        self.assertIn("Alpha Brigade", self.names("active_to=1990"))

    def test_active_between_is_overlap(self):
        self.assertEqual(
            self.names("active_from=1993&active_to=2001"),
            ["Alpha Brigade", "Beta Militia", "Decade Group", "Delta Guards"],
        )

    def test_single_year(self):
        self.assertEqual(
            self.names("active_from=2003&active_to=2003"),
            ["Beta Militia", "Decade Group", "Delta Guards"],
        )

    def test_decade_formation_counts_from_the_decade_start(self):
        self.assertIn("Decade Group", self.names("active_from=1985&active_to=1985"))
        self.assertNotIn("Decade Group", self.names("active_to=1979"))

    def test_extreme_years(self):
        self.assertEqual(len(self.names("active_from=1&active_to=9999")), 8)
        self.assertEqual(
            self.names("active_from=9999"), ["Decade Group", "Delta Guards", "Gamma Front"]
        )
        self.assertEqual(self.names("active_to=1"), ["Delta Guards"])

    # combinations

    def test_country_and_years(self):
        self.assertEqual(self.names("country=PK&active_from=2000"), ["Gamma Front"])
        self.assertEqual(
            self.names("country=PK&country=IN&active_to=2004"), ["Alpha Brigade", "Beta Militia"]
        )

    def test_all_filters(self):
        self.assertEqual(
            self.names("country=pk&country=IN&active_from=1991&active_to=2001"),
            ["Alpha Brigade", "Beta Militia"],
        )
        self.assertEqual(
            self.names("country=pk&country=IN&active_from=1991&active_to=2001&q=brigade"),
            ["Alpha Brigade"],
        )
        self.assertEqual(self.names("country=IN&active_from=1991&q=hand"), [])

    def test_html_list_filters_the_same_way(self):
        self.assertEqual(
            self.html_names("country=PK&country=in&active_to=2004"),
            ["Alpha Brigade", "Beta Militia"],
        )

    def test_unknown_parameters_are_ignored(self):
        self.assertEqual(len(self.names("utm_source=x&sort=name")), 8)


# (query, field, message) for every kind of bad value.
BAD_PARAMETERS = [
    ("country=ZZ", "country", "“ZZ” is not an ISO 3166-1 alpha-2 country code."),
    ("country=PK&country=zz", "country", "“ZZ” is not an ISO 3166-1 alpha-2 country code."),
    ("country=PAK", "country", "“PAK” is not an ISO 3166-1 alpha-2 country code."),
    ("country=P", "country", "“P” is not an ISO 3166-1 alpha-2 country code."),
    ("country=PK,IN", "country", "“PK,IN” is not an ISO 3166-1 alpha-2 country code."),
    ("active_from=abc", "active_from", "Enter a whole number."),
    ("active_from=1e309", "active_from", "Enter a whole number."),
    ("active_from=1990.5", "active_from", "Enter a whole number."),
    ("active_from=" + "9" * 5000, "active_from", "Enter a whole number."),
    ("active_from=0", "active_from", "Ensure this value is greater than or equal to 1."),
    ("active_from=-5", "active_from", "Ensure this value is greater than or equal to 1."),
    ("active_to=10000", "active_to", "Ensure this value is less than or equal to 9999."),
    ("active_to=NaN", "active_to", "Enter a whole number."),
    (
        "active_from=2000&active_to=1990",
        "active_to",
        "The last year must not be before the first year.",
    ),
    ("page=-1", "page", "Page must be a positive whole number."),
    ("page=0", "page", "Page must be a positive whole number."),
    ("page=abc", "page", "Page must be a positive whole number."),
    ("page=1e309", "page", "Page must be a positive whole number."),
    ("page=last", "page", "Page must be a positive whole number."),
    ("q=" + "x" * 201, "q", "Ensure this value has at most 200 characters (it has 201)."),
    ("q=a%00b", "q", "Null characters are not allowed."),
]


class BadParameterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha Brigade", countries=["PK"])

    def test_json_gets_a_400_with_the_field_errors(self):
        for query, field, message in BAD_PARAMETERS:
            with self.subTest(query=query[:40]):
                response = self.client.get(f"/groups/?format=json&{query}")

                self.assertEqual(response.status_code, 400)
                self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
                data = response.json()
                self.assertEqual(list(data), ["error", "errors"])
                self.assertEqual(data["errors"], {field: [message]})
                self.assertEqual(data["error"], f"Invalid query parameter: {field}")

    def test_html_gets_the_form_again_with_the_error_and_a_400(self):
        for query, field, message in BAD_PARAMETERS:
            with self.subTest(query=query[:40]):
                response = self.client.get(f"/groups/?{query}")

                self.assertEqual(response.status_code, 400)
                self.assertEqual(response["Content-Type"], "text/html; charset=utf-8")
                self.assertEqual(response.context["form"].errors, {field: [message]})
                self.assertContains(response, '<form class="filters"', status_code=400)
                self.assertContains(response, 'role="alert"', status_code=400)
                self.assertContains(response, escape(message), status_code=400)
                self.assertIsNone(response.context["page_obj"])

    def test_several_errors_at_once(self):
        response = self.client.get("/groups/?format=json&country=ZZ&active_from=x&page=0")

        self.assertEqual(response.status_code, 400)
        data = response.json()
        self.assertEqual(data["error"], "Invalid query parameters: page, country, active_from")
        self.assertEqual(set(data["errors"]), {"page", "country", "active_from"})

    def test_the_form_shows_the_values_given(self):
        response = self.client.get("/groups/?country=pk&country=ZZ&q=Alpha&active_from=abc")

        self.assertContains(response, 'value="Alpha"', status_code=400)
        self.assertContains(response, 'value="abc"', status_code=400)
        self.assertContains(
            response,
            '<label><input type="checkbox" name="country" value="PK" checked> Pakistan</label>',
            status_code=400,
            html=True,
        )

    def test_unknown_format_is_a_400_page(self):
        response = self.client.get("/groups/?format=xml")

        self.assertEqual(response.status_code, 400)
        self.assertEqual(
            response.context["form"].errors, {"format": ["Format must be “html”, “json” or “csv”."]}
        )

    def test_weird_but_valid_values(self):
        for query in [
            "country=",
            "country=&country=pk",
            "active_from=%201990%20",
            "active_from=&active_to=",
            "page=",
            "page=1",
            "page=%201",
            "q=",
            "q=%27%3B%20DROP%20TABLE%20profiles_group%3B--",
            "q=%F0%9F%92%A3",
            "format=html",
            "format=",
            "country[]=PK",
            "unknown=1",
        ]:
            with self.subTest(query=query):
                self.assertEqual(self.client.get(f"/groups/?{query}").status_code, 200)
                self.assertEqual(self.client.get(f"/groups/?format=json&{query}").status_code, 200)

    def test_never_a_500(self):
        # The test client re-raises any exception in the view, so a 500 fails here.
        for query in [
            "page=99999999999999999999999999",
            "page=2",
            "active_from=1%00",
            "country=%00",
            "country=%FF%FE",
            "q=%FF",
            "active_from=%E2%91%A0",  # a circled digit one
            "active_from=%D9%A1%D9%A9%D9%A9%D9%A0",  # Arabic-Indic digits: int() takes them
            "page=%D9%A1",
            "active_to=99999999999999999999",
            "active_from=-0",
            "active_from=+1990",
            "active_from=0x7c6",
            "active_from=1_990",
            "q=%5C",
            "country=" + "A" * 10000,
            "&".join(["country=PK"] * 2000),  # over DATA_UPLOAD_MAX_NUMBER_FIELDS: a 400
            "&".join(f"country={code}" for code in ["PK", "IN", "AF", "IQ", "SY"] * 100),
        ]:
            for prefix in ("", "format=json&"):
                with self.subTest(query=query[:40], prefix=prefix):
                    response = self.client.get(f"/groups/?{prefix}{query}")
                    self.assertIn(response.status_code, (200, 400, 404))


@override_settings(GROUPS_PER_PAGE=2)
class PageParameterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for name in ["A", "B", "C"]:
            make_group(name, countries=["PK"])

    def test_pages(self):
        self.assertEqual(self.client.get("/groups/?page=1").status_code, 200)
        response = self.client.get("/groups/?page=2")
        self.assertEqual([row.group.name for row in response.context["rows"]], ["C"])

    def test_page_past_the_end_is_a_404(self):
        response = self.client.get("/groups/?page=3")

        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "There is no such page of this list.", status_code=404)
        self.assertEqual(self.client.get("/groups/?page=3&format=json").status_code, 404)

    def test_page_past_the_end_of_a_filtered_list_is_a_404(self):
        self.assertEqual(self.client.get("/groups/?country=PK&page=2").status_code, 200)
        self.assertEqual(self.client.get("/groups/?country=IN&page=2").status_code, 404)

    def test_first_page_of_nothing_is_empty_not_missing(self):
        response = self.client.get("/groups/?country=IN")

        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "No group matches these filters.")
