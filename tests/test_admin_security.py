"""The curators' admin under attack: who may write (anonymous users, staff who may only
look, curators), CSRF, escaping of what imports and curators wrote, forged and broken
input on every history, held-change, upload and merge address, and a public site that
never writes."""

import tempfile

from django.contrib.admin import helpers
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from profiles.models import (
    Alias,
    Event,
    Group,
    HeldChange,
    Reference,
    Relationship,
    SlugRedirect,
    SourceDocument,
)
from profiles.snapshots import build_snapshots
from tests.factories import (
    make_alias,
    make_event,
    make_full_profile,
    make_group,
    make_reference,
    make_relationship,
)
from tests.test_admin import make_curator
from tests.test_history import form_data

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
RAW_TAGS = ["<script>alert(1)", "<img src=x"]

UPLOAD_URL = "/admin/profiles/sourcedocument/upload/"
HELD_LIST_URL = "/admin/profiles/heldchange/"
GROUP_LIST_URL = "/admin/profiles/group/"

# Ids that are not ids, or not of anything: words, signs, fractions, a superscript two,
# NUL, past a 64-bit integer, and just within one.
GARBAGE_IDS = [
    "abc", "-1", "0", "1.5", "1e3", "%C2%B2", "%00", "%20", "1%0A",
    "99999999999999999999", "999999999999999999", "9223372036854775808",
]  # fmt: skip

GUIDEBOOK = """\
{name} (Ruritania)

Country: Ruritania
Details of Formation: Merchants of Zenda raised the militia in March 1971. {text}
Details of Termination: The militia was disbanded in 1979.
Purpose: To guard the river markets. {text}
Size: About 800 members in 1975.
Reason for Membership: --
References: news sources listed in the PGMD
"""


def history_url(group_id):
    return f"/admin/profiles/group/{group_id}/history/"


def compare_url(group_id):
    return f"/admin/profiles/group/{group_id}/history/compare/"


def revert_url(group_id, version_id):
    return f"/admin/profiles/group/{group_id}/history/{version_id}/"


def restore_url(group_id):
    return f"/admin/profiles/group/{group_id}/history/restore/"


def held_url(change_id):
    return f"/admin/profiles/heldchange/{change_id}/change/"


def make_viewer(username="vera"):
    """Staff who may view every archive model (and its history), and change nothing."""
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="profiles", codename__startswith="view_")
    )
    return user


def snapshot():
    """What the tests' writes could change, to compare before and after a request."""
    return {
        "groups": list(Group.objects.order_by("pk").values_list("pk", "name", "purpose")),
        "events": sorted(Event.objects.values_list("pk", flat=True)),
        "aliases": sorted(Alias.objects.values_list("pk", "name")),
        "held": list(HeldChange.objects.order_by("pk").values_list("pk", "status", "decided_by")),
        "sources": sorted(SourceDocument.objects.values_list("filename", flat=True)),
        "redirects": SlugRedirect.objects.count(),
        "group_versions": Group.history.count(),
        "event_versions": Event.history.count(),
    }


def delete(row, user):
    row_id, row._history_user = row.pk, user
    row.delete()
    return row.history.model.objects.filter(id=row_id).order_by("-history_id").first()


def guidebook_file(filename, name="Lanterns of Varn", text=""):
    content = GUIDEBOOK.format(name=name, text=text).encode()
    return SimpleUploadedFile(filename, content, content_type="text/plain")


