"""Production mode: the deploy checks, HTTPS, security headers, /healthz, security.txt,
static files that cannot take a page down, and the JSON log format."""

import json
import logging
import os
import re
import secrets
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from unittest import mock

from django.core.management import call_command
from django.db import OperationalError, connection
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings
from django.views.defaults import server_error

from pgmd.logs import JsonFormatter
from tests.factories import make_group, make_source

ROOT = Path(__file__).resolve().parents[1]


def run_django(args, tmp_dir, **environment):
    """manage.py ARGS in a fresh process, with debug off and the given environment."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_dir}/deploy.sqlite3",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "archive.example.org",
        **environment,
    }
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


class DeployCheckTests(SimpleTestCase):
    def test_https_settings_pass_every_deploy_check(self):
        with self.subTest("DJANGO_HTTPS=1"):
            result = run_django(
                ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                self.tmp_dir(),
                DJANGO_HTTPS="1",
            )
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("System check identified no issues (0 silenced)", result.stdout)
        with self.subTest("without HTTPS the checks warn"):
            result = run_django(
                ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                self.tmp_dir(),
                DJANGO_HTTPS="0",
            )
            self.assertNotEqual(result.returncode, 0)
            self.assertIn("security.W004", result.stderr)  # no HSTS

    def test_https_redirects_and_trusts_the_proxy_header(self):
        probe = (
            "import django; django.setup()\n"
            "from django.test import Client\n"
            "client = Client(HTTP_HOST='archive.example.org')\n"
            "plain = client.get('/.well-known/security.txt')\n"
            "proxied = client.get('/.well-known/security.txt', HTTP_X_FORWARDED_PROTO='https')\n"
            "health = client.get('/healthz')\n"
            "print(plain.status_code, plain.headers.get('Location'))\n"
            "print(proxied.status_code, proxied.headers.get('Strict-Transport-Security'))\n"
            "print(health.status_code)\n"
        )
        result = run_django(
            ["-c", probe],
            self.tmp_dir(),
            DJANGO_HTTPS="1",
            DJANGO_SETTINGS_MODULE="pgmd.settings",
        )
        self.assertEqual(result.returncode, 0, result.stderr)
        # The log (JSON objects) may warn that collectstatic has not run: not the answers.
        answers = [line for line in result.stdout.splitlines() if not line.startswith("{")]
        plain, proxied, health = answers
        self.assertEqual(plain, "301 https://archive.example.org/.well-known/security.txt")
        self.assertEqual(proxied, "200 max-age=63072000; includeSubDomains; preload")
        # A load balancer's probe over plain HTTP is answered, not redirected.
        self.assertEqual(health, "200")

    def tmp_dir(self):
        import tempfile

        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        return directory.name


class SecurityHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.group = make_group("Harbour Watch", countries=["IN"])

    def test_public_pages_send_a_strict_policy_and_the_other_headers(self):
        for url in ("/", "/groups/", self.group.get_absolute_url(), "/admin/login/"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            policy = response.headers["Content-Security-Policy"]
            directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";"))
            self.assertEqual(directives["default-src"], "'none'", url)
            self.assertEqual(directives["script-src"], "'self'", url)
            self.assertEqual(directives["style-src"], "'self'", url)
            self.assertEqual(directives["frame-ancestors"], "'none'", url)
            self.assertNotIn("unsafe", policy, url)
            self.assertIn("camera=()", response.headers["Permissions-Policy"])
            self.assertEqual(response.headers["Cross-Origin-Resource-Policy"], "same-origin")
            self.assertEqual(response.headers["Cross-Origin-Opener-Policy"], "same-origin")
            self.assertEqual(response.headers["Referrer-Policy"], "strict-origin-when-cross-origin")
            self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
            self.assertEqual(response.headers["X-Frame-Options"], "DENY")

    def test_revalidations_carry_them_too(self):
        etag = self.client.get("/").headers["ETag"]
        response = self.client.get("/", HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 304)
        self.assertIn("Content-Security-Policy", response.headers)
        self.assertIn("Permissions-Policy", response.headers)

    def test_raw_source_keeps_its_own_sandbox(self):
        source = make_source(self.group, "raw.txt", text="Harbour Watch (India)\n")
        response = self.client.get(f"/sources/{source.filename}/raw/")
        self.assertEqual(response.headers["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_no_page_template_holds_inline_script_or_style(self):
        # The policy forbids them: they would be refused by the browser, silently.
        pattern = re.compile(r"<style|\sstyle=|<script(?![^>]*application/ld\+json)|\son[a-z]+=")
        for template in (ROOT / "templates").rglob("*.html"):
            self.assertIsNone(pattern.search(template.read_text()), template)


class HeadRequestTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_group("Harbour Watch", countries=["IN"])

    def test_head_has_the_headers_of_get_and_no_body(self):
        # RequestFactory: the test client itself strips HEAD bodies, as runserver does.
        from django.test import RequestFactory

        from pgmd.wsgi import application

        get = application.get_response(RequestFactory().get("/groups/harbour-watch/"))
        head = application.get_response(RequestFactory().head("/groups/harbour-watch/"))
        self.assertEqual(head.status_code, 200)
        self.assertEqual(head.content, b"")
        self.assertEqual(head.headers["Content-Length"], str(len(get.content)))
        self.assertEqual(head.headers["ETag"], get.headers["ETag"])


class HealthzTests(TestCase):
    def test_ok_while_the_database_answers(self):
        response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.content, b"ok\n")
        self.assertIn("no-store", response.headers["Cache-Control"])
        self.assertEqual(response.cookies, {})
        self.assertNotIn("Set-Cookie", response.headers)

    def test_503_when_the_database_does_not(self):
        refused = OperationalError("connection refused")
        with (
            mock.patch.object(connection, "cursor", side_effect=refused),
            self.assertLogs("pgmd.health", "ERROR") as logs,
        ):
            response = self.client.get("/healthz")
        self.assertEqual(response.status_code, 503)
        self.assertEqual(response.content, b"database unreachable\n")
        self.assertIn("no-store", response.headers["Cache-Control"])
        self.assertEqual(response.cookies, {})
        self.assertIn("connection refused", logs.output[0])

    def test_only_reads(self):
        self.assertEqual(self.client.post("/healthz").status_code, 405)


class SecurityTxtTests(SimpleTestCase):
    def test_fields_and_an_expiry_ahead(self):
        response = self.client.get("/.well-known/security.txt")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "text/plain; charset=utf-8")
        fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
        self.assertEqual(fields["Contact"], "mailto:security@testserver")
        self.assertEqual(fields["Canonical"], "http://testserver/.well-known/security.txt")
        expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        now = datetime.now(UTC)
        # RFC 9116: in the future, and less than a year away.
        self.assertGreater(expires, now + timedelta(days=150))
        self.assertLess(expires, now + timedelta(days=365))

    @override_settings(SECURITY_CONTACT="mailto:a@example.org, https://example.org/report")
    def test_configured_contacts(self):
        text = self.client.get("/.well-known/security.txt").content.decode()
        self.assertIn("Contact: mailto:a@example.org\nContact: https://example.org/report\n", text)


FORGIVING = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "pgmd.static_storage.ForgivingManifestStaticFilesStorage"},
}
PLAIN = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STRICT = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


class StaticFilesCannotBreakPagesTests(TestCase):
    """collectstatic run with debug on (no manifest), then served with debug off."""

    @classmethod
    def setUpTestData(cls):
        make_group("Harbour Watch", countries=["IN"])

    def setUp(self):
        import tempfile

        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        self.static_root = directory.name
        with self.settings(STORAGES=PLAIN, STATIC_ROOT=self.static_root):
            call_command("collectstatic", interactive=False, verbosity=0)

    def test_pages_link_the_plain_name_instead_of_failing(self):
        with (
            self.settings(DEBUG=False, STORAGES=FORGIVING, STATIC_ROOT=self.static_root),
            self.assertLogs("pgmd.static_storage", "WARNING"),
        ):
            home = self.client.get("/")
            not_found = self.client.get("/no-such-page/")
            error = server_error(RequestFactory().get("/"))
        self.assertEqual(home.status_code, 200)
        self.assertContains(home, 'href="/static/css/site.css"')
        self.assertContains(not_found, 'href="/static/css/site.css"', status_code=404)
        self.assertContains(error, 'href="/static/css/site.css"', status_code=500)

    def test_the_strict_storage_would_fail_every_page(self):
        # What the forgiving storage is for: WhiteNoise's own storage raises.
        with self.settings(DEBUG=False, STORAGES=STRICT, STATIC_ROOT=self.static_root):
            with self.assertRaisesMessage(ValueError, "Missing staticfiles manifest entry"):
                self.client.get("/")


class JsonLogTests(SimpleTestCase):
    def test_one_json_object_per_record(self):
        record = logging.LogRecord(
            "pgmd.health", logging.ERROR, __file__, 1, "down: %s", ('a "quoted"\nline',), None
        )
        entry = json.loads(JsonFormatter().format(record))
        self.assertEqual(entry["level"], "ERROR")
        self.assertEqual(entry["logger"], "pgmd.health")
        self.assertEqual(entry["message"], 'down: a "quoted"\nline')

    def test_gunicorn_access_fields(self):
        atoms = {"h": "10.0.0.1", "m": "GET", "U": "/groups/", "q": "q=x", "s": "200", "M": 7}
        record = logging.LogRecord(
            "gunicorn.access", logging.INFO, __file__, 1, '%(h)s "%(r)s"', (atoms,), None
        )
        entry = json.loads(JsonFormatter().format(record))
        self.assertEqual(
            {key: entry[key] for key in ("remote_addr", "method", "path", "query", "status")},
            {
                "remote_addr": "10.0.0.1",
                "method": "GET",
                "path": "/groups/",
                "query": "q=x",
                "status": "200",
            },
        )
        self.assertEqual(entry["duration_ms"], 7)
