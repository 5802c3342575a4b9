"""Start and stop a gunicorn serving this checkout, for the scripts that probe it."""

import os
import signal
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


def start_gunicorn(bind, env, *extra_args, log_path=None):
    """gunicorn with gunicorn.conf.py on BIND; returns the process once /healthz answers."""
    log = open(log_path, "w") if log_path else subprocess.DEVNULL  # noqa: SIM115
    process = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--bind", bind, *extra_args],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its workers are stopped with it
    )
    scheme = "https" if "--certfile" in extra_args else "http"
    url = f"{scheme}://{bind}/healthz"
    unverified = ssl._create_unverified_context()  # the scripts' own self-signed certificate
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2, context=unverified) as response:
                if response.status == 200:
                    return process
        except (OSError, urllib.error.URLError):
            time.sleep(0.5)
    stop(process)
    raise RuntimeError(f"gunicorn did not answer {url} within 60 s")


def stop(process):
    """SIGTERM to gunicorn and its workers (their own process group), then wait."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
