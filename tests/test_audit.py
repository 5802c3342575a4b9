"""scripts/audit.py reads pip-audit's report: a vulnerability fails CI, advisories that
could not be read are said to be unchecked without failing it."""

from django.test import SimpleTestCase

from scripts.audit import pinned_requirements, summary


class AuditSummaryTests(SimpleTestCase):
    def test_every_pin_is_exact(self):
        requirements = pinned_requirements()
        self.assertIn("Django==5.2.19", requirements)
        self.assertTrue(all("==" in requirement for requirement in requirements))

    def test_a_vulnerability_fails(self):
        report = {
            "dependencies": [
                {"name": "django", "version": "3.2.0", "vulns": [
                    {"id": "PYSEC-2021-98", "fix_versions": ["3.2.1"]}]},
                {"name": "nh3", "version": "0.3.8", "vulns": []},
            ]
        }  # fmt: skip
        lines, status = summary(report)
        self.assertEqual(status, 1)
        self.assertIn("audit: django 3.2.0: PYSEC-2021-98 (fixed in 3.2.1)", lines)

    def test_unreadable_advisories_are_reported_not_failed(self):
        report = {
            "dependencies": [
                {"name": "django", "skip_reason": "Dependency not found on PyPI"},
                {"name": "nh3", "version": "0.3.8", "vulns": []},
            ]
        }
        lines, status = summary(report)
        self.assertEqual(status, 0)
        self.assertTrue(lines[0].startswith("audit: NOT CHECKED: 1 of 2 pinned dependencies"))
        self.assertEqual(lines[-1], "audit: 1 pinned dependencies checked, no known vulnerability")
