"""Give the roles that roles.py names the right to make the two-step login compulsory:
the Pemimpin Redaksi and the Administrator."""

from django.db import migrations

from warta.newsroom import roles

PERMISSIONS = (("accounts", "loginsettings", "change_loginsettings"),)


def forwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    for name in roles.ROLES:
        wanted = [key for key in PERMISSIONS if key in roles.ROLE_PERMISSIONS[name]["model"]]
        group = group_model.objects.filter(name=name).first()
        if group is not None and wanted:
            group.permissions.add(*(roles.permission(apps, *key) for key in wanted))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("newsroom", "0002_roles_and_review"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
