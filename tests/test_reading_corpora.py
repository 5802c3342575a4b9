"""Profiles of other groups, read end to end (import, then the JSON twin) against sidecars.

`../shared/practice/` (next to the repository, not in it) must be read exactly; where it
is absent the test skips, except under `CI=true`, where it fails. Our own annotated sets
(`tests/data/heldout/`, blind ones included) are scored field by field, with floors, in
test_accuracy.py.
"""

import json
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

ROOT = Path(__file__).resolve().parent
PRACTICE = ROOT.parent.parent / "shared" / "practice"


def read_back(path):
    """What the archive publishes for one file, in the sidecar's terms."""
    call_command("import_profiles", str(path), verbosity=0)
    client = Client()
    listing = client.get("/groups/?format=json").json()
    slug = listing["results"][0]["slug"]
    profile = client.get(f"/groups/{slug}/?format=json").json()
    years = set()
    for event in profile["events"]:
        years.update(int(y) for y in re.findall(r"\d{4}", event["date"]))
    sources = {source["format"] for source in profile["sources"]}
    return {
        "format": "A" if sources == {"encyclopedia"} else "B",
        "group_name": profile["name"],
        "aliases": profile["aliases"],
        "countries": profile["countries"],
        "formation_year": profile["active_from"],
        "termination_year": profile["active_to"],
        "size": profile["size"],
        "citation_markers": sorted(r["marker"] for r in profile["references"] if r["marker"]),
        "event_years": sorted(years),
        "relations": sorted(
            (r["name"], r["relation"]) for r in profile["related"] if not r["inverse"]
        ),
    }


def expected(path):
    sidecar = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    sidecar["relations"] = sorted((r["group"], r["type"]) for r in sidecar["relations"])
    return sidecar


def texts(folder):
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


@pytest.mark.django_db
@pytest.mark.skipif(
    not PRACTICE.is_dir() and os.environ.get("CI") != "true",
    reason="../shared/practice is not on this machine",
)
@pytest.mark.parametrize(
    "path", texts(PRACTICE) or [PRACTICE / "missing.txt"], ids=lambda p: p.stem
)
def test_practice_profile_is_read_exactly(path):
    assert path.is_file(), f"{PRACTICE} is missing: CI must have ../shared next to the repository"
    assert read_back(path) == expected(path)
