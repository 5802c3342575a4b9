"""The whole archive's summaries (profiles.summaries): the unfiltered list's facets are
computed once when a change commits, and a reader gets them in one query."""

from django.test import TestCase

from profiles import summaries
from profiles.models import ArchiveState, ArchiveSummary
from profiles.selectors import groups_for_list, list_facets
from profiles.selectors.lists import facets_from_data
from tests.factories import make_group


def counts(facets):
    return {name: [(f.label, f.count, f.params) for f in values] for name, values in facets.items()}


class StoredFacetsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Alpha Front", countries=["PK"])
        make_group("Beta Guard", countries=["PK", "IN"])

    def test_a_committed_change_stores_what_the_rows_give(self):
        with self.captureOnCommitCallbacks(execute=True):
            make_group("Gamma Army", countries=["IN"])
        stored = ArchiveSummary.objects.get(key=summaries.LIST_FACETS)
        self.assertEqual(stored.computed_for, ArchiveState.last_changed())
        live = list_facets(groups_for_list(), {})
        self.assertEqual(counts(facets_from_data(stored.data)), counts(live))
        self.assertIn(("India", 2, {"country": "IN"}), counts(live)["countries"])

    def test_one_computation_for_all_the_changes_of_a_transaction(self):
        with self.captureOnCommitCallbacks(execute=True) as callbacks:
            make_group("Gamma Army", countries=["IN"])
            make_group("Delta Militia", countries=["IN"])
        self.assertGreater(len(callbacks), 1)
        with self.assertNumQueries(0):
            summaries.refresh_if_stale()  # the first callback did the work

    def test_a_reader_gets_the_stored_facets_in_one_query(self):
        summaries.refresh()
        changed_at = ArchiveState.last_changed()
        with self.assertNumQueries(1):
            facets = summaries.whole_list_facets(changed_at)
        self.assertEqual(counts(facets), counts(list_facets(groups_for_list(), {})))

    def test_stale_facets_are_never_served(self):
        summaries.refresh()
        ArchiveState.touch()  # a change not yet committed: nothing stored for it
        make_group("Gamma Army", countries=["IN"])
        facets = summaries.whole_list_facets(ArchiveState.last_changed())
        self.assertIn(("India", 2, {"country": "IN"}), counts(facets)["countries"])
        self.assertEqual(sum(f.count for f in facets["kinds"]), 3)

    def test_the_list_page_shows_the_stored_facets(self):
        summaries.refresh()
        ArchiveSummary.objects.update(
            data={"countries": [["Atlantis", 7, {"country": "PK"}]], "decades": [], "kinds": []}
        )  # as stored for this change: the page reads them, not the rows
        response = self.client.get("/groups/")
        links = response.context["facets"]["countries"]
        self.assertEqual([(link.label, link.count) for link in links], [("Atlantis", 7)])
