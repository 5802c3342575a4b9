"""The whole public site written as files that any static file server can serve.

Starting from the home page, every page the site links to that a file can hold is
rendered by the site's own view function (a request from RequestFactory: the same views
and templates, without the middleware, which only adds headers and sessions that a file
does not keep), its links are rewritten to the files (profiles.export.addresses) and it
is written under the output folder; the pages it links to are exported in turn. A link
that needs the server (a search, a sort, several filters) leads to a page saying so, and
so does every filter form. The static assets are copied. A file whose bytes are already
there is left alone, and files an earlier export wrote that no page links to any more
are removed, so a second run after an import rewrites only what changed.

The pages are rendered by worker processes (`workers`), each with its own database
connection, in batches that the crawl (this process) hands out. A paged list (the group
list and each facet, the timeline, a country, the sources) is read once, in order, for
its keys: its pages are then handed out all at once, each with its rows' keys
(profiles.paging), instead of being found one "Next" link at a time and read with
OFFSET. One worker renders in this process, the same way.
"""

import filecmp
import html
import math
import multiprocessing
import os
import re
import tempfile
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import connections
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import override_settings
from django.urls import resolve

from profiles.export.addresses import (
    LIVE_ONLY_PATH,
    PAGED,
    STATIC_PREFIX,
    static_path,
    url_name,
)
from profiles.paging import ListKeys

HOST = "testserver"
ORIGIN = f"http://{HOST}"
SEEDS = ["/", "/data/codebook/", "/feed/"]
# Files written as received: the data files keep the bytes their checksums describe, and
# a source's text stays exactly as imported.
VERBATIM = {"data-file", "data-release-file", "source-raw"}
# Written by each export: the files it wrote, so that the next one removes the others.
MANIFEST = ".export-files"
LINK_RE = re.compile(r'(?P<attribute>\b(?:href|src|action))="(?P<value>[^"]*)"')
ABSOLUTE_RE = re.compile(re.escape(ORIGIN) + r"(?P<path>/[^\s\"'<>\\]*)")
# The mode of the files written (what write_bytes gives: 0o666 less the umask).
UMASK = os.umask(0)
os.umask(UMASK)
FILE_MODE = 0o666 & ~UMASK
# Pages a worker renders per batch: enough to make handing them out cheap, few enough
# that the workers stay evenly busy.
BATCH = 32


@dataclass
class ExportResult:
    pages: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    broken: list = field(default_factory=list)  # [(address, HTTP status)]
    seconds: float = 0.0
    files: set = field(default_factory=set)  # paths relative to the output folder
    bytes: int = 0  # of the files written or found unchanged
    workers: int = 1


@dataclass
class BatchResult:
    """What a worker did with a batch of addresses."""

    result: ExportResult = field(default_factory=ExportResult)
    found: set = field(default_factory=set)  # site URLs the batch's pages link to
    # {page URL: ListKeys} for the lists whose keys a page of the batch read.
    list_keys: dict = field(default_factory=dict)


