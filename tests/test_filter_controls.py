"""The filter forms as readers use them: a country picker of checkboxes offering only the
countries that have groups, a form folded behind <details> (results first on a phone),
and the filters in force as chips that remove themselves."""

import re

from django.test import TestCase

from tests.factories import make_group


def chips(response):
    """[(label, url)] of the chips above the results."""
    content = response.content.decode()
    return [
        (re.sub(r"\s+", " ", label).strip(), url.replace("&amp;", "&"))
        for url, label in re.findall(r'<a class="chip" href="([^"]*)">([^<]*)<', content)
    ]


class CountryPickerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha Front", countries=["PK"])
        make_group("Beta Army", countries=["PK", "IN"])

    def test_only_countries_with_groups_each_with_its_count(self):
        for path in ("/groups/", "/timeline/", "/network/"):
            with self.subTest(path=path):
                content = self.client.get(path).content.decode()
                boxes = re.findall(
                    r'<input type="checkbox" name="country" value="(\w+)"> ([^<]+) '
                    r'<span class="count">(\d+)</span>',
                    content,
                )
                self.assertEqual(boxes, [("IN", "India", "1"), ("PK", "Pakistan", "2")])
                self.assertNotIn('<select name="country"', content)
                self.assertIn("<legend>Country</legend>", content)

    def test_chosen_countries_are_ticked(self):
        response = self.client.get("/groups/?country=pk&country=IN")
        self.assertContains(response, 'value="PK" checked> Pakistan <span class="count">2</span>')
        self.assertContains(response, 'value="IN" checked> India <span class="count">1</span>')

    def test_a_chosen_country_without_groups_can_still_be_unticked(self):
        response = self.client.get("/groups/?country=GH")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, 'value="GH" checked> Ghana</label>')


class FoldTests(TestCase):
    def test_the_form_is_folded_and_opens_on_errors(self):
        for path in ("/groups/", "/timeline/", "/network/"):
            with self.subTest(path=path):
                content = self.client.get(path).content.decode()
                self.assertIn('<details class="filter-fold">', content)
                self.assertIn("<summary>Filters", content)
        response = self.client.get("/groups/?active_from=abc")
        self.assertContains(response, '<details class="filter-fold" open>', status_code=400)


class ChipTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha Front", countries=["PK"])

    def test_list_chips_each_remove_one_filter(self):
        response = self.client.get(
            "/groups/?q=alpha&country=PK&country=in&active_from=1990&kind=armed_group"
            "&sort=-updated&page=1"
        )
        self.assertEqual(
            chips(response),
            [
                (
                    "Search: “alpha”",
                    "?country=PK&country=in&active_from=1990&kind=armed_group&sort=-updated",
                ),
                (
                    "Country: Pakistan",
                    "?q=alpha&country=in&active_from=1990&kind=armed_group&sort=-updated",
                ),
                (
                    "Country: India",
                    "?q=alpha&country=PK&active_from=1990&kind=armed_group&sort=-updated",
                ),
                (
                    "Active from: 1990",
                    "?q=alpha&country=PK&country=in&kind=armed_group&sort=-updated",
                ),
                (
                    "Kind: Armed group",
                    "?q=alpha&country=PK&country=in&active_from=1990&sort=-updated",
                ),
            ],
        )
        self.assertContains(response, 'Filters <span class="note">(5 in force)</span>')
        self.assertContains(response, '<a class="clear-all" href="/groups/">Clear all</a>')

    def test_a_chip_leaves_out_the_empty_fields_of_a_submitted_form(self):
        response = self.client.get("/groups/?q=&country=PK&active_from=&kind=&sort=name")
        self.assertEqual(chips(response), [("Country: Pakistan", "?sort=name")])

    def test_no_chips_without_filters(self):
        response = self.client.get("/groups/?sort=name")
        self.assertEqual(chips(response), [])
        self.assertNotContains(response, "Clear all")

    def test_timeline_and_network_chips(self):
        self.assertEqual(
            chips(self.client.get("/timeline/?country=PK&from=1990")),
            [("Country: Pakistan", "?from=1990"), ("From: 1990", "?country=PK")],
        )
        self.assertEqual(
            chips(self.client.get("/network/?active_to=2000")),
            [("Active until: 2000", "?")],
        )
