"""Render the profiles' snapshots (profiles.snapshots): those missing, or all with --all.

Writes keep the snapshots current by themselves, and a request builds a missing one; this
builds them ahead, after loading rows by other means than the importer (a restore, the
page benchmark's generated archive) or after a change of the profile's template.
"""

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor

from django.core.management.base import BaseCommand
from django.db import connections

from profiles.models import Group
from profiles.snapshots import BUILD_CHUNK, build_snapshots, chunks


class Command(BaseCommand):
    help = "Render the profiles' snapshots: those missing, or every one with --all."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="rebuild every snapshot")
        parser.add_argument(
            "--workers",
            type=int,
            default=1,
            help="processes rendering at once (0: one per CPU); rendering is CPU-bound",
        )

    def handle(self, *args, **options):
        groups = Group.objects.order_by("pk")
        if not options["all"]:
            groups = groups.filter(snapshot__isnull=True)
        ids = list(groups.values_list("pk", flat=True))
        workers = options["workers"] or os.cpu_count() or 1
        started = time.perf_counter()
        built = 0
        # Batches small enough for every worker to get some.
        size = max(1, min(BUILD_CHUNK * 10, -(-len(ids) // workers)))
        batches = list(chunks(ids, size))
        for count in self.build(batches, workers):
            built += count
            if options["verbosity"] > 1:
                self.stdout.write(f"{built:,} of {len(ids):,}")
        seconds = time.perf_counter() - started
        self.stdout.write(f"{built:,} profile snapshots built in {seconds:.1f} s.")

    def build(self, batches, workers):
        if workers <= 1 or len(batches) <= 1:
            for batch in batches:
                yield build_snapshots(batch)
            return
        # fork, after closing this process's connections: each worker opens its own.
        connections.close_all()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            yield from pool.map(build_snapshots, batches)
