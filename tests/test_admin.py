"""The curators' workspace: the admin pages, the Curators group and createcurator."""

from io import StringIO
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group as AuthGroup
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from profiles.models import Group
from tests.factories import make_alias, make_full_profile, make_group, make_many_groups

PASSWORD = "a long curator passphrase"


def make_curator(username="carla"):
    with mock.patch.dict("os.environ", {"CURATOR_PASSWORD": PASSWORD}):
        call_command("createcurator", username, "--no-input", stdout=StringIO())
    return get_user_model().objects.get(username=username)


class CuratorRoleTests(TestCase):
    def test_the_group_holds_exactly_the_archive_permissions(self):
        curators = AuthGroup.objects.get(name="Curators")
        codenames = set(curators.permissions.values_list("codename", flat=True))
        self.assertIn("change_group", codenames)
        self.assertIn("delete_citation", codenames)
        self.assertIn("view_namekey", codenames)
        self.assertNotIn("change_namekey", codenames)
        self.assertNotIn("change_archivestate", codenames)
        # Imports make held changes and the archive writes its history; curators decide
        # the first and read the second.
        self.assertTrue({"view_heldchange", "change_heldchange"} <= codenames)
        self.assertNotIn("add_heldchange", codenames)
        self.assertIn("view_historicalgroup", codenames)
        self.assertNotIn("change_historicalgroup", codenames)
        self.assertFalse(any(name.endswith("_user") for name in codenames))
        apps = set(curators.permissions.values_list("content_type__app_label", flat=True))
        self.assertEqual(apps, {"profiles"})

    def test_createcurator_makes_a_staff_member_of_curators(self):
        user = make_curator()
        self.assertTrue(user.is_staff)
        self.assertFalse(user.is_superuser)
        self.assertTrue(user.check_password(PASSWORD))
        self.assertEqual(list(user.groups.values_list("name", flat=True)), ["Curators"])
        self.assertTrue(user.has_perm("profiles.change_group"))
        self.assertFalse(user.has_perm("auth.change_user"))

    def test_createcurator_refuses_clearly(self):
        make_curator()
        with self.assertRaisesMessage(CommandError, "already exists"):
            make_curator()
        with mock.patch.dict("os.environ", {"CURATOR_PASSWORD": "123"}):
            with self.assertRaisesMessage(CommandError, "Password refused"):
                call_command("createcurator", "bob", "--no-input")
        with mock.patch.dict("os.environ", {}, clear=True):
            with self.assertRaisesMessage(CommandError, "No password"):
                call_command("createcurator", "bob", "--no-input")
        self.assertFalse(get_user_model().objects.filter(username="bob").exists())


class CuratorAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()
        cls.alpha = make_full_profile("Alpha", countries=["PK"], events=3, references=2)
        make_alias(cls.alpha, "Lashkar Alpha")
        cls.beta = make_group("Beta Front", countries=["IN"])

    def setUp(self):
        self.client.force_login(self.curator)

    def test_every_changelist_and_add_page_opens(self):
        for model in [
            "group", "groupcountry", "sourcedocument", "alias", "reference", "event",
            "citation", "relationship", "namekey",
        ]:  # fmt: skip
            with self.subTest(model=model):
                self.assertEqual(self.client.get(f"/admin/profiles/{model}/").status_code, 200)

    def test_curators_cannot_manage_users(self):
        self.assertEqual(self.client.get("/admin/auth/user/").status_code, 403)

    def test_search_by_alias_and_filters(self):
        def listed(params):
            response = self.client.get("/admin/profiles/group/", params)
            return [group.name for group in response.context["cl"].result_list]

        self.assertEqual(listed({"q": "Lashkar"}), ["Alpha"])
        self.assertEqual(listed({"country": "IN"}), ["Beta Front"])
        self.assertIn("Alpha", listed({"decade": "1990"}))
        self.assertEqual(listed({"needs_review__exact": "1"}), [])

    def test_change_page_shows_the_rendered_text_provenance_and_public_page(self):
        response = self.client.get(f"/admin/profiles/group/{self.alpha.pk}/change/")
        self.assertContains(response, "<em>defend</em>")  # the purpose's Markdown, rendered
        self.assertContains(response, "alpha.txt")
        self.assertContains(response, self.alpha.sources.get().sha256)
        self.assertContains(response, 'href="/groups/alpha/"')

    def test_a_script_in_a_section_is_not_in_the_preview(self):
        self.alpha.purpose = "Fine <script>alert(1)</script> [x](javascript:alert(1))"
        self.alpha.save()
        response = self.client.get(f"/admin/profiles/group/{self.alpha.pk}/change/")
        preview = response.context["adminform"].form.instance.sections_html["purpose"]
        self.assertNotIn("<script", preview)
        self.assertNotIn("javascript:", preview)

    def test_a_curator_edit_reaches_the_public_page(self):
        url = f"/admin/profiles/group/{self.beta.pk}/change/"
        form = self.client.get(url).context["adminform"].form
        data = {
            key: value
            for key, value in form.initial.items()
            if value is not None and not isinstance(value, (list, dict))
        }
        data.update(
            name="Beta Front",
            slug="beta-front",
            purpose="To guard the **river** crossings.",
            **{
                f"{prefix}-{suffix}": value
                for prefix in ("countries", "aliases", "events", "relationships", "citations")
                for suffix, value in (
                    ("TOTAL_FORMS", 0),
                    ("INITIAL_FORMS", 0),
                    ("MIN_NUM_FORMS", 0),
                    ("MAX_NUM_FORMS", 1000),
                )
            },
        )
        data["countries-INITIAL_FORMS"] = 0
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302, getattr(response, "context", None))
        page = self.client.get("/groups/beta-front/")
        self.assertContains(page, "<strong>river</strong>")

    def test_the_public_profile_links_to_its_admin_page(self):
        response = self.client.get("/groups/alpha/")
        self.assertContains(response, f'href="/admin/profiles/group/{self.alpha.pk}/change/"')

    def test_the_group_list_costs_the_same_for_few_or_seventy_groups(self):
        def queries():
            with CaptureQueriesContext(connection) as captured:
                self.assertEqual(self.client.get("/admin/profiles/group/").status_code, 200)
            return len(captured)

        few = queries()
        make_many_groups(70, prefix="Many", events=0)
        self.assertEqual(queries(), few)


class AnonymousTests(TestCase):
    def test_the_admin_asks_for_a_login(self):
        group = make_group("Alpha")
        for url in ["/admin/profiles/group/", f"/admin/profiles/group/{group.pk}/change/"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/admin/login/", response["Location"])
        self.client.post(f"/admin/profiles/group/{group.pk}/change/", {"name": "Hacked"})
        self.assertEqual(Group.objects.get(pk=group.pk).name, "Alpha")


class PasswordGuessingTests(TestCase):
    def sign_in(self, password, address="203.0.113.7"):
        return self.client.post(
            "/admin/login/?next=/admin/",
            {"username": "carla", "password": password},
            REMOTE_ADDR=address,
        )

    def test_five_failures_lock_the_username_out_from_that_address(self):
        make_curator()
        for _ in range(4):
            self.assertEqual(self.sign_in("wrong").status_code, 200)  # the form again
        response = self.sign_in("wrong")
        self.assertEqual(response.status_code, 429)
        # Locked out: even the right password is refused now, from that address.
        self.assertEqual(self.sign_in(PASSWORD).status_code, 429)
        self.assertNotIn("_auth_user_id", self.client.session)
        # The same curator from elsewhere can still sign in.
        self.assertEqual(self.sign_in(PASSWORD, address="198.51.100.2").status_code, 302)

    def test_a_success_forgets_earlier_failures(self):
        make_curator()
        for _ in range(4):
            self.sign_in("wrong")
        self.assertEqual(self.sign_in(PASSWORD).status_code, 302)
        self.client.logout()
        for _ in range(4):
            self.assertEqual(self.sign_in("wrong").status_code, 200)
