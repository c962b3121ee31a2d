"""Give the role groups the rights on corrections and retractions that roles.py lists."""

from django.db import migrations

from warta.newsroom import roles


def grant(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in roles.ROLES:
        keys = [key for key in roles.ROLE_PERMISSIONS[name]["model"] if key[0] == "press"]
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*(roles.permission(apps, *key) for key in keys))


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0001_initial"),
        ("newsroom", "0002_roles_and_review"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
