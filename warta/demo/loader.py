"""Loads the demo content into the page tree; running it again refreshes instead of duplicating.

Publication times are set relative to the moment of loading, so a new demo
always has fresh stories for "latest", most-read lists and news sitemaps.
"""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.utils.file import hash_filelike

from warta.news.models import (
    ArticlePage,
    ArticleReporter,
    FrontPageLayout,
    FrontPageSlot,
    HomePage,
    NewsroomSettings,
    Person,
    SectionPage,
)

from . import content
from .discovery import load_publisher_settings
from .engagement import seed_counts
from .images import HEIGHT, WIDTH, draw_placeholder
from .labels import load_labelled_stories
from .press import load_press_duties
from .replies import load_reply
from .standing import load_standing_pages

DEMO_CREDIT = "Warta"


@transaction.atomic
def load_demo(stdout=None) -> dict[str, int]:
    now = timezone.now()
    home = _home_page()
    sections = _sections(home)
    people = _people()
    NewsroomSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"show_editor_initials": True, "default_credit_line": ""},
    )
    load_publisher_settings(Site.objects.get(is_default_site=True))
    load_standing_pages(home)
    for entry in content.ARTICLES:
        _article(entry, sections, people, now)
    load_labelled_stories(sections, people, now, make_article=_article)
    load_press_duties(sections, people, now, make_image=_image)
    load_reply(now)
    _front_page(Site.objects.get(is_default_site=True))
    return {"sections": len(sections), "people": len(people), "articles": len(content.ARTICLES)}


def _front_page(site: Site) -> None:
    """The demo's headline and its first featured stories, chosen as a redaktur would;
    the other featured places show the newest stories."""
    layout = FrontPageLayout.for_site(site)
    layout.headline = ArticlePage.objects.get(slug=content.ARTICLES[0]["slug"])
    layout.headline_until = None
    featured = [ArticlePage.objects.get(slug=entry["slug"]) for entry in content.ARTICLES[1:3]]
    layout.slots = [FrontPageSlot(article=article) for article in featured]
    layout.save()


def _home_page() -> HomePage:
    site = Site.objects.get(is_default_site=True)
    return site.root_page.specific


def _sections(home: HomePage) -> dict[str, SectionPage]:
    by_path: dict[str, SectionPage] = {}
    for title, slug, introduction, children in content.SECTIONS:
        section = _section(home, title, slug, introduction)
        by_path[slug] = section
        for child_title, child_slug, child_introduction in children:
            by_path[f"{slug}/{child_slug}"] = _section(
                section, child_title, child_slug, child_introduction
            )
    return by_path


def _section(parent, title: str, slug: str, introduction: str) -> SectionPage:
    section = SectionPage.objects.child_of(parent).filter(slug=slug).first()
    if section is None:
        section = SectionPage(title=title, slug=slug)
        section.introduction = introduction
        section.show_in_menus = True
        parent.add_child(instance=section)
    else:
        section.title, section.introduction, section.show_in_menus = title, introduction, True
    section.save_revision().publish()
    return section


def _people() -> dict[str, Person]:
    people = {}
    for data in content.PEOPLE:
        person, _created = Person.objects.update_or_create(
            slug=data["slug"],
            defaults={key: value for key, value in data.items() if key != "slug"},
        )
        people[person.slug] = person
    return people


def _image(key: str, title: str, caption: str, credit: str):
    image_model = get_image_model()
    image = image_model.objects.filter(title=title).first()
    if image is None:
        data = draw_placeholder(key)
        image = image_model(title=title, file_size=len(data))
        image.file.save(f"{key}.jpg", ContentFile(data), save=False)
        image.width, image.height = WIDTH, HEIGHT  # saving the file clears them
        image.file_hash = hash_filelike(ContentFile(data))
    image.caption, image.credit, image.description = caption, credit, caption
    image.save()
    return image


def _body(entry: dict) -> list[tuple[str, object]]:
    blocks = []
    for index, block in enumerate(entry["body"]):
        kind = block[0]
        if kind == "paragraph":
            blocks.append(("paragraph", f"<p>{escape(block[1])}</p>"))
        elif kind == "quote":
            blocks.append(("quote", {"text": block[1], "attribution": block[2]}))
        elif kind == "image":
            image = _image(
                f"{entry['slug']}-{index}", f"{entry['title']} ({index})", block[1], block[2]
            )
            blocks.append(("image", {"image": image, "caption": "", "credit": ""}))
    return blocks


def _article(entry: dict, sections, people, now) -> ArticlePage:
    parent = sections[entry["section"]]
    article = ArticlePage.objects.filter(slug=entry["slug"]).first()
    created = article is None
    if created:
        article = ArticlePage(slug=entry["slug"], title=entry["title"])
    published = now - timedelta(hours=entry["hours_ago"])
    updated = entry.get("updated_hours_ago")
    breaking = entry.get("breaking_hours")
    article.title = entry["title"]
    article.dateline = entry["dateline"]
    article.summary = entry["summary"]
    article.search_description = entry["summary"]
    article.credit_line = entry.get("credit_line", "")
    article.published_at = published
    article.updated_at = now - timedelta(hours=updated) if updated is not None else None
    article.is_breaking = breaking is not None
    article.breaking_until = now + timedelta(hours=breaking) if breaking is not None else None
    article.editor = people.get(entry.get("editor") or "")
    article.main_image = _image(
        entry["slug"],
        entry["title"],
        entry["summary"][:200],
        f"{DEMO_CREDIT}/{people[entry['reporters'][0]].name}",
    )
    article.body = _body(entry)
    article.tags.set(entry["tags"], clear=True)
    article.reporter_links = [
        ArticleReporter(person=people[slug], sort_order=order)
        for order, slug in enumerate(entry["reporters"])
    ]
    if created:
        parent.add_child(instance=article)
    elif article.get_parent().pk != parent.pk:
        article.move(parent, pos="last-child")
        article.refresh_from_db()
    revision = article.save_revision()
    revision.publish()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=published, last_published_at=published
    )
    seed_counts(article.pk, entry["views"])
    return article
