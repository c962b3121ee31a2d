"""Factories for tests: people, images, sections and articles placed in the page tree."""

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import Collection, Site

from warta.images.models import NewsImage

from .models import ArticlePage, ArticleReporter, HomePage, Person, SectionPage


def home_page() -> HomePage:
    """The site's home page, which the migrations create."""
    return Site.objects.get(is_default_site=True).root_page.specific


class PersonFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reporter {n}")
    slug = factory.Sequence(lambda n: f"reporter-{n}")
    initials = factory.Sequence(lambda n: f"R{n}")
    role = Person.Role.REPORTER

    class Meta:
        model = Person


class NewsImageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Foto {n}")
    file = factory.django.ImageField(width=64, height=36, color="teal")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    caption = "Suasana kegiatan"
    credit = "Warta/Foto"

    class Meta:
        model = NewsImage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rubrik {n}")
    parent = factory.LazyFunction(home_page)
    show_in_menus = True

    class Meta:
        model = SectionPage


class ArticlePageFactory(wagtail_factories.PageFactory):
    """An article; pass `reporters=[...]` and `tags=[...]` to credit and tag it."""

    title = factory.Sequence(lambda n: f"Berita nomor {n}")
    parent = factory.SubFactory(SectionPageFactory)
    dateline = "Pati"
    summary = "Ringkasan berita."
    body = factory.LazyFunction(
        lambda: [("paragraph", "<p>Paragraf pertama.</p>"), ("paragraph", "<p>Paragraf akhir.</p>")]
    )
    published_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def reporters(self, create, people, **kwargs):
        if people:
            for order, person in enumerate(people):
                ArticleReporter.objects.create(page=self, person=person, sort_order=order)

    @factory.post_generation
    def tags(self, create, names, **kwargs):
        if names:
            self.tags.add(*names)
            self.save()


def add_table_and_gallery(article: ArticlePage) -> None:
    """Put a table and a gallery of two new photos after the article's first block, so
    that the reader pages' checks (HTML validity, accessibility) see both kinds."""
    photos = NewsImageFactory.create_batch(2, caption="Warga menanam padi", credit="Warta")
    table = {
        "data": [
            ["Desa", "Sawah (ha)", "Terendam (ha)", "Rumah", "Pengungsi", "Dapur umum", "Posko"],
            ["Margorejo", "120", "85", "312", "1.204", "2", "Balai desa Margorejo"],
            ["Sidoharjo", "98", "40", "120", "356", "1", "Masjid Al-Ikhlas Sidoharjo"],
        ],
        "table_caption": "Sawah terendam",
        "table_header_choice": "row",
        "first_row_is_table_header": True,
        "first_col_is_header": False,
    }
    gallery = {
        "images": [{"image": photo.pk, "caption": "", "credit": ""} for photo in photos],
        "caption": "Tanam padi serentak",
    }
    body = list(article.body.raw_data)
    body[1:1] = [{"type": "table", "value": table}, {"type": "gallery", "value": gallery}]
    article.body = body
    article.save()
