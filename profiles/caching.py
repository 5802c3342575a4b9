"""HTTP caching of the public pages: the archive changes only when a curator or an import
writes, so one timestamp (ArchiveState) validates every page, and a page rendered once
serves every reader until the next change (the page cache: Redis when REDIS_URL is set,
shared by every process; else in each process's memory).

A conditional request is answered 304 after one small query, by NotModifiedMiddleware
before sessions, CSRF and authentication run (or by the view decorator, without it).
The ETag also carries today's date because a profile shows it (the "accessed" date of
its citation), so a page cached yesterday is rendered again today.
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.functional import cached_property
from django.utils.http import http_date
from redis.exceptions import RedisError

from profiles.models import ArchiveState

logger = logging.getLogger(__name__)


def archive_validators(changed_at=None):
    """(ETag, Last-Modified timestamp) of every public page right now (or as of the
    archive's change at `changed_at`)."""
    changed_at = changed_at or ArchiveState.recently_changed()
    today = timezone.localdate()
    etag = f'"{int(changed_at.timestamp() * 1_000_000):x}-{today:%Y%m%d}"'
    return etag, int(changed_at.timestamp())


def validators_for(request):
    """archive_validators(), read once per request: the middleware and the view share it."""
    if not hasattr(request, "archive_validators"):
        # The view may need the change itself too (profiles.summaries).
        request.archive_changed_at = ArchiveState.recently_changed()
        request.archive_validators = archive_validators(request.archive_changed_at)
    return request.archive_validators


def set_validators(response, etag, last_modified):
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(last_modified)
    # Caches may keep a page but must ask again (cheaply, with the validators) before
    # reusing it, so a curator's correction shows at once.
    patch_cache_control(response, public=True, no_cache=True)


def archive_conditional(view):
    """Validators on successful pages, 304 Not Modified when the reader has them, and the
    page itself from the page cache when another reader asked for it since the archive
    last changed."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        etag, last_modified = validators_for(request)
        request.archive_version = etag
        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            response = cached_page(request, lambda: view(request, *args, **kwargs))
        # Errors are not validated: they may be fixed at any time.
        if response.status_code in (200, 304):
            set_validators(response, etag, last_modified)
        return response

    # NotModifiedMiddleware answers conditional requests only for views marked so.
    wrapper.archive_conditional = True
    return wrapper


def cached_page(request, render_page):
    """The page for this address as it was rendered since the archive's last change, or
    render_page() (kept for the next reader when it can be shared).

    The key is the archive's version (which also carries the date) and the whole address
    with its host: a page shows absolute links. The public pages read no cookie and no
    user, so one copy serves every reader. Errors, streamed downloads, pages setting a
    cookie and very large pages are not kept. Pages rendered for the static copy
    (export_site) differ from the live ones and are read once: they skip the cache.
    """
    if getattr(request, "static_copy", False):
        return render_page()
    key = (
        "page:"
        + hashlib.sha256(
            repr((request.archive_version, request.build_absolute_uri())).encode()
        ).hexdigest()
    )
    stored = cache_get(key)
    if stored is not None:
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        return response
    response = render_page()
    if (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and len(response.content) <= settings.PAGE_CACHE_MAX_BYTES
    ):
        headers = list(response.items())
        cache_set(key, (200, headers, response.content), timeout=settings.PAGE_CACHE_SECONDS)
    return response


class NotModifiedMiddleware:
    """304 Not Modified for the public pages, before the rest of the middleware runs.

    A reader (or a cache) revalidating a page needs nothing but the archive's last change:
    answering here spares the session, CSRF, authentication and messages middleware and
    the URL's view. Anything else goes on down the stack unchanged.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        conditional = "HTTP_IF_NONE_MATCH" in request.META or (
            "HTTP_IF_MODIFIED_SINCE" in request.META
        )
        if conditional and request.method in ("GET", "HEAD"):
            try:
                view = resolve(request.path_info).func
            except Resolver404:
                view = None
            if getattr(view, "archive_conditional", False):
                etag, last_modified = validators_for(request)
                response = get_conditional_response(request, etag=etag, last_modified=last_modified)
                if response is not None and response.status_code == 304:
                    set_validators(response, etag, last_modified)
                    return response
        return self.get_response(request)


def archive_cached(request, name, compute, *key_parts):
    """compute(), remembered until the archive changes.

    For aggregates that scan (counts of a million events, facets): they can only change
    when the archive does, so the version in the key is the whole invalidation. Without
    a version (a view not wrapped in archive_conditional) nothing is cached.
    """
    version = getattr(request, "archive_version", None)
    if version is None:
        return compute()
    digest = hashlib.sha256(repr((version, name, key_parts)).encode()).hexdigest()
    key = f"archive:{digest}"
    value = cache_get(key)
    if value is None:
        value = compute()
        cache_set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    return value


# A shared cache that does not answer (Redis down or unreachable) costs the reader the
# rendering, never the page: the error is logged and the page rendered as without cache.
CACHE_ERRORS = (RedisError, OSError)


def cache_get(key):
    try:
        return cache.get(key)
    except CACHE_ERRORS as error:
        logger.warning("the cache did not answer (%s): rendering without it", error)
        return None


def cache_set(key, value, timeout):
    try:
        cache.set(key, value, timeout=timeout)
    except CACHE_ERRORS as error:
        logger.warning("the cache did not answer (%s): nothing kept", error)


class KnownCountPaginator(Paginator):
    """A Paginator given its count (from archive_cached) instead of running COUNT(*)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count
