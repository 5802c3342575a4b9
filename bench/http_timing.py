"""Time the JSON views in-process with Django's test Client (run by bench/run.py).

    DATABASE_URL=... python -m bench.http_timing --country NG --output result.json

Times --requests GETs of each of:
  /groups/?format=json
  /groups/?format=json&country=XX&active_from=1990&active_to=2000
  /groups/<slug>/?format=json      (cycling through slugs read from the list JSON)
after a few warm-up requests, and writes median and p95 latencies (ms), the status codes
and the response sizes as JSON.
"""

import argparse
import json
import logging
import math
import os
import re
import statistics
import sys
import time
import warnings
from collections import Counter
from urllib.parse import urlsplit

WARMUP = 5
MAX_LIST_PAGES = 8


def percentile(values, fraction):
    """Nearest-rank percentile: the p95 of 200 values is the 190th smallest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def parse_json(response):
    try:
        return json.loads(response.content)
    except ValueError:
        return None


def find_slugs(data):
    """Every slug in a list response, whatever its shape: "slug" keys or detail URLs."""
    found = []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "slug" and isinstance(value, str):
                    found.append(value)
                elif isinstance(value, str) and key in ("url", "detail_url", "href", "json_url"):
                    match = re.search(r"/groups/([^/?#]+)/", value)
                    if match:
                        found.append(match.group(1))
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(data)
    return list(dict.fromkeys(found))


def next_url(data):
    if isinstance(data, dict):
        for key in ("next", "next_url", "next_page"):
            value = data.get(key)
            if isinstance(value, str) and value:
                parts = urlsplit(value)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                return (
                    path
                    if "format=json" in path
                    else path + ("&" if "?" in path else "?") + "format=json"
                )
            if isinstance(value, dict):
                return next_url(value)
        for key in ("pagination", "links", "page"):
            if isinstance(data.get(key), dict):
                return next_url(data[key])
    return None


def total_count(data):
    if isinstance(data, dict):
        for key in ("count", "total", "total_count"):
            if isinstance(data.get(key), int):
                return data[key]
        for key in ("pagination", "meta", "page"):
            if isinstance(data.get(key), dict):
                return total_count(data[key])
    return None


def list_page(client, url):
    response = client.get(url)
    return parse_json(response) if response.status_code == 200 else None


def collect_slugs(client, wanted):
    """Slugs from the list JSON: from pages spread over the whole list when the JSON says
    how many groups there are and links to a `page=` URL, else from its first pages."""
    slugs, notes = [], []
    first = list_page(client, "/groups/?format=json")
    if first is not None:
        slugs = find_slugs(first)
        url = next_url(first)
        count = total_count(first)
        if url and count and slugs and re.search(r"[?&]page=\d+", url):
            pages = math.ceil(count / len(slugs))
            per_page = max(1, math.ceil(wanted / MAX_LIST_PAGES))
            picked = [slugs[:: max(1, len(slugs) // per_page)][:per_page]]
            for k in range(1, MAX_LIST_PAGES):
                page = 1 + k * (pages - 1) // (MAX_LIST_PAGES - 1)
                if page <= 1:
                    continue
                data = list_page(client, re.sub(r"([?&]page=)\d+", rf"\g<1>{page}", url))
                found = find_slugs(data) if data is not None else []
                picked.append(found[:: max(1, len(found) // per_page)][:per_page])
            spread = list(dict.fromkeys(s for group in picked for s in group))
            slugs = spread + [s for s in slugs if s not in spread]
        else:
            while url and len(slugs) < wanted and len(slugs) < MAX_LIST_PAGES * 100:
                data = list_page(client, url)
                if data is None:
                    break
                slugs.extend(s for s in find_slugs(data) if s not in slugs)
                url = next_url(data)
        slugs = slugs[:wanted]
    if not slugs:
        from profiles.models import Group

        total = Group.objects.count()
        step = max(1, total // wanted)
        slugs = list(Group.objects.order_by("pk").values_list("slug", flat=True)[::step][:wanted])
        notes.append("the list JSON gave no slugs: detail slugs taken from the database")
    return slugs, notes


def time_requests(client, urls, count):
    """Warm up, then time `count` GETs cycling through urls."""
    for i in range(WARMUP):
        client.get(urls[i % len(urls)])
    times, statuses, sizes = [], Counter(), []
    error = None
    for i in range(count):
        url = urls[i % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        statuses[str(response.status_code)] += 1
        sizes.append(len(response.content))
        if response.status_code >= 400 and error is None:
            exc_info = getattr(response, "exc_info", None)
            error = (
                repr(exc_info[1])[:300]
                if exc_info
                else response.content[:300].decode(errors="replace")
            )
        if (
            error is None
            and response.status_code == 200
            and "json" not in response.get("Content-Type", "")
        ):
            error = f"not JSON: Content-Type {response.get('Content-Type')}"
    return {
        "median_ms": statistics.median(times),
        "p95_ms": percentile(times, 0.95),
        "min_ms": min(times),
        "max_ms": max(times),
        "statuses": dict(statuses),
        "median_bytes": int(statistics.median(sizes)),
        "first_problem": error,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.http_timing")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--country", default="NG")
    parser.add_argument("--output", required=True)
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pgmd.settings")
    # WhiteNoise warns once that collectstatic has not run; static files are not timed.
    warnings.filterwarnings("ignore", message="No directory at")
    import django

    django.setup()
    from django.test import Client

    # Errors are counted in the results; a traceback per failed request is only noise.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    client = Client(raise_request_exception=False)

    slugs, notes = collect_slugs(client, args.requests)
    list_url = "/groups/?format=json"
    filter_url = f"/groups/?format=json&country={args.country}&active_from=1990&active_to=2000"
    endpoints = [
        ("/groups/?format=json", [list_url]),
        (filter_url, [filter_url]),
        (
            f"/groups/<slug>/?format=json ({len(slugs)} slugs)",
            [f"/groups/{s}/?format=json" for s in slugs],
        ),
    ]
    results = []
    for label, urls in endpoints:
        if not urls:
            notes.append(f"{label}: no URLs to request")
            continue
        result = time_requests(client, urls, args.requests)
        result["label"] = label
        results.append(result)
        if result["first_problem"]:
            notes.append(f"{label}: {result['first_problem']}")

    with open(args.output, "w") as out:
        json.dump({"endpoints": results, "notes": notes, "slugs": len(slugs)}, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
