"""Known vulnerabilities in the pinned dependencies (pyproject.toml), with pip-audit.

    python -m scripts.audit      (make audit; run by .ci/run)

pip-audit asks PyPI's JSON API for each pinned release's advisories. Fails (exit 1) when a
pinned release has a known vulnerability. When the advisories cannot be read (no route to
PyPI, or a mirror without the per-release data), it says so plainly and exits 0: CI is
not broken by the network, and nobody mistakes "not checked" for "no vulnerabilities".
"""

import json
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pinned_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = [pin for pins in project.get("optional-dependencies", {}).values() for pin in pins]
    return project["dependencies"] + extras


def main():
    requirements = pinned_requirements()
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listing:
        listing.write("\n".join(requirements) + "\n")
        listing.flush()
        # --no-deps --disable-pip: exactly these pins, nothing resolved or installed.
        result = subprocess.run(
            [sys.executable, "-m", "pip_audit", "--requirement", listing.name, "--no-deps",
             "--disable-pip", "--format", "json", "--progress-spinner", "off"],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        last_line = (result.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"audit: NOT CHECKED, pip-audit could not run to the end: {last_line}")
        return 0
    lines, status = summary(report)
    print("\n".join(lines))
    return status


def summary(report):
    """(lines to print, exit status) for pip-audit's JSON report."""
    dependencies = report["dependencies"]
    vulnerable = [dep for dep in dependencies if dep.get("vulns")]
    skipped = [dep for dep in dependencies if "skip_reason" in dep]
    lines = []
    for dep in vulnerable:
        for vuln in dep["vulns"]:
            fixes = ", ".join(vuln.get("fix_versions") or []) or "none yet"
            lines.append(f"audit: {dep['name']} {dep['version']}: {vuln['id']} (fixed in {fixes})")
    if skipped:
        lines.append(
            f"audit: NOT CHECKED: {len(skipped)} of {len(dependencies)} pinned dependencies, "
            f"PyPI's advisory data could not be read for them ({skipped[0]['skip_reason']})"
        )
    if vulnerable:
        lines.append(f"audit: {len(vulnerable)} pinned dependencies have known vulnerabilities")
        return lines, 1
    checked = len(dependencies) - len(skipped)
    lines.append(f"audit: {checked} pinned dependencies checked, no known vulnerability")
    return lines, 0


if __name__ == "__main__":
    sys.exit(main())
