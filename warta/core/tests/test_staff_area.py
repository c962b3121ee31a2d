"""The admin speaks Indonesian to staff; reader pages get the strict security policy."""

import pytest

pytestmark = pytest.mark.django_db


def test_admin_is_indonesian_for_staff_without_a_language_choice(admin_client):
    """The admin is in the reader language "id" when the site language is Indonesian."""
    html = admin_client.get("/admin/").content.decode()
    assert "Dasbor" in html
    assert 'lang="id"' in html


def test_admin_follows_a_staff_members_own_language(admin_client, admin_user):
    """Staff who chose English in their profile get the English admin."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    assert "Dashboard" in admin_client.get("/admin/").content.decode()


def test_reader_pages_send_a_strict_content_security_policy(client):
    """Reader pages allow only Warta's own scripts, and no inline script."""
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_admin_is_exempt_from_the_reader_policy(admin_client):
    assert "Content-Security-Policy" not in admin_client.get("/admin/").headers
