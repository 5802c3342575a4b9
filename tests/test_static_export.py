"""manage.py export_site: the seeds exported, served by a plain static server
(python -m http.server) and crawled: every link answers, every profile and its JSON are
there, the JSON is valid; a second run rewrites only what changed; worker processes write
the same files as one; a list's pages read by key are the pages readers get."""

import io
import json
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urljoin, urlsplit

from django.core.management import CommandError, call_command
from django.test import (
    RequestFactory,
    SimpleTestCase,
    TestCase,
    TransactionTestCase,
    override_settings,
)
from django.urls import resolve

from profiles.export.addresses import static_path
from profiles.models import Group
from profiles.paging import ListKeys
from tests.factories import make_group
from tests.test_data_downloads import import_fixtures


class Links(HTMLParser):
    def __init__(self, text):
        super().__init__()
        self.links = []
        self.feed(text)

    def handle_starttag(self, tag, attributes):
        for name, value in attributes:
            if name in ("href", "src", "action") and value:
                self.links.append(value)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class StaticServer:
    """python -m http.server serving a folder, as any static host would."""

    def __init__(self, folder):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(self.port), "--bind", "127.0.0.1",
             "--directory", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.origin = f"http://127.0.0.1:{self.port}"
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.1):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("the static server did not start")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def export(folder, *args, workers=1):
    out = io.StringIO()
    call_command(
        "export_site", str(folder), "--workers", str(workers), *args,
        stdout=out, stderr=io.StringIO(),
    )  # fmt: skip
    return out.getvalue()


