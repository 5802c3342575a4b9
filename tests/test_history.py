"""The history of the archive for curators: who changed what and when (admin edits and
imports), a profile's History page, comparing two versions, reverting, and restoring a
deleted row."""

import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase

from profiles.history import field_changes, text_diff
from profiles.importing import import_paths
from profiles.models import Citation, Event, Group, GroupStatus
from tests.factories import make_alias, make_event, make_full_profile, make_group
from tests.test_admin import make_curator

LAKE_RANGERS = """Lake Rangers (Ghana)

Country: Ghana
Details of Formation: Formed in May 1990 by the district council.
Details of Termination: --
Purpose: To guard the fishing villages.
Organisation: --
Weapons and Training: --
Size: About 300 men in 1995.
Reason for Membership: --
Treatment of Civilians: --
Other Information: --
References: --
"""


def history_url(group):
    return f"/admin/profiles/group/{group.pk}/history/"


def compare_url(group, old, new):
    return f"/admin/profiles/group/{group.pk}/history/compare/?old={old}&new={new}"


def revert_url(group, version):
    return f"/admin/profiles/group/{group.pk}/history/{version.history_id}/"


def restore_url(group):
    return f"/admin/profiles/group/{group.pk}/history/restore/"


def edit(group, user=None, **changes):
    """A save outside the admin (a script, or the importer), by `user` if given."""
    for field, value in changes.items():
        setattr(group, field, value)
    group._history_user = user
    group.save()
    return group.history.first()


def form_data(response):
    """What a browser would post back from an admin change (or revert) form unchanged: the
    form's initial values, and inline formsets that add and change nothing."""
    form = response.context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, (list, dict))
    }
    for inline in response.context.get("inline_admin_formsets", []):
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return data


