"""The front page's layout per site, its headline moved from the home page; the breaking
desk's permission."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def move_headlines(apps, schema_editor):
    """The headline each home page chose becomes its site's front-page layout's."""
    HomePage = apps.get_model("news", "HomePage")
    Site = apps.get_model("wagtailcore", "Site")
    FrontPageLayout = apps.get_model("news", "FrontPageLayout")
    for home in HomePage.objects.exclude(headline=None):
        for site in Site.objects.filter(root_page_id=home.pk):
            FrontPageLayout.objects.update_or_create(
                site=site, defaults={"headline_id": home.headline_id}
            )


def keep_headlines(apps, schema_editor):
    """Back: each home page takes its site's layout's headline."""
    HomePage = apps.get_model("news", "HomePage")
    FrontPageLayout = apps.get_model("news", "FrontPageLayout")
    for layout in FrontPageLayout.objects.exclude(headline=None).select_related("site"):
        HomePage.objects.filter(pk=layout.site.root_page_id).update(headline_id=layout.headline_id)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0004_person_user"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="articlepage",
            options={
                "permissions": [("run_breaking_desk", "Can run the breaking desk")],
                "verbose_name": "article",
                "verbose_name_plural": "articles",
            },
        ),
        migrations.CreateModel(
            name="FrontPageLayout",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "headline_until",
                    models.DateTimeField(
                        blank=True,
                        help_text="From this time the newest story leads again. Empty: until changed.",
                        null=True,
                        verbose_name="headline until",
                    ),
                ),
                (
                    "headline",
                    models.ForeignKey(
                        blank=True,
                        help_text="The story at the top of the front page. Empty: the newest story.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="news.articlepage",
                        verbose_name="headline",
                    ),
                ),
                (
                    "site",
                    models.OneToOneField(
                        editable=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="wagtailcore.site",
                    ),
                ),
            ],
            options={
                "verbose_name": "front page layout",
            },
        ),
        migrations.CreateModel(
            name="FrontPageSlot",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "until",
                    models.DateTimeField(
                        blank=True,
                        help_text="From this time the place shows the newest story. Empty: until changed.",
                        null=True,
                        verbose_name="until",
                    ),
                ),
                (
                    "article",
                    models.ForeignKey(
                        blank=True,
                        help_text="Empty: the newest story not already on the page.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="news.articlepage",
                        verbose_name="story",
                    ),
                ),
                (
                    "layout",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="slots",
                        to="news.frontpagelayout",
                    ),
                ),
            ],
            options={
                "verbose_name": "featured story",
                "verbose_name_plural": "featured stories",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(move_headlines, keep_headlines),
        migrations.RemoveField(
            model_name="homepage",
            name="headline",
        ),
    ]
