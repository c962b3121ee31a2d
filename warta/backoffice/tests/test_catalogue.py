"""The admin's Indonesian catalogue: Wagtail's own translations and ours, built and served."""

import gettext
import importlib

import pytest
from django.apps import apps
from django.utils import translation
from wagtail.users.models import UserProfile

from warta.backoffice import catalogues, upstream_templates

DOMAINS = list(catalogues.SOURCE_FILES)
WARTA_CATALOGUE = catalogues.APP_DIR.parent / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_admin_indonesian_carries_wagtails_own_translations():
    """Wagtail's id_ID strings reach the admin's "id", which gettext would not fall back from."""
    with translation.override("id"):
        assert translation.gettext("Dashboard") == "Dasbor"


@pytest.mark.parametrize("name", catalogues.SOURCE_FILES["django"])
def test_admin_indonesian_takes_the_backoffice_sources_first(name):
    """Each translation in warta/backoffice/sources/ is what the Indonesian admin shows,
    unless Warta's own catalogue (warta/locale) says otherwise."""
    path = catalogues.SOURCES / name
    own = {entry.key for entry in catalogues.read_po(WARTA_CATALOGUE)}
    entries = [e for e in catalogues.read_po(path) if e.translated and e.key not in own]
    assert entries, f"{name} holds no translation yet"
    with translation.override("id"):
        shown = {
            entry.msgid: (
                translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, 2)
                if entry.msgctxt and entry.msgid_plural
                else translation.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else translation.ngettext(entry.msgid, entry.msgid_plural, 2)
                if entry.msgid_plural
                else translation.gettext(entry.msgid)
            )
            for entry in entries
        }
    assert shown == {entry.msgid: entry.msgstr[0] for entry in entries}


def test_djangos_own_strings_are_indonesian_in_the_admin_language():
    """Django's forms and validators (login, password reset) speak Indonesian under "id"."""
    with translation.override("id"):
        assert translation.gettext("Enter a valid email address.") != "Enter a valid email address."


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogue_is_built_from_the_current_sources(domain):
    """The committed catalogue is what `make admin-messages` builds now from the sources."""
    built, _given = catalogues.merge(domain)
    committed = catalogues.read_po(catalogues.OUTPUT / f"{domain}.po")
    expected = {entry.key: entry.msgstr for entry in built}
    assert {entry.key: entry.msgstr for entry in committed} == expected


@pytest.mark.parametrize("domain", DOMAINS)
def test_compiled_catalogue_matches_its_source(domain):
    """The committed .mo holds exactly what the .po says."""
    with (catalogues.OUTPUT / f"{domain}.mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)
    for entry in catalogues.read_po(catalogues.OUTPUT / f"{domain}.po"):
        msgid = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural:
            assert compiled.ngettext(msgid, entry.msgid_plural, 1) == entry.msgstr[0], msgid
        else:
            assert compiled.gettext(msgid) == entry.msgstr[0], msgid


@pytest.mark.parametrize("domain", DOMAINS)
def test_every_wagtail_string_has_an_indonesian_translation(domain):
    """No message of an installed wagtail app's catalogue is left without Indonesian."""
    entries, _given = catalogues.merge(domain)
    missing = [f"{app}: {entry.msgid!r}" for app, entry in catalogues.untranslated(domain, entries)]
    assert missing == []


@pytest.mark.parametrize("domain", DOMAINS)
def test_translations_keep_every_placeholder(domain):
    """A translation names the same %(name)s and {name} placeholders as its message."""
    wrong = []
    for entry in catalogues.read_po(catalogues.OUTPUT / f"{domain}.po"):
        source = entry.msgid_plural or entry.msgid
        if catalogues.placeholders(source) != catalogues.placeholders(entry.msgstr[0]):
            wrong.append(entry.msgid)
    assert wrong == []


@pytest.mark.django_db
def test_admin_javascript_catalogue_is_indonesian(admin_client):
    """/admin/jsi18n/ serves Wagtail's Indonesian and ours to the Indonesian admin."""
    script = admin_client.get("/admin/jsi18n/").content.decode()
    assert '"Dasbor"' in script
    assert '"Apakah Anda yakin?"' in script


@pytest.mark.django_db
def test_admin_javascript_catalogue_follows_a_chosen_english(admin_client, admin_user):
    """Staff who chose English get no Indonesian in the admin's JavaScript."""
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": "en"})
    assert "Dasbor" not in admin_client.get("/admin/jsi18n/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("stored", ["id-id", "id_ID"])
def test_stored_wagtail_indonesian_becomes_id(admin_user, stored):
    """The migration turns a profile's Wagtail Indonesian into the admin's "id"."""
    UserProfile.objects.update_or_create(user=admin_user, defaults={"preferred_language": stored})
    migration = importlib.import_module("warta.backoffice.migrations.0001_indonesian_admin_is_id")
    migration.choose_id(apps, None)
    assert UserProfile.objects.get(user=admin_user).preferred_language == "id"


@pytest.mark.parametrize("name", list(upstream_templates.REPLACEMENTS))
def test_copied_admin_template_is_wagtails_own_with_its_text_translated(name):
    """A copied admin template is the installed Wagtail's with only the listed replacements
    (after a Wagtail upgrade, `make admin-messages` copies them again)."""
    ours = (upstream_templates.OUR_TEMPLATES / name).read_text(encoding="utf-8")
    assert ours == upstream_templates.translated_copy(name)
