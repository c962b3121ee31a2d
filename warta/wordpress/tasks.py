"""After an import: the search index and Wagtail's reference index, in the background.

Indexing is a third of an import's work (Indonesian stemming of every story's text), so the
import leaves it to the worker beside `warta serve`, in chunks queued when the import has
committed (`queue_indexing`). Until a chunk has run, its stories are on the site, in their
sections, feeds and sitemaps, but not yet found by the search page.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.tasks import task
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from warta.news import bulk
from warta.news.models import ArticlePage

# Stories per task: a chunk takes the worker some seconds, never minutes.
CHUNK = 500


@task(backend=settings.WARTA_TASKS_BACKEND)
def index_imported(page_ids: list[int], image_ids: list[int]) -> int:
    """Index imported stories and photos for search, and record what they use (a story's
    photos) in Wagtail's reference index; returns how many objects were indexed."""
    bulk.index_articles(page_ids)
    images = list(get_image_model().objects.filter(pk__in=image_ids))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(get_image_model(), images)
    articles = ArticlePage.objects.filter(pk__in=page_ids)
    for article in articles.iterator(chunk_size=100):
        ReferenceIndex.create_or_update_for_object(article)
    return len(page_ids) + len(images)


def queue_indexing(page_ids: list[int], image_ids: list[int]) -> int:
    """Queue the indexing of imported stories and photos once the import commits; returns
    the number of tasks."""
    chunks = [
        (page_ids[start : start + CHUNK], image_ids[start : start + CHUNK])
        for start in range(0, max(len(page_ids), len(image_ids)), CHUNK)
    ]

    def enqueue():
        for pages, images in chunks:
            index_imported.enqueue(pages, images)

    transaction.on_commit(enqueue)
    return len(chunks)
