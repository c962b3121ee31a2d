"""Remove a staff member's authenticators from the command line: for the Administrator who
lost the phone and has nobody to reset it in the admin."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from warta.accounts import two_step


class Command(BaseCommand):
    help = "Reset a staff member's two-step login (a lost authenticator)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model()._default_manager.filter(username=username).first()
        if user is None:
            raise CommandError(f"no account named {username!r}")
        removed = two_step.reset(user, by="command line")
        self.stdout.write(f"{username}: {removed} authenticator(s) removed")
