"""Time the static export (`make bench-export`) on a generated archive in PostgreSQL.

    python -m bench.export [--groups 50000] [--events 1000000] [--workers N]
                           [--database-url postgres://...] [--rebuild] [--keep DIR]

The archive is the page benchmark's generator (bench/page_corpus.py) at the given size, in
its own database (default postgres://postgres@127.0.0.1:5432/pgmd_export_bench, or
BENCH_EXPORT_DATABASE_URL), generated once and reused while its parameters and the
migrations are unchanged. The site is exported twice into a folder (a temporary one, or
--keep DIR): the first run writes every file; then one group's text is edited (and put
back afterwards), and the second run writes only the files that edit changed. Each run's
time, pages, pages/s, files written and unchanged, bytes and peak memory (the crawling
process and its largest worker) go to stdout and bench/out/export.json.
"""

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from bench.pages import OUT, ensure_database, prepare_corpus, server_env

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/pgmd_export_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.export", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--groups", type=int, default=50_000)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument(
        "--workers", type=int, default=min(os.cpu_count() or 1, 8), help="export_site --workers"
    )
    parser.add_argument(
        "--keep", type=Path, help="export into DIR and keep it (else a temporary folder)"
    )
    parser.add_argument("--seed", default="1")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_EXPORT_DATABASE_URL") or DEFAULT_URL
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the corpus again")
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def peak_rss_mb(who):
    """The maximum resident set so far, in MB (Linux reports KiB): of this process, or of
    the largest of its ended children (the workers)."""
    return resource.getrusage(who).ru_maxrss / 1024


def log(message):
    print(message, file=sys.stderr, flush=True)


def edit_one_group():
    """Changes one group's text as a curator would; returns a function putting it back."""
    from profiles.models import Group

    group = Group.objects.order_by("pk")[Group.objects.count() // 2]  # any one will do
    purpose = group.purpose
    group.purpose = f"{purpose}\n\nEdited for the export benchmark."
    group.save()

    def restore():
        group.purpose = purpose
        group.save()

    return group.slug, restore


def export_run(label, folder, args):
    from profiles.export.site import export_site

    started = time.perf_counter()
    result = export_site(folder, "https://archive.example.org", workers=args.workers)
    seconds = time.perf_counter() - started
    run = {
        "run": label,
        "seconds": seconds,
        "pages": result.pages,
        "pages_per_second": result.pages / seconds,
        "files": len(result.files),
        "written": result.written,
        "unchanged": result.unchanged,
        "removed": result.removed,
        "broken": len(result.broken),
        "mb": result.bytes / 1e6,
        "peak_rss_mb": peak_rss_mb(resource.RUSAGE_SELF),
        "peak_worker_rss_mb": peak_rss_mb(resource.RUSAGE_CHILDREN),
    }
    log(f"  {label} run: {json.dumps(run)}")
    return run


def main(argv=None):
    args = parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("the export benchmark needs PostgreSQL: the corpus is loaded with COPY")
    os.environ.update(server_env(args.database_url))
    warnings.filterwarnings("ignore", message="No directory at")
    ensure_database(args.database_url)

    import django

    django.setup()
    from profiles.models import Event, Group

    built, build_seconds = prepare_corpus(args)
    groups, events = Group.objects.count(), Event.objects.count()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-export-"))
    if args.keep and args.keep.exists():
        shutil.rmtree(args.keep)
    runs = []
    try:
        log(f"first export of {groups:,} groups, {args.workers} workers ...")
        runs.append(export_run("first", folder, args))
        slug, restore = edit_one_group()
        try:
            log(f"second export, after editing {slug} ...")
            runs.append(export_run("second", folder, args))
        finally:
            restore()
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    lines = [
        f"Static export of {groups:,} groups and {events:,} events "
        f"(PostgreSQL, {args.workers} workers, {os.cpu_count()} CPUs):"
    ]
    for run in runs:
        lines.append(
            f"  {run['run']} run: {run['seconds']:.0f} s, {run['pages']:,} pages "
            f"({run['pages_per_second']:.0f} pages/s), {run['files']:,} files "
            f"({run['written']:,} written, {run['unchanged']:,} unchanged, "
            f"{run['removed']:,} removed), {run['mb']:,.0f} MB, {run['broken']} broken; "
            f"peak memory {run['peak_rss_mb']:.0f} MB (crawl), "
            f"{run['peak_worker_rss_mb']:.0f} MB (largest worker)"
        )
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "load_average": os.getloadavg(),
        "corpus": f"generated in {build_seconds:.0f} s" if built else "reused",
    }
    (args.out / "export.json").write_text(
        json.dumps({"meta": meta, "groups": groups, "events": events, "runs": runs}, indent=2)
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
