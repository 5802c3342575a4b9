from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from profiles.backups import BackupError, restore


class Command(BaseCommand):
    help = (
        "Replace the whole database with a backup written by backup_archive (on the same "
        "kind of database). Every row the database holds now is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file to read")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask first"
        )

    def handle(self, *args, path, interactive, **options):
        database = connection.settings_dict["NAME"]
        if interactive:
            answer = input(f"Replace every row of the database {database} with {path}? [y/N] ")
            if answer.strip().lower() not in ("y", "yes"):
                raise CommandError("restore cancelled")
        try:
            restore(path)
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"restored {database} from {path}")
