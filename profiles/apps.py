from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = "Armed-group profiles"

    def ready(self):
        from django.db.backends.signals import connection_created

        from profiles import signals  # noqa: F401  (connects the receivers)
        from profiles.name_search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="archive-fold")
