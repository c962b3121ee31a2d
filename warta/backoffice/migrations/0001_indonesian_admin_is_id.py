"""The admin's Indonesian is the reader language "id": profiles that chose Wagtail's "id-id"
(or its locale name "id_ID") now name "id", which the admin offers instead."""

from django.db import migrations

WAGTAIL_INDONESIAN = ["id-id", "id-ID", "id_ID", "id_id"]


def choose_id(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.filter(preferred_language__in=WAGTAIL_INDONESIAN).update(
        preferred_language="id"
    )


def choose_id_id(apps, schema_editor):
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    UserProfile.objects.filter(preferred_language="id").update(preferred_language="id-id")


class Migration(migrations.Migration):
    dependencies = [("wagtailusers", "0015_userprofile_keyboard_shortcuts")]

    operations = [migrations.RunPython(choose_id, choose_id_id)]
