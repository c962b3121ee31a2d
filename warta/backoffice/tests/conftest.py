"""The newsroom every admin screen is rendered with."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Task, Workflow

from warta.news.models import ArticlePage, HomePage, Person, SectionPage


@pytest.fixture
def newsroom(demo, admin_user) -> dict[str, int]:
    """The demo newsroom, with what it lacks for every screen: a document, a group, a second
    revision of an article."""
    article = ArticlePage.objects.live().order_by("-published_at").first()
    earlier = article.save_revision(user=admin_user)
    article.save_revision(user=admin_user)
    document = get_document_model().objects.create(title="Laporan anggaran daerah")
    document.file.save("anggaran.txt", ContentFile(b"anggaran"), save=True)
    group, _created = Group.objects.get_or_create(name="Redaksi Pati")
    return {
        "home": HomePage.objects.get().pk,
        "section": SectionPage.objects.order_by("path").first().pk,
        "article": article.pk,
        "revision": earlier.pk,
        "image": get_image_model().objects.order_by("pk").first().pk,
        "document": document.pk,
        "person": Person.objects.order_by("pk").first().pk,
        "user": admin_user.pk,
        "group": group.pk,
        "workflow": Workflow.objects.order_by("pk").first().pk,
        "task": Task.objects.order_by("pk").first().pk,
        "root": Page.get_first_root_node().pk,
    }