class PageWriter:
    """Renders pages with the site's views, rewrites their links, writes their files."""

    def __init__(self, out, base_url=""):
        self.out = Path(out)
        # "https://example.org/archive": absolute addresses in texts get the whole of
        # it, links in pages its path. Without it, links and addresses are root-relative.
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path.rstrip("/")
        self.requests = RequestFactory()

    # Addresses.

    def href(self, url, fragment=""):
        """The address of `url` (a site path and query) in the export's pages."""
        path = static_path(url) or f"{LIVE_ONLY_PATH}index.html"
        if path.endswith("/index.html"):
            path = path[: -len("index.html")]  # served as the folder's index
        return self.base_path + path + (f"#{fragment}" if fragment else "")

    def site_url(self, value, page_url):
        """(site URL without fragment, fragment) of a link on `page_url`, or None for a
        link elsewhere (another site, mailto:, a fragment of the same page)."""
        if value.startswith(ORIGIN):
            value = value[len(ORIGIN) :] or "/"
        if not value or value.startswith("#") or "://" in value or ":" in value.split("/")[0]:
            return None
        parts = urlsplit(urljoin(page_url, value))
        url = parts.path + (f"?{parts.query}" if parts.query else "")
        return url, parts.fragment

    # Rewriting.

    def rewrite_html(self, text, page_url, found):
        def replace(match):
            value = html.unescape(match.group("value"))
            link = self.site_url(value, page_url)
            if link is None:
                return match.group(0)
            url, fragment = link
            if match.group("attribute") == "action":
                url, fragment = LIVE_ONLY_PATH, ""  # filter and search forms need the server
            if static_path(url):
                found.add(url)
            else:
                found.add(LIVE_ONLY_PATH)
            escaped = html.escape(self.href(url, fragment), quote=True)
            return f'{match.group("attribute")}="{escaped}"'

        return LINK_RE.sub(replace, text)

    def rewrite_absolute(self, text, found, escaped):
        """Absolute addresses of the site in a text (JSON, a feed, a citation)."""

        def replace(match):
            value = html.unescape(match.group("path")) if escaped else match.group("path")
            # A sentence's full stop or comma after an address is not part of it.
            stripped = value.rstrip(".,;:!?")
            value, trailing = stripped, value[len(stripped) :]
            parts = urlsplit(value)
            url = parts.path + (f"?{parts.query}" if parts.query else "")
            if static_path(url):
                found.add(url)
            address = self.base_url + self.href(url, parts.fragment)[len(self.base_path) :]
            address += trailing
            return html.escape(address, quote=False) if escaped else address

        return ABSOLUTE_RE.sub(replace, text)

    # Rendering and writing.

    def write(self, url_path, data, result):
        relative = unquote(url_path).lstrip("/")
        path = self.out / relative
        result.files.add(relative)
        result.bytes += len(data)
        if path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data:
            result.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        result.written += 1

    def write_chunks(self, url_path, chunks, result):
        """A streamed file (the data files, the CSVs: up to 830 MB at 50,000 groups),
        written as it comes to a file beside its place, then compared with the one there:
        never whole in memory."""
        relative = unquote(url_path).lstrip("/")
        path = self.out / relative
        result.files.add(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".partial-", delete=False) as file:
            for chunk in chunks:
                file.write(chunk)
                result.bytes += len(chunk)
        partial = Path(file.name)
        if path.is_file() and filecmp.cmp(partial, path, shallow=False):
            partial.unlink()
            result.unchanged += 1
        else:
            partial.chmod(FILE_MODE)  # a temporary file is readable by its owner only
            partial.replace(path)
            result.written += 1

    def rewritten_lines(self, chunks, found):
        """The chunks of a streamed text with the site's addresses rewritten, a line at a
        time (an address never spans lines)."""
        pending = b""
        for chunk in chunks:
            pending += chunk
            cut = pending.rfind(b"\n") + 1
            if cut:
                yield self.rewrite_absolute(pending[:cut].decode("utf-8"), found, False).encode()
                pending = pending[cut:]
        if pending:
            yield self.rewrite_absolute(pending.decode("utf-8"), found, False).encode()

    def respond(self, url, list_keys=None):
        """The view's response to a GET of `url`."""
        request = self.requests.get(url, SERVER_NAME=HOST)
        # The pages tell the reader of the copy where its JSON twins are (not "?format=json").
        request.static_copy = True
        if list_keys is not None:
            request.list_keys = list_keys
        try:
            match = resolve(request.path_info)
        except Http404:
            return None
        request.resolver_match = match
        try:
            return match.func(request, *match.args, **match.kwargs)
        except Http404:
            return None

    def export_url(self, url, batch, list_keys=None):
        result = batch.result
        if url.startswith(STATIC_PREFIX):
            source = finders.find(unquote(url[len(STATIC_PREFIX) :]))
            if source is None:
                result.broken.append((url, 404))
                return
            self.write(url, Path(source).read_bytes(), result)
            return
        response = self.respond(url, list_keys)
        if list_keys is not None and list_keys.all_keys is not None:
            batch.list_keys[url] = list_keys
        if response is None or response.status_code != 200:
            result.broken.append((url, 404 if response is None else response.status_code))
            return
        result.pages += 1
        verbatim = url_name(urlsplit(url).path) in VERBATIM
        if response.streaming:
            # Only files stream (the data files, the CSVs): written as they come.
            chunks = response.streaming_content
            if not verbatim:
                chunks = self.rewritten_lines(chunks, batch.found)
            # Not response.close(): it would send request_finished, whose handler closes
            # the connection; a release file's handle is closed with the response.
            self.write_chunks(static_path(url), chunks, result)
            return
        data = response.content
        if not verbatim:
            text = data.decode("utf-8")
            markup = response["Content-Type"].startswith(("text/html", "application/atom+xml"))
            if response["Content-Type"].startswith("text/html"):
                text = self.rewrite_html(text, url, batch.found)
            text = self.rewrite_absolute(text, batch.found, escaped=markup)
            data = text.encode("utf-8")
        self.write(static_path(url), data, result)

    def export_batch(self, items):
        """[(url, ListKeys or None)] exported; returns a BatchResult."""
        batch = BatchResult()
        for url, list_keys in items:
            self.export_url(url, batch, list_keys)
        return batch

    def export_live_only_page(self, batch):
        text = render_to_string("profiles/live_only.html", {"base_url": self.base_url})
        text = self.rewrite_html(text, LIVE_ONLY_PATH, batch.found)
        self.write(f"{LIVE_ONLY_PATH}index.html", text.encode("utf-8"), batch.result)


