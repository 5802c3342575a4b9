"""python manage.py import_profiles PATH [PATH ...] [--dry-run] [--batch-size N]"""

from django.core.management.base import BaseCommand, CommandError

from profiles.importing import BATCH_SIZE, import_paths


class Command(BaseCommand):
    help = "Import profile text files (guidebook descriptions or encyclopedia extracts)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="files, or folders to search for *.txt")
        parser.add_argument(
            "--dry-run", action="store_true", help="report what would change, write nothing"
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=BATCH_SIZE,
            help=f"files committed together (default {BATCH_SIZE})",
        )

    def handle(self, *args, paths, dry_run=False, batch_size=BATCH_SIZE, verbosity=1, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        would = "would be " if dry_run else ""

        def show(outcome):
            if outcome.status == "error":
                self.stderr.write(f"{outcome.path}:{outcome.line}: {outcome.message}")
            elif outcome.status == "unchanged":
                if verbosity > 1:
                    self.stdout.write(f"{outcome.path}: unchanged")
            elif verbosity > 0:
                counts = ", ".join(f"{n} {what}" for what, n in outcome.counts.items())
                self.stdout.write(
                    f"{outcome.path}: {would}{outcome.status} {outcome.group} "
                    f"(/groups/{outcome.slug}/): {counts}"
                )
                for line in outcome.held:
                    self.stdout.write(f"  held for a curator: {line}")

        report = import_paths(
            paths, dry_run=dry_run, on_outcome=show, batch_size=batch_size, keep_outcomes=False
        )
        totals = report.totals
        summary = (
            f"{'Dry run: ' if dry_run else ''}{totals['created']} created, "
            f"{totals['updated']} updated, {totals['unchanged']} unchanged, "
            f"{totals['error']} failed"
        )
        if report.failed:
            self.stdout.write(summary)
            raise CommandError(f"{totals['error']} file(s) could not be imported", returncode=1)
        self.stdout.write(summary)
