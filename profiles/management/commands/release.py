"""Cut a numbered release of the dataset: its files frozen under RELEASES_DIR/<version>/."""

from django.core.management.base import BaseCommand, CommandError

from profiles.dataset.releases import ReleaseError, cut_release, release_directory


class Command(BaseCommand):
    help = (
        "Write release VERSION of the dataset (every table as CSV, the archive as JSON, "
        "datapackage.json, a changelog and SHA256SUMS) to RELEASES_DIR/VERSION/. "
        "An existing version is refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("version", help="such as 1.0, 1.2.0 or 2.0.0-rc.1")
        parser.add_argument("--notes", default="", help="what this release brings")

    def handle(self, version, notes, **options):
        try:
            release = cut_release(version, notes=notes)
        except ReleaseError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Release {release.version}: {release.group_count} groups "
            f"({release.groups_added} added, {release.groups_removed} removed, "
            f"{release.groups_changed} changed) in {release_directory(release.version)}"
        )
        for file in release.files:
            self.stdout.write(f"{file['sha256']}  {file['name']} ({file['bytes']} bytes)")
