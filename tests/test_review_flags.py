"""What the importer is unsure of is flagged for a curator, who alone clears the flag."""

import tempfile
from pathlib import Path

from django.test import TestCase

from profiles.importing import import_paths
from profiles.models import Group

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"

GUIDEBOOK = """{name} (Ghana)

Country: Ghana
Details of Formation: {formation}
Details of Termination: --
Purpose: To guard the villages. It was an ally of the {ally}.
Organisation: --
Weapons and Training: --
Size: --
Reason for Membership: --
Treatment of Civilians: --
Other Information: --
References: --
"""


class ReviewFlagTests(TestCase):
    def write(self, tmp, filename, **values):
        path = Path(tmp) / filename
        path.write_text(GUIDEBOOK.format(**values), encoding="utf-8")
        return path

    def test_an_unmatched_group_name_is_flagged(self):
        import_paths([FIXTURES])
        haqiqi = Group.objects.get(slug="mqm-haqiqi")
        self.assertTrue(haqiqi.needs_review)
        self.assertIn("Soldiers of the Companions of the Prophet", haqiqi.import_warnings)
        self.assertIn("matches no group in the archive", haqiqi.import_warnings)

    def test_a_decade_date_is_flagged_and_a_clear_reading_is_not(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.write(tmp, "a.txt", name="Hunters Watch", formation="Formed in the 1980s.",
                       ally="Hunters Watch")  # fmt: skip
            self.write(tmp, "b.txt", name="River Guard", formation="Formed in March 1991.",
                       ally="River Guard")  # fmt: skip
            import_paths([tmp])
        hunters = Group.objects.get(name="Hunters Watch")
        self.assertIn("known only to the decade", hunters.import_warnings)
        self.assertTrue(hunters.needs_review)
        river = Group.objects.get(name="River Guard")
        self.assertEqual(river.import_warnings, "")
        self.assertFalse(river.needs_review)

    def test_a_curators_clearing_survives_the_same_doubts_read_again(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.write(tmp, "a.txt", name="Hunters Watch",
                              formation="Formed in the 1980s.", ally="Hunters Watch")  # fmt: skip
            import_paths([tmp])
            Group.objects.filter(name="Hunters Watch").update(needs_review=False)
            # A new version of the file, with the same doubt.
            path.write_text(path.read_text() + "\n", encoding="utf-8")
            import_paths([tmp])
            self.assertFalse(Group.objects.get(name="Hunters Watch").needs_review)
            # A new doubt flags it again.
            self.write(tmp, "a.txt", name="Hunters Watch", formation="Formed in the 1980s.",
                       ally="Lake Rangers")  # fmt: skip
            import_paths([tmp])
        hunters = Group.objects.get(name="Hunters Watch")
        self.assertTrue(hunters.needs_review)
        self.assertIn("Lake Rangers", hunters.import_warnings)

    def test_a_doubt_goes_when_the_named_group_arrives(self):
        with tempfile.TemporaryDirectory() as tmp:
            self.write(tmp, "a.txt", name="Hunters Watch", formation="Formed in March 1991.",
                       ally="Lake Rangers")  # fmt: skip
            import_paths([tmp])
            self.assertIn("Lake Rangers", Group.objects.get(name="Hunters Watch").import_warnings)
            self.write(tmp, "b.txt", name="Lake Rangers", formation="Formed in May 1990.",
                       ally="Hunters Watch")  # fmt: skip
            import_paths([tmp])
        self.assertNotIn("Lake Rangers", Group.objects.get(name="Hunters Watch").import_warnings)
