"""Releases: numbered copies of the dataset, frozen on disk, each with a changelog against
the one before.

A release's files are written to a hidden folder beside the others, made read-only and
renamed into RELEASES_DIR/<version>/ in one step, in the same transaction that records
the Release: a version either exists whole or not at all, and is never written twice.
"""

import csv
import json
import re
import shutil
import sys
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from profiles.dataset.files import PACKAGE_TITLE, write_dataset, write_file
from profiles.dataset.tables import ALIASES, GROUP_COUNTRIES, GROUPS
from profiles.models import SECTION_KEYS, Group, Release, ReleasedGroup

# "1.0", "1.2.0", "2.0.0-rc.1": semantic-version-like, and never a file name of /data/.
VERSION_RE = re.compile(r"^\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)?$")
CHANGELOG_FILENAME = "changelog.json"
CHECKSUMS_FILENAME = "SHA256SUMS"
# What the changelog does not compare: it changes with every save.
UNCOMPARED_FIELDS = {"id", "updated_at"}
# Long texts: the changelog says they changed, without quoting both versions.
LONG_FIELDS = set(SECTION_KEYS)
# A profile's text can be longer than the csv module's default limit of 128 KiB a field.
csv.field_size_limit(sys.maxsize)


class ReleaseError(Exception):
    """A release that cannot be cut; the message says why."""


def validate_version(version):
    if not VERSION_RE.fullmatch(version or ""):
        raise ReleaseError(
            f"Version {version!r} is not valid: use numbers such as 1.0, 1.2.0 or 2.0.0-rc.1."
        )


def release_directory(version):
    return Path(settings.RELEASES_DIR) / version


def check_can_cut(version):
    """Raises ReleaseError when release `version` cannot be cut: a badly formed version,
    one that exists (in the database or on disk), or a previous release whose files are
    gone (the changelog compares with them)."""
    validate_version(version)
    if Release.objects.filter(version=version).exists():
        raise ReleaseError(f"Release {version} already exists: a release is never cut twice.")
    target = release_directory(version)
    if target.exists():
        raise ReleaseError(f"{target} already exists: a release's files are never written twice.")
    previous = Release.objects.order_by("-created_at", "-pk").first()
    if previous is not None:
        previous_groups = release_directory(previous.version) / GROUPS.filename
        if not previous_groups.exists():
            raise ReleaseError(
                f"The files of the previous release {previous.version} are missing from "
                f"{previous_groups.parent}: the changelog cannot be written."
            )


def cut_release(version, notes="", user=None):
    """Writes release `version` of the dataset and records it; returns the Release.

    Raises ReleaseError for a badly formed version or one that exists already.
    """
    check_can_cut(version)
    target = release_directory(version)
    root = Path(settings.RELEASES_DIR)
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{version}-", dir=root))
    moved = False
    try:
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if outermost and connection.vendor == "postgresql":
                # Every table read from one snapshot, even while an import writes.
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            previous = Release.objects.order_by("-created_at", "-pk").first()
            release = Release(
                version=version, notes=notes, created_at=timezone.now(), created_by=user
            )
            stats = write_dataset(staging, release.created_at, version)
            changes = changelog(previous, staging)
            stats[CHANGELOG_FILENAME] = write_file(
                staging / CHANGELOG_FILENAME,
                [json.dumps(changes, ensure_ascii=False, indent=1) + "\n"],
            )
            stats[CHECKSUMS_FILENAME] = write_file(
                staging / CHECKSUMS_FILENAME,
                [f"{stat['sha256']}  {name}\n" for name, stat in stats.items()],
            )
            release.previous = previous
            release.files = [{"name": name, **stat} for name, stat in stats.items()]
            release.groups_added = len(changes["added"])
            release.groups_removed = len(changes["removed"])
            release.groups_changed = len(changes["changed"])
            release.save()
            release.group_count = record_groups(release)
            release.save(update_fields=["group_count"])
            for path in staging.iterdir():
                path.chmod(0o444)
            staging.chmod(0o755)  # mkdtemp made it private; the web server reads it
            staging.rename(target)
            moved = True
    except BaseException:
        shutil.rmtree(target if moved else staging, ignore_errors=True)
        raise
    return release


