"""The Curators group: staff who maintain the archive, with exactly the permissions that
needs (every archive model; no users, groups or other site settings)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

# Curators edit everything read from the texts; ArchiveState and the match keys are
# derived by the application, so curators may look at them but not write them.
EDITABLE = [
    "group", "groupcountry", "sourcedocument", "alias", "reference", "event", "citation",
    "relationship",
]  # fmt: skip
VIEW_ONLY = ["namekey", "archivestate"]


def curator_codenames():
    codenames = [f"{action}_{model}" for model in EDITABLE for action in ("view", "add", "change", "delete")]
    return codenames + [f"view_{model}" for model in VIEW_ONLY]


def create_curators(apps, schema_editor):
    # Permissions are normally created after all migrations ran; this one needs them now.
    profiles = apps.get_app_config("profiles")
    profiles.models_module = True
    create_permissions(profiles, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    curators, _ = Group.objects.get_or_create(name="Curators")
    curators.permissions.set(
        Permission.objects.filter(
            content_type__app_label="profiles", codename__in=curator_codenames()
        )
    )


def remove_curators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Curators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("profiles", "0004_group_name_vector"),
    ]

    operations = [migrations.RunPython(create_curators, remove_curators)]