class ArchiveCase(TestCase):
    """Two profiles with versions, a deleted event each, and held changes of Alpha's."""

    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.viewer = make_viewer()
        cls.group = make_full_profile("Alpha", events=2, references=1)
        cls.first_version = cls.group.history.order_by("history_id").first()
        cls.group.name = "Alpha Front"
        cls.group._history_user = cls.curator
        cls.group.save()
        cls.current_version = cls.group.history.order_by("history_id").last()
        event = make_event(cls.group, "1995", "1995-01-01", text="A raid on the market.")
        cls.event_id = event.pk
        cls.deletion = delete(event, cls.curator)
        cls.other = make_full_profile("Beta", events=1, references=1)
        cls.foreign_deletion = delete(cls.other.events.get(), cls.curator)
        cls.foreign_version = cls.other.history.order_by("history_id").first()
        cls.dupe = make_group("Alpha Duplicate")
        document = cls.group.sources.get()
        cls.held = HeldChange.objects.create(
            group=cls.group,
            document=document,
            target=HeldChange.Target.FIELD,
            key="purpose",
            label="Section: Purpose",
            was_imported="To defend the town.",
            curator_value=cls.group.purpose,
            file_value="To guard the river.",
            proposed=["To guard the river."],
        )
        cls.decided = HeldChange.objects.create(
            group=cls.group,
            document=document,
            target=HeldChange.Target.FIELD,
            key="name",
            label="Name",
            curator_value="Alpha Front",
            file_value="Alpha Brigade",
            proposed=["Alpha Brigade"],
            status=HeldChange.Status.REJECTED,
        )

    def setUp(self):
        staging = self.enterContext(tempfile.TemporaryDirectory())
        self.enterContext(override_settings(UPLOAD_STAGING_DIR=staging))

    def revert_data(self):
        """The first version's values, as its revert form posts them back."""
        client = Client()
        client.force_login(self.curator)
        response = client.get(revert_url(self.group.pk, self.first_version.history_id))
        self.assertEqual(response.status_code, 200)
        return form_data(response)

    def staged_token(self):
        """An upload previewed by the curator and waiting for its confirmation."""
        client = Client()
        client.force_login(self.curator)
        response = client.post(UPLOAD_URL, {"files": [guidebook_file("lanterns.txt")]})
        return response.context["token"]

    def state_changing_posts(self):
        """(address, data) of every POST that writes, each valid for a curator."""
        selected = helpers.ACTION_CHECKBOX_NAME
        return [
            (revert_url(self.group.pk, self.first_version.history_id), self.revert_data()),
            (restore_url(self.group.pk), {"model": "event", "history_id": self.deletion.pk}),
            (held_url(self.held.pk), {"_accept": "1"}),
            (held_url(self.held.pk), {"_reject": "1"}),
            (HELD_LIST_URL, {"action": "accept_selected", selected: [self.held.pk]}),
            (HELD_LIST_URL, {"action": "reject_selected", selected: [self.held.pk]}),
            (UPLOAD_URL, {"files": [guidebook_file("lanterns.txt")]}),
            (UPLOAD_URL, {"token": self.staged_token(), "confirm": "1"}),
            (
                GROUP_LIST_URL,
                {
                    "action": "merge_selected",
                    selected: [self.group.pk, self.dupe.pk],
                    "survivor": self.group.pk,
                },
            ),
        ]

    def assert_no_raw_tags(self, response):
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        for tag in RAW_TAGS:
            self.assertNotIn(tag, html)
        # Not vacuous: a hostile value was on the page, escaped.
        self.assertTrue("&lt;script&gt;" in html or "&lt;img src=x" in html)
        return html


class AnonymousTests(ArchiveCase):
    def test_every_page_sends_anonymous_users_to_sign_in(self):
        """Every GET and every writing POST redirects to the login page and writes nothing."""
        pages = [
            history_url(self.group.pk),
            f"{compare_url(self.group.pk)}?old={self.first_version.pk}&new={self.current_version.pk}",
            revert_url(self.group.pk, self.first_version.history_id),
            restore_url(self.group.pk),
            HELD_LIST_URL,
            held_url(self.held.pk),
            UPLOAD_URL,
        ]
        posts = self.state_changing_posts()
        before = snapshot()
        client = Client()
        for url in pages:
            with self.subTest(url=url):
                response = client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/admin/login/?next="))
        for url, data in posts:
            with self.subTest(url=url, data=data):
                response = client.post(url, data)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/admin/login/?next="))
        self.assertEqual(snapshot(), before)


