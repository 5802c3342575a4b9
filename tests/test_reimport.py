"""Re-importing a file never loses a curator's edit: values and rows a curator changed
stay, and what the file changed in them waits as a held change to accept or reject."""

from django.contrib.auth import get_user_model
from django.test import TestCase

from profiles import reimport
from profiles.importing import import_paths
from profiles.merging import merge_groups
from profiles.models import (
    Alias,
    Citation,
    Event,
    Group,
    HeldChange,
    Reference,
    SlugRedirect,
    SourceDocument,
)
from tests.test_importer import ENCYCLOPEDIA, GUIDEBOOK, ImportTestCase

NEW_PURPOSE = "To guard the river markets and the salt road."


def curator(name="carla"):
    return get_user_model().objects.create_user(name, password="a long passphrase")


def edit(row, user, **values):
    """Change a row as a curator does in the admin (the history names the curator)."""
    for name, value in values.items():
        setattr(row, name, value)
    row._history_user = user
    row.save()
    return row


class LanternsTestCase(ImportTestCase):
    """The guidebook sample imported once; `reimport(text)` imports its next version."""

    def setUp(self):
        super().setUp()
        self.path = self.write("lanterns.txt", GUIDEBOOK)
        import_paths([self.path])
        self.group = Group.objects.get()
        self.carla = curator()

    def reimport(self, text):
        self.path.write_text(text)
        return import_paths([self.path])


