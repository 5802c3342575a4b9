"""Mozilla's HTTP Observatory scanner on the home page, a profile and the admin's login,
served by gunicorn over TLS on 127.0.0.1 with debug off and DJANGO_HTTPS=1.

    python -m scripts.observatory      (make observatory)

Installs the scanner (npm, pinned) into var/observatory/, makes a self-signed certificate
with openssl, imports fixtures/ into a scratch SQLite database, and fails unless every page
grades A+ (a score of at least 100). OBSERVATORY_PORT: the port (default 8443).
"""

import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.serving import ROOT, manage, start_gunicorn, stop

SCANNER = "@mdn/mdn-http-observatory@1.4.8"
PREFIX = ROOT / "var" / "observatory"
PACKAGE = PREFIX / "node_modules" / "@mdn" / "mdn-http-observatory"
PAGES = {"home": "/", "profile": "/groups/mqm-haqiqi/", "admin login": "/admin/login/"}
PASSING_SCORE = 100  # A+


def install_scanner():
    if not (PACKAGE / "src" / "scan.js").is_file():
        # --ignore-scripts: its install scripts download Mozilla's CA bundle and Chromium's
        # HSTS preload list; a scan of 127.0.0.1 needs neither (the address cannot be on
        # the list), and CI may have no route to them.
        subprocess.run(
            ["npm", "install", "--prefix", str(PREFIX), "--ignore-scripts", "--no-audit",
             "--no-fund", "--loglevel", "error", SCANNER],
            check=True,
        )  # fmt: skip
    preload_list = PACKAGE / "conf" / "hsts-preload.json"
    if not preload_list.exists():
        preload_list.write_text("{}\n")


def make_certificate(directory):
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    return cert, key


def scan(address, certificate):
    """The scanner's JSON for ADDRESS (host:port/path: it prefixes http:// and https://)."""
    result = subprocess.run(
        ["node", str(PACKAGE / "src" / "scan.js"), address],
        capture_output=True,
        text=True,
        timeout=120,
        # Our self-signed certificate is trusted for the scan: the scanner gives HSTS no
        # credit over a connection it could not verify.
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(certificate)},
    )
    try:
        return json.loads(result.stdout)
    except json.JSONDecodeError:
        return {"error": (result.stdout + result.stderr).strip() or "no output"}


def main():
    for tool in ("node", "npm", "openssl"):
        if shutil.which(tool) is None:
            sys.exit(f"observatory: `{tool}` is needed (apt-get install nodejs npm openssl)")
    install_scanner()
    port = os.environ.get("OBSERVATORY_PORT", "8443")
    with tempfile.TemporaryDirectory(prefix="observatory-") as scratch:
        scratch = Path(scratch)
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{scratch / 'archive.sqlite3'}",
            "DJANGO_DEBUG": "0",
            "DJANGO_HTTPS": "1",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "GUNICORN_WORKERS": "2",
        }
        manage("migrate", "--noinput", "--verbosity", "0", env=env)
        manage("import_profiles", "fixtures/", env=env)
        manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
        cert, key = make_certificate(scratch)
        server = start_gunicorn(
            f"127.0.0.1:{port}", env, "--certfile", str(cert), "--keyfile", str(key),
            log_path=scratch / "gunicorn.log",
        )  # fmt: skip
        try:
            results = {name: scan(f"127.0.0.1:{port}{path}", cert) for name, path in PAGES.items()}
        finally:
            stop(server)

    failed = False
    print(f"{'page':<12} {'grade':<6} {'score':>5}  tests failed")
    for name, result in results.items():
        if "error" in result:
            print(f"{name:<12} error: {result['error']}")
            failed = True
            continue
        grade, score = result["scan"]["grade"], result["scan"]["score"]
        failing = [key for key, test in result["tests"].items() if not test["pass"]]
        print(f"{name:<12} {grade:<6} {score:>5}  {', '.join(failing) or '-'}")
        failed |= score < PASSING_SCORE
    if failed:
        sys.exit(f"observatory: a page grades below A+ (score {PASSING_SCORE})")


if __name__ == "__main__":
    main()
