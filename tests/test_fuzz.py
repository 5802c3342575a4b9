"""Bad addresses and parameters are 4xx, never 5xx: the causes the fuzzer found (NUL in a
path, page numbers that pass str.isdigit() but not int()), and a short fuzzing run of the
generator `make fuzz` uses (scripts/fuzz.py), on whichever database the suite runs on."""

import io
import random

from django.core.management import call_command
from django.test import Client, TestCase

from scripts.fuzz import fuzz, generated_requests, known_values
from tests.factories import make_group, make_source


class NulInPathTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.group = make_group("Harbour Watch", countries=["IN"])
        cls.source = make_source(cls.group, "harbour.txt")

    def test_nul_or_control_character_in_an_address_is_not_found(self):
        for address in (
            "/groups/harbour-watch%00/",
            "/groups/%00/",
            "/groups/harbour\x00watch/",
            "/groups/harbour-watch%0A/",
            "/countries/I%00/",
            "/sources/harbour.txt%00/",
            "/sources/%00/raw/",
            "/sources/harbour.txt%1F/raw/",
        ):
            with self.subTest(address):
                self.assertEqual(self.client.get(address).status_code, 404)

    def test_the_same_addresses_without_it_are_found(self):
        for address in ("/groups/harbour-watch/", "/countries/IN/", "/sources/harbour.txt/"):
            self.assertEqual(self.client.get(address).status_code, 200, address)
        self.assertEqual(self.client.get("/sources/harbour.txt/raw/").status_code, 200)


class PageNumberTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Harbour Watch", countries=["IN"])

    def test_numbers_int_refuses_are_a_bad_request(self):
        # "²" and "①" are digits to str.isdigit(), not to int(); 5,000 digits pass
        # isdigit() too, and int() refuses more than 4,300.
        for page in ("²", "①", "Ⅻ", "9" * 5000, "-1", "0", "x"):
            for address in ("/countries/IN/", "/groups/", "/timeline/", "/sources/"):
                with self.subTest(address=address, page=page[:10]):
                    self.assertEqual(self.client.get(address, {"page": page}).status_code, 400)

    def test_the_country_page_takes_ascii_digits_only(self):
        for page in ("١", "৩", "1.0", " 1", ""):
            with self.subTest(page=page):
                response = self.client.get("/countries/IN/", {"page": page})
                self.assertEqual(response.status_code, 400)

    def test_ascii_page_numbers_still_work(self):
        self.assertEqual(self.client.get("/countries/IN/", {"page": "1"}).status_code, 200)
        self.assertEqual(self.client.get("/countries/IN/", {"page": "01"}).status_code, 200)
        self.assertEqual(self.client.get("/countries/IN/", {"page": "2"}).status_code, 404)
        self.assertEqual(self.client.get("/countries/IN/", {"page": "9" * 30}).status_code, 400)


class ShortFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("import_profiles", "fixtures/", stdout=io.StringIO())

    def test_no_generated_request_is_answered_5xx(self):
        addresses = list(generated_requests(random.Random(7), 400, known_values()))
        statuses, failures, sent = fuzz(Client(raise_request_exception=False), addresses)
        self.assertEqual(sent, 400)
        self.assertEqual(failures, [])
        # The generator reaches the pages, not only their error answers.
        self.assertGreater(statuses[200], 100)
        self.assertGreater(statuses[400] + statuses[404], 50)
