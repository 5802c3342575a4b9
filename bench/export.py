"""Time the static export (`make bench-export`) on a generated archive in PostgreSQL.

    python -m bench.export [--groups 2000] [--events 40000] [--database-url postgres://...]

The archive is the page benchmark's generator (bench/page_corpus.py) at the given size, in
its own database (default postgres://postgres@127.0.0.1:5432/pgmd_data_export_bench, or
BENCH_EXPORT_DATABASE_URL), reused while its parameters and the migrations are unchanged.
The site is exported twice into a temporary folder: the first run writes every file, the
second (nothing changed) compares them. The time per page and per group give the figure
for 50,000 groups (the export grows linearly: each group adds its profile, its JSON, its
sources and its share of the list, timeline and facet pages).
"""

import argparse
import json
import os
import sys
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from bench.pages import OUT, ensure_database, prepare_corpus, server_env

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/pgmd_data_export_bench"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.export", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--groups", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=40_000)
    parser.add_argument("--seed", default="1")
    parser.add_argument(
        "--database-url", default=os.environ.get("BENCH_EXPORT_DATABASE_URL") or DEFAULT_URL
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the corpus again")
    parser.add_argument("--out", type=Path, default=OUT)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if not args.database_url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("the export benchmark needs PostgreSQL: the corpus is loaded with COPY")
    os.environ.update(server_env(args.database_url))
    warnings.filterwarnings("ignore", message="No directory at")
    ensure_database(args.database_url)

    import django

    django.setup()
    from profiles.export.site import export_site
    from profiles.models import Event, Group

    prepare_corpus(args)
    groups, events = Group.objects.count(), Event.objects.count()
    runs = []
    with tempfile.TemporaryDirectory(prefix="bench-export-") as directory:
        for label in ("first", "second"):
            print(f"{label} export of {groups:,} groups ...", file=sys.stderr, flush=True)
            started = time.perf_counter()
            result = export_site(directory, "https://archive.example.org")
            seconds = time.perf_counter() - started
            size = sum(path.stat().st_size for path in Path(directory).rglob("*") if path.is_file())
            runs.append(
                {
                    "run": label,
                    "seconds": seconds,
                    "pages": result.pages,
                    "written": result.written,
                    "unchanged": result.unchanged,
                    "broken": len(result.broken),
                    "mb": size / 1e6,
                }
            )
    first = runs[0]
    per_group = first["seconds"] / groups
    lines = [f"Static export of {groups:,} groups and {events:,} events (PostgreSQL):"]
    for run in runs:
        lines.append(
            f"  {run['run']} run: {run['seconds']:.0f} s, {run['pages']:,} pages, "
            f"{run['written']:,} files written, {run['unchanged']:,} unchanged, "
            f"{run['mb']:.0f} MB, {run['broken']} broken"
        )
    lines.append(
        f"  {first['seconds'] / first['pages'] * 1000:.1f} ms a page; at 50,000 groups about "
        f"{per_group * 50_000 / 60:.0f} minutes and {first['pages'] / groups * 50_000:,.0f} pages"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    meta = {"date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), "cpus": os.cpu_count()}
    (args.out / "export.json").write_text(
        json.dumps({"meta": meta, "groups": groups, "events": events, "runs": runs}, indent=2)
    )
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
