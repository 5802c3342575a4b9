"""The whole public site written as files that any static file server can serve.

Starting from the home page, every page the site links to that a file can hold is
rendered by Django itself (the test client: the same views, templates and middleware),
its links are rewritten to the files (profiles.export.addresses) and it is written under
the output folder; the pages it links to are exported in turn. A link that needs the
server (a search, a sort, several filters) leads to a page saying so, and so does every
filter form. The static assets are copied. A file whose bytes are already there is left
alone, and files an earlier export wrote that no page links to any more are removed, so
a second run after an import rewrites only what changed.
"""

import html
import re
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import override_settings

from profiles.export.addresses import LIVE_ONLY_PATH, STATIC_PREFIX, static_path, url_name

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


@dataclass
class ExportResult:
    pages: int = 0
    written: int = 0
    unchanged: int = 0
    removed: int = 0
    broken: list = field(default_factory=list)  # [(address, HTTP status)]
    seconds: float = 0.0


class SiteExport:
    def __init__(self, out, base_url=""):
        self.out = Path(out)
        # "https://example.org/archive": absolute addresses in texts get the whole of
        # it, links in pages its path. Without it, links and addresses are root-relative.
        self.base_url = base_url.rstrip("/")
        self.base_path = urlsplit(self.base_url).path.rstrip("/")
        self.client = Client()
        self.result = ExportResult()
        self.files = set()

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

    # Writing.

    def write(self, url_path, data):
        relative = unquote(url_path).lstrip("/")
        path = self.out / relative
        self.files.add(relative)
        if path.is_file() and path.read_bytes() == data:
            self.result.unchanged += 1
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.result.written += 1

    def export_url(self, url, found):
        if url.startswith(STATIC_PREFIX):
            source = finders.find(unquote(url[len(STATIC_PREFIX) :]))
            if source is None:
                self.result.broken.append((url, 404))
                return
            self.write(url, Path(source).read_bytes())
            return
        response = self.client.get(url)
        if response.status_code != 200:
            self.result.broken.append((url, response.status_code))
            return
        data = b"".join(response.streaming_content) if response.streaming else response.content
        self.result.pages += 1
        if url_name(urlsplit(url).path) not in VERBATIM:
            text = data.decode("utf-8")
            markup = response["Content-Type"].startswith(("text/html", "application/atom+xml"))
            if response["Content-Type"].startswith("text/html"):
                text = self.rewrite_html(text, url, found)
            text = self.rewrite_absolute(text, found, escaped=markup)
            data = text.encode("utf-8")
        self.write(static_path(url), data)

    def export_live_only_page(self, found):
        text = render_to_string("profiles/live_only.html", {"base_url": self.base_url})
        text = self.rewrite_html(text, LIVE_ONLY_PATH, found)
        self.write(f"{LIVE_ONLY_PATH}index.html", text.encode("utf-8"))

    def run(self):
        started = time.perf_counter()
        previous = self.previous_files()
        # Plain static names ("/static/css/site.css"), and the test client's host.
        plain_static = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        with override_settings(
            STORAGES=plain_static, ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, HOST]
        ):
            queue = deque(SEEDS)
            # By file: "/groups/?page=1" and "/groups/" are one page, rendered once.
            seen = {static_path(url) for url in [*SEEDS, LIVE_ONLY_PATH]}
            found = set()
            self.export_live_only_page(found)
            while queue or found:
                for url in sorted(found):
                    if static_path(url) not in seen:
                        seen.add(static_path(url))
                        queue.append(url)
                found.clear()
                if queue:
                    self.export_url(queue.popleft(), found)
        for relative in sorted(previous - self.files):
            path = self.out / relative
            if path.is_file():
                path.unlink()
                self.result.removed += 1
        (self.out / MANIFEST).write_text("".join(f"{name}\n" for name in sorted(self.files)))
        self.result.seconds = time.perf_counter() - started
        return self.result

    def previous_files(self):
        manifest = self.out / MANIFEST
        if not manifest.is_file():
            return set()
        return set(manifest.read_text().splitlines())


def export_site(out, base_url=""):
    return SiteExport(out, base_url).run()
