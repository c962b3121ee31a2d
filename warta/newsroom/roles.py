"""The newsroom's roles: which group may do what, and how each group is labelled.

The groups carry Indonesian names in the database (the newsroom's own words); the English
admin shows English labels for them (`role_label`). The permissions are plain data, read
by the data migration that creates the groups (`ensure_roles`) and by the section desks
(`desk_page_permissions`), so the tests and the docs have one list to check.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

REPORTER = "Reporter"
DESK_EDITOR = "Redaktur"
EDITOR_IN_CHIEF = "Pemimpin Redaksi"
ADMINISTRATOR = "Administrator"
ROLES = (REPORTER, DESK_EDITOR, EDITOR_IN_CHIEF, ADMINISTRATOR)

# A section's desk group is named "Redaktur · <section>".
DESK_PREFIX = f"{DESK_EDITOR} · "

ROLE_LABELS = {
    REPORTER: _("Reporter"),
    DESK_EDITOR: _("Desk editor"),
    EDITOR_IN_CHIEF: _("Editor-in-chief"),
    ADMINISTRATOR: _("Administrator"),
}

# Page permissions (Wagtail's: add, change, publish, lock, unlock, bulk_delete). "add"
# alone means "add pages and edit the ones you own": a reporter's drafts.
WRITER_PAGE_PERMISSIONS = ("add",)
DESK_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
CHIEF_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")

# Model permissions as (app label, model, codename).
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
PEOPLE_WRITE = (("news", "person", "add_person"), ("news", "person", "change_person"))
DESKS = (
    ("news", "articlepage", "run_breaking_desk"),
    ("news", "frontpagelayout", "change_frontpagelayout"),
    # Corrections (warta.press): added by the desks, deleted by the editor-in-chief.
    ("press", "correction", "add_correction"),
    ("press", "correction", "change_correction"),
)
# The hak jawab queue (warta.replies): see and handle readers' replies.
REPLIES = (
    ("replies", "replysubmission", "view_replysubmission"),
    ("replies", "replysubmission", "change_replysubmission"),
)
CHIEF_EXTRA = (
    ("news", "person", "delete_person"),
    ("news", "sectionpage", "add_sectionpage"),  # who may open a new section
    ("news", "newsroomsettings", "change_newsroomsettings"),
    ("discovery", "publishersettings", "change_publishersettings"),
    ("wagtailcore", "workflow", "change_workflow"),  # to give a section the second step
    ("integrity", "integritysettings", "change_integritysettings"),  # spam terms, domains
    ("press", "correction", "delete_correction"),
    ("press", "retraction", "retract_article"),  # PPMS point 5: the editor-in-chief's call
    ("standing", "standingpage", "add_standingpage"),  # who may open a legal page
    ("standing", "presssettings", "change_presssettings"),  # UU Pers article 12 data
    ("accounts", "loginsettings", "change_loginsettings"),  # the two-step login for all
)
ADMINISTRATION = tuple(
    (app, model, f"{verb}_{model}")
    for app, model in (
        ("auth", "user"),
        ("auth", "group"),
        ("wagtailcore", "workflow"),
        ("wagtailcore", "task"),
        ("wagtailcore", "site"),
        ("wagtailcore", "collection"),
        ("wagtailredirects", "redirect"),
    )
    for verb in ("add", "change", "delete")
)

# Collection permissions on the root collection (images and documents).
IMAGES_WRITE = (
    ("wagtailimages", "image", "add_image"),
    ("wagtailimages", "image", "choose_image"),
)
IMAGES_ALL = (*IMAGES_WRITE, ("wagtailimages", "image", "change_image"))
IMAGES_CHIEF = (*IMAGES_ALL, ("wagtailimages", "image", "delete_image"))
DOCUMENTS_WRITE = (
    ("wagtaildocs", "document", "add_document"),
    ("wagtaildocs", "document", "choose_document"),
)
DOCUMENTS_CHIEF = (
    *DOCUMENTS_WRITE,
    ("wagtaildocs", "document", "change_document"),
    ("wagtaildocs", "document", "delete_document"),
)

ROLE_PERMISSIONS = {
    REPORTER: {
        "model": (ACCESS_ADMIN, *PEOPLE_WRITE),
        "collection": (*IMAGES_WRITE, *DOCUMENTS_WRITE),
        "home": WRITER_PAGE_PERMISSIONS,
    },
    DESK_EDITOR: {
        "model": (ACCESS_ADMIN, *PEOPLE_WRITE, *DESKS, *REPLIES),
        "collection": (*IMAGES_ALL, *DOCUMENTS_WRITE),
        "home": WRITER_PAGE_PERMISSIONS,
    },
    EDITOR_IN_CHIEF: {
        "model": (ACCESS_ADMIN, *PEOPLE_WRITE, *DESKS, *CHIEF_EXTRA, *REPLIES),
        "collection": (*IMAGES_CHIEF, *DOCUMENTS_CHIEF),
        "home": CHIEF_PAGE_PERMISSIONS,
    },
    ADMINISTRATOR: {
        "model": (ACCESS_ADMIN, *PEOPLE_WRITE, *DESKS, *CHIEF_EXTRA, *ADMINISTRATION, *REPLIES),
        "collection": (*IMAGES_CHIEF, *DOCUMENTS_CHIEF),
        "home": CHIEF_PAGE_PERMISSIONS,
    },
}

# Names for permissions that may not exist yet when the migration runs (Django creates
# them after all migrations): the same names Django and Wagtail would give them.
PERMISSION_NAMES = {
    "access_admin": "Can access Wagtail admin",
    "run_breaking_desk": "Can run the breaking desk",
    "retract_article": "Can retract a published story",
    "choose_image": "Can choose image",
    "choose_document": "Can choose document",
}


def role_label(name: str) -> str:
    """The label of a group in the admin's language: "Editor-in-chief" for "Pemimpin
    Redaksi" in English, a desk "Redaktur · Pati" as "Desk editor · Pati". In Indonesian
    the name is the label."""
    if (get_language() or "id").split("-")[0] == "id":
        return name
    if name in ROLE_LABELS:
        return str(ROLE_LABELS[name])
    if name.startswith(DESK_PREFIX):
        return f"{ROLE_LABELS[DESK_EDITOR]} · {name.removeprefix(DESK_PREFIX)}"
    return name


def permission(apps, app_label: str, model: str, codename: str):
    """The permission, made with its content type when it does not exist yet."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    content_type, _created = content_type_model.objects.get_or_create(
        app_label=app_label, model=model
    )
    verb, _sep, _rest = codename.partition("_")
    name = PERMISSION_NAMES.get(codename, f"Can {verb} {model}")
    found, _created = permission_model.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def page_permission(apps, action: str):
    return permission(apps, "wagtailcore", "page", f"{action}_page")


