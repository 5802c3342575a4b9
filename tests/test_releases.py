"""Releases: frozen files with their SHA-256, a changelog against the previous release,
citations, refusals; from the command line and from the admin."""

import hashlib
import io
import json
import shutil
import tempfile
from pathlib import Path

import frictionless
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from profiles.dataset.releases import ReleaseError, cut_release, validate_version
from profiles.models import Group, Release, ReleasedGroup
from tests.factories import make_group
from tests.test_data_downloads import FIXTURES, body, import_fixtures


class ReleaseTestCase(TestCase):
    """Each test writes its releases to a folder of its own."""

    def setUp(self):
        directory = tempfile.mkdtemp(prefix="releases-")
        self.addCleanup(shutil.rmtree, directory, ignore_errors=True)
        self.releases_dir = Path(directory)
        settings = override_settings(RELEASES_DIR=self.releases_dir)
        settings.enable()
        self.addCleanup(settings.disable)

    def release(self, version, notes=""):
        out = io.StringIO()
        call_command("release", version, notes=notes, stdout=out)
        return Release.objects.get(version=version), out.getvalue()

    def files_of(self, version):
        folder = self.releases_dir / version
        return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


class CuttingTests(ReleaseTestCase):
    @classmethod
    def setUpTestData(cls):
        import_fixtures()

    def test_a_release_writes_every_file_with_its_checksum(self):
        release, output = self.release("1.0.0", notes="The first release.")
        files = self.files_of("1.0.0")
        expected = {
            "groups.csv", "aliases.csv", "countries.csv", "group_countries.csv",
            "source_files.csv", "events.csv", "ties.csv", "mentions.csv", "references.csv",
            "citations.csv", "evidence.csv", "archive.json", "datapackage.json",
            "changelog.json", "SHA256SUMS",
        }  # fmt: skip
        self.assertEqual(set(files), expected)
        self.assertEqual({file["name"] for file in release.files}, expected)
        for file in release.files:
            data = files[file["name"]]
            self.assertEqual(file["sha256"], hashlib.sha256(data).hexdigest(), file["name"])
            self.assertEqual(file["bytes"], len(data))
            self.assertIn(f"{file['sha256']}  {file['name']}", output)
        sums = files["SHA256SUMS"].decode().splitlines()
        self.assertIn(f"{hashlib.sha256(files['groups.csv']).hexdigest()}  groups.csv", sums)
        self.assertEqual(release.notes, "The first release.")
        self.assertEqual(release.group_count, Group.objects.count())
        self.assertEqual(
            set(ReleasedGroup.objects.values_list("group_id", flat=True)),
            set(Group.objects.values_list("pk", flat=True)),
        )

    def test_the_release_package_validates_with_its_hashes(self):
        self.release("1.0.0")
        package_path = self.releases_dir / "1.0.0" / "datapackage.json"
        package = json.loads(package_path.read_text())
        self.assertEqual(package["version"], "1.0.0")
        groups = package["resources"][0]
        groups_bytes = (self.releases_dir / "1.0.0" / "groups.csv").read_bytes()
        self.assertEqual(groups["hash"], f"sha256:{hashlib.sha256(groups_bytes).hexdigest()}")
        report = frictionless.validate(str(package_path))
        self.assertTrue(report.valid, report.flatten(["resourceName", "type", "note"]))

    def test_edits_and_reimports_never_change_a_release(self):
        self.release("1.0.0")
        frozen = self.files_of("1.0.0")
        served = body(self.client.get("/data/1.0.0/groups.csv"))
        self.assertEqual(served, frozen["groups.csv"])

        group = Group.objects.get(slug="mqm-haqiqi")
        group.name = "MQM Haqiqi (renamed by a curator)"
        group.save()
        with tempfile.TemporaryDirectory() as folder:
            text = (FIXTURES / "004_6d5b354a8c919a76.txt").read_text()
            changed = text.replace("size of 500 members", "size of 800 members")
            (Path(folder) / "004_6d5b354a8c919a76.txt").write_text(changed)
            call_command("import_profiles", folder, stdout=io.StringIO(), stderr=io.StringIO())

        # The current data did change, so the comparison below can fail.
        self.assertNotEqual(body(self.client.get("/data/groups.csv")), frozen["groups.csv"])
        self.assertEqual(self.files_of("1.0.0"), frozen)
        for name, data in frozen.items():
            with self.subTest(name):
                self.assertEqual(body(self.client.get(f"/data/1.0.0/{name}")), data)

    def test_an_existing_version_is_refused(self):
        self.release("1.0.0")
        frozen = self.files_of("1.0.0")
        with self.assertRaisesMessage(CommandError, "Release 1.0.0 already exists"):
            self.release("1.0.0")
        self.assertEqual(self.files_of("1.0.0"), frozen)
        self.assertEqual(Release.objects.count(), 1)

    def test_a_folder_left_on_disk_is_refused_too(self):
        (self.releases_dir / "2.0").mkdir()
        with self.assertRaisesMessage(CommandError, "already exists"):
            self.release("2.0")
        self.assertFalse(Release.objects.exists())

    def test_badly_formed_versions_are_refused(self):
        for version in ("1", "v1.0", "1.0/x", "../1.0", "1.0.0.0", "", "1.0-", "latest"):
            with self.subTest(version), self.assertRaisesMessage(ReleaseError, "not valid"):
                validate_version(version)
        for version in ("1.0", "1.2.3", "2.0.0-rc.1", "2026.12"):
            validate_version(version)
        with self.assertRaisesMessage(CommandError, "is not valid"):
            self.release("v1")
        self.assertEqual(list(self.releases_dir.iterdir()), [])


