"""make backup / make restore: a round trip gives back every row, on the database the
suite runs on (pg_dump and pg_restore on PostgreSQL, SQLite's backup API on SQLite)."""

import io
import tempfile
from pathlib import Path

from django.apps import apps
from django.core.management import CommandError, call_command
from django.test import TransactionTestCase

from profiles.models import Citation, Event, Group

# Every table of the archive, its history included.
ARCHIVE_MODELS = [model for model in apps.get_app_config("profiles").get_models()]


def snapshot():
    """Every row of every archive table, as plain values, in id order."""
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in ARCHIVE_MODELS
    }


class BackupRoundTripTests(TransactionTestCase):
    def setUp(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.backup_path = str(Path(directory.name) / "archive.backup")
        call_command("import_profiles", "fixtures/", stdout=io.StringIO())

    def test_every_row_comes_back(self):
        before = snapshot()
        # What the round trip must bring back, from the fixtures.
        self.assertGreater(len(before["profiles.Group"]), 1)
        self.assertGreater(len(before["profiles.Event"]), 1)
        self.assertGreater(len(before["profiles.Citation"]), 0)
        self.assertGreater(len(before["profiles.HistoricalGroup"]), 1)
        self.assertGreater(len(before["profiles.HistoricalEvent"]), 1)
        self.assertGreater(len(before["profiles.HistoricalCitation"]), 0)

        call_command("backup_archive", self.backup_path, stdout=io.StringIO())
        self.assertGreater(Path(self.backup_path).stat().st_size, 0)
        for model in reversed(ARCHIVE_MODELS):
            model.objects.all().delete()
        self.assertEqual(Group.objects.count() + Event.objects.count(), 0)
        self.assertEqual(Citation.objects.count(), 0)

        out = io.StringIO()
        call_command("restore_archive", self.backup_path, interactive=False, stdout=out)
        self.assertIn("restored", out.getvalue())
        self.assertEqual(snapshot(), before)
        # The site reads it again.
        self.assertEqual(self.client.get("/groups/mqm-haqiqi/").status_code, 200)

    def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(self):
        before = snapshot()
        Path(self.backup_path).write_text("not a backup\n")
        with self.assertRaises(CommandError):
            call_command("restore_archive", self.backup_path, interactive=False)
        self.assertEqual(snapshot(), before)

    def test_a_missing_file(self):
        with self.assertRaisesMessage(CommandError, "no such backup file"):
            call_command("restore_archive", self.backup_path + ".missing", interactive=False)
