"""How fast the importer writes when every file is already parsed: the writer's ceiling.

    python -m bench.writer_rate DIR [--output FILE] [--profile FILE] [--batch-size N]

An import parses each batch in worker processes while the parent writes the batch
before it, so its rate is the slower of the two. Here every file of DIR is parsed first
(by the importer's worker function, in one process per CPU, with the dictionary of names
the import will use) and kept pickled; then `import_paths(DIR)` runs into the database of
DATABASE_URL (fresh and migrated), each batch's results unpickled when the writer asks for
them, as a pool's are: only the parent's reading and writing and the database's work are
timed. Also reported: the CPU seconds of this process and of PostgreSQL's process serving
it. --profile writes cProfile's statistics of the import.
"""

import argparse
import json
import multiprocessing
import os
import pickle
import sys
import time
from pathlib import Path


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.writer_rate", description=__doc__)
    parser.add_argument("directory", type=Path)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("--batch-size", type=int, help="files per batch (the importer's default)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pgmd.settings")
    import django

    django.setup()
    from profiles import importing
    from profiles.importing import files, writing

    # The dictionary the import will parse with (the archive's names), before parsing.
    importing._use_archive_names()
    paths = list(files.find_files([args.directory]))
    blobs = [path.read_bytes() for path in paths]
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
        results = pool.map(files.prepare_bytes, blobs, chunksize=16)
    parse_seconds = time.perf_counter() - started
    # Kept pickled, as a worker hands them over: the parent unpickles each batch's
    # results and holds only those, as in an import.
    ready = {data: pickle.dumps(result) for data, result in zip(blobs, results, strict=True)}
    del blobs, results

    class Unpickled:
        """A batch's results, unpickled when the writer asks for them, as from a pool."""

        def __init__(self, blobs):
            self.pickled = [ready[data] for data in blobs]

        def get(self):
            return [pickle.loads(result) for result in self.pickled]

    def parsed_already(blobs):
        return Unpickled(blobs)

    writing._parse_all = parsed_already
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    backend = _backend_cpu()
    cpu = time.process_time()
    started = time.perf_counter()
    batch_size = {"batch_size": args.batch_size} if args.batch_size else {}
    report = importing.import_paths([args.directory], keep_outcomes=False, **batch_size)
    seconds = time.perf_counter() - started
    cpu = time.process_time() - cpu
    backend = _backend_cpu() - backend if backend is not None else None
    if profiler:
        profiler.disable()
        profiler.dump_stats(args.profile)
    result = {
        "files": len(paths),
        "parse_s": parse_seconds,
        "write_s": seconds,
        "files_per_s": len(paths) / seconds,
        # CPU seconds, less sensitive than the wall time to other work on the machine.
        "cpu_s": cpu,
        "database_cpu_s": backend,
        "totals": report.totals,
    }
    print(
        f"parsed {len(paths)} files in {parse_seconds:.1f} s; written in {seconds:.1f} s, "
        f"{result['files_per_s']:.0f} files/s ({report.totals}); CPU {cpu:.1f} s here"
        + (f", {backend:.1f} s in the database's process" if backend is not None else ""),
        flush=True,
    )
    if args.output:
        args.output.write_text(json.dumps(result, indent=2))
    return 1 if report.failed else 0


def _backend_cpu():
    """CPU seconds of the database's process serving this connection, when it runs on
    this machine (PostgreSQL's backend, read from /proc); else None."""
    from django.db import connection

    local = ("", "localhost", "127.0.0.1", "::1")
    if connection.vendor != "postgresql" or connection.settings_dict["HOST"] not in local:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, the 14th and 15th fields (the 12th and 13th after the name).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


if __name__ == "__main__":
    sys.exit(main())
