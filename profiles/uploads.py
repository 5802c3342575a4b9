"""Import by upload: a curator sends text files from the admin, sees what the importer
would do (a dry run, every error with its line), then confirms. The same importer as
`manage.py import_profiles`.

Uploaded files wait between the preview and the confirmation in a staging folder of
their own, named by a random token, so the confirmed import reads exactly the bytes that
were previewed.
"""

import re
import secrets
import shutil
from pathlib import Path

from django import forms
from django.conf import settings

from profiles.importing import import_paths

TOKEN_RE = re.compile(r"^[0-9a-f]{32}$")


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files if file]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label="Profile files",
        help_text="Plain-text profiles (Militias Guidebook or encyclopedia extracts); "
        "a file with the name of one already imported replaces it.",
    )

    def clean_files(self):
        files = self.cleaned_data["files"]
        if not files:
            raise forms.ValidationError("Choose at least one file.")
        names = set()
        for upload in files:
            name = Path(upload.name).name
            if not name or name.startswith("."):
                raise forms.ValidationError(f"“{upload.name}” is not a usable file name.")
            if upload.size > settings.UPLOAD_MAX_BYTES:
                limit = settings.UPLOAD_MAX_BYTES // 1_000_000
                raise forms.ValidationError(f"{name} is larger than {limit} MB.")
            if name in names:
                raise forms.ValidationError(f"Two files are named {name}.")
            names.add(name)
        return files


def stage(files):
    """Keep the uploads in a new staging folder; return its token."""
    token = secrets.token_hex(16)
    folder = staging_folder(token)
    folder.mkdir(parents=True)
    for upload in files:
        with open(folder / Path(upload.name).name, "wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    return token


def staging_folder(token):
    if not TOKEN_RE.match(token or ""):
        raise ValueError("not an upload token")
    return Path(settings.UPLOAD_STAGING_DIR) / token


def preview(token):
    """What importing the staged files would do; nothing is written."""
    return import_paths([staging_folder(token)], dry_run=True)


def confirm(token, user=None):
    """Import the staged files for real, then forget them; the history names `user`."""
    folder = staging_folder(token)
    if not folder.is_dir():
        raise FileNotFoundError("These files were already imported or discarded.")
    try:
        return import_paths([folder], user=user)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def discard(token):
    shutil.rmtree(staging_folder(token), ignore_errors=True)
