"""Admin widgets for choosing stories."""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser


class ArticleChooser(AdminPageChooser):
    """A page chooser limited to articles whose button speaks the language of each request.

    Wagtail joins "Choose a page" and the model's name into a plain string when the widget
    is made, which a form class built once per process would keep in its first language.
    """

    def __init__(self, **kwargs):
        super().__init__(target_models=["news.ArticlePage"], **kwargs)
        self.choose_one_text = format_lazy("{} ({})", _("Choose a page"), capfirst(_("article")))