def files_of(folder):
    """{path relative to the folder: bytes} of every file below it."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


# Short pages, so that every list has several.
SHORT_PAGES = override_settings(GROUPS_PER_PAGE=2, TIMELINE_EVENTS_PER_PAGE=4, SOURCES_PER_PAGE=1)


class AddressTests(SimpleTestCase):
    def test_what_a_file_can_hold_and_what_needs_the_server(self):
        for url, expected in [
            ("/", "/index.html"),
            ("/groups/", "/groups/index.html"),
            ("/groups/?page=1", "/groups/index.html"),
            ("/groups/?page=2", "/groups/page=2/index.html"),
            ("/groups/?format=json&page=2", "/groups/page=2/index.json"),
            ("/groups/?country=PK", "/groups/country=PK/index.html"),
            ("/groups/?page=2&country=PK", "/groups/country=PK%26page=2/index.html"),
            ("/groups/?active_to=1999&active_from=1990",
             "/groups/active_from=1990%26active_to=1999/index.html"),
            ("/groups/?format=csv", "/groups/index.csv"),
            ("/groups/alpha/?format=json", "/groups/alpha/index.json"),
            ("/timeline/?format=csv", "/timeline/index.csv"),
            ("/sources/a.txt/raw/", "/sources/a.txt/raw/index.txt"),
            ("/feed/", "/feed/index.xml"),
            ("/network/", "/network/index.html"),
            ("/data/groups.csv", "/data/groups.csv"),
            ("/static/css/site.css", "/static/css/site.css"),
            # the server's
            ("/groups/?q=front", None),
            ("/groups/?sort=name", None),
            ("/groups/?country=PK&kind=armed_group", None),
            ("/groups/?country=PK&country=IN", None),
            ("/groups/?format=csv&page=2", None),
            ("/timeline/?country=PK", None),
            ("/countries/?format=csv", None),
            ("/admin/", None),
            ("/groups/?page=abc", None),
        ]:  # fmt: skip
            with self.subTest(url):
                self.assertEqual(static_path(url), expected)


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        import_fixtures()
        make_group("Harbour Watch", countries=["IN"])
        make_group("Échelon Noir", countries=["FR"])

    def setUp(self):
        # The copy goes to ROOT/copy, the releases to ROOT/releases.
        self.root = Path(tempfile.mkdtemp(prefix="export-"))
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)
        self.out = self.root / "copy"
        self.releases = self.root / "releases"
        releases = override_settings(RELEASES_DIR=self.releases)
        releases.enable()
        self.addCleanup(releases.disable)
        call_command("release", "1.0", stdout=io.StringIO())

    def crawl(self, origin, prefix):
        """Every address reachable from the home page, below `prefix`:
        {path: (status, content type)}, and the JSON files read."""
        seen, queue, answers, json_files = {"/"}, ["/"], {}, {}
        while queue:
            path = queue.pop()
            try:
                with urllib.request.urlopen(origin + prefix + quote(path)) as response:
                    status, kind = response.status, response.headers["Content-Type"]
                    body = response.read()
            except urllib.error.HTTPError as error:
                answers[path] = (error.code, "")
                continue
            answers[path] = (status, kind)
            if path.endswith(".json"):
                json_files[path] = json.loads(body)
            if "text/html" not in kind:
                continue
            for link in Links(body.decode("utf-8")).links:
                target = urlsplit(urljoin(origin + prefix + quote(path), link))
                if f"{target.scheme}://{target.netloc}" != origin:
                    continue
                self.assertTrue(target.path.startswith(prefix + "/"), link)
                target_path = unquote(target.path[len(prefix) :])
                if target_path not in seen:
                    seen.add(target_path)
                    queue.append(target_path)
        return answers, json_files

    def test_the_export_works_from_a_plain_static_server(self):
        output = export(self.out, "--base-url", "https://archive.example.org/copy")
        # Each file rendered once (not "/groups/" again as "/groups/?page=1").
        pages, written = re.match(
            r"^(\d+) pages in [\d.]+ s: (\d+) files written, 0 unchanged", output
        ).groups()
        assets = [path for path in (self.out / "static").rglob("*") if path.is_file()]
        # the pages, the static assets, and the page saying what needs the server
        self.assertEqual(int(written), int(pages) + len(assets) + 1)
        # Links carry the base URL's path (/copy): the server serves the folder above.
        server = StaticServer(self.root)
        self.addCleanup(server.stop)
        answers, json_files = self.crawl(server.origin, "/copy")
        broken = {path: answer for path, answer in answers.items() if answer[0] != 200}
        self.assertEqual(broken, {})

        for slug in Group.objects.values_list("slug", flat=True):
            with self.subTest(slug):
                folder = self.out / "groups" / slug
                self.assertTrue((folder / "index.html").is_file())
                profile = json.loads((folder / "index.json").read_text())
                self.assertEqual(profile["slug"], slug)
        for path in self.out.rglob("*.json"):
            json.loads(path.read_text())  # every JSON file is valid
        self.assertIn("/groups/index.json", json_files)
        self.assertIn("/data/datapackage.json", answers)
        self.assertIn("/groups/country=PK/", answers)  # a country facet, pre-rendered
        self.assertIn("/groups/échelon-noir/", answers)
        self.assertIn("/countries/PK/", answers)
        self.assertIn("/network/", answers)  # the whole archive's ties
        self.assertEqual(answers["/static/css/site.css"][0], 200)
        self.assertTrue(answers["/sources/004_6d5b354a8c919a76.txt/raw/index.txt"][1]
                        .startswith("text/plain"))  # fmt: skip

        # Absolute addresses in texts point into the copy; the release keeps its bytes.
        profile = (self.out / "groups" / "mqm-haqiqi" / "index.html").read_text()
        self.assertIn("https://archive.example.org/copy/groups/mqm-haqiqi/", profile)
        self.assertNotIn("testserver", profile)
        listing = json.loads((self.out / "groups" / "index.json").read_text())
        self.assertTrue(
            all(item["url"].startswith("https://archive.example.org/copy/groups/")
                for item in listing["results"])
        )  # fmt: skip
        # Streamed files are written as they come: a CSV's addresses are rewritten too.
        timeline_csv = (self.out / "timeline" / "index.csv").read_text()
        self.assertIn("https://archive.example.org/copy/groups/mqm-haqiqi/", timeline_csv)
        self.assertNotIn("testserver", timeline_csv)
        self.assertEqual(list(self.out.rglob(".partial-*")), [])  # no partial file left
        page_mode = (self.out / "index.html").stat().st_mode
        self.assertEqual((self.out / "timeline" / "index.csv").stat().st_mode, page_mode)
        self.assertEqual((self.out / "data" / "groups.csv").stat().st_mode, page_mode)
        release = self.releases / "1.0" / "groups.csv"
        self.assertEqual((self.out / "data" / "1.0" / "groups.csv").read_bytes(),
                         release.read_bytes())  # fmt: skip

    def test_search_and_combined_filters_explain_they_need_the_live_site(self):
        export(self.out)
        page = (self.out / "groups" / "index.html").read_text()
        self.assertRegex(page, r'<form[^>]*action="/live-only/"')
        live_only = (self.out / "live-only" / "index.html").read_text()
        self.assertIn("This needs the live site", live_only)
        self.assertIn('href="/groups/"', live_only)
        profile = (self.out / "groups" / "mqm-haqiqi" / "index.html").read_text()
        self.assertNotIn("/admin/", profile)  # the curators' link leads there too
        self.assertFalse(re.search(r'href="[^"]*\?', page), "a link with a query string")

    def test_a_second_run_rewrites_only_what_changed(self):
        export(self.out)
        output = export(self.out)
        self.assertRegex(output, r": 0 files written, \d+ unchanged, 0 removed\.")

        harbour = Group.objects.get(slug="harbour-watch")
        harbour.purpose = "Guarding the harbour."
        harbour.save()
        Group.objects.get(slug="échelon-noir").delete()
        output = export(self.out)
        written = int(re.search(r"(\d+) files written", output).group(1))
        unchanged = int(re.search(r"(\d+) unchanged", output).group(1))
        self.assertGreater(written, 0)
        self.assertLess(written, unchanged)
        self.assertIn("Guarding the harbour.",
                      (self.out / "groups" / "harbour-watch" / "index.html").read_text())  # fmt: skip
        self.assertFalse((self.out / "groups" / "échelon-noir" / "index.html").exists())
        self.assertRegex(output, r"[1-9]\d* removed")

    def test_a_bad_base_url_is_refused(self):
        with self.assertRaisesMessage(CommandError, "--base-url must start with http"):
            export(self.out, "--base-url", "archive.example.org")

    def test_the_copy_says_where_its_json_is(self):
        export(self.out)
        page = (self.out / "countries" / "index.html").read_text()
        footer = page[page.index('<footer class="site-footer">') :]
        self.assertNotIn("?format=json", footer)  # a static host ignores the query
        self.assertIn('href="/groups/index.json"', footer)
        self.assertIn("<code>index.json</code>", footer)
        self.assertIn("add <code>?format=json</code>", self.client.get("/countries/").text)


@SHORT_PAGES
class KeyedPagesTests(TestCase):
    """The export reads a list's keys once and each page by key (profiles.paging): the
    pages are byte for byte those a reader gets, which read them with OFFSET."""

    @classmethod
    def setUpTestData(cls):
        import_fixtures()
        for number in range(5):
            make_group(f"Harbour Watch {number}", countries=["IN"])

    def keyed(self, url, list_keys):
        request = RequestFactory().get(url)
        request.list_keys = list_keys
        match = resolve(request.path)
        return match.func(request, *match.args, **match.kwargs)

    def test_every_page_read_by_key_is_the_page_readers_get(self):
        lists = ["/groups/", "/groups/?country=IN", "/timeline/", "/countries/IN/", "/sources/"]
        for address in lists:
            for output in ("html", "json"):
                url = f"{address}{'&' if '?' in address else '?'}format={output}"
                # The first page reads the whole list's keys, the others get theirs.
                everything = ListKeys()
                first = self.keyed(url, everything)
                self.assertEqual(first.content, self.client.get(url).content, url)
                self.assertGreater(everything.count, everything.per_page, url)
                pages = -(-everything.count // everything.per_page)
                for number in range(2, pages + 1):
                    with self.subTest(url=url, page=number):
                        bottom = (number - 1) * everything.per_page
                        keys = list(everything.all_keys[bottom : bottom + everything.per_page])
                        page_url = f"{url}&page={number}"
                        response = self.keyed(page_url, ListKeys(everything.count, keys))
                        self.assertEqual(response.status_code, 200)
                        self.assertEqual(response.content, self.client.get(page_url).content)


@SHORT_PAGES
class ParallelExportTests(TransactionTestCase):
    """Worker processes (each its own database connection) write the same files as one
    process does. The rows are committed, so that the workers' connections see them."""

    def setUp(self):
        import_fixtures()
        for number in range(5):
            make_group(f"Harbour Watch {number}", countries=["IN"])
        self.root = Path(tempfile.mkdtemp(prefix="export-"))
        self.addCleanup(shutil.rmtree, self.root, ignore_errors=True)

    def test_workers_write_the_same_files_as_one_process(self):
        serial = export(self.root / "serial", workers=1)
        parallel = export(self.root / "parallel", workers=3)
        serial_files = files_of(self.root / "serial")
        parallel_files = files_of(self.root / "parallel")
        self.assertEqual(sorted(parallel_files), sorted(serial_files))
        for name, data in serial_files.items():
            with self.subTest(name):
                self.assertEqual(parallel_files[name], data)
        self.assertIn("groups/page=3/index.json", serial_files)  # lists of several pages
        self.assertIn("timeline/page=2/index.html", serial_files)
        pages = re.match(r"^(\d+) pages", serial).group(1)
        self.assertTrue(parallel.startswith(f"{pages} pages in "), parallel)

        # The second run, in workers too, compares every file and writes none.
        again = export(self.root / "parallel", workers=3)
        self.assertRegex(
            again, rf"^{pages} pages in [\d.]+ s: 0 files written, \d+ unchanged, 0 removed"
        )
