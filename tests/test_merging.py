"""Merging two profiles of one group: nothing lost, the old address redirects."""

from django.contrib.admin import helpers
from django.test import TestCase

from profiles.merging import MergeError, merge_groups
from profiles.models import (
    Alias,
    Citation,
    Event,
    Group,
    GroupCountry,
    Reference,
    Relationship,
    SlugRedirect,
    SourceDocument,
)
from tests.factories import make_full_profile, make_group, make_relationship
from tests.test_admin import make_curator


class MergeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keep = make_full_profile("Kamajors", countries=["SL"], events=2, references=2)
        cls.dupe = make_full_profile("Kamajoi Militia", countries=["SL", "LR"], events=3)
        cls.dupe.narrative = "Hunters organised as a militia."
        cls.dupe.save()
        make_relationship(cls.keep, cls.dupe.name, "ally_of", target=cls.dupe)
        cls.rival = make_group("Rebel Front")
        make_relationship(cls.rival, cls.dupe.name, "rival_of", target=cls.dupe)

    def owned(self, group):
        return {
            "aliases": Alias.objects.filter(group=group).count(),
            "events": Event.objects.filter(group=group).count(),
            "references": Reference.objects.filter(group=group).count(),
            "citations": Citation.objects.filter(group=group).count(),
            "sources": SourceDocument.objects.filter(group=group).count(),
        }

    def test_everything_moves_to_the_survivor(self):
        before = {
            key: self.owned(self.keep)[key] + self.owned(self.dupe)[key]
            for key in self.owned(self.keep)
        }
        merge_groups(self.keep, self.dupe)
        after = self.owned(self.keep)
        # Everything the two had, plus the duplicate's name as an alias.
        self.assertEqual(after, {**before, "aliases": before["aliases"] + 1})
        self.assertFalse(Group.objects.filter(pk=self.dupe.pk).exists())
        self.assertEqual(
            sorted(GroupCountry.objects.filter(group=self.keep).values_list("code", flat=True)),
            ["LR", "SL"],
        )
        self.assertIn("Kamajoi Militia", self.keep.aliases.values_list("name", flat=True))
        self.assertEqual(
            Group.objects.get(pk=self.keep.pk).narrative, "Hunters organised as a militia."
        )

    def test_ties_follow_and_the_tie_between_the_two_goes(self):
        merge_groups(self.keep, self.dupe)
        self.assertFalse(Relationship.objects.filter(source=self.keep, target=self.keep).exists())
        rivalry = Relationship.objects.get(source=self.rival, relation="rival_of")
        self.assertEqual(rivalry.target_id, self.keep.pk)
        # The partner ties make_full_profile gave the duplicate now belong to the survivor.
        self.assertTrue(
            Relationship.objects.filter(
                source__name__startswith="Kamajoi Militia partner", target=self.keep
            ).exists()
        )

    def test_the_old_address_redirects_permanently(self):
        merge_groups(self.keep, self.dupe)
        response = self.client.get("/groups/kamajoi-militia/?format=json")
        self.assertEqual(response.status_code, 301)
        self.assertEqual(response["Location"], "/groups/kamajors/?format=json")
        self.assertEqual(self.client.get(response["Location"]).json()["name"], "Kamajors")

    def test_a_second_merge_keeps_the_first_redirect(self):
        merge_groups(self.keep, self.dupe)
        third = make_group("Donsos")
        merge_groups(third, self.keep)
        self.assertEqual(
            dict(SlugRedirect.objects.values_list("old_slug", "group__slug")),
            {"kamajoi-militia": "donsos", "kamajors": "donsos"},
        )

    def test_a_group_cannot_swallow_itself(self):
        with self.assertRaises(MergeError):
            merge_groups(self.keep, self.keep)


class MergeInTheAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.keep = make_group("Kamajors", countries=["SL"])
        cls.dupe = make_group("Kamajoi Militia", countries=["SL"])

    def setUp(self):
        self.client.force_login(self.curator)

    def post(self, **extra):
        data = {
            "action": "merge_selected",
            helpers.ACTION_CHECKBOX_NAME: [self.keep.pk, self.dupe.pk],
            **extra,
        }
        return self.client.post("/admin/profiles/group/", data)

    def test_preview_then_confirm(self):
        preview = self.post()
        self.assertEqual(preview.status_code, 200)
        self.assertContains(preview, "Merge two groups")
        self.assertContains(preview, 'name="survivor"', count=2)
        self.assertTrue(Group.objects.filter(pk=self.dupe.pk).exists())

        done = self.post(survivor=self.keep.pk)
        self.assertEqual(done.status_code, 302)
        self.assertFalse(Group.objects.filter(pk=self.dupe.pk).exists())
        self.assertEqual(SlugRedirect.objects.get().group, self.keep)

    def test_exactly_two(self):
        third = make_group("Donsos")
        response = self.client.post(
            "/admin/profiles/group/",
            {
                "action": "merge_selected",
                helpers.ACTION_CHECKBOX_NAME: [self.keep.pk, self.dupe.pk, third.pk],
            },
            follow=True,
        )
        self.assertContains(response, "Select exactly two groups")
        self.assertEqual(Group.objects.count(), 3)
