"""Finding, reading and parsing the files of an import (no database writes)."""

import atexit
import gc
import hashlib
import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from profiles.importing.groups import profile_values
from profiles.models import (
    SourceDocument,
)
from profiles.parsing.profile import parse_profile
from profiles.parsing.text import decode
from profiles.parsing.types import ParseError
from profiles.rendering import render_plain


@dataclass
class FileOutcome:
    path: str
    status: str  # created, updated, unchanged, error
    group: str = ""
    slug: str = ""
    message: str = ""
    line: int = 0
    counts: dict = field(default_factory=dict)
    # What a curator changed that this file changes too: kept, and held for a decision.
    held: list = field(default_factory=list)

    @property
    def filename(self):
        return Path(self.path).name


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    totals: dict = field(
        default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0, "error": 0}
    )

    # False: count outcomes only (a command that prints each one as it comes keeps its
    # memory flat however many files it reads).
    keep_outcomes: bool = True

    def add(self, outcome):
        self.totals[outcome.status] += 1
        if self.keep_outcomes:
            self.outcomes.append(outcome)

    @property
    def failed(self):
        return self.totals["error"] > 0


@dataclass
class ParsedFile:
    path: Path
    filename: str
    sha256: str
    text: str
    encoding: str
    profile: object
    existing: SourceDocument | None
    values: dict | None = None  # the group's values as this file gives them
    # Each section the file gives: (its Markdown, its HTML), rendered by the worker.
    sections: dict | None = None


def find_files(paths):
    """Each path, or every *.txt below a folder, in a stable order; missing paths are errors."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.txt") if p.is_file())
        else:
            yield path


def _read(path, seen, record):
    """The file's bytes, or None after recording why it cannot be imported."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        record(FileOutcome(str(path), "error", message="no such file", line=1))
        return None
    except OSError as error:
        record(FileOutcome(str(path), "error", message=f"cannot read: {error.strerror}", line=1))
        return None
    earlier = seen.get(path.name)
    digest = hashlib.sha256(data).hexdigest()
    if earlier and earlier[1] != digest:
        record(
            FileOutcome(
                str(path),
                "error",
                message=f"another file named {path.name} ({earlier[0]}) was imported in this run",
                line=1,
            )
        )
        return None
    seen[path.name] = (str(path), digest)
    return data, digest


def _documents(filenames):
    """filename -> the SourceDocument already imported under that name."""
    documents = SourceDocument.objects.filter(filename__in=filenames).only(
        "id", "filename", "sha256", "group_id", "imported_rows", "imported_values"
    )
    return {doc.filename: doc for doc in documents}


def parse_bytes(data):
    """(text, encoding, profile), or the ParseError: what a worker process returns."""
    try:
        text, encoding = decode(data)
        return text, encoding, parse_profile(text)
    except ParseError as error:
        return error


def prepare_bytes(data):
    """parse_bytes, and what follows from the profile alone (the group's values as the
    file gives them, its sections rendered): the worker's part, so that the process
    writing to the database, which every batch waits for, does less."""
    parsed = parse_bytes(data)
    if isinstance(parsed, ParseError):
        return parsed
    text, encoding, profile = parsed
    values, plain_sections = profile_values(profile)
    # values[key] holds the section's Markdown already (plain_to_markdown(plain)).
    sections = {key: (values[key][0], render_plain(plain)) for key, plain in plain_sections.items()}
    return text, encoding, profile, values, sections


# Parsing is pure Python and CPU-bound: large batches are parsed on every core.
PARALLEL_FROM = 64
_pool = None


def forget_workers():
    """The parser's dictionary changed: workers forked before it would read with the old one."""
    global _pool
    if _pool is not None:
        _pool.terminate()
        _pool = None


class _Parsed:
    """Results parsed at once in this process (what a pool's AsyncResult gives later)."""

    def __init__(self, results):
        self.results = results

    def get(self):
        return self.results


def _parse_all(blobs):
    """Start parsing `blobs`; `.get()` on the result waits for their parse results. A large
    batch goes to worker processes, so that the parent can write the batch before it
    meanwhile."""
    global _pool
    workers = min(os.cpu_count() or 1, 8)
    if len(blobs) < PARALLEL_FROM or workers < 2:
        return _Parsed([prepare_bytes(data) for data in blobs])
    if _pool is None:
        # fork: the workers inherit the loaded parser and never touch the database. What
        # the parent holds is frozen first, so that the workers' garbage collections neither
        # walk it nor copy its pages (and stays frozen if the import froze it already).
        frozen_already = gc.get_freeze_count() > 0
        gc.freeze()
        _pool = multiprocessing.get_context("fork").Pool(workers)
        if not frozen_already:
            gc.unfreeze()
        atexit.register(_pool.terminate)
    return _pool.map_async(prepare_bytes, blobs, chunksize=16)