class RecordingTests(TestCase):
    """Every change is recorded with who, when and what."""

    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()

    def setUp(self):
        self.client.force_login(self.curator)

    def test_an_admin_edit_records_the_curator_and_the_changed_field(self):
        group = make_group("Beta Front", purpose="To guard the river.")
        url = f"/admin/profiles/group/{group.pk}/change/"
        data = form_data(self.client.get(url))
        data["purpose"] = "To guard the bridges."
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))

        latest = group.history.first()
        self.assertEqual(latest.history_type, "~")
        self.assertEqual(latest.history_user, self.curator)
        changes = field_changes(latest, latest.prev_record)
        self.assertEqual([change.name for change in changes], ["purpose"])
        self.assertEqual(
            (changes[0].old, changes[0].new), ("To guard the river.", "To guard the bridges.")
        )

    def test_an_import_records_the_uploader_and_the_file(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lake_rangers.txt"
            path.write_text(LAKE_RANGERS, encoding="utf-8")
            import_paths([path], user=self.curator)
        group = Group.objects.get(slug="lake-rangers")
        created = group.history.last()
        self.assertEqual(created.history_type, "+")
        self.assertEqual(created.history_user, self.curator)
        self.assertEqual(created.history_change_reason, "import of lake_rangers.txt")
        source = group.sources.get()
        self.assertEqual(source.history.get().history_change_reason, "import of lake_rangers.txt")

        response = self.client.get(history_url(group))
        self.assertContains(response, "import of lake_rangers.txt")
        self.assertEqual(response.context["page_obj"][0].author, "carla")
        # The source file is among the profile's rows, also by the uploader.
        rows = {change.model_name: change for change in response.context["row_changes"]}
        self.assertEqual(rows["sourcedocument"].description, "lake_rangers.txt")
        self.assertEqual(rows["sourcedocument"].author, "carla")

    def test_a_command_line_import_is_shown_as_by_the_import(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "lake_rangers.txt"
            path.write_text(LAKE_RANGERS, encoding="utf-8")
            import_paths([path])
        group = Group.objects.get(slug="lake-rangers")
        self.assertIsNone(group.history.last().history_user)
        response = self.client.get(history_url(group))
        self.assertEqual(response.context["page_obj"][0].author, "import")


class HistoryPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.group = make_full_profile("Alpha", events=3, references=2)
        cls.created = cls.group.history.get()
        cls.renamed = edit(cls.group, status=GroupStatus.ACTIVE, review_notes="Checked.")

    def setUp(self):
        self.client.force_login(self.curator)

    def test_each_version_shows_who_when_and_which_fields(self):
        response = self.client.get(history_url(self.group))
        self.assertEqual(response.status_code, 200)
        newest, oldest = response.context["page_obj"]
        self.assertEqual([c.name for c in newest.field_changes], ["status", "review_notes"])
        self.assertEqual(newest.author, "—")  # a save with no one signed in
        self.assertEqual(oldest.history_type, "+")
        self.assertContains(response, "<strong>Status</strong>: Unknown → Active", html=True)
        self.assertContains(response, "Created")
        # The two newest versions are chosen for comparing; each offers "vs. current".
        self.assertContains(response, f'name="new" value="{self.renamed.history_id}"')
        self.assertContains(
            response, f"old={self.created.history_id}&amp;new={self.renamed.history_id}"
        )

    def test_the_rows_changes_are_listed_newest_first(self):
        event = self.group.events.first()
        event.text = "Event zero, corrected."
        event.save()
        response = self.client.get(history_url(self.group))
        changes = response.context["row_changes"]
        self.assertEqual(changes[0].model_name, "event")
        self.assertEqual(changes[0].record.history_type, "~")
        self.assertEqual(changes[0].description, "1992: Event zero, corrected.")
        kinds = {change.model_name for change in changes}
        self.assertEqual(
            kinds,
            {
                "alias",
                "event",
                "reference",
                "citation",
                "relationship",
                "groupcountry",
                "sourcedocument",
            },
        )
        self.assertContains(response, f'href="/admin/profiles/event/{event.pk}/history/"')
        # Relationships of other groups that point at this one are theirs, not listed here.
        self.assertEqual(sum(change.model_name == "relationship" for change in changes), 2)

    def test_the_rows_changes_are_paginated(self):
        for position in range(60):
            make_event(
                self.group, "2001", "2001-01-01", text=f"Raid {position}.", position=position
            )
        first = self.client.get(history_url(self.group))
        self.assertEqual(len(first.context["row_changes"]), 50)
        self.assertContains(first, "?rows=2#rows")
        second = self.client.get(history_url(self.group), {"rows": 2})
        # The 60 new events and the profile's 13 rows (a country, a source file, an alias,
        # 2 references, 3 events, 3 citations and its 2 relationships), created once each.
        self.assertEqual(first.context["rows_page"].paginator.count, 73)
        self.assertEqual(len(second.context["row_changes"]), 23)

    def test_the_page_costs_the_same_for_few_or_many_changes(self):
        """Queries: 1-2 the session and the user; 3-4 the user's permissions (their own
        and their groups'); 5-6 the rows' changes counted and one page of them (a UNION
        each); 7-13 the records on that page, one query per kind of row (7 kinds here);
        14 the last record of each deleted event on the page (may it be restored?); 15 the
        current version; 16-17 the group and its countries (simple-history looks the group
        up through the admin's queryset, which prefetches them); 18-19 the versions
        counted and one page of them, with their authors."""
        self.change_every_kind_of_row(times=1)
        url = history_url(self.group)
        self.client.get(url)  # the content types are cached after the first request
        with self.assertNumQueries(19):
            self.client.get(url)
        self.change_every_kind_of_row(times=10)
        with self.assertNumQueries(19):
            response = self.client.get(url)
        self.assertEqual(len(response.context["row_changes"]), 50)
        self.assertEqual(len({change.model_name for change in response.context["row_changes"]}), 7)
        self.assertEqual(len(response.context["page_obj"]), 13)

    def change_every_kind_of_row(self, times):
        """Each time: a curator's save of one row of every kind, an event added and
        deleted, and a new version of the group."""
        group = self.group
        rows = [
            group.aliases.first(),
            group.events.first(),
            group.references.first(),
            group.citations.first(),
            group.relationships.first(),
            group.countries.first(),
            group.sources.first(),
        ]
        for time in range(times):
            for row in rows:
                row._history_user = self.curator
                row.save()
            event = make_event(group, "2002", "2002-01-01", text=f"Raid {time}.")
            event._history_user = self.curator
            event.delete()
            edit(group, self.curator, size=100 + time)


class CompareTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.group = make_group(
            "Alpha",
            purpose="To defend the town.\n\nIt patrolled the market at night.",
            narrative="Formed in 1992.",
        )
        cls.first = cls.group.history.get()
        cls.second = edit(
            cls.group,
            status=GroupStatus.INACTIVE,
            size=300,
            purpose="To defend the town.\n\nIt patrolled the <b>harbour</b> at night.",
        )
        cls.third = edit(cls.group, needs_review=True, import_warnings="A name matched twice.")
        cls.other = make_group("Beta")

    def setUp(self):
        self.client.force_login(self.curator)

    def test_shows_exactly_the_fields_that_differ(self):
        response = self.client.get(
            compare_url(self.group, self.first.history_id, self.second.history_id)
        )
        self.assertEqual(response.status_code, 200)
        changes = response.context["changes"]
        self.assertEqual([change.name for change in changes], ["status", "size", "purpose"])
        self.assertContains(response, '<tr id="field-status">')
        self.assertNotContains(response, 'id="field-narrative"')
        self.assertNotContains(response, 'id="field-needs_review"')
        self.assertContains(response, "<del>Unknown</del>", html=True)
        self.assertContains(response, "<ins>Inactive</ins>", html=True)
        self.assertContains(response, "3 fields differ")

    def test_the_order_of_the_two_versions_does_not_matter(self):
        response = self.client.get(
            compare_url(self.group, self.third.history_id, self.first.history_id)
        )
        self.assertEqual(response.context["older"], self.first)
        self.assertEqual(response.context["newer"], self.third)
        self.assertTrue(response.context["newer_is_current"])
        names = [change.name for change in response.context["changes"]]
        self.assertEqual(names, ["status", "size", "purpose", "needs_review", "import_warnings"])
        # What only imports write is shown, and said to stay as it is on a revert.
        self.assertContains(response, "written by imports; a revert keeps it", count=1)

    def test_a_long_text_is_shown_as_a_diff_of_its_changed_words(self):
        response = self.client.get(
            compare_url(self.group, self.first.history_id, self.second.history_id)
        )
        self.assertContains(
            response,
            "It patrolled the <del>market</del><ins>&lt;b&gt;harbour&lt;/b&gt;</ins> at night.",
        )
        # The unchanged paragraph before it is shown as context, once.
        self.assertContains(response, '<p class="same">To defend the town.</p>', count=1)

    def test_offers_to_revert_to_the_older_version(self):
        response = self.client.get(
            compare_url(self.group, self.first.history_id, self.second.history_id)
        )
        self.assertContains(response, f'href="{revert_url(self.group, self.first)}"')
        self.assertContains(response, "Revert to this version")
        # The newer version is not the current one: the comparison with it is offered.
        self.assertFalse(response.context["newer_is_current"])
        self.assertContains(
            response, f"?old={self.first.history_id}&amp;new={self.third.history_id}"
        )

    def test_bad_or_foreign_version_ids_are_not_found(self):
        other_version = self.other.history.get().history_id
        for old, new in [
            ("abc", self.second.history_id),
            (self.first.history_id, "1; DROP TABLE"),
            (self.first.history_id, other_version),
            (self.first.history_id, 999999),
            ("-1", self.first.history_id),
            ("²", self.first.history_id),
            ("9" * 18, self.first.history_id),  # beyond a PostgreSQL integer
        ]:
            with self.subTest(old=old, new=new):
                response = self.client.get(compare_url(self.group, old, new))
                self.assertEqual(response.status_code, 404)
        for url in [
            "/admin/profiles/group/abc/history/compare/?old=1&new=2",
            "/admin/profiles/group/abc/history/",
            f"/admin/profiles/group/{self.group.pk}/history/abc/",
            f"/admin/profiles/group/{self.group.pk}/history/{other_version}/",
            f"/admin/profiles/event/{self.group.pk}x/history/",
            f"/admin/profiles/group/{'9' * 18}/history/",
            f"/admin/profiles/group/{self.group.pk}/history/{'9' * 18}/",
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 404)

    def test_one_version_or_the_same_twice_asks_for_two(self):
        for query in [
            f"?old={self.first.history_id}",
            f"?old={self.first.history_id}&new={self.first.history_id}",
            "",
        ]:
            with self.subTest(query=query):
                url = f"/admin/profiles/group/{self.group.pk}/history/compare/{query}"
                response = self.client.get(url, follow=True)
                self.assertRedirects(response, history_url(self.group))
                self.assertContains(response, "Choose two different versions to compare.")


class RevertTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.group = make_group("Alpha", purpose="To *defend* the town.", size=100)
        cls.original = cls.group.history.get()
        edit(cls.group, purpose="To *raid* the town.", size=900, status=GroupStatus.ACTIVE)

    def setUp(self):
        self.client.force_login(self.curator)

    def test_the_revert_form_restores_the_old_values_as_a_new_version_by_the_curator(self):
        url = revert_url(self.group, self.original)
        form_page = self.client.get(url)
        self.assertEqual(form_page.status_code, 200)
        self.assertContains(form_page, "Revert")
        response = self.client.post(url, {**form_data(form_page), "_save": "Revert"})
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))

        self.group.refresh_from_db()
        self.assertEqual(self.group.purpose, "To *defend* the town.")
        self.assertEqual(self.group.size, 100)
        self.assertEqual(self.group.status, GroupStatus.UNKNOWN)
        # Group.save() rendered the reverted Markdown again for the public page.
        self.assertIn("<em>defend</em>", self.group.sections_html["purpose"])
        self.assertContains(self.client.get("/groups/alpha/"), "<em>defend</em>")

        reverted = self.group.history.first()
        self.assertEqual(self.group.history.count(), 3)
        self.assertEqual(reverted.history_user, self.curator)
        self.assertEqual(
            reverted.history_change_reason, f"reverted to version {self.original.history_id}"
        )
        self.assertEqual(field_changes(reverted, self.original), [])


class RestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.group = make_full_profile("Alpha", events=2, references=1)
        cls.event = make_event(
            cls.group,
            "1995-03",
            "1995-03-01",
            "1995-03-31",
            text="A raid on the market.",
            position=7,
        )
        cls.other = make_full_profile("Beta", events=1, references=1)

    def setUp(self):
        self.client.force_login(self.curator)

    def delete_in_the_admin(self, row):
        url = f"/admin/profiles/{row._meta.model_name}/{row.pk}/delete/"
        self.assertEqual(self.client.post(url, {"post": "yes"}).status_code, 302)
        return row.history.model.objects.filter(id=row.pk).first()

    def test_citations_deleted_with_their_event_come_back_after_it(self):
        reference = self.group.references.first()
        citation = Citation.objects.create(
            group=self.group, reference=reference, event=self.event, statement="Raided."
        )
        self.delete_in_the_admin(self.event)  # its citation goes with it
        self.assertFalse(Citation.objects.filter(pk=citation.pk).exists())
        for row in (self.event, citation):  # the event first: the citation needs it
            deletion = row.history.get(history_type="-")
            response = self.client.post(
                restore_url(self.group),
                {"model": row._meta.model_name, "history_id": deletion.history_id},
            )
            self.assertEqual(response.status_code, 302)
        restored = Citation.objects.get(pk=citation.pk)
        self.assertEqual((restored.event_id, restored.reference), (self.event.pk, reference))

    def test_a_deleted_event_comes_back_with_its_id_by_the_curator(self):
        event_id = self.event.pk
        deletion = self.delete_in_the_admin(self.event)
        self.assertEqual((deletion.history_type, deletion.history_user), ("-", self.curator))
        # The deleted event's own History page (linked from the group's) still opens.
        self.assertContains(
            self.client.get(f"/admin/profiles/event/{event_id}/history/"), "Deleted"
        )

        page = self.client.get(history_url(self.group))
        deleted = next(c for c in page.context["row_changes"] if c.record == deletion)
        self.assertTrue(deleted.restorable)
        self.assertContains(page, f'name="history_id" value="{deletion.history_id}"')

        response = self.client.post(
            restore_url(self.group),
            {"model": "event", "history_id": deletion.history_id},
            follow=True,
        )
        self.assertContains(response, "was restored.")
        event = Event.objects.get(pk=event_id)
        self.assertEqual(
            (event.text, event.position, event.group), ("A raid on the market.", 7, self.group)
        )
        self.assertEqual(event.document, None)
        restored = event.history.first()
        self.assertEqual((restored.history_type, restored.history_user), ("+", self.curator))
        self.assertTrue(restored.history_change_reason.startswith("restored as deleted on "))
        # Back again: the deletion is no longer offered for restoring.
        changes = response.context["row_changes"]
        self.assertFalse(next(c for c in changes if c.record == deletion).restorable)

        again = self.client.post(
            restore_url(self.group),
            {"model": "event", "history_id": deletion.history_id},
            follow=True,
        )
        self.assertContains(again, "was not restored: it exists again (it was restored since).")

    def test_an_alias_whose_source_file_is_gone_comes_back_without_it(self):
        alias = self.group.aliases.get()
        source = alias.document
        deletion = self.delete_in_the_admin(alias)
        source.delete()  # a source file's deletion takes its rows too; this alias was gone first
        response = self.client.post(
            restore_url(self.group),
            {"model": "alias", "history_id": deletion.history_id},
            follow=True,
        )
        self.assertContains(response, "its document no longer exists and was left empty")
        restored = self.group.aliases.get()
        self.assertEqual(
            (restored.pk, restored.name, restored.document), (alias.pk, "Alpha alias", None)
        )

    def test_only_a_deleted_row_of_this_group_by_a_curator_who_may_add_it(self):
        others = self.delete_in_the_admin(self.other.events.get())
        response = self.client.post(
            restore_url(self.group), {"model": "event", "history_id": others.history_id}
        )
        self.assertEqual(response.status_code, 404)

        live = self.event.history.get()  # a creation, not a deletion
        response = self.client.post(
            restore_url(self.group), {"model": "event", "history_id": live.history_id}
        )
        self.assertEqual(response.status_code, 404)

        for data in [
            {"model": "sourcedocument", "history_id": 1},
            {"model": "event", "history_id": "x"},
            {},
        ]:
            with self.subTest(data=data):
                self.assertEqual(self.client.post(restore_url(self.group), data).status_code, 404)

        self.assertEqual(self.client.get(restore_url(self.group)).status_code, 405)

        deletion = self.delete_in_the_admin(self.event)
        self.curator.groups.first().permissions.remove(Permission.objects.get(codename="add_event"))
        curator = get_user_model().objects.get(pk=self.curator.pk)  # permissions read afresh
        self.client.force_login(curator)
        page = self.client.get(history_url(self.group))
        self.assertFalse(
            next(c for c in page.context["row_changes"] if c.record == deletion).restorable
        )
        response = self.client.post(
            restore_url(self.group), {"model": "event", "history_id": deletion.history_id}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Event.objects.filter(pk=self.event.pk).exists())


class AccessTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.group = make_group("Alpha")
        make_alias(cls.group, "The Alphas")
        cls.version = cls.group.history.get().history_id

    def urls(self):
        return [
            history_url(self.group),
            compare_url(self.group, self.version, self.version + 1),
            f"/admin/profiles/group/{self.group.pk}/history/{self.version}/",
        ]

    def test_anonymous_users_are_sent_to_sign_in(self):
        for url in [*self.urls(), restore_url(self.group)]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/admin/login/?next="))
        response = self.client.post(restore_url(self.group), {"model": "alias", "history_id": 1})
        self.assertTrue(response["Location"].startswith("/admin/login/?next="))

    def test_staff_without_the_view_permission_are_refused(self):
        user = get_user_model().objects.create_user("visitor", password="x", is_staff=True)
        self.client.force_login(user)
        for url in self.urls():
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 403)


class TextDiffTests(TestCase):
    def test_marks_words_escapes_and_shortens_long_unchanged_stretches(self):
        words = " ".join(f"w{index}" for index in range(80))
        html = text_diff(f"{words} old <tail>", f"{words} new <tail>")
        self.assertIn("<del>old</del><ins>new</ins> &lt;tail&gt;", html)
        self.assertTrue(html.startswith("<p>… w68 "))  # only the last 12 words before it
        self.assertNotIn("w67 ", html)

    def test_added_and_removed_paragraphs(self):
        self.assertEqual(text_diff("", "New."), "<p><ins>New.</ins></p>")
        html = text_diff("One.\n\nTwo.\n\nThree.", "One.\n\nThree.")
        self.assertEqual(
            html, '<p class="same">One.</p><p><del>Two.</del></p><p class="same">Three.</p>'
        )
