from django.core.management.base import BaseCommand, CommandError

from profiles.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back the whole database up to one file: pg_dump's custom format on PostgreSQL, "
        "a copy made with SQLite's backup API on SQLite. Restore it with restore_archive."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to write")

    def handle(self, *args, path, **options):
        try:
            backup(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"backed up to {path}")
