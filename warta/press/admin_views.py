"""The admin side: corrections as their own records (a viewset), and the retraction form.

A correction is not a field of the story: adding one must not publish the story again,
with whatever draft waits on it, nor be lost when an older revision is restored. So it
has its own form, opened from the story's editor ("Add a correction"), and its own list.
"""

from __future__ import annotations

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.generic import CreateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet

from warta.news.models import ArticlePage
from warta.news.widgets import ArticleChooser

from . import retractions
from .forms import CorrectionForm, RetractionForm
from .models import Correction, Retraction


class CorrectionCreateView(CreateView):
    def get_initial(self):
        initial = super().get_initial()
        if (article := self.request.GET.get("article", "")).isdigit():
            initial["article"] = int(article)
        return initial

    def save_instance(self):
        self.form.instance.author = self.request.user
        return super().save_instance()


class CorrectionViewSet(ModelViewSet):
    model = Correction
    icon = "warning"
    menu_label = _("Corrections")
    menu_order = 120
    add_to_admin_menu = True
    add_view_class = CorrectionCreateView
    list_display = ["article", "corrected_at", "author"]
    list_filter = []
    search_fields = None
    edit_handler = ObjectList(
        [
            FieldPanel("article", widget=ArticleChooser()),
            FieldPanel("corrected_at"),
            FieldPanel("text"),
            FieldPanel("apology"),
        ],
        base_form_class=CorrectionForm,
    )


class RetractView(WagtailAdminTemplateMixin, FormView):
    """The editor-in-chief withdraws a live story, with a ground and an explanation."""

    template_name = "press/retract.html"
    form_class = RetractionForm
    page_title = _("Retract a story")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(retractions.PERMISSION):
            return TemplateResponse(request, "press/forbidden.html", status=403)
        self.article = get_object_or_404(ArticlePage, pk=kwargs["page_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.article.title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            article=self.article,
            retraction=Retraction.objects.filter(article=self.article).first(),
        )
        return context

    def form_valid(self, form):
        edit_url = reverse("wagtailadmin_pages:edit", args=[self.article.pk])
        if Retraction.objects.filter(article=self.article).exists():
            messages.error(self.request, _("This story is retracted already."))
            return HttpResponseRedirect(edit_url)
        if not self.article.live:
            messages.error(self.request, _("Only a published story can be retracted."))
            return self.form_invalid(form)
        retractions.retract(
            self.article,
            self.request.user,
            form.cleaned_data["ground"],
            form.cleaned_data["explanation"].strip(),
        )
        messages.success(
            self.request,
            _("“%(title)s” is retracted: its address shows the reason.")
            % {"title": self.article.title},
        )
        return HttpResponseRedirect(edit_url)


urlpatterns = [path("retract/<int:page_id>/", RetractView.as_view(), name="retract")]
