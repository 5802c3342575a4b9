from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "profiles"
    verbose_name = "Armed-group profiles"

    def ready(self):
        from profiles import signals  # noqa: F401  (connects the receivers)
