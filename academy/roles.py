"""Roles are Django groups whose permissions are declared here, in code, and synced on migrate.

Only the three LGA staff roles may reach the Wagtail admin.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import transaction
from django.utils.translation import gettext_lazy as _

# (name, description, permissions as "app_label.codename", page permissions on the whole tree)
LGA_ADMINISTRATOR = "LGA administrator"
LGA_EDITOR = "LGA editor"
LGA_PUBLISHER = "LGA publisher"
FACILITATOR = "Facilitator"
PEER_REVIEWER = "Peer reviewer"
DIGITAL_CHAMPION = "Digital champion"
COUNCILLOR = "Councillor"
SENIOR_OFFICER = "Senior officer"

_ADMIN_ACCESS = ["wagtailadmin.access_admin"]
_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
# People arrive only by invitation, so nobody gets `add_user`; invitations are withdrawn, never
# deleted, so that who invited whom stays on record.
_PEOPLE = [
    "academy.change_user",
    "academy.view_user",
    *(
        f"academy.{action}_{model}"
        for model in ("organisation", "place", "invitation")
        for action in ("add", "change", "view")
    ),
]

# Themes are shared by modules and later parts: editors add and rename them, publishers may
# also delete one nobody uses.
_THEMES_EDIT = ["cms_pages.add_theme", "cms_pages.change_theme", "cms_pages.view_theme"]
_THEMES_ALL = [*_THEMES_EDIT, "cms_pages.delete_theme"]
# The good-practice database's taxonomies, as themes; and the case studies members send in,
# which staff read (they change as the page moves through moderation, never by hand).
_GOOD_PRACTICE_EDIT = [
    *(
        f"good_practice.{action}_{model}"
        for model in ("servicearea", "sector", "counciltype")
        for action in ("add", "change", "view")
    ),
    "good_practice.view_submission",
]
_GOOD_PRACTICE_ALL = [
    *_GOOD_PRACTICE_EDIT,
    *(f"good_practice.delete_{model}" for model in ("servicearea", "sector", "counciltype")),
]
# Learners' progress, never their reflections: the admin's reports and their CSV export.
_LEARNING_REPORTS = ["learning.view_learning_reports"]
# Running the Digital Academy: setting cohorts up and running any of them as a facilitator
# would. Facilitators run only their own cohorts, which needs no permission of its own.
_COHORTS = [
    "cohorts.manage_cohorts",
    *(f"cohorts.{action}_{model}" for model in ("cohort",) for action in ("add", "change", "view")),
    *(
        f"cohorts.{action}_{model}"
        for model in ("curriculum", "nonworkingday")
        for action in ("add", "change", "delete", "view")
    ),
]

# Running round tables: setting them up, inviting, notes. Organisers named on a round table
# run that one, which needs no permission of its own.
_ROUND_TABLES = [
    "roundtables.manage_round_tables",
    *(
        f"roundtables.{action}_{model}"
        for model in ("roundtable", "roundtabletheme")
        for action in ("add", "change", "view")
    ),
]

# Running the champions network: keeping profiles, reading every relationship and its log.
# Open sessions are read here and changed on the site, where the people registered are told.
_CHAMPIONS = [
    "champions.manage_champions",
    *(f"champions.{action}_championprofile" for action in ("add", "change", "view")),
    "champions.view_opensession",
    # To read what happened to mentoring and registrations in the admin's site history.
    "champions.view_mentoring",
    "champions.view_registration",
]

# Keeping the peer challenge's reference data (the core elements and the digital questions),
# and running its reviews.
_PEER_CHALLENGE = [
    *(
        f"peer_review.{action}_{model}"
        for model in ("question",)
        for action in ("add", "change", "view")
    ),
    *(f"peer_review.{action}_coreelement" for action in ("change", "view")),
    "peer_review.view_questionversion",
    # Running every review: setting them up, any team's part, and the sector insight.
    "peer_review.manage_reviews",
]

# Keeping the competency framework: everyone on the LGA team drafts a new version and its
# competencies; publishers and administrators also publish it (which retires the version in
# use), delete a draft, and move versions in and out as files.
_FRAMEWORK_EDIT = [
    f"competencies.{action}_{model}"
    for model in ("framework", "competency")
    for action in ("add", "change", "view")
]
_FRAMEWORK = [
    *_FRAMEWORK_EDIT,
    "competencies.delete_framework",
    "competencies.delete_competency",
    "competencies.manage_framework",
    # Which competencies each organisation's diagnostics ask (its pick and mix).
    *(f"competencies.{action}_organisationframework" for action in ("add", "change", "view")),
    "competencies.delete_organisationframework",
]

ROLES = {
    LGA_ADMINISTRATOR: {
        "description": _("Runs the platform: invites people, manages organisations and roles."),
        "permissions": _ADMIN_ACCESS
        + _MEDIA
        + _PEOPLE
        + _THEMES_ALL
        + _GOOD_PRACTICE_ALL
        + _LEARNING_REPORTS
        + _COHORTS
        + _ROUND_TABLES
        + _CHAMPIONS
        + _PEER_CHALLENGE
        + _FRAMEWORK,
        "page_permissions": ["add_page", "change_page", "publish_page", "lock_page"],
    },
    LGA_EDITOR: {
        "description": _("Drafts pages and submits them for moderation."),
        "permissions": _ADMIN_ACCESS
        + _MEDIA
        + _THEMES_EDIT
        + _GOOD_PRACTICE_EDIT
        + _LEARNING_REPORTS
        + _FRAMEWORK_EDIT,
        "page_permissions": ["add_page", "change_page"],
    },
    LGA_PUBLISHER: {
        "description": _("Approves, schedules, publishes and unpublishes pages."),
        "permissions": _ADMIN_ACCESS
        + _MEDIA
        + _THEMES_ALL
        + _GOOD_PRACTICE_ALL
        + _LEARNING_REPORTS
        + _FRAMEWORK,
        "page_permissions": ["add_page", "change_page", "publish_page", "lock_page"],
    },
    FACILITATOR: {
        "description": _("Runs Digital Academy cohorts and their sessions."),
        "permissions": [],
        "page_permissions": [],
    },
    PEER_REVIEWER: {
        "description": _("Serves on corporate peer challenge teams."),
        "permissions": [],
        "page_permissions": [],
    },
    DIGITAL_CHAMPION: {
        "description": _("Shares know-how, hosts open sessions and mentors peers."),
        "permissions": [],
        "page_permissions": [],
    },
    COUNCILLOR: {
        "description": _("Takes the Member Leadership Academy's modules."),
        "permissions": [],
        "page_permissions": [],
    },
    SENIOR_OFFICER: {
        "description": _("Joins a place-based Digital Academy cohort."),
        "permissions": [],
        "page_permissions": [],
    },
}

LGA_STAFF_ROLES = (LGA_ADMINISTRATOR, LGA_EDITOR, LGA_PUBLISHER)

# Wagtail's first migrations make these; our roles replace them, and the moderation step of
# Wagtail's default workflow goes to LGA publishers instead.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_TASK = "Moderators approval"  # also the name of Wagtail's default workflow
APPROVAL_WORKFLOW = "LGA publisher approval"
APPROVAL_TASK = "Approval by an LGA publisher"


def sync_roles(*, apps=global_apps):
    """Create or update one group per role so that it has exactly the declared permissions."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")

    # Permissions are created app by app after migrate; make sure all exist before we look.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps)

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    with transaction.atomic():
        for name, spec in ROLES.items():
            group, _created = Group.objects.get_or_create(name=name)
            wanted = [_permission(Permission, dotted) for dotted in spec["permissions"]]
            group.permissions.set(wanted)
            if root is None or root_collection is None:
                continue
            page_permissions = [
                _permission(Permission, f"wagtailcore.{codename}")
                for codename in spec["page_permissions"]
            ]
            _hold_exactly(GroupPagePermission, group, {"page": root}, page_permissions)
            # Wagtail asks for image and document permissions per collection: the role's hold
            # on the root collection, and so on every collection under it.
            media = [
                permission
                for dotted, permission in zip(spec["permissions"], wanted, strict=True)
                if dotted.startswith(("wagtailimages.", "wagtaildocs."))
            ]
            _hold_exactly(GroupCollectionPermission, group, {"collection": root_collection}, media)
        _replace_wagtail_default_groups(apps)


def _hold_exactly(model, group, where: dict, permissions) -> None:
    """The group holds `permissions` on the one page or collection in `where`, and nothing
    else of that kind."""
    model.objects.filter(group=group).exclude(**where, permission__in=permissions).delete()
    for permission in permissions:
        model.objects.get_or_create(group=group, permission=permission, **where)


def _replace_wagtail_default_groups(apps):
    Group = apps.get_model("auth", "Group")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    publishers = Group.objects.get(name=LGA_PUBLISHER)
    defaults = Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS)
    for task in GroupApprovalTask.objects.filter(groups__in=defaults).distinct():
        task.groups.add(publishers)
        # Editors read these names on their buttons: "Submit to LGA publisher approval".
        if task.name == WAGTAIL_DEFAULT_TASK:
            task.name = APPROVAL_TASK
            task.save(update_fields=["name"])
            Workflow.objects.filter(name=WAGTAIL_DEFAULT_TASK).update(name=APPROVAL_WORKFLOW)
    defaults.delete()


def _permission(Permission, dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def sync_roles_after_migrate(sender, *, apps=global_apps, **kwargs):
    # The migrate plan's historical apps may lack models from apps we depend on; use the
    # real registry, which is complete once migrate has finished.
    sync_roles()
