"""Fuzzing the public pages: generated paths and query strings, no answer may be a 5xx.

    python -m scripts.fuzz [COUNT]      (make fuzz: 10,000 on SQLite and on PostgreSQL)

Runs in-process through Django's test client (no network) with debug off, against a
scratch test database (the configured DATABASE_URL's, prefixed test_) holding fixtures/.
Each request is one of the site's public URL patterns with a generated value in its path
(real ones, unicode, NUL, control characters, broken percent-escapes, very long ones) and a
generated query string (the parameters the pages read and others, with numbers in other
scripts, superscripts, huge and negative values, repeats). The generator is seeded
(FUZZ_SEED, default 0), so a failure can be replayed. Stops at a time budget
(FUZZ_SECONDS, default 150) and prints what it managed; exits 1 on any 5xx.
"""

import io
import logging
import os
import random
import sys
import tempfile
import time
from collections import Counter
from urllib.parse import quote

COUNT = 10_000
PATTERNS = [
    "/",
    "/groups/",
    "/groups/{slug}/",
    "/timeline/",
    "/countries/",
    "/countries/{code}/",
    "/sources/",
    "/sources/{filename}/",
    "/sources/{filename}/raw/",
    "/about/",
    "/feed/",
    "/network/",
    "/data/",
    "/data/codebook/",
    "/data/{datafile}",
    "/data/{version}/",
    "/data/{version}/{releasefile}",
    "/healthz",
    "/.well-known/security.txt",
]
# "page" thrice: every list reads it, and numbers are where int() used to fail.
PARAMETERS = [
    "q", "page", "page", "page", "country", "active_from", "active_to", "kind", "status", "sort", "format",
    "from", "to", "file_format", "old", "new", "p", "o", "_", "",
]  # fmt: skip
NASTY_TEXT = [
    "\x00", "a\x00b", "\x01\x1f\x7f", "²", "①", "٣", "১২", "Ⅻ", "½", "1e3", "0x10", "-1", "0",
    "+5", " 7 ", "1.5", "9" * 30, "9" * 5000, "-" + "9" * 25, "NaN", "inf", "", " ", "%",
    "%00", "%ff", "%%", "'", '"', "\\", "--", "' OR 1=1 --", '"unclosed', "-army", "or",
    "<script>", "\u202e", "\ud7ff", "🙂", "Ωμέγα", "ß", "İ", "ǅ", "\u200b", "a" * 5000,
    "pk", "PK", "zz", "XX", "relevance", "json", "csv", "html", "xml", "guidebook",
    "pro_government_militia", "active", "1990", "2100", "10000", "1", "2", "500",
]  # fmt: skip
# What a number parameter may be sent instead of a number: digits of other scripts
# (str.isdigit() but not always int()), too many digits for int(), signs, decimals.
NUMBER_LIKE = [
    "²", "①", "٣", "১২", "Ⅻ", "½", "𝟙", "1e3", "0x10", "-1", "0", "00", "+5", " 7 ", "1.5",
    "1,000", "9" * 19, "9" * 30, "9" * 5000, "-" + "9" * 25, "NaN", "inf", "", "1\x00",
]  # fmt: skip
NUMBER_PARAMETERS = {"page", "active_from", "active_to", "from", "to", "old", "new"}
PATH_NASTY = [
    "\x00", "%00", "a%00b", "%2f", "%2F..%2F", "..", ".", "%ff%fe", "%c0%af", "²", "①",
    "x" * 300, "x" * 3000, "%e2%80%ae", "🙂", "ß", "MQM%20Haqiqi", "mqm-haqiqi%00",
    "%25", "%", "?", "#", ";", "~", "\t", "%0d%0aSet-Cookie:x=1", "%20", "con", "aux",
]  # fmt: skip


def generated_value(rng, known):
    kind = rng.random()
    if kind < 0.35:
        return rng.choice(NASTY_TEXT)
    if kind < 0.55:
        return rng.choice(known) if known else ""
    if kind < 0.7:
        return str(rng.randint(-(10**12), 10**12))
    if kind < 0.85:
        # Any code point but surrogates: what a browser could send, UTF-8 encoded.
        return "".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0xD7FF)]))
                       for _ in range(rng.randint(1, 12)))  # fmt: skip
    return rng.choice(NASTY_TEXT) + rng.choice(known or [""]) + rng.choice(NASTY_TEXT)


def generated_segment(rng, known):
    kind = rng.random()
    if kind < 0.3:
        return rng.choice(known)
    if kind < 0.6:
        return rng.choice(PATH_NASTY)  # already escaped (or deliberately not)
    if kind < 0.8:
        return rng.choice(known) + rng.choice(PATH_NASTY)
    return quote(generated_value(rng, known), safe="")


