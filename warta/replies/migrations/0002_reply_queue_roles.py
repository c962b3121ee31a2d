"""The hak jawab queue is the desks' and the editor-in-chief's: Redaktur, Pemimpin Redaksi
and Administrator may see and handle replies (warta.newsroom.roles.REPLIES); Reporter not."""

from django.db import migrations

from warta.newsroom import roles

GROUPS = (roles.DESK_EDITOR, roles.EDITOR_IN_CHIEF, roles.ADMINISTRATOR)


def forwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in GROUPS:
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*(roles.permission(apps, *key) for key in roles.REPLIES))


def backwards(apps, schema_editor):
    permission_model = apps.get_model("auth", "Permission")
    codenames = [codename for _app, _model, codename in roles.REPLIES]
    found = permission_model.objects.filter(
        content_type__app_label="replies", codename__in=codenames
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*found)


class Migration(migrations.Migration):
    dependencies = [
        ("replies", "0001_reply_submission"),
        ("newsroom", "0002_roles_and_review"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
