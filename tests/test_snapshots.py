"""Profile snapshots (profiles.snapshots) stay true to the archive: every kind of write
rebuilds the snapshots of the groups it changed and of the groups whose profiles show
them (a tie either way, a name their text links), and the page served from a snapshot is
the page rendered from the rows."""

from unittest import mock

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, TransactionTestCase, override_settings

from profiles.importing import import_paths
from profiles.merging import merge_groups
from profiles.models import Group, NameKey, ProfileSnapshot
from profiles.selectors import profile_queryset
from profiles.snapshots import build_snapshots, render_snapshot
from tests.factories import make_full_profile, make_group, make_relationship
from tests.test_admin import make_curator
from tests.test_history import form_data
from tests.test_importer import ENCYCLOPEDIA, GUIDEBOOK, ImportTestCase


def snapshot_body(group):
    return ProfileSnapshot.objects.get(group=group).body_html


class SnapshotAssertions:
    def assertFresh(self, *groups):
        """Each group's stored snapshot is what its rows render now."""
        for group in groups:
            stored = ProfileSnapshot.objects.get(group=group)
            fresh = render_snapshot(profile_queryset().get(pk=group.pk))
            for name in ("body_html", "description", "organization", "profile_json"):
                self.assertEqual(getattr(stored, name), getattr(fresh, name), (group, name))


class BuildingTests(TestCase):
    def test_the_first_request_builds_the_snapshot_and_the_next_read_it(self):
        group = make_full_profile("Alpha", events=4, references=2, related=2)
        self.assertFalse(ProfileSnapshot.objects.exists())

        first = self.client.get("/groups/alpha/")
        self.assertTrue(ProfileSnapshot.objects.filter(group=group).exists())
        second = self.client.get("/groups/alpha/")
        self.assertEqual(first.content, second.content)
        self.assertEqual(
            self.client.get("/groups/alpha/?format=json").content.decode(),
            ProfileSnapshot.objects.get(group=group).profile_json,
        )

    @override_settings(ALLOWED_HOSTS=["archive.example.org"])
    def test_the_citation_is_the_reader_s_host_and_today(self):
        make_group("Alpha")
        page = self.client.get("/groups/alpha/", headers={"host": "archive.example.org"})
        self.assertContains(page, "http://archive.example.org/groups/alpha/")
        self.assertContains(page, '"url": "http://archive.example.org/groups/alpha/"')
        self.assertNotIn(b'"url": ""', page.content)

    def test_the_command_builds_the_missing_ones(self):
        make_group("Alpha")
        make_group("Beta")

        call_command("build_profile_snapshots", verbosity=0)
        self.assertEqual(ProfileSnapshot.objects.count(), 2)


class ParallelBuildTests(SnapshotAssertions, TransactionTestCase):
    """Worker processes (each with its own connection, so the rows are committed) build
    the same snapshots as one process does."""

    def test_workers_build_every_missing_snapshot(self):
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            self.skipTest("forked workers write to their own copy of an in-memory database")
        groups = [make_group(f"Harbour Watch {number}", countries=["IN"]) for number in range(5)]
        ProfileSnapshot.objects.all().delete()
        call_command("build_profile_snapshots", "--workers", "2", verbosity=0)
        self.assertEqual(ProfileSnapshot.objects.count(), 5)
        self.assertFresh(*groups)


class AdminEditTests(SnapshotAssertions, TestCase):
    """A curator renames a group: its profile, the profile tied to it and the profile
    whose text names it are rebuilt once the edit commits."""

    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.beta = make_group("Beta Front", countries=["PK"])
        cls.gamma = make_group("Gamma Army")
        make_relationship(cls.gamma, "Beta Front", "ally_of", target=cls.beta)
        cls.delta = make_group("Delta Brigade", narrative="Delta fought the Beta Front in 1990.")
        NameKey.objects.create(group=cls.beta, key="beta front")

    def setUp(self):
        self.client.force_login(self.curator)

    def test_renaming_rebuilds_the_group_and_the_groups_showing_it(self):
        build_snapshots([self.beta.pk, self.gamma.pk, self.delta.pk])
        self.assertIn('title="Beta Front"', snapshot_body(self.delta))

        url = f"/admin/profiles/group/{self.beta.pk}/change/"
        data = form_data(self.client.get(url))
        data["name"] = "Beta Liberation Front"
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)

        # Rebuilt (not only deleted): the rows hold the new name.
        self.assertIn("<h1>Beta Liberation Front</h1>", snapshot_body(self.beta))
        self.assertIn(">Beta Liberation Front</a>", snapshot_body(self.gamma))
        # The name in Delta's text still reads "Beta Front", its link names the group now.
        self.assertIn('title="Beta Liberation Front"', snapshot_body(self.delta))
        self.assertFresh(self.beta, self.gamma, self.delta)

    def test_a_tie_added_by_hand_shows_on_both_profiles(self):
        build_snapshots([self.beta.pk, self.delta.pk])
        with self.captureOnCommitCallbacks(execute=True):
            make_relationship(self.delta, "Beta Front", "rival_of", target=self.beta)
        self.assertIn("Rivals", snapshot_body(self.delta))
        self.assertIn(">Delta Brigade</a>", snapshot_body(self.beta))
        self.assertFresh(self.beta, self.delta)

    def test_a_tie_moved_to_another_group_leaves_the_first(self):
        tie = self.gamma.relationships.get()
        build_snapshots([self.beta.pk, self.gamma.pk, self.delta.pk])
        self.assertIn(">Gamma Army</a>", snapshot_body(self.beta))
        with self.captureOnCommitCallbacks(execute=True):
            tie.target = self.delta
            tie.save()
        self.assertNotIn(">Gamma Army</a>", snapshot_body(self.beta))
        self.assertIn(">Gamma Army</a>", snapshot_body(self.delta))
        self.assertFresh(self.beta, self.gamma, self.delta)

    def test_deleting_a_group_rebuilds_the_profiles_tied_to_it(self):
        build_snapshots([self.beta.pk, self.gamma.pk])
        with self.captureOnCommitCallbacks(execute=True):
            Group.objects.get(pk=self.beta.pk).delete()
        self.assertIn("(no profile)", snapshot_body(self.gamma))
        self.assertFresh(self.gamma)


