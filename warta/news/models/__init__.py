"""The news itself: the home page, sections (rubrics), articles and the people who write them.

The page tree mirrors how a regional newsroom files its stories:
Home › Daerah › Pati › article. An article's place in the tree is its primary
section, so its URL and breadcrumb follow from where the editor filed it.

- pages.py: HomePage, SectionPage, ArticlePage, with their bylines and tags
- people.py: the people credited on stories, and the newsroom's house conventions
- frontpage.py: the front page's layout, the headline and featured stories a redaktur chooses
- querysets.py: the rules that select stories (live, breaking, newest first, ...)
- lists.py: how many stories each list holds, kept counted for sitemaps and pages

What makes the reader pages fast lives in modules of its own, named for what they do
(warta/news/routing.py, related.py, cards.py, reader_pages.py, story_lists.py); see
docs/architecture.md.
"""

from .frontpage import FrontPageLayout, FrontPageSlot
from .lists import StoryList
from .pages import (
    RESERVED_SLUGS,
    ArticlePage,
    ArticlePageTag,
    ArticleReporter,
    HomePage,
    SectionPage,
)
from .people import NewsroomSettings, Person
from .querysets import ArticlePageQuerySet, ReaderPageQuerySet

__all__ = [
    "RESERVED_SLUGS",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticlePageTag",
    "ArticleReporter",
    "FrontPageLayout",
    "FrontPageSlot",
    "HomePage",
    "NewsroomSettings",
    "Person",
    "ReaderPageQuerySet",
    "SectionPage",
    "StoryList",
]