class ViewOnlyStaffTests(ArchiveCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.viewer)

    def test_may_read_the_history_and_held_changes(self):
        """A viewer opens the history, compare, version and held-change pages."""
        for url in [
            history_url(self.group.pk),
            f"{compare_url(self.group.pk)}?old={self.first_version.pk}&new={self.current_version.pk}",
            revert_url(self.group.pk, self.first_version.history_id),
            HELD_LIST_URL,
            held_url(self.held.pk),
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)

    def test_no_revert_restore_or_decision_buttons_are_shown(self):
        """A viewer is offered no Revert, Restore, Accept or Reject button."""
        page = self.client.get(history_url(self.group.pk))
        self.assertNotContains(page, 'value="Restore"')
        compare = self.client.get(
            compare_url(self.group.pk),
            {"old": self.first_version.pk, "new": self.current_version.pk},
        )
        self.assertNotContains(compare, "Revert to this version")
        held = self.client.get(held_url(self.held.pk))
        self.assertNotContains(held, 'name="_accept"')
        self.assertNotContains(held, 'name="_reject"')
        self.assertEqual(self.client.get(UPLOAD_URL).status_code, 403)

    def test_a_posted_revert_changes_nothing(self):
        """A viewer's POST to the revert form is refused and the group keeps its values."""
        data = self.revert_data()
        before = snapshot()
        response = self.client.post(revert_url(self.group.pk, self.first_version.history_id), data)
        self.assertEqual(response.status_code, 403)
        self.assertEqual(snapshot(), before)
        self.assertEqual(Group.objects.get(pk=self.group.pk).name, "Alpha Front")

    def test_restore_is_refused(self):
        """A viewer cannot bring a deleted event back."""
        before = snapshot()
        response = self.client.post(
            restore_url(self.group.pk), {"model": "event", "history_id": self.deletion.pk}
        )
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Event.objects.filter(pk=self.event_id).exists())
        self.assertEqual(snapshot(), before)

    def test_accept_and_reject_on_the_change_page_are_refused(self):
        """A viewer's _accept and _reject POSTs leave the held change pending."""
        before = snapshot()
        for button in ["_accept", "_reject"]:
            with self.subTest(button=button):
                response = self.client.post(held_url(self.held.pk), {button: "1"})
                self.assertEqual(response.status_code, 403)
        self.assertEqual(HeldChange.objects.get(pk=self.held.pk).status, "pending")
        self.assertEqual(snapshot(), before)

    def test_accept_and_reject_actions_are_refused(self):
        """A viewer's accept_selected and reject_selected actions decide nothing."""
        before = snapshot()
        for action in ["accept_selected", "reject_selected"]:
            with self.subTest(action=action):
                self.client.post(
                    HELD_LIST_URL,
                    {"action": action, helpers.ACTION_CHECKBOX_NAME: [self.held.pk]},
                )
        self.assertEqual(HeldChange.objects.get(pk=self.held.pk).status, "pending")
        self.assertEqual(snapshot(), before)
        action_form = self.client.get(HELD_LIST_URL).context["action_form"]
        offered = (
            {name for name, _ in action_form.fields["action"].choices} if action_form else set()
        )
        self.assertEqual(offered & {"accept_selected", "reject_selected"}, set())

    def test_upload_preview_and_confirm_are_refused(self):
        """A viewer can neither preview files nor confirm a curator's staged upload."""
        token = self.staged_token()
        before = snapshot()
        response = self.client.post(UPLOAD_URL, {"files": [guidebook_file("lanterns.txt")]})
        self.assertEqual(response.status_code, 403)
        response = self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"})
        self.assertEqual(response.status_code, 403)
        response = self.client.post(UPLOAD_URL, {"token": token, "discard": "1"})
        self.assertEqual(response.status_code, 403)
        self.assertEqual(snapshot(), before)
        self.assertFalse(Group.objects.filter(name="Lanterns of Varn").exists())

    def test_merge_is_refused(self):
        """A viewer's merge action (with a survivor chosen) deletes and moves nothing."""
        before = snapshot()
        self.client.post(
            GROUP_LIST_URL,
            {
                "action": "merge_selected",
                helpers.ACTION_CHECKBOX_NAME: [self.group.pk, self.dupe.pk],
                "survivor": self.group.pk,
            },
        )
        self.assertTrue(Group.objects.filter(pk=self.dupe.pk).exists())
        self.assertEqual(snapshot(), before)

    def test_a_staff_user_without_permissions_reads_nothing(self):
        """Staff with no permission at all get 403 on every history and held-change page."""
        nobody = get_user_model().objects.create_user("nobody", password="x", is_staff=True)
        self.client.force_login(nobody)
        for url in [
            history_url(self.group.pk),
            f"{compare_url(self.group.pk)}?old={self.first_version.pk}&new={self.current_version.pk}",
            revert_url(self.group.pk, self.first_version.history_id),
            HELD_LIST_URL,
            held_url(self.held.pk),
            UPLOAD_URL,
        ]:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 403)