class RebuildBoundTests(SnapshotAssertions, TestCase):
    def test_past_the_bound_stale_snapshots_wait_for_their_first_reader(self):
        beta = make_group("Beta Front")
        gamma = make_group("Gamma Army")
        make_relationship(gamma, "Beta Front", "ally_of", target=beta)
        build_snapshots([beta.pk, gamma.pk])
        with mock.patch("profiles.snapshots.REBUILD_MAX", 1):
            with self.captureOnCommitCallbacks(execute=True):
                beta.name = "Beta Liberation Front"
                beta.save()
        # Deleted with the write, not rebuilt after it: nothing stale is left to serve.
        self.assertFalse(ProfileSnapshot.objects.filter(group__in=[beta, gamma]).exists())
        self.assertContains(self.client.get("/groups/gamma-army/"), ">Beta Liberation Front</a>")
        self.assertFresh(gamma)


class ReimportTests(SnapshotAssertions, ImportTestCase):
    def test_a_reimport_rebuilds_the_group_and_the_group_tied_to_it(self):
        lanterns_path = self.write("lanterns.txt", GUIDEBOOK)
        import_paths([lanterns_path, self.write("wardens.txt", ENCYCLOPEDIA)])
        lanterns = Group.objects.get(name="Lanterns of Varn")
        wardens = Group.objects.get(name="Night Wardens")
        # The import leaves every profile it wrote rendered.
        self.assertIn("To guard the river markets.", snapshot_body(lanterns))
        self.assertIn('href="/groups/lanterns-of-varn/"', snapshot_body(wardens))

        lanterns_path.write_text(
            GUIDEBOOK.replace("Lanterns of Varn (Ruritania)", "Lamps of Varn (Ruritania)").replace(
                "To guard the river markets.", "To guard the river and its markets."
            )
        )
        import_paths([lanterns_path])

        lanterns.refresh_from_db()
        self.assertEqual(lanterns.slug, "lamps-of-varn")
        self.assertIn("To guard the river and its markets.", snapshot_body(lanterns))
        # The Wardens' text names "Lanterns of Varn", which no group answers to now.
        self.assertNotIn("/groups/lanterns-of-varn/", snapshot_body(wardens))
        self.assertIn(
            'Lanterns of Varn <span class="note">(no profile)</span>', snapshot_body(wardens)
        )
        self.assertFresh(lanterns, wardens)


class MergeTests(SnapshotAssertions, TestCase):
    def test_a_merge_rebuilds_the_survivor_and_the_groups_tied_to_the_duplicate(self):
        keep = make_group("Kamajors", countries=["SL"])
        dupe = make_group("Kamajoi Militia", countries=["SL"])
        other = make_group("Donsos")
        make_relationship(other, "Kamajoi Militia", "ally_of", target=dupe)
        build_snapshots([keep.pk, dupe.pk, other.pk])
        self.assertIn('href="/groups/kamajoi-militia/"', snapshot_body(other))

        with self.captureOnCommitCallbacks(execute=True):
            merge_groups(keep, dupe)

        self.assertFalse(ProfileSnapshot.objects.filter(group_id=dupe.pk).exists())
        self.assertIn('href="/groups/kamajors/"', snapshot_body(other))
        self.assertNotIn("/groups/kamajoi-militia/", snapshot_body(other))
        self.assertIn(">Donsos</a>", snapshot_body(keep))
        self.assertIn("Kamajoi Militia", snapshot_body(keep))  # now its alias
        self.assertFresh(keep, other)
