"""Time the dataset's files on a large generated archive in PostgreSQL (`make bench-data`).

    python -m bench.data [--groups 50000] [--events 1000000] [--database-url postgres://...]
                         [--rebuild]

The archive is the page benchmark's (bench/page_corpus.py), in its own database (default
postgres://postgres@127.0.0.1:5432/pgmd_data_bench, or BENCH_DATA_DATABASE_URL), generated
once and reused while its parameters and the migrations are unchanged. Then:

1. each file of /data/ is written from the database to a temporary folder, exactly as the
   views stream it (profiles.dataset.files): its time, size and rows;
2. a release is cut from it (the files, the changelog, the checksums, the groups it
   holds), then a second one, whose changelog compares 50,000 groups with the first;
3. the peak memory (the process's maximum resident set) before and after, which shows
   that writing hundreds of megabytes does not hold them in memory.

The table goes to stdout, the figures to bench/out/data.json.
"""

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from bench.pages import OUT, ensure_database, prepare_corpus, server_env

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/pgmd_data_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.data", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--groups", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seed", default="1")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_DATA_DATABASE_URL") or DEFAULT_URL
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the corpus again")
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def peak_rss_mb():
    """The process's maximum resident set so far, in MB (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def log(message):
    print(message, file=sys.stderr, flush=True)


def time_files(folder):
    """Writes each data file as /data/ streams it; returns a row per file."""
    from django.utils import timezone

    from profiles.dataset.files import PACKAGE_FILENAME, data_files, package_text, write_file

    rows = []
    for filename, pieces in data_files():
        started = time.perf_counter()
        stats = write_file(folder / filename, pieces())
        seconds = time.perf_counter() - started
        with (folder / filename).open("rb") as file:
            lines = sum(1 for _ in file)
        rows.append(
            {
                "file": filename,
                "seconds": seconds,
                "mb": stats["bytes"] / 1e6,
                "lines": lines,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
        log(f"  {filename}: {seconds:.1f} s, {stats['bytes'] / 1e6:.1f} MB")
    started = time.perf_counter()
    stats = write_file(folder / PACKAGE_FILENAME, [package_text(timezone.now())])
    rows.append(
        {
            "file": PACKAGE_FILENAME,
            "seconds": time.perf_counter() - started,
            "mb": stats["bytes"] / 1e6,
            "lines": None,
            "peak_rss_mb": peak_rss_mb(),
        }
    )
    return rows


def time_releases(folder):
    from django.conf import settings

    from profiles.dataset.releases import cut_release

    settings.RELEASES_DIR = folder
    results = []
    for version in ("1.0", "1.1"):
        started = time.perf_counter()
        release = cut_release(version, notes="benchmark")
        seconds = time.perf_counter() - started
        results.append(
            {
                "version": version,
                "seconds": seconds,
                "groups": release.group_count,
                "changed": release.groups_changed,
                "added": release.groups_added,
                "mb": sum(file["bytes"] for file in release.files) / 1e6,
                "peak_rss_mb": peak_rss_mb(),
            }
        )
        log(f"  release {version}: {seconds:.1f} s")
    return results


def main(argv=None):
    args = parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("the data benchmark needs PostgreSQL: the corpus is loaded with COPY")
    os.environ.update(server_env(args.database_url))
    warnings.filterwarnings("ignore", message="No directory at")
    ensure_database(args.database_url)

    import django

    django.setup()
    from django.db import connection

    from profiles.models import Event, Group, Release, ReleasedGroup

    built, build_seconds = prepare_corpus(args)
    # Releases cut by an earlier run: this run cuts its own.
    ReleasedGroup.objects.all().delete()
    Release.objects.all().delete()
    groups, events = Group.objects.count(), Event.objects.count()
    connection.close()
    baseline = peak_rss_mb()
    log(f"writing the data files of {groups:,} groups and {events:,} events ...")
    with tempfile.TemporaryDirectory(prefix="bench-data-") as directory:
        files = time_files(Path(directory) / "")
        log("cutting two releases ...")
        (Path(directory) / "releases").mkdir()
        releases = time_releases(Path(directory) / "releases")
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "groups": groups,
        "events": events,
        "corpus": f"generated in {build_seconds:.0f} s" if built else "reused",
        "baseline_rss_mb": baseline,
    }
    lines = [
        f"Data files of {groups:,} groups and {events:,} events "
        f"(PostgreSQL, {meta['cpus']} CPUs; corpus {meta['corpus']}).",
        f"Peak memory before writing: {baseline:.0f} MB.",
        "",
        f"{'file':<22}{'seconds':>9}{'MB':>9}{'lines':>11}{'peak MB':>9}",
    ]
    for row in files:
        lines.append(
            f"{row['file']:<22}{row['seconds']:>9.1f}{row['mb']:>9.1f}"
            f"{row['lines'] if row['lines'] is not None else '':>11}{row['peak_rss_mb']:>9.0f}"
        )
    total_seconds = sum(row["seconds"] for row in files)
    total_mb = sum(row["mb"] for row in files)
    lines.append(f"{'all':<22}{total_seconds:>9.1f}{total_mb:>9.1f}")
    lines.append("")
    for release in releases:
        lines.append(
            f"release {release['version']}: {release['seconds']:.1f} s, {release['mb']:.0f} MB, "
            f"{release['groups']:,} groups ({release['added']:,} added, "
            f"{release['changed']:,} changed); peak memory {release['peak_rss_mb']:.0f} MB"
        )
    report = "\n".join(lines)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "data.json").write_text(
        json.dumps({"meta": meta, "files": files, "releases": releases}, indent=2)
    )
    print(report)
    print(f"written to {args.out / 'data.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
