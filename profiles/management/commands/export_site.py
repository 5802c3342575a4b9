"""Write the public site as static files, for any static file server."""

import os

from django.core.management.base import BaseCommand, CommandError

from profiles.export.site import export_site


class Command(BaseCommand):
    help = (
        "Write every public page (home, lists with each facet, profiles, timeline, "
        "countries, sources, about, data, feed, the JSON twins, the static assets) as files "
        "into OUT, for a static file server. A second run writes only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("out", help="the folder to write (created when missing)")
        parser.add_argument(
            "--base-url",
            default="",
            help="where the copy will be served, such as https://example.org/archive "
            "(absolute addresses in citations, JSON and the feed); root-relative without it",
        )
        parser.add_argument(
            "--workers",
            type=int,
            default=min(os.cpu_count() or 1, 8),
            help="processes rendering the pages, each with its own database connection "
            "(default: one per CPU, up to 8; 1 renders in this process)",
        )

    def handle(self, out, base_url, workers, **options):
        if base_url and not base_url.startswith(("http://", "https://")):
            raise CommandError(f"--base-url must start with http:// or https://, not {base_url!r}")
        if workers < 1:
            raise CommandError(f"--workers must be 1 or more, not {workers}")
        result = export_site(out, base_url, workers)
        self.stdout.write(
            f"{result.pages} pages in {result.seconds:.1f} s: {result.written} files written, "
            f"{result.unchanged} unchanged, {result.removed} removed."
        )
        for address, status in result.broken:
            self.stderr.write(f"{address}: HTTP {status}")
        if result.broken:
            raise CommandError(f"{len(result.broken)} linked pages did not answer 200.")
