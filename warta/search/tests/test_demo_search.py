"""Done when: a reader can find any demo article by searching for a word in its body."""

import pytest

from warta.news.models import ArticlePage
from warta.search.text import WORD, fold

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles(demo) -> list[ArticlePage]:
    return list(ArticlePage.objects.live().order_by("pk"))


def body_words(article: ArticlePage) -> set[str]:
    return {fold(word) for text in article.text_paragraphs()[1:] for word in WORD.findall(text)}


def found(client, query: str) -> list[int]:
    response = client.get("/cari/", {"q": query})
    assert response.status_code == 200
    return [hit.article.pk for hit in response.context["hits"]]


def test_every_demo_article_is_found_by_a_word_only_in_its_body(client, articles):
    """For each demo story, its rarest body word (absent from title, lead and tags) finds it."""
    documents = {article.pk: body_words(article) for article in articles}
    frequency: dict[str, int] = {}
    for words in documents.values():
        for word in words:
            frequency[word] = frequency.get(word, 0) + 1
    for article in articles:
        elsewhere = {
            fold(word)
            for text in (article.title, article.summary, *(t.name for t in article.tags.all()))
            for word in WORD.findall(text)
        }
        candidates = sorted(
            (w for w in documents[article.pk] - elsewhere if len(w) > 3 and not w.isdigit()),
            key=lambda w: (frequency[w], w),
        )
        assert candidates, article.title
        assert article.pk in found(client, candidates[0]), (article.title, candidates[0])


def test_the_reference_story_is_found_by_other_forms_of_its_words(client, articles):
    """ "mengolah ikan" finds the lead Pati story, which says "pengolahan hasil perikanan"."""
    reference = next(a for a in articles if a.slug.startswith("pemkab-pati-dorong-bumdes"))
    assert reference.pk in found(client, "papan nama")
    assert reference.pk in found(client, "mengolah ikan")
