"""The import of a regional portal's WordPress export: what each object becomes."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django_tasks_db.models import DBTaskResult
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, WorkflowState

from warta.engagement.models import ArticleStats
from warta.news.models import ArticlePage, FrontPageSlot, Person, SectionPage
from warta.newsroom.roles import REPORTER
from warta.standing.models import StandingPage
from warta.wordpress import tasks, wxr
from warta.wordpress.models import ImportedItem
from warta.wordpress.report import FAILED, IMPORTED, SKIPPED, UNCHANGED, UPDATED

from .conftest import FIXTURES, NEWS, THEME_EXPORTS, said


def story(post_id: int) -> ArticlePage:
    item = ImportedItem.objects.get(kind="post", key=str(post_id))
    return ArticlePage.objects.get(pk=item.object_id)


def test_categories_become_sections_in_their_hierarchy(import_export):
    """Daerah › Pati stays a section under a section; Ekonomi sits at the top."""
    import_export()
    pati = SectionPage.objects.get(slug="pati")
    assert pati.get_parent().slug == "daerah"
    assert SectionPage.objects.get(slug="ekonomi").get_parent().specific_class.__name__ == (
        "HomePage"
    )


def test_authors_become_people_with_initials(import_export):
    """Display names become bylines; initials are derived as stories print them."""
    import_export()
    agus = Person.objects.get(slug="agus")
    assert (agus.name, agus.initials) == ("Agus Santoso", "Ag")
    assert Person.objects.get(slug="sri-wahyuni").name == "Sri Wahyuni"


def test_published_post_becomes_a_live_story_with_its_fields(import_export):
    """Title, section, time, lead, dateline, byline, editor's initials and tags carried over."""
    import_export()
    article = story(101)
    assert article.live
    assert article.get_parent().slug == "pati"
    assert article.title == "Banjir Rendam Tiga Desa di Juwana, Warga Mengungsi"
    assert article.published_at == datetime(2026, 12, 5, 2, 15, tzinfo=UTC)
    assert article.updated_at == datetime(2026, 12, 5, 4, 40, tzinfo=UTC)
    assert article.summary == "Sungai Juwana meluap, 120 keluarga mengungsi."
    assert article.dateline == "Pati"
    assert [link.person.slug for link in article.reporter_links.all()] == ["agus"]
    assert article.editor.slug == "agus"  # "(Ag)" at the end
    assert list(article.tags.names()) == ["banjir"]
    assert "(Ag)" not in str(article.body)


def test_featured_image_becomes_the_lead_image(import_export):
    """_thumbnail_id gives the main image, with the file copied from --media-dir."""
    import_export()
    article = story(101)
    assert article.main_image is not None
    assert article.main_image.file.name.endswith(".jpg")
    assert article.main_image.width == 120


def test_secondary_category_becomes_a_tag(import_export):
    """A post in Ekonomi and Pati lives in Pati (the deeper one) and is tagged Ekonomi."""
    import_export()
    article = story(102)
    assert article.get_parent().slug == "pati"
    assert "Ekonomi" in article.tags.names()


def test_views_from_either_plugin_are_carried_over(import_export):
    """WP-PostViews' `views` and the themes' `post_views_count` become Warta's count."""
    report = import_export()
    assert ArticleStats.objects.get(pk=story(101).pk).views == 1520
    assert ArticleStats.objects.get(pk=story(102).pk).views == 875
    assert ArticleStats.objects.get(pk=story(109).pk).views == 410  # the larger of two
    assert report.views == 1520 + 875 + 410


def test_future_post_is_scheduled_not_live(import_export):
    """status future: a draft approved to go live at its time."""
    import_export()
    article = story(103)
    assert not article.live
    assert article.go_live_at == datetime(2027, 1, 1, tzinfo=UTC)
    assert article.get_latest_revision().approved_go_live_at == article.go_live_at


def test_private_and_password_posts_are_not_public(import_export):
    """private needs a login; a password-protected post keeps its password."""
    import_export()
    private = PageViewRestriction.objects.get(page=story(104))
    assert private.restriction_type == PageViewRestriction.LOGIN
    protected = PageViewRestriction.objects.get(page=story(107))
    assert (protected.restriction_type, protected.password) == (
        PageViewRestriction.PASSWORD,
        "nelayan2026",
    )
    assert not ArticlePage.objects.live().public().filter(pk__in=[story(104).pk, story(107).pk])


