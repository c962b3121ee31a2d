"""The two-step login: setting up an authenticator, signing in with its code, the
newsroom's compulsory mode and an Administrator's reset."""

import pytest
from django.contrib.auth.models import Group
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from warta.accounts.models import LoginSettings, LoginThrottle
from warta.newsroom import roles

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def code_of(device: TOTPDevice, shift: int = 0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time += shift * device.step
    return f"{totp.token():06d}"


@pytest.fixture
def with_device(reporter):
    return TOTPDevice.objects.create(user=reporter, name="authenticator", confirmed=True)


def test_member_sets_up_an_authenticator_from_the_qr_code(client, reporter):
    """The screen shows the QR code inline and the secret; the first right code turns it on."""
    client.force_login(reporter)
    page = client.get("/admin/akun/dua-langkah/")
    assert page.status_code == 200
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=reporter, confirmed=False)
    assert page.context["secret"].replace(" ", "") in page.text.replace(" ", "")
    done = client.post("/admin/akun/dua-langkah/", {"action": "confirm", "code": code_of(device)})
    assert done.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # the session counts as verified


def test_wrong_first_code_leaves_the_authenticator_off(client, reporter):
    """A wrong code sets nothing up."""
    client.force_login(reporter)
    client.get("/admin/akun/dua-langkah/")
    device = TOTPDevice.objects.get(user=reporter)
    wrong = f"{(int(code_of(device)) + 1) % 1_000_000:06d}"
    page = client.post("/admin/akun/dua-langkah/", {"action": "confirm", "code": wrong})
    assert page.status_code == 200
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_password_alone_signs_nobody_in_when_an_authenticator_is_set_up(
    client, sign_in, with_device
):
    """After the password the sign-in asks for the code, and the admin stays closed."""
    response = sign_in("agus", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/kode/"
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_right_code_signs_in(client, sign_in, with_device):
    """Password, then the code: signed in, the session verified by the device."""
    sign_in("agus", PASSWORD, next="/admin/pages/")
    response = client.post("/admin/login/kode/", {"code": code_of(with_device)})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.session["_auth_user_id"] == str(with_device.user_id)
    assert client.get("/admin/").status_code == 200


def test_wrong_code_is_refused_and_counted(client, sign_in, with_device):
    """A wrong code signs nobody in and counts as a failed sign-in of the account."""
    sign_in("agus", PASSWORD)
    wrong = f"{(int(code_of(with_device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/login/kode/", {"code": wrong}, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert LoginThrottle.objects.get(scope="account", key="agus").failures == 1


def test_codes_are_throttled_like_passwords(client, sign_in, with_device):
    """After five wrong codes even the right one is refused with 429."""
    sign_in("agus", PASSWORD)
    for shift in range(5):
        client.post("/admin/login/kode/", {"code": "000000" if shift else "999999"})
    response = client.post("/admin/login/kode/", {"code": code_of(with_device)})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_code_screen_without_a_password_first_leads_to_the_sign_in(client):
    """Nobody reaches the code step without the password."""
    response = client.get("/admin/login/kode/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/login/"


def test_compulsory_mode_leads_a_member_without_authenticator_to_set_one_up(client, reporter):
    """With the newsroom's setting on, every admin screen leads to the setup first."""
    LoginSettings.objects.create(two_step_required=True)
    client.force_login(reporter)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/akun/dua-langkah/"
    assert client.get("/admin/akun/dua-langkah/").status_code == 200


def test_without_compulsory_mode_a_member_works_without_authenticator(client, reporter):
    """The setting off: the admin opens as before."""
    client.force_login(reporter)
    assert client.get("/admin/").status_code == 200


def test_session_of_a_device_holder_that_never_gave_the_code_is_ended(client, with_device):
    """A session made without the code (before the device existed) must sign in again."""
    client.force_login(with_device.user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=")
    assert "_auth_user_id" not in client.session


def test_editor_in_chief_may_make_the_two_step_login_compulsory(django_user_model):
    """The Pemimpin Redaksi and the Administrator hold the setting; a reporter does not."""
    chief = django_user_model.objects.create_user("ratna", password=PASSWORD)
    chief.groups.add(Group.objects.get(name=roles.EDITOR_IN_CHIEF))
    writer = django_user_model.objects.create_user("budi", password=PASSWORD)
    writer.groups.add(Group.objects.get(name=roles.REPORTER))
    assert chief.has_perm("accounts.change_loginsettings")
    assert not writer.has_perm("accounts.change_loginsettings")
    admin_group = Group.objects.get(name=roles.ADMINISTRATOR)
    assert admin_group.permissions.filter(codename="change_loginsettings").exists()


def test_administrator_resets_a_members_authenticator(client, admin_user, with_device):
    """The staff list shows who has it; the reset removes it."""
    client.force_login(admin_user)
    listing = client.get("/admin/akun/dua-langkah/staf/")
    assert listing.status_code == 200
    assert f"/admin/akun/dua-langkah/staf/{with_device.user_id}/reset/" in listing.text
    response = client.post(f"/admin/akun/dua-langkah/staf/{with_device.user_id}/reset/")
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user_id=with_device.user_id).exists()


def test_a_member_may_not_reset_others(client, django_user_model, with_device):
    """Without the right to manage accounts the reset is refused (Wagtail sends them home)."""
    other = django_user_model.objects.create_user("eko", password=PASSWORD)
    other.groups.add(Group.objects.get(name=roles.EDITOR_IN_CHIEF))
    client.force_login(other)
    response = client.post(f"/admin/akun/dua-langkah/staf/{with_device.user_id}/reset/")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert TOTPDevice.objects.filter(pk=with_device.pk).exists()
