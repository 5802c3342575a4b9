"""Imports commit batch by batch (issue 10, point 5): an import killed with SIGKILL keeps
the batches it committed and leaves the archive consistent, and run again it completes
to the archive an uninterrupted import gives; readers during an import see each profile
whole or not at all, and never an error."""

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import Client, TransactionTestCase

from bench.make_corpus import write_corpus
from profiles.importing import import_paths
from profiles.models import Group, SourceDocument

ROOT = Path(__file__).resolve().parent.parent
FILES = 120
BATCH = 20


def summary():
    """The archive as its content, without row ids: what two imports of the same files
    must agree on, and the checks that it is consistent. Run in a child process (printed
    as JSON) against the database in DATABASE_URL."""
    from django.apps import apps
    from django.db.models import Count

    from profiles.importing.linking import _stale
    from profiles.models import Alias, Event, Mention, Relationship

    slugs = dict(Group.objects.values_list("pk", "slug"))
    out = {
        "groups": sorted(
            Group.objects.values_list(
                "slug", "name", "formation_date", "termination_date", "size", "import_warnings"
            )
        ),
        "documents": sorted(
            SourceDocument.objects.values_list("filename", "sha256", "group__slug")
        ),
        "ties": sorted(
            (slugs[source], key, slugs.get(target))
            for source, key, target in Relationship.objects.values_list(
                "source", "target_key", "target"
            )
        ),
        "mentions": sorted(
            (slugs[group], key, line, slugs.get(target))
            for group, key, line, target in Mention.objects.values_list(
                "group", "key", "line", "target"
            )
        ),
        "counts": {
            model.__name__: model.objects.count()
            for model in apps.get_app_config("profiles").get_models()
            # Snapshots are renders kept for reading: an import killed before its end
            # leaves its groups' to their first readers (stale ones are checked below).
            if not model.__name__.startswith("Historical")
            and model.__name__ not in ("ArchiveState", "ProfileSnapshot")
        },
        # One history row per row created: none of a batch rolled back.
        "history": {
            model.__name__: dict(
                model.objects.values_list("history_type").annotate(n=Count("pk")).order_by()
            )
            for model in apps.get_app_config("profiles").get_models()
            if model.__name__.startswith("Historical")
        },
        # Consistency: every group is described by a file, every row a file's snapshot
        # names exists, no link is stale, every group is searchable.
        "groups_without_file": Group.objects.filter(sources__isnull=True).count(),
        "missing_snapshot_rows": _missing_snapshot_rows(),
        "stale_links": sum(
            len(_stale(*args, None))
            for args in (
                (Alias, "subject_key", "group_id", None),
                (Relationship, "target_key", "target_id", "source_id"),
                (Mention, "key", "target_id", "group_id"),
            )
        ),
        "events": Event.objects.count(),
        "stale_profile_snapshots": _stale_profile_snapshots(),
    }
    if connection.vendor == "postgresql":
        out["unsearchable"] = Group.objects.filter(search_vector__isnull=True).count()
    print(json.dumps(out, default=str))


def _stale_profile_snapshots():
    """Profile snapshots that differ from what their group's rows render now."""
    from profiles.models import ProfileSnapshot
    from profiles.selectors import profile_queryset
    from profiles.snapshots import render_snapshot

    stored = {s.group_id: s for s in ProfileSnapshot.objects.all()}
    stale = 0
    for group in profile_queryset().filter(pk__in=stored):
        fresh = render_snapshot(group)
        stale += (stored[group.pk].body_html, stored[group.pk].profile_json) != (
            fresh.body_html,
            fresh.profile_json,
        )
    return stale


def _missing_snapshot_rows():
    from profiles.reimport import SIGNATURES

    missing = 0
    for snapshot in SourceDocument.objects.values_list("imported_rows", flat=True):
        for target, entries in (snapshot or {}).items():
            ids = {entry[2] for entry in entries if entry[2]}
            model = SIGNATURES[target][0]
            missing += len(ids) - model.objects.filter(pk__in=ids).count()
    return missing