def record_groups(release):
    """A ReleasedGroup per group in the archive now; returns how many."""
    count = 0
    batch = []
    for group_id in Group.objects.order_by("id").values_list("id", flat=True).iterator(2000):
        batch.append(ReleasedGroup(release=release, group_id=group_id))
        if len(batch) == 2000:
            ReleasedGroup.objects.bulk_create(batch)
            count, batch = count + len(batch), []
    ReleasedGroup.objects.bulk_create(batch)
    return count + len(batch)


# The changelog: both releases' group files read side by side in id order, so that
# memory does not grow with the archive.


class GroupedColumn:
    """One column of a table sorted by group_id, handed out a group at a time."""

    def __init__(self, file, column):
        self.rows = csv.DictReader(file)
        self.column = column
        self.pending = None

    def values_of(self, group_id):
        """The column's values in the rows of this group, sorted, joined by "; "; groups before it are
        skipped, so the groups must be asked for in ascending order."""
        values = []
        while True:
            if self.pending is None:
                row = next(self.rows, None)
                if row is None or not row["group_id"]:  # the end, or rows of no group
                    return "; ".join(sorted(values))
                self.pending = (int(row["group_id"]), row[self.column])
            pending_id, value = self.pending
            if pending_id > group_id:
                return "; ".join(sorted(values))
            if pending_id == group_id:
                values.append(value)
            self.pending = None


def group_snapshots(directory):
    """(id, {column: value}) of each group of a release's files, ascending by id, with its
    countries and aliases (each joined by "; ")."""
    directory = Path(directory)
    with ExitStack() as files:

        def open_table(table):
            path = directory / table.filename
            return files.enter_context(path.open(newline="", encoding="utf-8"))

        countries = GroupedColumn(open_table(GROUP_COUNTRIES), "country_code")
        aliases = GroupedColumn(open_table(ALIASES), "name")
        for row in csv.DictReader(open_table(GROUPS)):
            group_id = int(row["id"])
            row["countries"] = countries.values_of(group_id)
            row["aliases"] = aliases.values_of(group_id)
            yield group_id, row


def summary(row):
    return {"id": int(row["id"]), "slug": row["slug"], "name": row["name"]}


def field_changes(old, new):
    changes = []
    for name, value in new.items():
        if name in UNCOMPARED_FIELDS or old.get(name) == value:
            continue
        if name in LONG_FIELDS:
            changes.append({"field": name})
        else:
            changes.append({"field": name, "old": old.get(name), "new": value})
    return changes


def changelog(previous, directory):
    """The groups added, removed and changed (field by field) since `previous`."""
    added, removed, changed = [], [], []
    if previous is None:
        for _, row in group_snapshots(directory):
            added.append(summary(row))
        return {"previous": None, "added": added, "removed": removed, "changed": changed}

    old_groups = group_snapshots(release_directory(previous.version))
    new_groups = group_snapshots(directory)
    old = next(old_groups, None)
    new = next(new_groups, None)
    while old is not None or new is not None:
        if new is None or (old is not None and old[0] < new[0]):
            removed.append(summary(old[1]))
            old = next(old_groups, None)
        elif old is None or new[0] < old[0]:
            added.append(summary(new[1]))
            new = next(new_groups, None)
        else:
            fields = field_changes(old[1], new[1])
            if fields:
                changed.append({**summary(new[1]), "fields": fields})
            old, new = next(old_groups, None), next(new_groups, None)
    return {"previous": previous.version, "added": added, "removed": removed, "changed": changed}


def read_changelog(release):
    """The release's changelog.json, or None when its files are missing."""
    path = release_directory(release.version) / CHANGELOG_FILENAME
    if not path.exists():
        return None
    with path.open(encoding="utf-8") as file:
        return json.load(file)


# Citations.


@dataclass(frozen=True)
class ReleaseCitation:
    release: Release
    url: str
    text: str


def release_citation(release, url):
    """DOI-style (DataCite) citation text: creator (year). Title (version) [Data set]. URL"""
    released = timezone.localtime(release.created_at).date()
    text = (
        f"{PACKAGE_TITLE} ({released.year}). {PACKAGE_TITLE}: dataset of armed-group "
        f"profiles (Version {release.version}) [Data set]. Released {released.day} {released:%B %Y}. {url}"
    )
    return ReleaseCitation(release=release, url=url, text=text)


def latest_release_of(group_id):
    """The latest release holding this group, or None. One query."""
    return Release.objects.filter(groups__group_id=group_id).order_by("-created_at", "-pk").first()