class ChangelogTests(ReleaseTestCase):
    def test_the_first_release_adds_every_group(self):
        alpha = make_group("Alpha")
        release = cut_release("1.0")
        changes = json.loads((self.releases_dir / "1.0" / "changelog.json").read_text())
        self.assertIsNone(changes["previous"])
        self.assertEqual(changes["added"], [{"id": alpha.pk, "slug": "alpha", "name": "Alpha"}])
        self.assertEqual((release.groups_added, release.groups_changed), (1, 0))

    def test_added_removed_and_changed_field_by_field(self):
        kept = make_group("Kept", countries=["PK"], status="active")
        same = make_group("Same")
        gone = make_group("Gone")
        cut_release("1.0")
        kept.status = "inactive"
        kept.purpose = "A new purpose."
        kept.save()
        kept.countries.create(code="IN")
        same.save()  # saved, so its updated_at moves, but nothing else changed
        gone_id = gone.pk
        gone.delete()
        new = make_group("New")

        release = cut_release("1.1", notes="Corrections")
        self.assertEqual(release.previous.version, "1.0")
        changes = json.loads((self.releases_dir / "1.1" / "changelog.json").read_text())
        self.assertEqual(changes["previous"], "1.0")
        self.assertEqual(changes["added"], [{"id": new.pk, "slug": "new", "name": "New"}])
        self.assertEqual(changes["removed"], [{"id": gone_id, "slug": "gone", "name": "Gone"}])
        self.assertEqual(len(changes["changed"]), 1)  # not "Same"
        change = changes["changed"][0]
        self.assertEqual(change["slug"], "kept")
        self.assertEqual(
            change["fields"],
            [
                {"field": "status", "old": "active", "new": "inactive"},
                {"field": "purpose"},  # a long text: named, not quoted
                {"field": "countries", "old": "PK", "new": "IN; PK"},
            ],
        )
        self.assertEqual(
            (release.groups_added, release.groups_removed, release.groups_changed), (1, 1, 1)
        )

        response = self.client.get("/data/1.1/")
        self.assertContains(response, "1 group added")
        self.assertContains(response, "<del>active</del> → <ins>inactive</ins>", html=False)
        self.assertContains(response, "<code>purpose</code>: text changed")

    def test_missing_files_of_the_previous_release_are_a_clear_error(self):
        make_group("Alpha")
        cut_release("1.0")
        shutil.rmtree(self.releases_dir / "1.0")
        with self.assertRaisesMessage(ReleaseError, "previous release 1.0 are missing"):
            cut_release("1.1")