class CuratorTests(ArchiveCase):
    def setUp(self):
        super().setUp()
        self.client.force_login(self.curator)

    def test_reverts_a_version(self):
        """A curator's revert makes the first version's name current again."""
        response = self.client.post(
            revert_url(self.group.pk, self.first_version.history_id), self.revert_data()
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Group.objects.get(pk=self.group.pk).name, "Alpha")

    def test_restores_a_deleted_event(self):
        """A curator's restore brings the deleted event back with its id."""
        response = self.client.post(
            restore_url(self.group.pk), {"model": "event", "history_id": self.deletion.pk}
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Event.objects.get(pk=self.event_id).text, "A raid on the market.")

    def test_accepts_and_rejects(self):
        """A curator accepts on the change page and rejects by the list action."""
        other = HeldChange.objects.get(pk=self.held.pk)
        other.pk, other.key, other.label = None, "kind", "Kind"
        other.proposed = ["militia"]
        other.save()
        self.assertEqual(
            self.client.post(held_url(self.held.pk), {"_accept": "1"}).status_code, 302
        )
        self.assertEqual(Group.objects.get(pk=self.group.pk).purpose, "To guard the river.")
        self.client.post(
            HELD_LIST_URL,
            {"action": "reject_selected", helpers.ACTION_CHECKBOX_NAME: [other.pk]},
        )
        statuses = dict(HeldChange.objects.values_list("pk", "status"))
        self.assertEqual((statuses[self.held.pk], statuses[other.pk]), ("accepted", "rejected"))

    def test_uploads_and_merges(self):
        """A curator previews and confirms an upload, then merges two groups."""
        token = self.staged_token()
        self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"})
        self.assertTrue(Group.objects.filter(name="Lanterns of Varn").exists())
        self.client.post(
            GROUP_LIST_URL,
            {
                "action": "merge_selected",
                helpers.ACTION_CHECKBOX_NAME: [self.group.pk, self.dupe.pk],
                "survivor": self.group.pk,
            },
        )
        self.assertFalse(Group.objects.filter(pk=self.dupe.pk).exists())

    def test_cannot_add_or_delete_held_changes(self):
        """Held changes come from imports: a curator can neither add nor delete one."""
        self.assertEqual(self.client.get("/admin/profiles/heldchange/add/").status_code, 403)
        response = self.client.post(f"/admin/profiles/heldchange/{self.held.pk}/delete/")
        self.assertEqual(response.status_code, 403)
        self.client.post(
            HELD_LIST_URL,
            {
                "action": "delete_selected",
                helpers.ACTION_CHECKBOX_NAME: [self.held.pk],
                "post": "yes",
            },
        )
        self.assertTrue(HeldChange.objects.filter(pk=self.held.pk).exists())


class CsrfTests(ArchiveCase):
    def test_every_writing_post_needs_the_token(self):
        """Without the CSRF token each writing POST is refused (403) and nothing changes."""
        posts = self.state_changing_posts()
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.curator)
        before = snapshot()
        for url, data in posts:
            with self.subTest(url=url, data=data):
                self.assertEqual(client.post(url, data).status_code, 403)
        self.assertEqual(snapshot(), before)

    def test_with_the_token_the_same_post_works(self):
        """The same restore with the page's token succeeds (the test above is not vacuous)."""
        client = Client(enforce_csrf_checks=True)
        client.force_login(self.curator)
        client.get(history_url(self.group.pk))
        token = client.cookies["csrftoken"].value
        response = client.post(
            restore_url(self.group.pk),
            {"model": "event", "history_id": self.deletion.pk, "csrfmiddlewaretoken": token},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Event.objects.filter(pk=self.event_id).exists())


