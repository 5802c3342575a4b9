"""/data/: every table as CSV, the archive as JSON, the Data Package validated with the
frictionless library (foreign keys included), and the codebook generated from the same
descriptions."""

import csv
import io
import json
import tempfile
from pathlib import Path

import frictionless
from django.core.management import call_command
from django.http import StreamingHttpResponse
from django.test import TestCase
from django.utils.html import escape

from profiles import codebook
from profiles.dataset.tables import TABLES, TABLES_BY_NAME
from profiles.models import Alias, GroupKind, Relation
from tests.factories import make_group

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def import_fixtures():
    call_command("import_profiles", str(FIXTURES), stdout=io.StringIO(), stderr=io.StringIO())


def body(response):
    if isinstance(response, StreamingHttpResponse):
        return b"".join(response.streaming_content)
    return response.content


def csv_rows(data):
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


class DataFilesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        import_fixtures()
        # A claim about a group with no profile: an alias whose group is empty.
        Alias.objects.create(
            group=None, subject_name="Nowhere Front", name="NF", kind=Alias.Kind.CLAIM
        )

    def download(self, filename):
        response = self.client.get(f"/data/{filename}")
        self.assertEqual(response.status_code, 200, filename)
        return response

    def download_all(self, directory):
        for filename in [table.filename for table in TABLES] + ["datapackage.json"]:
            (Path(directory) / filename).write_bytes(body(self.download(filename)))

    def test_the_package_validates_with_frictionless_and_its_foreign_keys_resolve(self):
        with tempfile.TemporaryDirectory() as directory:
            self.download_all(directory)
            report = frictionless.validate(str(Path(directory) / "datapackage.json"))
            errors = report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
            self.assertTrue(report.valid, errors)
            # Every table holds rows, so that each foreign key was really looked up.
            for table in TABLES:
                rows = csv_rows((Path(directory) / table.filename).read_bytes())
                self.assertTrue(rows, f"{table.name} is empty: the check proves nothing")

    def test_a_dangling_foreign_key_fails_validation(self):
        with tempfile.TemporaryDirectory() as directory:
            self.download_all(directory)
            path = Path(directory) / "events.csv"
            rows = csv_rows(path.read_bytes())
            rows[0]["group_id"] = "999999"
            with path.open("w", newline="", encoding="utf-8") as file:
                writer = csv.DictWriter(file, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)
            report = frictionless.validate(str(Path(directory) / "datapackage.json"))
            self.assertFalse(report.valid)
            types = {error[0] for error in report.flatten(["type"])}
            self.assertEqual(types, {"foreign-key"})

    def test_each_csv_is_streamed_with_its_columns(self):
        for table in TABLES:
            response = self.download(table.filename)
            self.assertIsInstance(response, StreamingHttpResponse)
            self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
            self.assertIn("attachment", response["Content-Disposition"])
            header = body(response).decode().splitlines()[0]
            self.assertEqual(header.split(","), table.column_names)

    def test_values_are_written_as_the_schema_says(self):
        groups = {row["slug"]: row for row in csv_rows(body(self.download("groups.csv")))}
        haqiqi = groups["mqm-haqiqi"]
        self.assertEqual(haqiqi["formation_date"], "1992")
        self.assertEqual(haqiqi["formation_earliest"], "1992-01-01")
        self.assertEqual(haqiqi["termination_date"], "1994-11")
        self.assertRegex(haqiqi["updated_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        aliases = csv_rows(body(self.download("aliases.csv")))
        claim = next(row for row in aliases if row["name"] == "NF")
        self.assertEqual(claim["group_id"], "")  # null, not "None"
        self.assertEqual(claim["subject_name"], "Nowhere Front")

    def test_the_json_file_holds_every_table_with_typed_values(self):
        response = self.download("archive.json")
        self.assertIsInstance(response, StreamingHttpResponse)
        data = json.loads(body(response))
        self.assertEqual(list(data["tables"]), [table.name for table in TABLES])
        for table in TABLES:
            rows = csv_rows(body(self.download(table.filename)))
            self.assertEqual(len(data["tables"][table.name]), len(rows), table.name)
        haqiqi = next(row for row in data["tables"]["groups"] if row["slug"] == "mqm-haqiqi")
        self.assertIsInstance(haqiqi["id"], int)
        self.assertEqual(haqiqi["formation_date"], "1992")
        self.assertEqual(haqiqi["termination_earliest"], "1994-11-01")
        claim = next(row for row in data["tables"]["aliases"] if row["name"] == "NF")
        self.assertIsNone(claim["group_id"])

    def test_the_package_describes_keys_vocabularies_and_edtf(self):
        package = json.loads(body(self.download("datapackage.json")))
        resources = {resource["name"]: resource for resource in package["resources"]}
        self.assertEqual(list(resources), [table.name for table in TABLES])
        groups = resources["groups"]["schema"]
        fields = {field["name"]: field for field in groups["fields"]}
        self.assertEqual(groups["primaryKey"], ["id"])
        self.assertEqual(fields["kind"]["constraints"]["enum"], [str(k) for k in GroupKind])
        self.assertIn("EDTF", fields["formation_date"]["description"])
        self.assertEqual(fields["formation_earliest"]["type"], "date")
        ties = {field["name"]: field for field in resources["ties"]["schema"]["fields"]}
        self.assertEqual(ties["relation"]["constraints"]["enum"], [str(r) for r in Relation])
        self.assertIn(
            {"fields": "target_group_id", "reference": {"resource": "groups", "fields": "id"}},
            resources["ties"]["schema"]["foreignKeys"],
        )
        self.assertEqual(
            resources["group_countries"]["schema"]["primaryKey"], ["group_id", "country_code"]
        )

    def test_queries_do_not_grow_with_the_archive(self):
        for index in range(30):
            make_group(f"Extra {index}", countries=["PK"])
        # 1 the archive's last change, 2 the table's rows (read in chunks).
        for filename in ("groups.csv", "group_countries.csv", "events.csv"):
            with self.subTest(filename), self.assertNumQueries(2):
                body(self.download(filename))
        # The JSON: the last change, then one query per table.
        with self.assertNumQueries(1 + len(TABLES)):
            body(self.download("archive.json"))

    def test_unknown_files_are_not_found(self):
        for address in ("/data/nothing.csv", "/data/groups.txt", "/data/GROUPS.csv"):
            with self.subTest(address):
                # (a name that is no data file may first be redirected, as a version)
                self.assertEqual(self.client.get(address, follow=True).status_code, 404)
        # A version without its slash goes to the release's page (here: none).
        response = self.client.get("/data/1.0")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/data/1.0/")


class DataPagesTests(TestCase):
    def test_the_data_page_lists_the_files_and_the_codebook(self):
        with self.assertNumQueries(2):  # the archive's last change, the releases
            response = self.client.get("/data/")
        self.assertEqual(response.status_code, 200)
        for table in TABLES:
            self.assertContains(response, f'href="/data/{table.filename}"')
        self.assertContains(response, 'href="/data/archive.json"')
        self.assertContains(response, 'href="/data/datapackage.json"')
        self.assertContains(response, 'href="/data/codebook/"')
        self.assertContains(response, "No release has been cut yet")

    def test_every_page_links_to_the_data_and_about_explains_it(self):
        for address in ("/", "/about/"):
            self.assertContains(self.client.get(address), 'href="/data/"')
        self.assertContains(self.client.get("/about/"), 'href="/data/codebook/"')

    def test_the_codebook_shows_every_column_and_the_meaning_of_every_value(self):
        with self.assertNumQueries(1):
            response = self.client.get("/data/codebook/")
        content = response.content.decode()
        for table in TABLES:
            self.assertIn(f'id="table-{table.name}"', content)
            for column in table.columns:
                self.assertIn(f'id="{table.name}-{column.name}"', content)
        for kind, meaning in codebook.KIND_MEANINGS.items():
            self.assertIn(f"<code>{kind}</code>", content)
            self.assertIn(escape(meaning), content)
        self.assertIn("EDTF", content)
        self.assertIn(TABLES_BY_NAME["ties"].description, content)