class ScratchDatabase:
    """A database of the test's own, which child processes reach through DATABASE_URL:
    a file for SQLite; on PostgreSQL one named after the test database."""

    def __init__(self, suffix):
        settings = connection.settings_dict
        self.vendor = connection.vendor
        if self.vendor == "postgresql":
            self.name = f"{settings['NAME']}_{suffix}"
            auth = quote(settings["USER"] or "")
            if settings["PASSWORD"]:
                auth += ":" + quote(settings["PASSWORD"])
            host = f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}"
            self.url = f"postgres://{auth}@{host}/{self.name}"
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.name}"')
        else:
            self.folder = tempfile.mkdtemp()
            self.url = f"sqlite:///{self.folder}/{suffix}.sqlite3"
        self.manage("migrate", "--noinput", "-v0")

    def _admin(self, sql):
        import psycopg

        settings = connection.settings_dict
        with psycopg.connect(
            dbname="postgres",
            user=settings["USER"],
            password=settings["PASSWORD"] or None,
            host=settings["HOST"] or "127.0.0.1",
            port=settings["PORT"] or 5432,
            autocommit=True,
        ) as admin:
            admin.execute(sql)

    def drop(self):
        if self.vendor == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def env(self):
        return {**os.environ, "DATABASE_URL": self.url, "PYTHONUNBUFFERED": "1"}

    def manage(self, *args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def summary(self):
        child = subprocess.run(
            [sys.executable, "-c", "import django; django.setup(); "
             "from tests.test_import_batches import summary; summary()"],
            cwd=ROOT,
            env={**self.env(), "DJANGO_SETTINGS_MODULE": "pgmd.settings"},
            capture_output=True,
            text=True,
            timeout=600,
            check=True,
        )  # fmt: skip
        return json.loads(child.stdout)


class KilledImportTests(TransactionTestCase):
    """The import runs in a child process on a database of its own, killed (SIGKILL, the
    whole process group: the parser's workers too) after its first batches committed."""

    def setUp(self):
        self.corpus = Path(tempfile.mkdtemp()) / "corpus"
        write_corpus(FILES, self.corpus, seed="kill")

    def databases_for(self, *names):
        scratch = [ScratchDatabase(name) for name in names]
        for database in scratch:
            self.addCleanup(database.drop)
        return scratch

    def kill_midway(self, database):
        """Start the import, and kill it once a batch and a half are reported."""
        child = subprocess.Popen(
            [sys.executable, "manage.py", "import_profiles", str(self.corpus)]
            + ["--batch-size", str(BATCH)],
            cwd=ROOT,
            env=database.env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,
        )
        reported = 0
        try:
            for line in child.stdout:
                reported += line.startswith(str(self.corpus))
                if reported >= BATCH + BATCH // 2:
                    break
        finally:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait(timeout=60)
        self.assertEqual(child.returncode, -signal.SIGKILL)
        return reported

    def test_a_killed_import_keeps_whole_batches_and_a_re_run_completes_it(self):
        killed, clean = self.databases_for("killed", "clean")
        self.kill_midway(killed)

        after_kill = killed.summary()
        documents = after_kill["counts"]["SourceDocument"]
        # Whole batches only, and not all of them: the kill interrupted the run.
        self.assertEqual(documents % BATCH, 0)
        self.assertGreaterEqual(documents, BATCH)
        self.assertLess(documents, FILES)
        self.assertEqual(after_kill["counts"]["Group"], documents)
        self.assertEqual(after_kill["groups_without_file"], 0)
        self.assertEqual(after_kill["missing_snapshot_rows"], 0)
        self.assertEqual(after_kill["stale_profile_snapshots"], 0)
        self.assertEqual(after_kill["stale_links"], 0)
        self.assertEqual(after_kill.get("unsearchable", 0), 0)
        for model, types in after_kill["history"].items():
            self.assertNotIn("-", types, model)  # a first import deletes nothing

        rerun = killed.manage("import_profiles", str(self.corpus), "--batch-size", str(BATCH))
        self.assertEqual(rerun.returncode, 0, rerun.stderr)
        self.assertIn(
            f"{FILES - documents} created, 0 updated, {documents} unchanged, 0 failed",
            rerun.stdout,
        )
        done = clean.manage("import_profiles", str(self.corpus), "--batch-size", str(BATCH))
        self.assertEqual(done.returncode, 0, done.stderr)
        self.assertEqual(killed.summary(), clean.summary())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="readers beside a writer: PostgreSQL")
class ReadersDuringAnImportTests(TransactionTestCase):
    """A thread reads profiles while the import writes them, batch by batch."""

    def test_readers_never_see_half_a_profile_nor_an_error(self):
        corpus = Path(tempfile.mkdtemp()) / "corpus"
        write_corpus(60, corpus, seed="readers")
        seen, statuses, group_counts = {}, [], []
        done = threading.Event()

        def read():
            client = Client()
            try:
                while not done.is_set():
                    listing = client.get("/groups/?format=json")
                    statuses.append(listing.status_code)
                    data = listing.json()
                    group_counts.append(data["count"])
                    for item in data["results"][:5]:
                        response = client.get(f"/groups/{item['slug']}/?format=json")
                        statuses.append(response.status_code)
                        if response.status_code == 200:
                            seen.setdefault(item["slug"], []).append(response.json())
            finally:
                connection.close()

        reader = threading.Thread(target=read)
        reader.start()
        try:
            import_paths([corpus], batch_size=5)
        finally:
            done.set()
            reader.join(timeout=120)

        self.assertTrue(statuses)
        self.assertEqual({status for status in statuses if status >= 500}, set())
        # Groups arrived batch by batch: some reads saw part of the archive.
        self.assertTrue(any(0 < count < 60 for count in group_counts), group_counts)
        self.assertTrue(seen)
        client = Client()
        for slug, versions in seen.items():
            final = client.get(f"/groups/{slug}/?format=json").json()
            for version in versions:
                # What the file gives is whole in every version read; links to other
                # groups may arrive with later batches.
                for key in ("name", "events", "references", "aliases", "countries"):
                    self.assertEqual(version[key], final[key], (slug, key))
