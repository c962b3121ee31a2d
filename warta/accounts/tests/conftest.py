"""Staff to sign in as, and a sign-in from a chosen address."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group

from warta.accounts import slots
from warta.newsroom import roles

PASSWORD = "kopi-tubruk-pagi-2024"


@pytest.fixture
def reporter(django_user_model):
    """A Reporter: may use the admin."""
    user = django_user_model.objects.create_user("agus", "agus@warta.test", PASSWORD)
    user.groups.add(Group.objects.get(name=roles.REPORTER))
    return user


@pytest.fixture
def sign_in(client):
    def post(username, password, address="203.0.113.5", **extra):
        data = {"username": username, "password": password, **extra}
        return client.post("/admin/login/", data, REMOTE_ADDR=address)

    return post


@pytest.fixture
def password_checks(monkeypatch):
    """How many times a password was checked (hashed) by the authentication backend."""
    calls = []
    authenticate = ModelBackend.authenticate

    def counting(self, request, username=None, password=None, **kwargs):
        calls.append(username)
        return authenticate(self, request, username=username, password=password, **kwargs)

    monkeypatch.setattr(ModelBackend, "authenticate", counting)
    return calls


@pytest.fixture(autouse=True)
def _fresh_slots(monkeypatch):
    monkeypatch.setattr(slots, "_slots", None)
