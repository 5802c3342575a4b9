"""Import by upload in the admin: preview (nothing written), then confirm or discard."""

import tempfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings

from profiles.models import Group, SourceDocument
from tests.test_admin import make_curator

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
UPLOAD_URL = "/admin/profiles/sourcedocument/upload/"


def seed_files():
    return [
        SimpleUploadedFile(path.name, path.read_bytes(), content_type="text/plain")
        for path in sorted(FIXTURES.glob("*.txt"))
    ]


class UploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.curator = make_curator()

    def setUp(self):
        self.client.force_login(self.curator)
        staging = self.enterContext(tempfile.TemporaryDirectory())
        self.enterContext(override_settings(UPLOAD_STAGING_DIR=staging))

    def preview(self, files):
        response = self.client.post(UPLOAD_URL, {"files": files})
        self.assertEqual(response.status_code, 200)
        return response

    def test_preview_writes_nothing_then_confirm_imports(self):
        response = self.preview(seed_files())
        report = response.context["report"]
        self.assertEqual(report.totals["created"], 2)
        self.assertContains(response, "MQM Haqiqi")
        self.assertContains(response, "new group")
        self.assertEqual(Group.objects.count(), 0)
        self.assertEqual(SourceDocument.objects.count(), 0)

        token = response.context["token"]
        done = self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"}, follow=True)
        self.assertContains(done, "2 created")
        self.assertEqual(Group.objects.count(), 2)
        self.assertTrue(Group.objects.filter(slug="mqm-haqiqi").exists())
        # The staged files are gone: the same confirmation cannot import twice.
        again = self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"}, follow=True)
        self.assertContains(again, "Nothing imported")

    def test_errors_are_shown_with_their_line(self):
        bad = SimpleUploadedFile("broken.txt", b"\x00\x01\x02 binary", content_type="text/plain")
        response = self.preview([bad, *seed_files()])
        self.assertContains(response, "broken.txt")
        self.assertContains(response, "Refused: line 1")
        self.assertEqual(response.context["report"].totals["error"], 1)

    def test_unchanged_files_are_said_to_be_unchanged(self):
        token = self.preview(seed_files()).context["token"]
        self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"})
        response = self.preview(seed_files())
        self.assertEqual(response.context["report"].totals["unchanged"], 2)

    def test_discard_forgets_the_files(self):
        token = self.preview(seed_files()).context["token"]
        self.client.post(UPLOAD_URL, {"token": token, "discard": "1"})
        response = self.client.post(UPLOAD_URL, {"token": token, "confirm": "1"}, follow=True)
        self.assertContains(response, "Nothing imported")
        self.assertEqual(Group.objects.count(), 0)

    def test_a_forged_token_is_refused(self):
        for token in ["../../etc", "", "zz" * 16]:
            with self.subTest(token=token):
                response = self.client.post(
                    UPLOAD_URL, {"token": token, "confirm": "1"}, follow=True
                )
                self.assertContains(response, "Nothing imported")

    def test_no_file_is_a_form_error(self):
        response = self.client.post(UPLOAD_URL, {})
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors)

    def test_visitors_cannot_upload(self):
        self.client.logout()
        response = self.client.post(UPLOAD_URL, {"files": seed_files()})
        self.assertEqual(response.status_code, 302)
        self.assertEqual(Group.objects.count(), 0)
