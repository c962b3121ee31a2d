"""Factories for tests: standing pages under the home page."""

import factory
import wagtail_factories

from warta.news.factories import home_page

from .models import RedaksiPage, StandingPage


class StandingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Halaman {n}")
    parent = factory.LazyFunction(home_page)
    intro = "Tentang halaman ini."
    body = factory.LazyFunction(
        lambda: [("heading", "Bagian pertama"), ("paragraph", "<p>Isi halaman.</p>")]
    )
    show_in_footer = True

    class Meta:
        model = StandingPage


class RedaksiPageFactory(StandingPageFactory):
    title = "Redaksi"
    slug = "redaksi"

    class Meta:
        model = RedaksiPage