class EscapingTests(ArchiveCase):
    """Names, texts, labels, values, reasons and file names holding markup are escaped."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.hostile_user = get_user_model().objects.create_user(
            f"eve{IMG}", password="x", is_staff=True
        )
        cls.hostile_user.user_permissions.set(Permission.objects.all())
        group = cls.group
        group.name = f"Alpha {SCRIPT}"
        group.purpose = f"To defend {SCRIPT} the town.\n\nA second {IMG} paragraph."
        group.review_notes = IMG
        group.import_warnings = f"Unsure of {SCRIPT}"
        group._history_user = cls.hostile_user
        group._change_reason = f"because {SCRIPT} {IMG}"
        group.save()
        group.name = f"Alpha {IMG}"
        group._change_reason = IMG
        group.save()
        cls.xss_version = group.history.order_by("history_id").last()
        make_alias(group, f"Alias {SCRIPT}")
        reference = make_reference(group, 9, f"Label {SCRIPT}", url="https://example.org/")
        make_relationship(group, f"Target {IMG}", "ally_of")
        hostile_event = make_event(group, "1996", "1996-01-01", text=f"Event {SCRIPT} {IMG}")
        hostile_event._change_reason = f"deleted {SCRIPT}"
        cls.hostile_deletion = delete(hostile_event, cls.hostile_user)
        reference.label = f"Relabelled {IMG}"
        reference._change_reason = f"why {IMG}"
        reference.save()
        HeldChange.objects.filter(pk=cls.held.pk).update(
            label=f"Label {SCRIPT} {IMG}",
            was_imported=f"Was {SCRIPT}",
            curator_value=f"Curator {SCRIPT}\n\nkept {IMG}",
            file_value=f"File {IMG}\n\nnew {SCRIPT}",
        )

    def setUp(self):
        super().setUp()
        self.client.force_login(self.hostile_user)

    def test_the_history_page(self):
        """Group name, field values, reasons, authors and row descriptions are escaped."""
        html = self.assert_no_raw_tags(self.client.get(history_url(self.group.pk)))
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", html)

    def test_the_compare_page(self):
        """Both versions' values, the text diff and the reasons are escaped."""
        response = self.client.get(
            compare_url(self.group.pk),
            {"old": self.first_version.pk, "new": self.xss_version.pk},
        )
        html = self.assert_no_raw_tags(response)
        self.assertIn("&lt;script&gt;", html)
        self.assertIn("<ins>", html)  # the diff's own markup is kept

    def test_the_revert_form(self):
        """The revert form of a version with markup in its values escapes them."""
        self.assert_no_raw_tags(
            self.client.get(revert_url(self.group.pk, self.xss_version.history_id))
        )

    def test_the_rows_own_history_pages(self):
        """A deleted event's and an edited reference's history pages escape their texts."""
        self.assert_no_raw_tags(
            self.client.get(f"/admin/profiles/event/{self.hostile_deletion.id}/history/")
        )
        reference = Reference.objects.get(marker=9)
        self.assert_no_raw_tags(
            self.client.get(f"/admin/profiles/reference/{reference.pk}/history/")
        )

    def test_the_held_change_pages(self):
        """The held-change list and change page escape labels, values and the diff."""
        self.assert_no_raw_tags(self.client.get(HELD_LIST_URL))
        html = self.assert_no_raw_tags(self.client.get(held_url(self.held.pk)))
        self.assertIn("<del>", html)

    def test_the_group_change_page(self):
        """The change page's import doubts, held-change note and provenance are escaped."""
        self.assert_no_raw_tags(self.client.get(f"/admin/profiles/group/{self.group.pk}/change/"))

    def test_messages_after_restore_and_merge(self):
        """The restore and merge messages quote names and texts escaped."""
        response = self.client.post(
            restore_url(self.group.pk),
            {"model": "event", "history_id": self.hostile_deletion.pk},
            follow=True,
        )
        html = self.assert_no_raw_tags(response)
        self.assertIn("was restored", html)
        selected = {
            "action": "merge_selected",
            helpers.ACTION_CHECKBOX_NAME: [self.group.pk, self.dupe.pk],
        }
        self.assert_no_raw_tags(self.client.post(GROUP_LIST_URL, selected))
        response = self.client.post(
            GROUP_LIST_URL, {**selected, "survivor": self.dupe.pk}, follow=True
        )
        html = self.assert_no_raw_tags(response)
        self.assertIn("was merged into", html)

    def test_the_upload_preview_and_the_imported_history(self):
        """File names, group names, held lines and errors in the preview are escaped."""
        files = [
            guidebook_file(f"{IMG}.txt", name=f"Lanterns {SCRIPT}", text=IMG),
            guidebook_file(f"x{SCRIPT}.txt", name=f"Wardens {IMG}"),
            SimpleUploadedFile(f"bad{IMG}.txt", f"\x00{SCRIPT}".encode(), "text/plain"),
        ]
        response = self.client.post(UPLOAD_URL, {"files": files})
        html = self.assert_no_raw_tags(response)
        self.assertIn("&lt;img src=x onerror=alert(1)&gt;", html)
        token = response.context["token"]
        response = self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"}, follow=True)
        self.assert_no_raw_tags(response)
        imported = Group.objects.get(name__startswith="Lanterns")
        self.assert_no_raw_tags(self.client.get(history_url(imported.pk)))
        self.assert_no_raw_tags(self.client.get("/admin/profiles/sourcedocument/"))

    def test_html_helpers_are_not_misused(self):
        """mark_safe appears only on escaped or sanitized HTML in the admin's modules."""
        import inspect

        from profiles import admin, history

        for module, allowed in [(admin, 2), (history, 2)]:
            source = inspect.getsource(module)
            self.assertEqual(source.count("mark_safe("), allowed, module.__name__)
            self.assertNotIn("|safe", source)
            self.assertNotIn("format_html(f", source)


