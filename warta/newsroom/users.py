"""The users and groups admin with the newsroom's group labels: "Pemimpin Redaksi" is
listed and chosen as "Editor-in-chief" when the admin speaks English."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from .roles import role_label


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name",
            label=_("Name"),
            accessor=lambda group: role_label(group.name),
            sort_key="name",
            url_name="wagtailusers_groups:edit",
        ),
    ]


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView


class LabelledGroupsMixin:
    """Lists the groups to choose by their labels."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = lambda group: role_label(group.name)


class NewsroomUserCreationForm(LabelledGroupsMixin, UserCreationForm):
    pass


class NewsroomUserEditForm(LabelledGroupsMixin, UserEditForm):
    pass


class UserFilterSet(users.UserFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["group"].field.label_from_instance = lambda group: role_label(group.name)


class UserViewSet(users.UserViewSet):
    filterset_class = UserFilterSet

    def get_form_class(self, for_update=False):
        return NewsroomUserEditForm if for_update else NewsroomUserCreationForm
