"""What every page tells browsers and search engines: a meta description, a favicon, and
on profiles the group as schema.org JSON-LD."""

import json
import re
from datetime import date

from django.contrib.staticfiles import finders
from django.test import TestCase

from profiles.models import Precision
from profiles.selectors import get_profile
from profiles.structured_data import json_ld, organization, schema_date
from tests.factories import FORMED_1992_ENDED_NOV_1994, make_alias, make_group, make_source

DESCRIPTION_RE = re.compile(r'<meta name="description" content="([^"]+)">')
JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class EveryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        group = make_group("Alpha Front", countries=["PK"], **FORMED_1992_ENDED_NOV_1994)
        make_source(group, "alpha.txt")

    def test_meta_description_and_favicon(self):
        descriptions = {}
        for path in [
            "/",
            "/groups/",
            "/groups/alpha-front/",
            "/timeline/",
            "/network/",
            "/countries/",
            "/countries/PK/",
            "/sources/",
            "/sources/alpha.txt/",
            "/about/",
            "/groups/nobody/",  # a 404 page too
        ]:
            with self.subTest(path=path):
                response = self.client.get(path)
                content = response.content.decode()
                (description,) = DESCRIPTION_RE.findall(content)
                self.assertGreater(len(description), 40)
                descriptions[path] = description
                self.assertIn(
                    '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">', content
                )
        # Pages of their own say what they are.
        self.assertEqual(len(set(descriptions.values())), len(descriptions) - 1)
        self.assertIn("Pakistan", descriptions["/countries/PK/"])
        self.assertEqual(
            descriptions["/groups/alpha-front/"],
            "Alpha Front: armed group in Pakistan, active 1992 – Nov 1994. Its profile, with the"
            " sources of each fact, a timeline, references and ties to other groups.",
        )

    def test_the_favicon_is_an_svg_in_static(self):
        path = finders.find("favicon.svg")
        self.assertIsNotNone(path)
        with open(path, encoding="utf-8") as svg:
            self.assertIn('xmlns="http://www.w3.org/2000/svg"', svg.read())


class JsonLdTests(TestCase):
    def test_a_profile_is_an_organization(self):
        group = make_group("Alpha Front", countries=["PK", "IN"], **FORMED_1992_ENDED_NOV_1994)
        make_alias(group, "AF")
        make_alias(group, "Front Alpha")
        content = self.client.get("/groups/alpha-front/").content.decode()
        (block,) = JSON_LD_RE.findall(content)
        self.assertEqual(
            json.loads(block),
            {
                "@context": "https://schema.org",
                "@type": "Organization",
                "name": "Alpha Front",
                "url": "http://testserver/groups/alpha-front/",
                "alternateName": ["AF", "Front Alpha"],
                "foundingDate": "1992",
                "dissolutionDate": "1994-11",
                "location": [
                    {"@type": "Country", "name": "India", "identifier": "IN"},
                    {"@type": "Country", "name": "Pakistan", "identifier": "PK"},
                ],
                "areaServed": [
                    {"@type": "Country", "name": "India", "identifier": "IN"},
                    {"@type": "Country", "name": "Pakistan", "identifier": "PK"},
                ],
            },
        )

    def test_no_name_can_close_the_block(self):
        group = make_group("</script><script>alert(1)</script> & <b>")
        make_alias(group, "<!-- x -->")
        data = organization(get_profile(group.slug), "http://example.org/")
        text = json_ld(data)
        self.assertNotIn("<", text)
        self.assertNotIn(">", text)
        self.assertNotIn("&", text)
        self.assertEqual(json.loads(text), data)
        content = self.client.get(group.get_absolute_url()).content.decode()
        self.assertEqual(content.count("</script>"), 1)

    def test_only_dates_schema_org_reads(self):
        self.assertEqual(schema_date("1992"), "1992")
        self.assertEqual(schema_date("1994-11"), "1994-11")
        self.assertEqual(schema_date("1994-11-05"), "1994-11-05")
        for edtf in ["198X", "1990~", "1990?", "1997/2006", ""]:
            with self.subTest(edtf=edtf):
                self.assertIsNone(schema_date(edtf))

    def test_a_decade_is_left_out(self):
        group = make_group(
            "Night Wardens",
            formation_date="198X",
            formation_earliest=date(1980, 1, 1),
            formation_latest=date(1989, 12, 31),
            formation_precision=Precision.DECADE,
        )
        data = organization(get_profile(group.slug), "http://example.org/")
        self.assertNotIn("foundingDate", data)
        self.assertNotIn("location", data)