# The worker processes' writer (set by start_worker in each of them).
worker_writer = None


def start_worker(out, base_url):
    global worker_writer
    worker_writer = PageWriter(out, base_url)


def export_in_worker(items):
    return worker_writer.export_batch(items)


def series_of(url):
    """(path, facet parameters) of a page of a paged list in HTML or JSON, else None."""
    parts = urlsplit(url)
    if url_name(parts.path) not in PAGED:
        return None
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    if params.get("format", "html") not in ("html", "json"):
        return None
    facet = tuple(sorted((k, v) for k, v in params.items() if k not in ("page", "format")))
    return parts.path, facet


def output_of(url):
    return dict(parse_qsl(urlsplit(url).query)).get("format", "html")


def page_address(series, output, number):
    path, facet = series
    params = [*facet, *([("format", output)] if output != "html" else [])]
    if number > 1:
        params.append(("page", str(number)))
    return f"{path}?{urlencode(sorted(params))}" if params else path


@dataclass
class Series:
    """A paged list whose keys were read: every page of it can be handed out."""

    keys: object  # array of primary keys, in the list's order
    per_page: int
    outputs: set = field(default_factory=set)  # formats whose pages were handed out

    @property
    def pages(self):
        return math.ceil(max(len(self.keys), 1) / self.per_page)

    def page_keys(self, number):
        bottom = (number - 1) * self.per_page
        return ListKeys(count=len(self.keys), keys=list(self.keys[bottom : bottom + self.per_page]))