def test_draft_stays_a_draft_and_pending_goes_to_review(import_export):
    """draft → a draft; pending → a draft submitted to the review workflow."""
    import_export()
    draft, pending = story(105), story(106)
    assert not draft.live and draft.published_at is None
    assert not pending.live
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(pending.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()


def test_trash_is_skipped_and_said_so(import_export):
    """A trashed post is not imported; the report gives the reason."""
    report = import_export()
    assert not ImportedItem.objects.filter(kind="post", key="108").exists()
    assert report.reasons["post", SKIPPED, said("in the trash")] == 1


def test_missing_photo_is_reported_and_its_story_imported(import_export):
    """kopi-colo.jpg is not in the uploads folder: reported, the story goes in without it."""
    report = import_export()
    assert report.reasons["attachment", FAILED, said("file missing")] == 1
    note = next(note for note in report.notes if note.kind == "attachment")
    assert note.reason.endswith("2026/12/kopi-colo.jpg")
    article = story(109)
    assert article.live and article.main_image is None


def test_gutenberg_post_becomes_clean_blocks(import_export):
    """Headings, a table, a list and an embed come through; a script and an unknown
    shortcode are counted."""
    report = import_export()
    body = story(109).body
    kinds = [block.block_type for block in body]
    assert "embed" in kinds
    assert "<script" not in str(body.raw_data)
    assert any(name.startswith("shortcode_unknown") for name in report.content)


def test_sticky_post_is_featured_on_the_front_page(import_export):
    """is_sticky puts the story in the front page's first featured place."""
    import_export()
    assert list(FrontPageSlot.objects.values_list("article_id", flat=True)) == [story(101).pk]


def test_pages_become_standing_pages_under_their_parent(import_export):
    """WordPress pages keep their hierarchy as standing pages."""
    import_export()
    parent = StandingPage.objects.get(pk=ImportedItem.objects.get(kind="page", key="2").object_id)
    child = StandingPage.objects.get(pk=ImportedItem.objects.get(kind="page", key="3").object_id)
    assert child.get_parent().pk == parent.pk
    assert child.live and child.title == "Susunan Redaksi"


def test_report_counts_every_object_of_the_export(import_export):
    """Each post, page, photo, category, tag and author has one outcome in the report."""
    report = import_export()
    counted = wxr.summary(NEWS)
    assert report.total("post") == counted.by_type()["post"]
    assert report.total("page") == counted.by_type()["page"]
    assert report.total("attachment") == counted.attachments
    assert report.total("category") == counted.categories
    assert report.total("tag") == counted.tags
    assert report.total("author") == counted.authors
    assert report.comments == counted.comments


def test_second_run_changes_nothing(import_export):
    """Running the same export again creates nothing and reports everything unchanged."""
    import_export()
    pages, images = Page.objects.count(), get_image_model().objects.count()
    report = import_export()
    assert (Page.objects.count(), get_image_model().objects.count()) == (pages, images)
    for kind in ("post", "page", "attachment", "category", "tag", "author"):
        assert report.outcomes[kind, IMPORTED] == 0, kind
        assert report.outcomes[kind, UPDATED] == 0, kind
    assert report.outcomes["post", UNCHANGED] == 8


def changed_export(tmp_path, *replacements):
    text = NEWS.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / "changed.xml"
    path.write_text(text, encoding="utf-8")
    return path


def test_changed_post_is_updated_and_views_added_to_those_counted_since(import_export, tmp_path):
    """A new title updates the story; new WordPress views add to Warta's own since."""
    import_export()
    ArticleStats.objects.filter(pk=story(101).pk).update(views=1520 + 7)  # read in Warta
    path = changed_export(
        tmp_path,
        ("Banjir Rendam Tiga Desa di Juwana, Warga", "Banjir Rendam Empat Desa di Juwana, Warga"),
        ("<![CDATA[1520]]>", "<![CDATA[1600]]>"),
    )
    report = import_export(path)
    assert report.outcomes["post", UPDATED] == 1
    article = story(101)
    assert article.title.startswith("Banjir Rendam Empat Desa")
    assert article.live
    assert ArticleStats.objects.get(pk=article.pk).views == 1600 + 7


def test_story_edited_in_warta_is_not_overwritten(import_export, tmp_path):
    """An editor's revision after the import wins over a changed export, with a reason."""
    import_export()
    article = story(102)
    article.title = "Judul dari redaktur"
    article.save_revision().publish()
    path = changed_export(
        tmp_path, ("Harga Cabai di Pasar Puri", "Harga Cabai Rawit di Pasar Puri")
    )
    report = import_export(path)
    assert story(102).title == "Judul dari redaktur"
    reason = said("changed in Warta since it was imported: not overwritten")
    assert report.reasons["post", SKIPPED, reason] == 1


def test_dry_run_keeps_nothing_and_reports_the_same(import_export, media_root):
    """--dry-run does the whole import, then keeps no row and no file."""
    pages = Page.objects.count()
    dry = import_export(dry_run=True)
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()
    assert not get_image_model().objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    real = import_export()
    assert dry.outcomes == real.outcomes


@pytest.mark.parametrize("name", ["rusak.xml", "terpotong.xml", "xxe.xml", "bom-entitas.xml"])
def test_unusable_export_imports_nothing(import_export, media_root, name):
    """A malformed, truncated or hostile file stops the run with nothing kept."""
    pages = Page.objects.count()
    with pytest.raises(wxr.WXRError):
        import_export(FIXTURES / name)
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()
    assert not Person.objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def test_error_after_photos_were_copied_removes_them(import_export, media_root, tmp_path):
    """A file that breaks after its photos were copied leaves neither rows nor files."""
    text = NEWS.read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(text.replace("</channel>", "<item><title>x</item></channel>"), "utf-8")
    with pytest.raises(wxr.WXRError):
        import_export(broken)
    assert not get_image_model().objects.exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]


