"""The press app's admin wiring: corrections, the retraction form, their buttons on a
story's editor, the audit log's words, and the guard on publishing a retracted story."""

from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from warta.news.models import ArticlePage

from . import admin_views, retractions

CORRECTIONS = admin_views.CorrectionViewSet("corrections")


@hooks.register("register_admin_viewset")
def register_corrections():
    return CORRECTIONS


@hooks.register("register_admin_urls")
def register_retraction_urls():
    return [path("press/", include((admin_views.urlpatterns, "press_admin")))]


@hooks.register("register_page_header_buttons")
def correction_and_retraction_buttons(page, user, next_url=None, view_name=None):
    """On a live story's editor: "Add a correction" for those who may add one, "Retract"
    for the editor-in-chief."""
    if not isinstance(page.specific_deferred, ArticlePage) or not page.live:
        return []
    buttons = []
    if user.has_perm("press.add_correction"):
        url = reverse(CORRECTIONS.get_url_name("add")) + f"?article={page.pk}"
        buttons.append(Button(_("Add a correction"), url, icon_name="warning", priority=60))
    if user.has_perm(retractions.PERMISSION):
        url = reverse("press_admin:retract", args=[page.pk])
        buttons.append(Button(_("Retract this story"), url, icon_name="bin", priority=61))
    return buttons


@hooks.register("before_publish_page")
def only_chiefs_republish_a_retracted_story(request, page):
    """Publishing a retracted story lifts the retraction: only its retractor's role may."""
    if request.user.has_perm(retractions.PERMISSION) or not retractions.is_retracted(page):
        return None
    messages.error(
        request, _("This story was retracted: only the editor-in-chief may publish it again.")
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("register_log_actions")
def register_press_log_actions(actions):
    @actions.register_action(retractions.RETRACT_ACTION)
    class RetractActionFormatter(LogFormatter):
        label = _("Retract")

        def format_message(self, log_entry):
            ground = log_entry.data.get("ground_label", "")
            return _("Retracted: %(ground)s") % {"ground": ground}

    actions.register_action(retractions.LIFT_ACTION, _("Lift a retraction"), _("Retraction lifted"))
