"""Who may see and handle replies: the model permissions the roles give (roles.py).
Replies come from readers only: nobody adds one in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import ReplySubmission


class ReplyPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a != "add"])


reply_permission_policy = ReplyPermissionPolicy(ReplySubmission)
