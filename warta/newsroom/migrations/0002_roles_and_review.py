"""The newsroom's groups, a desk for every section and the review workflows.

Wagtail's default "Moderators" and "Editors" groups give page rights on the whole tree
that cut across the newsroom's roles: they are removed when nobody belongs to them, and
Wagtail's "Moderators approval" workflow is switched off ("Tinjauan redaksi" replaces it).
"""

from django.db import migrations

from warta.newsroom import roles

REVIEW_TASK = "Persetujuan redaktur rubrik"
CHIEF_TASK = "Persetujuan pemimpin redaksi"
REVIEW = "Tinjauan redaksi"
REVIEW_WITH_CHIEF = "Tinjauan redaksi dan pemimpin redaksi"


def content_type(apps, app_label, model):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    found, _created = content_type_model.objects.get_or_create(app_label=app_label, model=model)
    return found


def workflow(apps, name, tasks):
    workflow_model = apps.get_model("wagtailcore", "Workflow")
    workflow_task = apps.get_model("wagtailcore", "WorkflowTask")
    found, created = workflow_model.objects.get_or_create(name=name, defaults={"active": True})
    if created:
        for order, task in enumerate(tasks):
            workflow_task.objects.create(workflow=found, task=task, sort_order=order)
    return found


def forwards(apps, schema_editor):
    group_model = apps.get_model("auth", "Group")
    home_page = apps.get_model("news", "HomePage").objects.order_by("path").first()
    home_page_id = home_page.pk if home_page else None
    roles.ensure_roles(apps, home_page_id)
    for section in apps.get_model("news", "SectionPage").objects.order_by("path"):
        roles.keep_desk(apps, section)

    for name in ("Moderators", "Editors"):
        group_model.objects.filter(name=name, user__isnull=True).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name="Moderators approval").update(
        active=False
    )

    section_review_task = apps.get_model("newsroom", "SectionReviewTask")
    review_task = section_review_task.objects.filter(name=REVIEW_TASK).first()
    if review_task is None:
        review_task = section_review_task.objects.create(
            name=REVIEW_TASK,
            content_type=content_type(apps, "newsroom", "sectionreviewtask"),
            active=True,
        )
    group_approval_task = apps.get_model("wagtailcore", "GroupApprovalTask")
    chief_task = group_approval_task.objects.filter(name=CHIEF_TASK).first()
    if chief_task is None:
        chief_task = group_approval_task.objects.create(
            name=CHIEF_TASK,
            content_type=content_type(apps, "wagtailcore", "groupapprovaltask"),
            active=True,
        )
        chief_task.groups.add(group_model.objects.get(name=roles.EDITOR_IN_CHIEF))

    review = workflow(apps, REVIEW, [review_task])
    workflow(apps, REVIEW_WITH_CHIEF, [review_task, chief_task])
    if home_page_id is not None:
        apps.get_model("wagtailcore", "WorkflowPage").objects.get_or_create(
            page_id=home_page_id, defaults={"workflow": review}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("news", "0004_person_user"),
        ("discovery", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "__latest__"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