class BadInputTests(ArchiveCase):
    """Forged, broken and out-of-range input: 4xx or a message, never a 500."""

    def setUp(self):
        super().setUp()
        self.client.force_login(self.curator)

    def assert_not_500(self, response):
        self.assertLess(response.status_code, 500)
        return response

    def test_garbage_group_ids(self):
        """Every history address with a garbage group id answers 4xx."""
        for bad in GARBAGE_IDS:
            for url in [
                history_url(bad),
                f"{compare_url(bad)}?old={self.first_version.pk}&new={self.current_version.pk}",
                revert_url(bad, self.first_version.history_id),
            ]:
                with self.subTest(url=url):
                    self.assertIn(self.client.get(url).status_code, (404, 302))
            with self.subTest(restore=bad):
                response = self.client.post(
                    restore_url(bad), {"model": "event", "history_id": self.deletion.pk}
                )
                self.assertEqual(response.status_code, 404)

    def test_garbage_version_ids(self):
        """Garbage, foreign and missing versions on compare and revert answer 4xx."""
        own = self.current_version.pk
        for bad in [*GARBAGE_IDS, str(self.foreign_version.pk)]:
            with self.subTest(revert=bad):
                response = self.client.get(revert_url(self.group.pk, bad))
                self.assertEqual(response.status_code, 404)
                response = self.client.post(revert_url(self.group.pk, bad), {"name": "X"})
                self.assertEqual(response.status_code, 404)
            with self.subTest(compare=bad):
                response = self.client.get(compare_url(self.group.pk), {"old": bad, "new": own})
                self.assertEqual(response.status_code, 404)
        for params in [{}, {"old": own}, {"old": own, "new": own}, {"old": "", "new": ""}]:
            with self.subTest(params=params):
                response = self.client.get(compare_url(self.group.pk), params)
                self.assertEqual(response.status_code, 302)
        response = self.client.get(f"{compare_url(self.group.pk)}?old=1&old=2&new=x&new={own}")
        self.assert_not_500(response)
        self.assertEqual(Group.objects.get(pk=self.group.pk).name, "Alpha Front")

    def test_garbage_page_numbers(self):
        """The history page's two paginators take any page parameter."""
        for bad in ["abc", "-1", "0", "99999999999999999999", "1.5", ""]:
            for name in ["rows", "p"]:
                with self.subTest(name=name, bad=bad):
                    response = self.client.get(history_url(self.group.pk), {name: bad})
                    self.assertEqual(response.status_code, 200)

    def test_a_revert_post_missing_its_fields_changes_nothing(self):
        """An empty or partial revert POST re-shows the form and saves nothing."""
        before = snapshot()
        url = revert_url(self.group.pk, self.first_version.history_id)
        for data in [{}, {"name": ""}, {"name": "X", "slug": "bad slug/"}]:
            with self.subTest(data=data):
                self.assertEqual(self.client.post(url, data).status_code, 200)
        self.assertEqual(snapshot(), before)

    def test_restore_with_missing_forged_or_foreign_fields(self):
        """Restore answers 404 for missing fields, other kinds, foreign or live rows."""
        live_alias = self.group.aliases.get().history.get()
        before = snapshot()
        for data in [
            {},
            {"model": "event"},
            {"history_id": self.deletion.pk},
            {"model": "group", "history_id": self.first_version.pk},
            {"model": "citation", "history_id": 1},
            {"model": "sourcedocument", "history_id": 1},
            {"model": "__class__", "history_id": 1},
            {"model": ["event", "alias"], "history_id": [self.deletion.pk, "x"]},
            {"model": "event", "history_id": self.foreign_deletion.pk},
            {"model": "alias", "history_id": live_alias.pk},
            {"model": "event", "history_id": "-1"},
            {"model": "event", "history_id": "99999999999999999999"},
            {"model": "event", "history_id": "999999999999999999"},
            {"model": "event", "history_id": "²"},
        ]:
            with self.subTest(data=data):
                response = self.client.post(restore_url(self.group.pk), data)
                self.assertIn(response.status_code, (403, 404))
        self.assertEqual(snapshot(), before)
        for method in ["get", "head", "put", "delete"]:
            with self.subTest(method=method):
                response = getattr(self.client, method)(restore_url(self.group.pk))
                self.assertEqual(response.status_code, 405)

    def test_restoring_twice_or_a_row_that_exists(self):
        """A second restore of the same deletion is refused with a message, not a 500."""
        data = {"model": "event", "history_id": self.deletion.pk}
        self.client.post(restore_url(self.group.pk), data)
        after_first = snapshot()
        response = self.client.post(restore_url(self.group.pk), data, follow=True)
        self.assertContains(response, "was not restored")
        self.assertEqual(snapshot(), after_first)

    def test_restore_of_a_group_s_deleted_row_under_another_group(self):
        """A deletion of Beta's row posted to Alpha's restore address is not found."""
        response = self.client.post(
            restore_url(self.group.pk), {"model": "event", "history_id": self.foreign_deletion.pk}
        )
        self.assertEqual(response.status_code, 404)
        response = self.client.post(
            restore_url(self.other.pk), {"model": "event", "history_id": self.foreign_deletion.pk}
        )
        self.assertEqual(response.status_code, 302)

    def test_garbage_held_change_ids(self):
        """Change page GETs and decision POSTs with garbage ids answer 3xx or 404."""
        before = snapshot()
        for bad in GARBAGE_IDS:
            with self.subTest(bad=bad):
                self.assertIn(self.client.get(held_url(bad)).status_code, (302, 404))
                for button in ["_accept", "_reject"]:
                    response = self.client.post(held_url(bad), {button: "1"})
                    self.assertEqual(response.status_code, 404)
        self.assertEqual(snapshot(), before)

    def test_decisions_on_a_decided_change_change_nothing(self):
        """Accepting or rejecting a rejected change, by button or action, changes nothing."""
        before = snapshot()
        for button in ["_accept", "_reject"]:
            with self.subTest(button=button):
                self.assertEqual(
                    self.client.post(held_url(self.decided.pk), {button: "1"}).status_code, 302
                )
        for action in ["accept_selected", "reject_selected"]:
            with self.subTest(action=action):
                response = self.client.post(
                    HELD_LIST_URL,
                    {"action": action, helpers.ACTION_CHECKBOX_NAME: [self.decided.pk]},
                    follow=True,
                )
                self.assertContains(response, "already decided were left alone")
        self.assertEqual(snapshot(), before)
        self.assertEqual(Group.objects.get(pk=self.group.pk).name, "Alpha Front")

    def test_a_post_without_a_decision_is_not_an_edit(self):
        """A change-page POST with neither button saves nothing (all fields read-only)."""
        before = snapshot()
        response = self.client.post(
            held_url(self.held.pk), {"status": "accepted", "file_value": "forged"}
        )
        self.assert_not_500(response)
        self.assertEqual(snapshot(), before)
        self.assertEqual(HeldChange.objects.get(pk=self.held.pk).file_value, "To guard the river.")

    def test_accepting_a_row_change_whose_file_is_gone_is_not_reported_as_accepted(self):
        """A held row change without its file stays pending and is not counted accepted."""
        change = HeldChange.objects.create(
            group=self.group,
            document=None,
            target=HeldChange.Target.EVENT,
            key="e1",
            label="Event",
            file_value="Founded.",
            proposed={"text": "Founded."},
        )
        response = self.client.post(
            HELD_LIST_URL,
            {"action": "accept_selected", helpers.ACTION_CHECKBOX_NAME: [change.pk]},
            follow=True,
        )
        self.assertEqual(HeldChange.objects.get(pk=change.pk).status, "pending")
        self.assertNotContains(response, "1 change(s) accepted")

    def test_garbage_action_selections(self):
        """List actions with no, garbage, huge or unknown ids answer without a 500."""
        before = snapshot()
        for action in ["accept_selected", "reject_selected"]:
            for selected in [[], ["abc"], ["-1"], ["99999999999999999999"], ["0", "1.5"]]:
                with self.subTest(action=action, selected=selected):
                    response = self.client.post(
                        HELD_LIST_URL,
                        {"action": action, helpers.ACTION_CHECKBOX_NAME: selected},
                    )
                    self.assertIn(response.status_code, (200, 302, 400, 404))
        self.assert_not_500(self.client.post(HELD_LIST_URL, {"action": "nonsense"}))
        self.assert_not_500(self.client.post(HELD_LIST_URL, {}))
        self.assertEqual(snapshot(), before)

    def test_garbage_merges(self):
        """Merges with one, three, the same, garbage ids or a stranger as survivor do nothing."""
        third = make_group("Gamma")
        before = snapshot()
        selected = helpers.ACTION_CHECKBOX_NAME
        pair = [self.group.pk, self.dupe.pk]
        for data in [
            {selected: [self.group.pk]},
            {selected: [self.group.pk, self.group.pk]},
            {selected: [*pair, third.pk]},
            {selected: pair, "survivor": third.pk},
            {selected: pair, "survivor": "abc"},
            {selected: pair, "survivor": "-1"},
            {selected: pair, "survivor": ""},
            {selected: ["abc", "def"], "survivor": "abc"},
            {selected: ["99999999999999999999", self.group.pk]},
        ]:
            with self.subTest(data=data):
                response = self.client.post(GROUP_LIST_URL, {"action": "merge_selected", **data})
                self.assertIn(response.status_code, (200, 302, 400, 404))
        self.assertEqual(snapshot(), before)

    def test_garbage_uploads(self):
        """Uploads without files, with bad names, tokens or sizes never crash or import."""
        before = snapshot()
        hidden = SimpleUploadedFile(".hidden", b"x", "text/plain")
        same = [guidebook_file("a.txt"), guidebook_file("a.txt")]
        for data in [
            {},
            {"files": ""},
            {"files": [hidden]},
            {"files": same},
            {"confirm": "1"},
            {"confirm": "1", "token": ""},
            {"confirm": "1", "token": "../../etc"},
            {"confirm": "1", "token": ["a" * 32, "b" * 32]},
            {"confirm": "1", "token": "0" * 32},
            {"discard": "1"},
            {"discard": "1", "token": "../" * 20},
            {"confirm": "1", "discard": "1", "token": "f" * 32},
        ]:
            with self.subTest(data=data):
                self.assertIn(self.client.post(UPLOAD_URL, data).status_code, (200, 302))
        with override_settings(UPLOAD_MAX_BYTES=10):
            response = self.client.post(UPLOAD_URL, {"files": [guidebook_file("big.txt")]})
            self.assertContains(response, "larger than")
        self.assertEqual(snapshot(), before)
        for method in ["put", "delete"]:
            self.assert_not_500(getattr(self.client, method)(UPLOAD_URL))


