"""The page cache (profiles.caching.cached_page): a page rendered once serves every reader
until the archive changes, from each process's memory or, with REDIS_URL, from a Redis
shared by every process.

The Redis tests talk to a real server at $REDIS_URL (`.ci/run` starts Debian's
redis-server); without REDIS_URL they are skipped, except under CI=true where they fail.
"""

import os
import unittest
from datetime import date
from unittest import mock

from django.core.cache import cache, caches
from django.test import TestCase, override_settings

from profiles.models import ArchiveState
from tests.factories import make_group


class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.alpha = make_group("Alpha Front", countries=["PK"])

    def test_a_repeated_page_costs_one_query_and_is_the_same_page(self):
        first = self.client.get("/groups/?country=PK")
        with self.assertNumQueries(1):  # the archive's last change
            second = self.client.get("/groups/?country=PK")
        self.assertEqual(second.status_code, 200)
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], first["Content-Type"])
        self.assertEqual(second["ETag"], first["ETag"])
        self.assertEqual(second["Content-Security-Policy"], first["Content-Security-Policy"])

    def test_each_address_and_host_has_its_own_page(self):
        self.client.get("/groups/")
        other = self.client.get("/groups/?format=json")
        self.assertEqual(other["Content-Type"], "application/json; charset=utf-8")
        with override_settings(ALLOWED_HOSTS=["archive.example.org"]):
            page = self.client.get("/groups/?format=json", headers={"host": "archive.example.org"})
        self.assertIn(
            "http://archive.example.org/groups/alpha-front/", page.json()["results"][0]["url"]
        )

    def test_a_change_to_the_archive_shows_at_once(self):
        self.assertNotContains(self.client.get("/groups/"), "Beta Front")
        make_group("Beta Front")  # its save moves the archive's version
        self.assertContains(self.client.get("/groups/"), "Beta Front")

    def test_a_new_day_renders_the_page_again(self):
        self.client.get("/groups/alpha-front/")
        with mock.patch("profiles.caching.timezone.localdate") as today:
            today.return_value = date(2031, 1, 2)
            page = self.client.get("/groups/alpha-front/")
        self.assertContains(page, "(accessed 2 Jan 2031)")

    def test_errors_are_not_kept(self):
        self.client.get("/groups/?active_from=abc")
        with self.assertNumQueries(1):  # the validators, then the form's errors again
            response = self.client.get("/groups/?active_from=abc")
        self.assertEqual(response.status_code, 400)
        self.assertNotContains(self.client.get("/groups/nobody/"), "Alpha", status_code=404)

    def test_streamed_downloads_are_not_kept(self):
        self.client.get("/groups/?format=csv")
        response = self.client.get("/groups/?format=csv")
        self.assertTrue(response.streaming)

    def test_a_page_past_the_size_bound_is_rendered_each_time(self):
        with override_settings(PAGE_CACHE_MAX_BYTES=100):
            self.client.get("/groups/alpha-front/")
            with self.assertNumQueries(3):  # last change, snapshot, release
                self.client.get("/groups/alpha-front/")


class CacheDownTests(TestCase):
    """A shared cache that does not answer costs the rendering, never the page."""

    @override_settings(
        CACHES={
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
                "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
            }
        }
    )
    def test_pages_render_without_the_cache(self):
        make_group("Alpha Front", countries=["PK"])
        with self.assertLogs("profiles.caching", "WARNING"):
            for url in ["/", "/groups/", "/groups/alpha-front/", "/timeline/"]:
                self.assertEqual(self.client.get(url).status_code, 200, url)


REDIS_URL = os.environ.get("REDIS_URL", "")
REDIS_CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "pgmd-tests",
    }
}


class RedisTestCase(TestCase):
    @classmethod
    def setUpClass(cls):
        if not REDIS_URL:
            if os.environ.get("CI") == "true":
                raise AssertionError("REDIS_URL is not set: CI must test the page cache on Redis")
            raise unittest.SkipTest("REDIS_URL is not set")
        super().setUpClass()
        cls.enterClassContext(override_settings(CACHES=REDIS_CACHES))

    def setUp(self):
        cache.clear()
        self.addCleanup(cache.clear)


class RedisPageCacheTests(RedisTestCase):
    def test_the_cache_is_redis(self):
        from django.core.cache.backends.redis import RedisCache

        self.assertIsInstance(caches["default"], RedisCache)
        cache.set("probe", b"\x00bytes", timeout=5)
        self.assertEqual(cache.get("probe"), b"\x00bytes")

    def test_another_process_reads_the_page_one_process_rendered(self):
        make_group("Alpha Front", countries=["PK"])
        first = self.client.get("/groups/alpha-front/")
        # Another server process: its own connection to the same Redis, nothing in memory.
        from django.core.cache.backends.redis import RedisCache

        other = RedisCache(REDIS_URL, {"KEY_PREFIX": "pgmd-tests"})
        stored = [key for key in other._cache.get_client().keys("pgmd-tests:1:page:*")]
        self.assertEqual(len(stored), 1)
        status, headers, content = other.get(stored[0].decode().split(":", 2)[2])
        self.assertEqual((status, content), (200, first.content))
        self.assertIn(("Content-Type", "text/html; charset=utf-8"), headers)
        with self.assertNumQueries(1):
            second = self.client.get("/groups/alpha-front/")
        self.assertEqual(second.content, first.content)

    def test_a_change_shows_at_once(self):
        make_group("Alpha Front")
        self.assertNotContains(self.client.get("/groups/"), "Beta Front")
        make_group("Beta Front")
        self.assertContains(self.client.get("/groups/"), "Beta Front")

    def test_the_archive_version_keys_the_aggregates_too(self):
        make_group("Alpha Front", countries=["PK"])
        self.client.get("/")
        ArchiveState.touch()
        with self.assertNumQueries(6):  # home counted again: a new version
            self.client.get("/")
