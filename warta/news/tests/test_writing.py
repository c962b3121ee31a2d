"""Fast writing in the admin: the primary action, "Tulis berita", the story list, the
review queue, and what a writer sees when the form refuses bad input."""

import re
from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowTask
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from warta.engagement.models import ArticleStats
from warta.news.factories import ArticlePageFactory, SectionPageFactory, home_page
from warta.news.models import ArticlePage

pytestmark = pytest.mark.django_db

FOOTER_BUTTONS = re.compile(r'<footer class="footer.*?</footer>', re.S)


def newsroom_user(django_user_model, name, sections, actions=("add", "change")):
    """A user whose group may do `actions` on pages in `sections` (and below them)."""
    group = Group.objects.create(name=f"group of {name}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for section in sections:
        for action in actions:
            GroupPagePermission.objects.create(group=group, page=section, permission_type=action)
    user = django_user_model.objects.create_user(name, f"{name}@warta.test", "sandi-rahasia")
    user.groups.add(group)
    return user


@pytest.fixture
def daerah():
    return SectionPageFactory(title="Daerah")


@pytest.fixture
def redaktur(client, django_user_model, daerah):
    user = newsroom_user(django_user_model, "redaktur", [daerah], ("add", "change", "publish"))
    client.force_login(user)
    return client


@pytest.fixture
def reporter(client, django_user_model, daerah):
    user = newsroom_user(django_user_model, "reporter", [daerah])
    client.force_login(user)
    return client


def footer(html: str) -> str:
    return FOOTER_BUTTONS.search(html).group(0)


def first_button(html: str) -> str:
    """The primary (first, visible) button of the editor's action menu."""
    return re.search(r"<button[^>]*>", footer(html)).group(0)


def test_publish_is_the_primary_action_for_a_user_who_may_publish(redaktur, daerah):
    """A redaktur's first button publishes; saving a draft is in the dropdown."""
    html = redaktur.get(reverse("wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk)))
    html = html.content.decode()
    assert 'name="action-publish"' in first_button(html)
    assert "action-save" in footer(html)


def test_a_user_who_may_not_publish_keeps_saving_first(reporter, daerah):
    """A reporter sees no publish button: the draft (or submit) action stays first."""
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk))
    html = reporter.get(url).content.decode()
    assert "action-publish" not in footer(html)
    assert "action-save" in first_button(html)


def test_primary_action_reads_schedule_when_a_go_live_time_is_set(redaktur, daerah):
    """With a go-live time in the future, the primary button is labelled as scheduling."""
    article = ArticlePageFactory(parent=daerah)
    article.go_live_at = timezone.now() + timedelta(hours=2)
    article.save_revision()
    html = redaktur.get(reverse("wagtailadmin_pages:edit", args=(article.pk,))).content.decode()
    button = re.search(r"<button[^>]*action-publish.*?</button>", footer(html), re.S).group(0)
    schedule = re.search(r'data-warta-schedule-label="([^"]+)"', button).group(1)
    assert re.search(r'data-w-progress-target="label">([^<]+)</em>', button).group(1) == schedule


def test_write_story_lists_the_sections_the_user_may_write_in(reporter, daerah):
    """ "Tulis berita" offers Daerah and Daerah › Pati, each opening its article form."""
    pati = SectionPageFactory(parent=daerah, title="Pati")
    SectionPageFactory(title="Politik")
    html = reporter.get(reverse("articles:choose_parent")).content.decode()
    links = re.findall(r'<a class="button[^"]*" href="([^"]+)">([^<]+)</a>', html)
    assert links == [
        (reverse("wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk)), "Daerah"),
        (reverse("wagtailadmin_pages:add", args=("news", "articlepage", pati.pk)), "Daerah › Pati"),
    ]


def test_write_story_with_one_section_opens_the_form_at_once(reporter, daerah):
    """A writer of one section goes straight to its article form."""
    response = reporter.get(reverse("articles:choose_parent"))
    assert response.url == reverse(
        "wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk)
    )


def test_dashboard_and_menu_offer_write_story_to_writers(reporter):
    """The dashboard's button and the menu item lead to "Tulis berita"."""
    html = reporter.get("/admin/").content.decode()
    assert html.count(reverse("articles:choose_parent")) == 2


def test_no_write_story_for_a_user_who_may_not_write(client, django_user_model):
    """Staff without a section to write in see neither the button nor the menu item."""
    client.force_login(newsroom_user(django_user_model, "tamu", []))
    assert reverse("articles:choose_parent") not in client.get("/admin/").content.decode()


def test_story_list_shows_views_and_sorts_by_them(admin_client):
    """The "Berita" list prints each story's views and orders by them on request."""
    quiet = ArticlePageFactory(title="Sepi pembaca")
    read = ArticlePageFactory(title="Ramai pembaca")
    ArticleStats.objects.create(article=read, views=12_345)
    ArticleStats.objects.create(article=quiet, views=7)
    html = admin_client.get(reverse("articles:index") + "?ordering=-views").content.decode()
    assert "12.345" in html
    assert html.index("Ramai pembaca") < html.index("Sepi pembaca")
    html = admin_client.get(reverse("articles:index") + "?ordering=views").content.decode()
    assert html.index("Sepi pembaca") < html.index("Ramai pembaca")


def test_story_list_reads_views_with_the_results(admin_client):
    """Views cost no query per story: the list of ten takes as many queries as of two."""
    section = SectionPageFactory()

    def queries(count: int) -> int:
        for _ in range(count):
            ArticleStats.objects.create(article=ArticlePageFactory(parent=section), views=3)
        with CaptureQueriesContext(connection) as captured:
            admin_client.get(reverse("articles:index"))
        return len(captured)

    queries(2)  # the first request also reads what the session and the admin keep
    two = queries(0)
    assert queries(8) == two


def test_review_queue_lists_stories_longest_waiting_first(admin_client, admin_user):
    """Stories in review appear oldest first, with how long each has waited."""
    workflow = Workflow.objects.create(name="Tinjauan uji")
    task = GroupApprovalTask.objects.create(name="Persetujuan redaktur")
    task.groups.set([Group.objects.create(name="Redaktur uji")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    fresh = ArticlePageFactory(title="Baru diajukan")
    old = ArticlePageFactory(title="Lama menunggu")
    for article, hours in ((fresh, 0), (old, 5)):
        article.save_revision(user=admin_user)
        state = workflow.start(article, admin_user)
        state.current_task_state.started_at = timezone.now() - timedelta(hours=hours, minutes=1)
        state.current_task_state.save()
    html = admin_client.get("/admin/").content.decode()
    queue = html[html.index('id="review-queue-section"') :]
    assert queue.index("Lama menunggu") < queue.index("Baru diajukan")
    assert re.search(r'review-queue__age">\s*5\s*jam', queue)
    assert f"/admin/pages/{old.pk}/edit/" in queue


# Bad input: the form names the field and keeps what was typed.


def article_form(**fields) -> dict:
    data = {
        "title": "Banjir di Juwana",
        "slug": "",
        "summary": "Ringkasan yang sudah diketik.",
        "dateline": "Pati",
        "body": streamfield([("paragraph", rich_text("<p>Paragraf yang diketik.</p>"))]),
        "reporter_links": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "banjir, pati",
        "action-publish": "action-publish",
    }
    return nested_form_data({**data, **fields})


def post_article(client, section, **fields):
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", section.pk))
    return client.post(url, article_form(**fields))


def field_errors(response, name: str) -> list:
    return response.context["form"].errors.get(name, [])


def test_article_without_title_is_refused_and_nothing_typed_is_lost(redaktur, daerah):
    """No title: an error beside the title, the lead and tags still filled in, nothing saved."""
    response = post_article(redaktur, daerah, title="")
    assert response.status_code == 200
    assert field_errors(response, "title")
    html = response.content.decode()
    assert "Ringkasan yang sudah diketik." in html
    assert "banjir" in html
    assert not ArticlePage.objects.exists()


def test_article_without_body_is_refused_and_nothing_typed_is_lost(redaktur, daerah):
    """An empty body: an error beside the body, the title kept, nothing saved."""
    response = post_article(redaktur, daerah, body=streamfield([]))
    assert field_errors(response, "body")
    assert 'value="Banjir di Juwana"' in response.content.decode()
    assert not ArticlePage.objects.exists()


@pytest.mark.parametrize("url", ["htp:/rusak", "https://video.invalid/tonton/123"])
def test_article_with_a_broken_embed_url_is_refused_and_nothing_typed_is_lost(
    redaktur, daerah, url
):
    """A broken embed address: an error in the body, the paragraph and the URL kept."""
    body = streamfield(
        [
            ("paragraph", rich_text("<p>Paragraf yang diketik.</p>")),
            ("embed", {"url": url, "caption": "Rekaman warga"}),
        ]
    )
    response = post_article(redaktur, daerah, body=body)
    assert field_errors(response, "body")
    html = response.content.decode()
    assert "Paragraf yang diketik." in html and url in html
    assert not ArticlePage.objects.exists()


def test_article_cannot_be_filed_outside_a_section(redaktur):
    """An article's form exists only inside a section: under the home page it is refused."""
    url = reverse("wagtailadmin_pages:add", args=("news", "articlepage", home_page().pk))
    response = redaktur.post(url, article_form())
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.exists()


def test_a_photo_uploaded_in_the_chooser_is_chosen_at_once(admin_client, daerah):
    """The image chooser (lead photo and body photos alike) uploads and picks in one step."""
    form = admin_client.get(
        reverse("wagtailadmin_pages:add", args=("news", "articlepage", daerah.pk))
    )
    assert form.content.decode().count("/admin/images/chooser/") >= 2  # lead photo and body
    buffer = BytesIO()
    Image.new("RGB", (64, 36), "teal").save(buffer, "JPEG")
    upload = SimpleUploadedFile("banjir.jpg", buffer.getvalue(), content_type="image/jpeg")
    response = admin_client.post(
        reverse("wagtailimages_chooser:create"),
        {"image-chooser-upload-title": "Banjir", "image-chooser-upload-file": upload},
    )
    assert response.json()["step"] == "chosen"