def grant_pages(apps, group, page_id: int, actions) -> None:
    """Give a group Wagtail page permissions on a page and everything below it."""
    group_page_permission = apps.get_model("wagtailcore", "GroupPagePermission")
    for action in actions:
        group_page_permission.objects.get_or_create(
            group=group, page_id=page_id, permission=page_permission(apps, action)
        )


def ensure_roles(apps, home_page_id: int | None) -> None:
    """Create the four role groups with their permissions (again: adds what is missing)."""
    group_model = apps.get_model("auth", "Group")
    collection_model = apps.get_model("wagtailcore", "Collection")
    group_collection_permission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = collection_model.objects.filter(depth=1).first()
    for name in ROLES:
        group, _created = group_model.objects.get_or_create(name=name)
        spec = ROLE_PERMISSIONS[name]
        group.permissions.add(*(permission(apps, *key) for key in spec["model"]))
        if root_collection is not None:
            for key in spec["collection"]:
                group_collection_permission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission(apps, *key)
                )
        if home_page_id is not None:
            grant_pages(apps, group, home_page_id, spec["home"])


def desk_name(apps, section) -> str:
    """ "Redaktur · Daerah › Pati": the desk of a section, named by its place in the tree."""
    section_model = apps.get_model("news", "SectionPage")
    steplen = 4  # Wagtail's page paths: four characters per level
    above = [section.path[:end] for end in range(steplen, len(section.path), steplen)]
    titles = section_model.objects.filter(path__in=above).order_by("path")
    titles = list(titles.values_list("title", flat=True))
    return DESK_PREFIX + " › ".join([*titles, section.title])


def keep_desk(apps, section) -> None:
    """Give a section its desk group with the desk's page permissions, or rename the
    group after the section (its title or place changed)."""
    group_model = apps.get_model("auth", "Group")
    desk_model = apps.get_model("newsroom", "SectionDesk")
    name = desk_name(apps, section)
    desk = desk_model.objects.filter(section_id=section.pk).select_related("group").first()
    if desk is not None and desk.group.name == name:
        return
    taken = group_model.objects.filter(name=name).exclude(desk__section_id=section.pk).exists()
    if taken:  # two sections of the same name in the same place: tell them apart
        name = f"{name} ({section.pk})"
    if desk is None:
        group = group_model.objects.create(name=name)
        desk_model.objects.create(section_id=section.pk, group=group)
        grant_pages(apps, group, section.pk, DESK_PAGE_PERMISSIONS)
    else:
        desk.group.name = name
        desk.group.save(update_fields=["name"])
