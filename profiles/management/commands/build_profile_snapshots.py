"""Render the profiles' snapshots (profiles.snapshots): those missing, or all with --all.

Writes keep the snapshots current by themselves, and a request builds a missing one; this
builds them ahead, after loading rows by other means than the importer (a restore, the
page benchmark's generated archive) or after a change of the profile's template.
"""

import time

from django.core.management.base import BaseCommand

from profiles.models import Group
from profiles.snapshots import BUILD_CHUNK, build_snapshots


class Command(BaseCommand):
    help = "Render the profiles' snapshots: those missing, or every one with --all."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rebuild every snapshot")

    def handle(self, *args, **options):
        groups = Group.objects.order_by("pk")
        if not options["all"]:
            groups = groups.filter(snapshot__isnull=True)
        ids = list(groups.values_list("pk", flat=True))
        started = time.perf_counter()
        built = 0
        for start in range(0, len(ids), BUILD_CHUNK * 10):
            built += build_snapshots(ids[start : start + BUILD_CHUNK * 10])
            if options["verbosity"] > 1:
                self.stdout.write(f"{built:,} of {len(ids):,}")
        seconds = time.perf_counter() - started
        self.stdout.write(f"{built:,} profile snapshots built in {seconds:.1f} s.")