class PublicSiteTests(TestCase):
    """The public site reads: GET and HEAD write nothing, and nothing accepts a POST."""

    @classmethod
    def setUpTestData(cls):
        cls.group = make_full_profile("Alpha", countries=["PK"], events=2, references=1)
        cls.source = cls.group.sources.get()

    def urls(self):
        filename = self.source.filename
        return [
            "/",
            "/groups/",
            "/groups/?format=json",
            "/groups/?format=csv",
            "/groups/?q=alpha&country=PK&page=2",
            f"/groups/{self.group.slug}/",
            f"/groups/{self.group.slug}/?format=json",
            "/groups/no-such-group/",
            "/timeline/",
            "/countries/",
            "/countries/PK/",
            "/countries/XX/",
            "/sources/",
            f"/sources/{filename}/",
            f"/sources/{filename}/raw/",
            "/about/",
            "/feed/",
        ]

    def test_get_and_head_write_nothing(self):
        """No INSERT, UPDATE or DELETE is sent while public pages are read."""
        # Every write leaves the profiles' snapshots built once it commits (which a
        # TestCase never does); a request builds one only if it is missing.
        build_snapshots(Group.objects.values_list("pk", flat=True))
        client = Client()
        for url in self.urls():
            for method in ["get", "head"]:
                with self.subTest(url=url, method=method):
                    with CaptureQueriesContext(connection) as queries:
                        response = getattr(client, method)(url)
                    self.assertLess(response.status_code, 500)
                    writes = [
                        q["sql"]
                        for q in queries.captured_queries
                        if q["sql"].lstrip().split(" ", 1)[0].upper()
                        in {"INSERT", "UPDATE", "DELETE", "REPLACE"}
                    ]
                    self.assertEqual(writes, [])
        self.assertNotIn("sessionid", client.cookies)

    def test_no_public_url_accepts_a_write(self):
        """POST, PUT, PATCH and DELETE on every public URL answer 405 and change nothing."""
        before = (Group.objects.count(), Relationship.objects.count(), Group.history.count())
        client = Client()
        for url in self.urls():
            for method in ["post", "put", "patch", "delete"]:
                with self.subTest(url=url, method=method):
                    self.assertEqual(getattr(client, method)(url).status_code, 405)
        self.assertEqual(
            (Group.objects.count(), Relationship.objects.count(), Group.history.count()), before
        )
