from django.contrib.auth.management import create_permissions
from django.db import migrations


def let_curators_decide_held_changes(apps, schema_editor):
    profiles = apps.get_app_config("profiles")
    profiles.models_module = True
    create_permissions(profiles, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    curators = apps.get_model("auth", "Group").objects.filter(name="Curators").first()
    if curators is not None:
        # Held changes are made by imports: curators view and decide them, never add them.
        # History is written by the archive itself: curators read it.
        curators.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="profiles",
                codename__in=["view_heldchange", "change_heldchange"],
            ),
            *Permission.objects.filter(
                content_type__app_label="profiles",
                codename__startswith="view_historical",
            ),
        )


class Migration(migrations.Migration):
    dependencies = [
        ("profiles", "0009_history_and_held_changes"),
    ]

    operations = [
        migrations.RunPython(let_curators_decide_held_changes, migrations.RunPython.noop),
    ]