class SiteExport:
    """The crawl: which pages to export, handed out in batches to the workers."""

    def __init__(self, out, base_url="", workers=1):
        self.out = Path(out)
        self.writer = PageWriter(out, base_url)
        self.workers = max(1, workers)
        self.result = ExportResult(workers=self.workers)
        self.queue = deque()  # (url, series or None, page number)
        self.seen = set()  # static paths handed out
        self.series = {}  # (path, facet) -> Series
        self.reading_keys = {}  # (path, facet) -> URLs waiting for its keys

    # The crawl.

    def discover(self, url):
        path = static_path(url)
        if path is None or path in self.seen:
            return
        series = series_of(url)
        if series is None:
            self.seen.add(path)
            self.queue.append((url, None, None))
        elif series in self.series:
            self.hand_out_series(series, output_of(url))
            if path not in self.seen:  # a page past the list's end: its 404 is reported
                self.seen.add(path)
                self.queue.append((url, None, None))
        elif series in self.reading_keys:
            self.reading_keys[series].add(url)
        else:
            # This page reads the whole list's keys; the list's other pages wait for them.
            self.reading_keys[series] = set()
            self.seen.add(path)
            self.queue.append((url, series, 0))

    def hand_out_series(self, series, output):
        known = self.series[series]
        if output in known.outputs:
            return
        known.outputs.add(output)
        for number in range(1, known.pages + 1):
            url = page_address(series, output, number)
            path = static_path(url)
            if path not in self.seen:
                self.seen.add(path)
                self.queue.append((url, series, number))

    def keys_read(self, url, list_keys):
        series = series_of(url)
        self.series[series] = Series(list_keys.all_keys, list_keys.per_page)
        self.hand_out_series(series, output_of(url))
        for waiting in sorted(self.reading_keys.pop(series, ())):
            self.discover(waiting)

    def next_batch(self):
        """([(url, ListKeys or None)], the lists whose keys the batch reads)."""
        items, reading = [], set()
        while self.queue and len(items) < BATCH:
            url, series, number = self.queue.popleft()
            if series is None:
                items.append((url, None))
            elif number == 0:
                items.append((url, ListKeys()))
                reading.add(series)
            else:
                items.append((url, self.series[series].page_keys(number)))
        return items, reading

    def merge(self, batch, reading=()):
        result = self.result
        result.pages += batch.result.pages
        result.written += batch.result.written
        result.unchanged += batch.result.unchanged
        result.broken += batch.result.broken
        result.files |= batch.result.files
        result.bytes += batch.result.bytes
        for url, list_keys in batch.list_keys.items():
            self.keys_read(url, list_keys)
        for series in reading:
            if series not in self.series:
                # Its page did not answer: the pages waiting for its keys are fetched
                # one by one, and report their own errors.
                for url in sorted(self.reading_keys.pop(series, ())):
                    path = static_path(url)
                    if path not in self.seen:
                        self.seen.add(path)
                        self.queue.append((url, None, None))
        for url in sorted(batch.found):
            self.discover(url)

    def crawl_serially(self):
        while self.queue:
            items, reading = self.next_batch()
            self.merge(self.writer.export_batch(items), reading)

    def crawl_in_workers(self):
        # Each worker opens its own connection: none may inherit this process's socket.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        pending = {}  # future -> the lists whose keys its batch reads
        with ProcessPoolExecutor(
            self.workers,
            mp_context=context,
            initializer=start_worker,
            initargs=(self.writer.out, self.writer.base_url),
        ) as pool:
            while self.queue or pending:
                # A few batches ahead per worker, so that none waits for this process.
                while self.queue and len(pending) < self.workers * 3:
                    items, reading = self.next_batch()
                    pending[pool.submit(export_in_worker, items)] = reading
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    self.merge(future.result(), pending.pop(future))

    def run(self):
        started = time.perf_counter()
        previous = self.previous_files()
        # Plain static names ("/static/css/site.css"), and the request's host.
        plain_static = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(
            STORAGES=plain_static, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, HOST]
        ):
            # By file: "/groups/?page=1" and "/groups/" are one page, rendered once.
            self.seen.add(static_path(LIVE_ONLY_PATH))
            live_only = BatchResult()
            self.writer.export_live_only_page(live_only)
            for url in SEEDS:
                self.discover(url)
            self.merge(live_only)
            if self.workers > 1:
                self.crawl_in_workers()
            else:
                self.crawl_serially()
        for relative in sorted(previous - self.result.files):
            path = self.out / relative
            if path.is_file():
                path.unlink()
                self.result.removed += 1
        (self.out / MANIFEST).write_text("".join(f"{name}\n" for name in sorted(self.result.files)))
        self.result.seconds = time.perf_counter() - started
        return self.result

    def previous_files(self):
        manifest = self.out / MANIFEST
        if not manifest.is_file():
            return set()
        return set(manifest.read_text().splitlines())


def export_site(out, base_url="", workers=1):
    return SiteExport(out, base_url, workers).run()
