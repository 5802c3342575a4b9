"""Where each address of the site lives in the static export, and which addresses need
the server.

A static file server ignores query strings, so every query a page links to that the
export holds becomes part of a path: `/groups/?country=PK&page=2` is the file
`groups/country=PK&page=2/index.html`, its JSON twin `.../index.json`. Searching,
sorting and combining filters need the server: their links lead to a page saying so.
"""

import re
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from django.urls import Resolver404, resolve

# The page a link leads to when what it asks for needs the server (a search, a sort,
# several filters at once).
LIVE_ONLY_PATH = "/live-only/"
STATIC_PREFIX = "/static/"

# The public pages, by URL name: which formats each has.
PAGE_FORMATS = {
    "home": {"html"},
    "group-list": {"html", "json", "csv"},
    "group-detail": {"html", "json"},
    "timeline": {"html", "json", "csv"},
    "network": {"html"},
    "country-list": {"html", "json"},
    "country-detail": {"html", "json"},
    "source-list": {"html", "json"},
    "source-detail": {"html", "json"},
    "source-raw": {"txt"},
    "about": {"html"},
    "feed": {"xml"},
    "data": {"html"},
    "data-codebook": {"html"},
    "data-file": {"file"},
    "data-release": {"html"},
    "data-release-file": {"file"},
}
# Lists whose pages are exported one by one (?page=N).
PAGED = {"group-list", "timeline", "country-detail", "source-list"}
# The group list's facets, each exported alone: a country, a kind, or a decade.
FACETS = [{"country"}, {"kind"}, {"active_from", "active_to"}]
# Facet values are codes, kinds and years: anything else is not a facet link.
VALUE_RE = re.compile(r"[A-Za-z0-9_-]+")
EXTENSIONS = {"html": "html", "json": "json", "csv": "csv", "txt": "txt", "xml": "xml"}


def url_name(path):
    try:
        return resolve(path).url_name
    except Resolver404:
        return None


# Each page links the same menus, lists and facets: an address is resolved once (a
# profile's page has some 40 links, each a walk through the URL patterns).
@lru_cache(maxsize=2**17)
def static_path(url):
    """The path of the file that holds `url` (a path with its query, no host) in the
    export, or None when the export cannot hold it."""
    parts = urlsplit(url)
    path = parts.path
    if path.startswith(STATIC_PREFIX):
        return path if not parts.query else None
    if path == LIVE_ONLY_PATH:
        return f"{LIVE_ONLY_PATH}index.html"
    name = url_name(path)
    formats = PAGE_FORMATS.get(name)
    if formats is None:
        return None
    params = dict(parse_qsl(parts.query, keep_blank_values=True))
    if len(params) != len(parse_qsl(parts.query, keep_blank_values=True)):
        return None  # a parameter given twice (several countries): the server's
    if "file" in formats:
        return path if not params else None
    output = params.pop("format", None) or next(iter(formats & {"html", "txt", "xml"}), "html")
    if output not in formats:
        return None
    page = params.pop("page", None)
    if page is not None:
        if name not in PAGED or not page.isdigit() or int(page) < 1 or output == "csv":
            return None
        if page != "1":
            params["page"] = page
    facet = set(params) - {"page"}
    if facet and (name != "group-list" or facet not in FACETS):
        return None
    if not all(VALUE_RE.fullmatch(value) for value in params.values()):
        return None
    folder = quote(urlencode(sorted(params.items())), safe="=") + "/" if params else ""
    return f"{path}{folder}index.{EXTENSIONS[output]}"
