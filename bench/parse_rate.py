"""How fast the files of a corpus are parsed alone, without a database: the ceiling of
any import on this machine.

    python -m bench.parse_rate DIR [--processes 1,2] [--output FILE]

Each file is read into memory first, then parsed by the importer's worker function
(profiles.importing.files.prepare_bytes: decode, parse, and what follows from the profile
alone) in this process (1) or in a pool of N forked processes, as the importer parses.
Prints files/s per process count; --output writes them as JSON.
"""

import argparse
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.parse_rate", description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument(
        "--processes",
        default=f"1,{os.cpu_count() or 1}",
        help="comma-separated process counts (default: 1 and the CPU count)",
    )
    parser.add_argument("--output", type=Path)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pgmd.settings")
    import django

    django.setup()
    from profiles.importing.files import prepare_bytes

    blobs = [path.read_bytes() for path in sorted(args.directory.rglob("*.txt"))]
    results = []
    for processes in sorted({int(n) for n in args.processes.split(",")}):
        started = time.perf_counter()
        if processes == 1:
            for data in blobs:
                prepare_bytes(data)
        else:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                pool.map(prepare_bytes, blobs, chunksize=16)
        seconds = time.perf_counter() - started
        results.append(
            {"processes": processes, "files": len(blobs), "seconds": seconds,
             "files_per_s": len(blobs) / seconds}
        )  # fmt: skip
        print(
            f"{processes} process(es): {len(blobs)} files in {seconds:.1f} s, "
            f"{len(blobs) / seconds:.0f} files/s",
            flush=True,
        )
    if args.output:
        args.output.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