def generated_query(rng, values):
    pairs = []
    for _ in range(rng.choice([0, 1, 1, 2, 3, 5])):
        name = rng.choice(PARAMETERS)
        if name in NUMBER_PARAMETERS and rng.random() < 0.5:
            value = rng.choice(NUMBER_LIKE)
        else:
            value = generated_value(rng, values)
        if rng.random() < 0.1:
            pairs.append(quote(name, safe="") + "=" + rng.choice(PATH_NASTY))  # raw escapes
        else:
            pairs.append(quote(name, safe="") + "=" + quote(value, safe=""))
    return "&".join(pairs)


def generated_requests(rng, count, known):
    """COUNT addresses: a pattern with generated path values, and a query string."""
    for _ in range(count):
        pattern = rng.choice(PATTERNS)
        path = pattern.format(
            slug=generated_segment(rng, known["slug"]),
            code=generated_segment(rng, known["code"]),
            filename=generated_segment(rng, known["filename"]),
            datafile=generated_segment(rng, known["datafile"]),
            version=generated_segment(rng, known["version"]),
            releasefile=generated_segment(rng, known["releasefile"]),
        )
        query = generated_query(rng, known["value"])
        yield f"{path}?{query}" if query else path


def known_values():
    """Real slugs, country codes, file names and releases, so that requests also reach the
    pages."""
    from profiles.dataset.files import JSON_FILENAME, PACKAGE_FILENAME
    from profiles.dataset.tables import TABLES_BY_NAME
    from profiles.models import Group, GroupCountry, Release, SourceDocument

    releases = list(Release.objects.all())
    return {
        "slug": list(Group.objects.values_list("slug", flat=True)) or ["x"],
        "code": sorted(set(GroupCountry.objects.values_list("code", flat=True))) or ["PK"],
        "filename": list(SourceDocument.objects.values_list("filename", flat=True)) or ["x"],
        "datafile": [f"{name}.csv" for name in TABLES_BY_NAME] + [JSON_FILENAME, PACKAGE_FILENAME],
        "version": [release.version for release in releases] or ["1.0"],
        "releasefile": [file["name"] for release in releases for file in release.files] or ["x"],
        "value": ["mqm", "militia", "PK", "IN", "1990", "1994", "name", "-formation"],
    }


def fuzz(client, addresses, deadline=None):
    """(statuses Counter, [(address, status, error)] of every 5xx, requests sent)."""
    statuses, failures, sent = Counter(), [], 0
    for address in addresses:
        if deadline is not None and time.monotonic() > deadline:
            break
        response = client.get(address)
        sent += 1
        statuses[response.status_code] += 1
        if response.status_code >= 500:
            error = getattr(response, "exc_info", None)
            failures.append((address, response.status_code, repr(error[1]) if error else ""))
    return statuses, failures, sent


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pgmd.settings")
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    count = int(sys.argv[1]) if len(sys.argv) > 1 else COUNT
    releases = tempfile.TemporaryDirectory(prefix="fuzz-releases-")
    settings.RELEASES_DIR = releases.name
    seed = int(os.environ.get("FUZZ_SEED", "0"))
    budget = float(os.environ.get("FUZZ_SECONDS", "150"))
    # Every 5xx is reported below, by address: not also as a traceback in the log.
    logging.getLogger("django.request").setLevel(logging.CRITICAL)
    setup_test_environment(debug=False)
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        call_command("import_profiles", "fixtures/", stdout=io.StringIO())
        call_command("release", "1.0", stdout=io.StringIO())
        client = Client(raise_request_exception=False)
        started = time.monotonic()
        addresses = generated_requests(random.Random(seed), count, known_values())
        statuses, failures, sent = fuzz(client, addresses, deadline=started + budget)
        elapsed = time.monotonic() - started
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
        releases.cleanup()

    database = connection.vendor
    by_status = ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items()))
    print(f"fuzz ({database}, seed {seed}): {sent} requests in {elapsed:.0f} s; {by_status}")
    causes = Counter((address.split("?")[0].split("/")[1], error) for address, _, error in failures)
    for (section, error), n in causes.most_common():
        print(f"  {n} x 5xx under /{section}/: {error[:200]}")
    for address, status, _ in failures[:10]:
        print(f"  {status} {address[:200]!r}")
    if failures:
        sys.exit(f"fuzz: {len(failures)} answers of 5xx")
    if sent < count:
        sys.exit(f"fuzz: only {sent} of {count} requests within {budget:.0f} s")


if __name__ == "__main__":
    main()
