"""Add a curator: a staff user in the Curators group (see migration 0005), who can sign in
at /admin/ and edit the archive, and nothing else."""

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

PASSWORD_VARIABLE = "CURATOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create a curator (staff, in the Curators group). The password is asked for, or "
        f"read from ${PASSWORD_VARIABLE} with --no-input."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--no-input",
            action="store_false",
            dest="interactive",
            help=f"take the password from ${PASSWORD_VARIABLE} instead of asking",
        )

    def handle(self, username, email, interactive, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            raise CommandError(f"A user named {username!r} already exists.")
        try:
            curators = Group.objects.get(name="Curators")
        except Group.DoesNotExist as error:
            raise CommandError("There is no Curators group: run `manage.py migrate`.") from error
        password = self.ask_password() if interactive else os.environ.get(PASSWORD_VARIABLE)
        if not password:
            raise CommandError(f"No password: set ${PASSWORD_VARIABLE} or run interactively.")
        user = User(username=username, email=email, is_staff=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError("Password refused: " + " ".join(error.messages)) from error
        user.set_password(password)
        user.save()
        user.groups.add(curators)
        self.stdout.write(f"Curator {username!r} created; they can sign in at /admin/.")

    def ask_password(self):
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