class ReleasePagesTests(ReleaseTestCase):
    def test_data_lists_every_release_with_date_notes_checksums_and_citation(self):
        make_group("Alpha")
        first = cut_release("1.0", notes="First.")
        second = cut_release("1.1", notes="Second.")
        with self.assertNumQueries(2):  # the archive's last change, the releases
            response = self.client.get("/data/")
        content = response.content.decode()
        self.assertLess(content.index("Release 1.1"), content.index("Release 1.0"))
        for release in (first, second):
            self.assertIn(f'href="/data/{release.version}/"', content)
            self.assertIn(release.files[0]["sha256"], content)
            self.assertIn(
                f"Armed Group Profiles ({release.created_at.year}). Armed Group Profiles: "
                f"dataset of armed-group profiles (Version {release.version}) [Data set].",
                content,
            )
            self.assertIn(f"http://testserver/data/{release.version}/", content)
        self.assertIn("First.", content)
        self.assertIn("since 1.0", content)

    def test_release_files_are_served_immutable_and_unknown_ones_are_not(self):
        make_group("Alpha")
        release = cut_release("1.0")
        response = self.client.get("/data/1.0/datapackage.json")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json; charset=utf-8")
        sha = next(f["sha256"] for f in release.files if f["name"] == "datapackage.json")
        self.assertEqual(response["ETag"], f'"{sha}"')
        self.assertIn("immutable", response["Cache-Control"])
        for address in ("/data/1.0/other.csv", "/data/1.0/..%2Fx", "/data/9.9/groups.csv"):
            with self.subTest(address):
                self.assertEqual(self.client.get(address).status_code, 404)
        self.assertEqual(self.client.get("/data/9.9/").status_code, 404)

    def test_a_profile_cites_the_latest_release_holding_it(self):
        alpha = make_group("Alpha")
        cut_release("1.0")
        cut_release("1.1")
        make_group("Beta")  # after both releases

        response = self.client.get(alpha.get_absolute_url())
        self.assertContains(response, 'href="http://testserver/data/1.1/">release 1.1</a>')
        self.assertContains(response, "In dataset release 1.1, http://testserver/data/1.1/.")
        self.assertContains(response, "in dataset release 1.1}")  # the BibTeX note
        response = self.client.get("/groups/beta/")
        self.assertNotContains(response, "dataset release")


@override_settings(AXES_ENABLED=False)
class ReleaseAdminTests(ReleaseTestCase):
    def setUp(self):
        super().setUp()
        self.curator = get_user_model().objects.create_superuser("root", "", "a long password")
        self.client.force_login(self.curator)

    def test_a_curator_cuts_a_release_from_the_admin(self):
        make_group("Alpha")
        response = self.client.post(
            "/admin/profiles/release/add/", {"version": "1.0", "notes": "From the admin."}
        )
        self.assertEqual(response.status_code, 302)
        release = Release.objects.get()
        self.assertEqual((release.version, release.notes), ("1.0", "From the admin."))
        self.assertEqual(release.created_by, self.curator)
        self.assertTrue((self.releases_dir / "1.0" / "groups.csv").exists())
        page = self.client.get(f"/admin/profiles/release/{release.pk}/change/")
        self.assertContains(page, release.files[0]["sha256"])
        self.assertNotContains(page, 'name="version"')  # read-only: nothing to save

    def test_the_admin_refuses_an_existing_or_malformed_version(self):
        make_group("Alpha")
        cut_release("1.0")
        for version, message in (("1.0", "already exists"), ("one", "is not valid")):
            with self.subTest(version):
                response = self.client.post(
                    "/admin/profiles/release/add/", {"version": version, "notes": ""}
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, message)
        self.assertEqual(Release.objects.count(), 1)

    def test_curators_may_cut_and_read_releases_but_not_change_them(self):
        from django.contrib.auth.models import Group as AuthGroup

        codenames = set(
            AuthGroup.objects.get(name="Curators").permissions.values_list("codename", flat=True)
        )
        self.assertTrue({"add_release", "view_release"} <= codenames)
        self.assertNotIn("change_release", codenames)
        self.assertNotIn("delete_release", codenames)
