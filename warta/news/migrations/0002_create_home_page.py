"""Replace Wagtail's welcome page with Warta's home page, so a fresh install has a front page."""

from django.db import migrations

HOME_PATH = "00010001"


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("news.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    # Wagtail's own migrations leave a plain "Welcome" page here; remove it.
    Page.objects.filter(path=HOME_PATH, content_type__model="page").delete()
    if Page.objects.filter(path=HOME_PATH).exists():
        return
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="news")
    locale = Locale.objects.first()
    home = HomePage.objects.create(
        title="Beranda", draft_title="Beranda", slug="beranda", content_type=home_type,
        path=HOME_PATH, depth=2, numchild=0, url_path="/beranda/", locale=locale, live=True,
    )
    Page.objects.filter(depth=1).update(numchild=1)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Warta"},
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("news.HomePage").objects.filter(path=HOME_PATH).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
