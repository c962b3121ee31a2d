"""Django's Argon2 hasher, computed at the lowest CPU priority (warta.accounts.slots)."""

from django.contrib.auth import hashers

from . import slots


class Argon2PasswordHasher(hashers.Argon2PasswordHasher):
    """The same hashes ("argon2" in the database) as Django's hasher: only where they are
    computed differs, so either reads the other's."""

    def encode(self, password, salt):
        return slots.at_low_priority(super().encode, password, salt)

    def verify(self, password, encoded):
        return slots.at_low_priority(super().verify, password, encoded)