def test_staff_accounts_are_reporters_without_a_password(import_export):
    """--staff-accounts: each author gets a Reporter account that needs a password reset."""
    import_export(staff_accounts=True)
    person = Person.objects.get(slug="agus")
    assert person.user.username == "agus"
    assert person.user.is_staff
    assert not person.user.has_usable_password()
    assert list(person.user.groups.values_list("name", flat=True)) == [REPORTER]
    assert get_user_model().objects.filter(username="sri.wahyuni").exists()


def test_tags_of_the_header_and_of_posts_exist(import_export):
    """Tags listed in the export's header and those only on posts are both made."""
    import_export()
    assert set(Tag.objects.values_list("name", flat=True)) >= {
        "banjir",
        "pasar tradisional",
        "kopi",
    }


@pytest.mark.slow
@pytest.mark.skipif(not THEME_EXPORTS, reason="../shared/testdata/wordpress is not here")
@pytest.mark.parametrize("export", THEME_EXPORTS, ids=lambda path: path.name)
def test_theme_unit_test_export_is_accounted_for_object_by_object(import_export, export):
    """Every post, page, attachment, category, tag and author of the Theme Unit Test data
    has an outcome in the report, as many as the XML holds; nothing fails."""
    report = import_export(export, media_dir=None)
    counted = wxr.summary(export)
    types = counted.by_type()
    assert report.total("post") == types["post"]
    assert report.total("page") == types["page"]
    assert report.total("attachment") == types["attachment"]
    assert report.total("category") == counted.categories
    assert report.total("tag") == counted.tags
    assert report.total("author") == counted.authors
    others = sum(
        count for kind, count in types.items() if kind not in ("post", "page", "attachment")
    )
    assert report.total("other") == others + counted.terms
    assert report.failed == 0
    assert report.comments == counted.comments
    published = counted.items["post", "publish"]
    assert ArticlePage.objects.live().count() >= published


def test_indexing_is_queued_after_the_commit_and_makes_stories_searchable(
    import_export, django_capture_on_commit_callbacks
):
    """The import queues the search index for the worker; once it has run, search finds
    the imported stories."""
    with django_capture_on_commit_callbacks(execute=True):
        report = import_export()
    assert report.index_tasks == 1
    queued = DBTaskResult.objects.get(task_path=tasks.index_imported.module_path)
    page_ids, image_ids = queued.args_kwargs["args"]
    assert story(101).pk in page_ids and image_ids
    assert not ArticlePage.objects.search("Juwana")
    tasks.index_imported.call(page_ids, image_ids)
    assert story(101) in list(ArticlePage.objects.search("Juwana"))
