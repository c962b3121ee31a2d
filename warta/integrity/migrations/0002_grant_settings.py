"""The editor-in-chief (and the administrators) keep the integrity guard's settings: the
permission listed in warta/newsroom/roles.py, given to the groups that exist already."""

from django.db import migrations

from warta.newsroom import roles

SETTINGS_PERMISSION = ("integrity", "integritysettings", "change_integritysettings")


def forwards(apps, schema_editor):
    permission = roles.permission(apps, *SETTINGS_PERMISSION)
    groups = apps.get_model("auth", "Group").objects.filter(
        name__in=[roles.EDITOR_IN_CHIEF, roles.ADMINISTRATOR]
    )
    for group in groups:
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("integrity", "0001_initial"),
        ("newsroom", "0002_roles_and_review"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
