"""The scan of everything published: the demo is clean, planted spam is found in every
field, the command's exit status, the nightly task, the dashboard and the settings' rights."""

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult
from wagtail.embeds.blocks import EmbedValue
from wagtail.models import Site
from wagtail.rich_text import RichText

from warta.integrity import scanner, sweep, tasks
from warta.integrity.content import field_label, scan_object
from warta.integrity.models import IntegrityScan, IntegritySettings
from warta.news.factories import ArticlePageFactory, NewsImageFactory, PersonFactory
from warta.news.models import ArticlePage
from warta.newsroom import roles

pytestmark = pytest.mark.django_db


def found(obj) -> set[tuple[str, str]]:
    return {(f.where, f.kind) for f in scan_object(obj, IntegritySettings.rules_for(None))}


def test_the_whole_demo_passes_the_scan(demo):
    """Every live demo page, person and image: no finding."""
    scan = sweep.scan_published()
    assert scan.objects_scanned > 30
    assert scan.findings == []


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "Slot Gacor Maxwin Situs Slot Online"),
        ("seo_title", "s1ot g4cor"),
        ("summary", "Daftar di hoki88.xyz"),
        ("main_image_caption", "Foto: t0gel"),
    ],
)
def test_planted_spam_in_a_story_field_is_found(field, value):
    """Spam planted in a text field of a live story is found on that field."""
    article = ArticlePageFactory(**{field: value})
    label = field_label(article._meta.get_field(field))
    assert label in {where for where, _kind in found(article)}


@pytest.mark.parametrize(
    ("block", "value"),
    [
        ("paragraph", RichText('<p><span style="display:none">slot gacor</span></p>')),
        ("embed", {"url": EmbedValue("https://slotgacor88.xyz/video"), "caption": ""}),
        ("quote", {"text": "Main di situs toto, maxwin, slot gacor!", "attribution": ""}),
        (
            "table",
            {"data": [["Situs", "Bonus"], ["Main di situs toto, maxwin, slot gacor!", "100%"]]},
        ),
    ],
)
def test_planted_spam_in_a_body_block_is_found(block, value):
    """Spam in a paragraph, an embed's address, a quote or a table is found in its block."""
    article = ArticlePageFactory()
    article.body = [(block, value)]
    body = field_label(ArticlePage._meta.get_field("body"))
    assert any(where.startswith(body) for where, _kind in found(article))


def test_planted_spam_in_an_image_caption_is_found():
    """An image whose caption carries a hidden link is found."""
    image = NewsImageFactory(caption='Banjir <a style="font-size:0" href="https://x.test">x</a>')
    caption = field_label(image._meta.get_field("caption"))
    assert (caption, scanner.HIDDEN) in found(image)


def test_planted_spam_in_a_persons_bio_is_found():
    """A bio with a gambling link is found."""
    person = PersonFactory(bio='<a href="https://togel4d.xyz/">Info</a>')
    assert scanner.DOMAIN in {kind for _where, kind in found(person)}


def test_the_command_lists_offenders_and_exits_with_status_one():
    """A finding: the page and the field are printed, the exit status is 1."""
    ArticlePageFactory(title="Berita biasa", summary="Kunjungi slotgacor88.com sekarang")
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("scan_integrity", stdout=out)
    assert refused.value.returncode == 1
    assert "Berita biasa" in out.getvalue() and "slotgacor88.com" in out.getvalue()


def test_the_command_exits_with_status_zero_when_all_is_clean():
    """Nothing found: no error, the count printed."""
    ArticlePageFactory(title="Berita biasa")
    out = io.StringIO()
    call_command("scan_integrity", stdout=out)
    assert "0 findings" in out.getvalue()


def test_a_scan_is_recorded_and_old_ones_are_dropped():
    """Each scan is kept for the dashboard, up to the newest KEEP."""
    for _n in range(IntegrityScan.KEEP + 2):
        sweep.scan_published()
    assert IntegrityScan.objects.count() == IntegrityScan.KEEP


def test_the_nightly_scan_is_queued_once_for_three_oclock():
    """At start-up one scan is queued, for the next 3:00 in the newsroom's time zone."""
    assert tasks.queue_missing() == 1
    assert tasks.queue_missing() == 0
    row = DBTaskResult.objects.get(task_path=tasks.scan_every_night.module_path)
    assert timezone.localtime(row.run_after).hour == tasks.SCAN_HOUR


def test_next_run_is_tomorrow_after_three_oclock():
    """After 3:00 the next scan is the next day's."""
    jakarta = ZoneInfo("Asia/Jakarta")
    with timezone.override(jakarta):
        now = datetime(2025, 3, 12, 3, 30, tzinfo=jakarta)
        assert tasks.next_run(now) == datetime(2025, 3, 13, 3, 0, tzinfo=jakarta)


def test_the_nightly_scan_queues_the_next_and_records_its_result():
    """Running the task records a scan and leaves tomorrow's queued."""
    ArticlePageFactory(summary="s1ot g4cor")
    assert tasks.scan_every_night.call() == 1
    assert IntegrityScan.objects.get().findings[0]["kind"] == scanner.DISGUISED
    assert tasks.is_queued()


def test_the_dashboard_lists_offenders_with_links_to_their_editor(admin_client):
    """The chief's dashboard shows the last scan, each offender linked to its editor."""
    article = ArticlePageFactory(title="Berita tercemar", summary="Kunjungi slotgacor88.com")
    sweep.scan_published()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Berita tercemar" in html
    assert reverse("wagtailadmin_pages:edit", args=[article.pk]) in html
    assert "slotgacor88.com" in html


def staff(django_user_model, role: str):
    user = django_user_model.objects.create_user(role, f"{len(role)}@warta.test", "sandi")
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        (roles.REPORTER, False),
        (roles.DESK_EDITOR, False),
        (roles.EDITOR_IN_CHIEF, True),
        (roles.ADMINISTRATOR, True),
    ],
)
def test_only_the_editor_in_chief_and_administrators_edit_the_settings(
    client, django_user_model, role, allowed
):
    """The guard's settings page opens for the editor-in-chief, not for the desks."""
    client.force_login(staff(django_user_model, role))
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["integrity", "integritysettings", site.pk])
    response = client.get(url)
    assert (response.status_code == 200) is allowed


def test_a_term_added_in_the_settings_is_refused_on_the_next_scan():
    """The editor-in-chief's extra term counts in the scan."""
    site = Site.objects.get(is_default_site=True)
    IntegritySettings.objects.update_or_create(site=site, defaults={"extra_terms": "hoki besar"})
    ArticlePageFactory(summary='Hoki besar di <a href="https://example.com/">sini</a>')
    assert sweep.scan_published().findings[0]["kind"] == scanner.SPAM_BESIDE_LINK


def test_the_dashboard_says_when_the_last_scan_found_nothing(admin_client):
    """A clean scan: its time and "nothing found"."""
    ArticlePageFactory()
    sweep.scan_published()
    with translation.override("en"):
        html = admin_client.get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en")
    assert "nothing found" in html.content.decode() or "tidak ada temuan" in html.content.decode()