class GroupValueTests(LanternsTestCase):
    def test_a_value_no_curator_touched_takes_the_file_s_new_value(self):
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.assertEqual(Group.objects.get().purpose, NEW_PURPOSE)
        self.assertFalse(HeldChange.objects.exists())

    def test_a_curator_s_value_stays_when_the_file_did_not_change_it(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        self.reimport(GUIDEBOOK.replace("About 800 members", "About 1,200 members"))
        group = Group.objects.get()
        self.assertEqual(group.purpose, "To guard the markets of Zenda.")
        self.assertEqual(group.size, 1200)  # what the curator left alone follows the file
        self.assertFalse(HeldChange.objects.exists())

    def test_a_value_both_changed_keeps_the_curator_s_and_holds_the_file_s(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        report = self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))

        group = Group.objects.get()
        self.assertEqual(group.purpose, "To guard the markets of Zenda.")
        self.assertIn("Zenda.</p>", group.sections_html["purpose"])
        held = HeldChange.objects.get()
        self.assertEqual(
            (held.target, held.key, held.status), ("field", "purpose", HeldChange.Status.PENDING)
        )
        self.assertEqual(held.was_imported, "To guard the river markets.")
        self.assertEqual(held.curator_value, "To guard the markets of Zenda.")
        self.assertEqual(held.file_value, NEW_PURPOSE)
        self.assertEqual(held.document.filename, "lanterns.txt")
        # The import says so, and the group is marked for a curator to look at.
        self.assertEqual(report.outcomes[0].counts["held"], 1)
        self.assertIn("Section: Purpose", report.outcomes[0].held[0])
        self.assertTrue(group.needs_review)
        self.assertIn("wait for a decision", group.import_warnings)

    def test_accepting_writes_the_file_s_value_in_the_curator_s_name(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        reviewer = curator("rosa")

        reimport.accept(HeldChange.objects.get(), reviewer)

        group = Group.objects.get()
        self.assertEqual(group.purpose, NEW_PURPOSE)
        self.assertIn("salt road", group.sections_html["purpose"])
        held = HeldChange.objects.get()
        self.assertEqual((held.status, held.decided_by), (HeldChange.Status.ACCEPTED, reviewer))
        self.assertNotIn("wait for a decision", group.import_warnings)
        latest = group.history.latest("history_date")
        self.assertEqual(latest.history_user, reviewer)
        # Accepted, the value counts as imported: the next version of the file updates it.
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", "To guard the ferries."))
        self.assertEqual(Group.objects.get().purpose, "To guard the ferries.")

    def test_a_rejected_change_is_not_proposed_again_by_the_same_file(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        changed = GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE)
        self.reimport(changed)
        reimport.reject(HeldChange.objects.get(), self.carla)

        self.reimport(changed.replace("About 800 members", "About 900 members"))
        group = Group.objects.get()
        self.assertEqual(group.purpose, "To guard the markets of Zenda.")
        self.assertEqual(group.size, 900)
        self.assertEqual(
            list(HeldChange.objects.values_list("status", flat=True)),
            [HeldChange.Status.REJECTED],
        )
        # A later, different value of the file is proposed again.
        self.reimport(changed.replace(NEW_PURPOSE, "To guard the ferries."))
        self.assertEqual(
            HeldChange.objects.get(status=HeldChange.Status.PENDING).file_value,
            "To guard the ferries.",
        )

    def test_a_newer_file_version_supersedes_a_waiting_change(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", "To guard the ferries."))
        statuses = dict(HeldChange.objects.values_list("file_value", "status"))
        self.assertEqual(
            statuses,
            {
                NEW_PURPOSE: HeldChange.Status.SUPERSEDED,
                "To guard the ferries.": HeldChange.Status.PENDING,
            },
        )

    def test_dates_are_one_value_with_their_bounds(self):
        edit(self.group, self.carla, formation_date="1970", formation_precision="year")
        self.reimport(GUIDEBOOK.replace("in March 1971", "in April 1971"))
        group = Group.objects.get()
        self.assertEqual(group.formation_date, "1970")
        held = HeldChange.objects.get()
        self.assertEqual(
            (held.key, held.curator_value, held.file_value), ("formation_date", "1970", "1971-04")
        )
        reimport.accept(held, self.carla)
        group = Group.objects.get()
        self.assertEqual(
            (group.formation_date, str(group.formation_earliest), str(group.formation_latest)),
            ("1971-04", "1971-04-01", "1971-04-30"),
        )

    def test_a_curator_s_name_stays_and_the_file_still_finds_its_group(self):
        edit(self.group, self.carla, name="Varn Lantern Guard")
        self.reimport(GUIDEBOOK.replace("About 800 members", "About 900 members"))
        group = Group.objects.get()
        self.assertEqual((group.name, group.size), ("Varn Lantern Guard", 900))
        # Another file naming the group as the first file did still links to it.
        self.write("wardens.txt", ENCYCLOPEDIA)
        import_paths([self.folder / "wardens.txt"])
        wardens = Group.objects.get(name="Night Wardens")
        self.assertEqual(wardens.relationships.get().target, group)

    def test_a_new_version_renaming_the_group_moves_its_address(self):
        self.reimport(
            GUIDEBOOK.replace("Lanterns of Varn (Ruritania)", "Varn Lanterns (Ruritania)")
        )
        group = Group.objects.get()
        self.assertEqual((group.pk, group.slug), (self.group.pk, "varn-lanterns"))
        self.assertEqual(SlugRedirect.objects.get().old_slug, "lanterns-of-varn")
        response = self.client.get("/groups/lanterns-of-varn/")
        self.assertRedirects(response, "/groups/varn-lanterns/", status_code=301)

    def test_a_new_file_about_a_curated_group_holds_its_differing_values(self):
        edit(self.group, self.carla, purpose="To guard the markets of Zenda.")
        other = self.write(
            "lanterns_second.txt",
            GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE),
        )
        import_paths([other])
        group = Group.objects.get()
        self.assertEqual(group.sources.count(), 2)
        self.assertEqual(group.purpose, "To guard the markets of Zenda.")
        self.assertEqual(HeldChange.objects.get().document.filename, "lanterns_second.txt")


class RowTests(LanternsTestCase):
    def event(self, kind):
        return Event.objects.get(group=self.group, kind=kind)

    def test_unchanged_rows_keep_their_ids_and_write_no_history(self):
        ids = set(Event.objects.values_list("id", flat=True))
        records = Event.history.count()
        # A change after the events (a change before them moves their offsets in the text).
        self.reimport(GUIDEBOOK.replace("listed in the PGMD", "listed in the PGMD and the press"))
        self.assertEqual(set(Event.objects.values_list("id", flat=True)), ids)
        self.assertEqual(Event.history.count(), records)

    def test_a_changed_row_the_curator_left_alone_follows_the_file(self):
        size = self.event("size_report")
        self.reimport(GUIDEBOOK.replace("About 800 members in 1975", "About 900 members in 1976"))
        self.assertFalse(Event.objects.filter(pk=size.pk).exists())
        self.assertEqual(self.event("size_report").date, "1976")
        self.assertEqual(Event.objects.count(), 3)
        # The deletion and the new row are in the history, with the file as the reason.
        self.assertEqual(
            Event.history.filter(id=size.pk, history_type="-").get().history_change_reason,
            "import of lanterns.txt",
        )

    def test_an_edited_row_stays_and_the_file_s_unchanged_row_does_not_come_back(self):
        termination = edit(self.event("termination"), self.carla, text="Disbanded by decree.")
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.assertEqual(self.event("termination"), termination)
        self.assertEqual(self.event("termination").text, "Disbanded by decree.")
        self.assertEqual(Event.objects.count(), 3)

    def test_a_deleted_row_stays_deleted(self):
        termination = self.event("termination")
        termination._history_user = self.carla
        termination.delete()
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.assertFalse(Event.objects.filter(kind="termination").exists())
        self.assertEqual(Event.objects.count(), 2)

    def test_a_curator_s_own_row_is_never_touched(self):
        added = Event.objects.create(
            group=self.group,
            date="1977",
            earliest="1977-01-01",
            latest="1977-12-31",
            precision="year",
            text="The militia guarded the 1977 elections.",
        )
        self.reimport(GUIDEBOOK.replace("disbanded in 1979", "disbanded in 1980"))
        self.assertTrue(Event.objects.filter(pk=added.pk).exists())
        self.assertEqual(self.event("termination").date, "1980")

    def test_a_row_both_changed_is_held_and_accepting_replaces_the_curator_s(self):
        termination = edit(self.event("termination"), self.carla, text="Disbanded by decree.")
        self.reimport(GUIDEBOOK.replace("disbanded in 1979", "disbanded in 1980"))

        self.assertEqual(list(Event.objects.filter(kind="termination")), [termination])
        held = HeldChange.objects.get()
        self.assertEqual(held.target, "event")
        self.assertEqual(held.curator_value, "1979: Disbanded by decree.")
        self.assertIn("1980", held.file_value)
        self.assertEqual(held.row_id, termination.pk)

        reimport.accept(held, self.carla)
        # The file's version takes the curator's row's place: same row, a new version.
        event = self.event("termination")
        self.assertEqual(
            (event.pk, event.date, event.text, event.document.filename),
            (termination.pk, "1980", "The militia was disbanded in 1980.", "lanterns.txt"),
        )
        self.assertEqual(event.history.latest("history_date").history_user, self.carla)
        # Accepted, the row is the file's again: the next version updates it.
        self.reimport(GUIDEBOOK.replace("disbanded in 1979", "disbanded in 1981"))
        self.assertEqual(self.event("termination").date, "1981")
        self.assertEqual(HeldChange.objects.filter(status="pending").count(), 0)

    def test_a_row_the_curator_deleted_and_the_file_changed_is_held(self):
        termination = self.event("termination")
        termination._history_user = self.carla
        termination.delete()
        self.reimport(GUIDEBOOK.replace("disbanded in 1979", "disbanded in 1980"))
        held = HeldChange.objects.get()
        self.assertEqual(held.curator_value, "(deleted by a curator)")
        self.assertFalse(Event.objects.filter(kind="termination").exists())
        reimport.reject(held, self.carla)
        self.assertFalse(Event.objects.filter(kind="termination").exists())

    def test_an_alias_the_curator_deleted_stays_deleted(self):
        Alias.objects.create(group=self.group, name="Varn Watch", kind=Alias.Kind.STATED)
        imported = Alias.objects.filter(document__isnull=False)
        for alias in imported:
            alias.delete()
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.assertEqual(list(Alias.objects.values_list("name", flat=True)), ["Varn Watch"])


class CitationTests(ImportTestCase):
    def test_citations_follow_their_events_and_a_curator_s_citation_stays(self):
        path = self.write("wardens.txt", ENCYCLOPEDIA)
        import_paths([path])
        founded = Event.objects.get(kind="formation")
        cited = Citation.objects.filter(event=founded)
        self.assertEqual(cited.count(), 2)
        mine = edit(Citation.objects.get(reference__marker=1), curator(), statement="Checked.")

        path.write_text(ENCYCLOPEDIA.replace("founded in 1988", "founded in 1989"))
        import_paths([path])

        event = Event.objects.get(kind="formation")
        self.assertEqual(event.date, "1989")
        self.assertEqual(
            sorted(
                Citation.objects.filter(event=event).values_list("reference__marker", flat=True)
            ),
            [3, 4],
        )
        self.assertEqual(Citation.objects.get(pk=mine.pk).statement, "Checked.")
        self.assertEqual(Reference.objects.count(), 4)
        self.assertFalse(HeldChange.objects.exists())


class MergedGroupTests(ImportTestCase):
    def test_a_merged_away_file_updates_the_survivor_and_recreates_nothing(self):
        lanterns = self.write("lanterns.txt", GUIDEBOOK)
        wardens = self.write("wardens.txt", ENCYCLOPEDIA)
        import_paths([lanterns, wardens])
        survivor = Group.objects.get(name="Lanterns of Varn")
        merge_groups(survivor, Group.objects.get(name="Night Wardens"))

        wardens.write_text(ENCYCLOPEDIA.replace("founded in 1988", "founded in 1989"))
        report = import_paths([wardens])

        self.assertEqual(report.totals["updated"], 1)
        self.assertEqual(list(Group.objects.values_list("name", flat=True)), ["Lanterns of Varn"])
        survivor.refresh_from_db()
        # The merge chose the survivor's values: the file does not rename or re-date it.
        self.assertEqual((survivor.name, survivor.formation_date), ("Lanterns of Varn", "1971-03"))
        self.assertEqual(
            Event.objects.get(document__filename="wardens.txt", kind="formation").group, survivor
        )
        self.assertEqual(SourceDocument.objects.get(filename="wardens.txt").group, survivor)
        held = dict(HeldChange.objects.values_list("key", "file_value"))
        self.assertEqual(held["formation_date"], "1989")

    def test_a_merged_away_file_imported_afresh_goes_to_the_survivor(self):
        lanterns = self.write("lanterns.txt", GUIDEBOOK)
        wardens = self.write("wardens.txt", ENCYCLOPEDIA)
        import_paths([lanterns, wardens])
        survivor = Group.objects.get(name="Lanterns of Varn")
        merge_groups(survivor, Group.objects.get(name="Night Wardens"))
        # The file arrives again under another name, as if never seen.
        SourceDocument.objects.filter(filename="wardens.txt").delete()
        again = self.write("wardens_2.txt", ENCYCLOPEDIA)
        import_paths([again])
        self.assertEqual(list(Group.objects.values_list("name", flat=True)), ["Lanterns of Varn"])
        self.assertEqual(SourceDocument.objects.get(filename="wardens_2.txt").group, survivor)


class HistoryOfImportsTests(ImportTestCase):
    def test_the_history_names_a_file_with_the_longest_name(self):
        name = "lanterns-" + "x" * 231 + ".txt"
        report = import_paths([self.write(name, GUIDEBOOK)], user=curator())
        self.assertEqual(report.totals["created"], 1)
        record = Event.history.first()
        self.assertEqual(record.history_change_reason, f"import of {name}")
        self.assertEqual(record.history_user.username, "carla")


class DryRunTests(ImportTestCase):
    def test_a_dry_run_reports_held_changes_and_writes_none(self):
        path = self.write("lanterns.txt", GUIDEBOOK)
        import_paths([path])
        edit(Group.objects.get(), curator(), purpose="To guard the markets of Zenda.")
        path.write_text(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        report = import_paths([path], dry_run=True)
        self.assertEqual(report.outcomes[0].counts["held"], 1)
        self.assertFalse(HeldChange.objects.exists())


class HeldChangeAdminTests(LanternsTestCase):
    """A purpose a curator changed, held against the file's next version, decided in
    the admin by another curator."""

    def setUp(self):
        from tests.test_admin import make_curator

        super().setUp()
        edit(self.group, curator("someone"), purpose="To guard the markets of Zenda.")
        self.reimport(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        self.held = HeldChange.objects.get()
        self.user = make_curator("rosa")
        self.client.force_login(self.user)
        self.url = f"/admin/profiles/heldchange/{self.held.pk}/change/"

    def test_a_curator_accepts_a_held_change_from_the_list(self):
        page = self.client.get(f"/admin/profiles/group/{self.group.pk}/change/")
        self.assertContains(page, "1 change(s) from a re-imported file")
        listing = self.client.get("/admin/profiles/heldchange/?status__exact=pending")
        self.assertContains(listing, NEW_PURPOSE)
        response = self.client.post(
            "/admin/profiles/heldchange/",
            {"action": "accept_selected", "_selected_action": [self.held.pk]},
            follow=True,
        )
        self.assertContains(response, "1 change(s) accepted.")
        self.assertEqual(Group.objects.get().purpose, NEW_PURPOSE)
        self.assertEqual(HeldChange.objects.get().decided_by, self.user)
        # Curators decide held changes; they cannot make them up.
        self.assertEqual(self.client.get("/admin/profiles/heldchange/add/").status_code, 403)

    def test_the_page_shows_the_difference_and_rejecting_keeps_the_curator_s_value(self):
        page = self.client.get(self.url)
        self.assertContains(page, "<del>Zenda.</del><ins>the salt road.</ins>")
        self.assertContains(page, 'name="_reject"')
        response = self.client.post(self.url, {"_reject": "1"}, follow=True)
        self.assertContains(response, "1 change(s) rejected.")
        self.held.refresh_from_db()
        self.assertEqual((self.held.status, self.held.decided_by), ("rejected", self.user))
        self.assertEqual(Group.objects.get().purpose, "To guard the markets of Zenda.")
        # Decided, the page offers no decision, and a forged one changes nothing.
        self.assertNotContains(self.client.get(self.url), 'name="_accept"')
        self.client.post(self.url, {"_accept": "1"})
        self.assertEqual(Group.objects.get().purpose, "To guard the markets of Zenda.")

    def test_accepting_from_the_page(self):
        self.client.post(self.url, {"_accept": "1"})
        self.assertEqual(Group.objects.get().purpose, NEW_PURPOSE)

    def test_a_change_decided_meanwhile_is_not_decided_again(self):
        self.assertTrue(reimport.accept(self.held, self.user))
        # Another curator's page still showed it waiting: their rejection changes nothing.
        self.assertFalse(reimport.reject(self.held, curator("ines")))
        self.held.refresh_from_db()
        self.assertEqual((self.held.status, self.held.decided_by), ("accepted", self.user))
        self.assertEqual(Group.objects.get().purpose, NEW_PURPOSE)

    def test_a_reader_without_the_permission_cannot_decide(self):
        from django.contrib.auth.models import Permission

        self.user.groups.clear()
        self.user.user_permissions.add(Permission.objects.get(codename="view_heldchange"))
        self.client.force_login(self.user)
        self.client.post(self.url, {"_accept": "1"})
        self.assertEqual(HeldChange.objects.get().status, "pending")


class HeldChangeListTests(TestCase):
    def test_the_list_costs_the_same_for_one_or_forty_held_changes(self):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from tests.factories import make_group
        from tests.test_admin import make_curator

        def hold(count):
            for number in range(count):
                group = make_group(f"Group {HeldChange.objects.count()} {number}")
                HeldChange.objects.create(
                    group=group,
                    target=HeldChange.Target.FIELD,
                    key="purpose",
                    label="Section: Purpose",
                    curator_value="kept",
                    file_value="proposed",
                    proposed=["proposed"],
                )

        def queries():
            with CaptureQueriesContext(connection) as captured:
                response = self.client.get("/admin/profiles/heldchange/?status__exact=pending")
                self.assertEqual(response.status_code, 200)
            return len(captured)

        self.client.force_login(make_curator("carla"))
        hold(1)
        one = queries()
        hold(39)
        self.assertEqual(queries(), one)


class LastChangedTests(TestCase):
    def test_editing_a_profile_s_row_moves_its_last_changed_date(self):
        from tests.factories import make_full_profile

        group = make_full_profile("Kamajors", countries=["SL"], events=1)
        Group.objects.filter(pk=group.pk).update(updated_at="2020-01-01T00:00:00Z")
        event = group.events.get()
        edit(event, curator(), text="Corrected by a curator.")
        group.refresh_from_db()
        self.assertGreater(group.updated_at.year, 2020)
        page = self.client.get(group.get_absolute_url())
        self.assertContains(page, f"{group.updated_at:%Y}")


class OneBatchTests(LanternsTestCase):
    def test_a_re_imported_file_and_a_new_file_about_its_group_in_one_batch(self):
        """Both files reach the same group row, and each one's values are written."""
        self.path.write_text(GUIDEBOOK.replace("To guard the river markets.", NEW_PURPOSE))
        extract = self.write(
            "lanterns_extract.txt", "Lanterns of Varn\n\nThe Lanterns were river guards.[1]\n"
        )
        report = import_paths([extract, self.path])  # the new file first
        self.assertEqual(report.totals, {"created": 1, "updated": 1, "unchanged": 0, "error": 0})
        group = Group.objects.get()
        self.assertEqual(group.purpose, NEW_PURPOSE)
        self.assertIn("river guards", group.narrative)
        self.assertEqual(group.sources.count(), 2)
