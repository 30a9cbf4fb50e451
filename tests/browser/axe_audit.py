"""axe-core for the accessibility audit: injected into a Playwright page, run on WCAG 2.1 A/AA.

axe-core comes from the npm registry, pinned in ``tests/browser/axe/package.json`` and
``package-lock.json``, installed into ``tests/browser/axe/node_modules`` by
``scripts/install_axe.sh`` (run by ``make test-channels``; the audit runs it itself when the
file is missing). Nothing is loaded from a CDN: the script's text is added to the page.
"""

from __future__ import annotations

import json
import subprocess
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
AXE_DIR = ROOT / "tests" / "browser" / "axe"
AXE_JS = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
INSTALL = ROOT / "scripts" / "install_axe.sh"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pinned_version() -> str:
    return json.loads((AXE_DIR / "package.json").read_text())["dependencies"]["axe-core"]


@lru_cache(maxsize=1)
def axe_source() -> str:
    """The text of axe.min.js at the pinned version (installs it when missing)."""
    installed = AXE_DIR / "node_modules" / "axe-core" / "package.json"
    current = json.loads(installed.read_text())["version"] if installed.exists() else None
    if not AXE_JS.exists() or current != pinned_version():
        subprocess.run([str(INSTALL)], check=True, capture_output=True, timeout=600)
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: Page, context: Optional[Any] = None, tags: List[str] = WCAG_21_AA) -> Dict:
    """Runs axe-core in the page (all frames' main document) with only the given rule tags."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source())
    options = {"runOnly": {"type": "tag", "values": tags}, "resultTypes": ["violations"]}
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options)", [context, options]
    )


def describe(violations: List[Dict]) -> str:
    """A readable list: rule, impact, help and the first targets with axe's summary."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {node['target']}: {summary[:300]}")
    return "\n".join(lines)


def audit(page: Page, name: str, artifacts: Optional[Path] = None) -> List[Dict]:
    """The WCAG 2.1 A/AA violations of the page as shown now; the full result is saved as
    ``tests/artifacts/axe-<name>.json`` when ``artifacts`` is given."""
    result = run_axe(page)
    if artifacts is not None:
        report = {
            "page": name,
            "url": page.url,
            "axe": result.get("testEngine", {}).get("version"),
            "violations": result["violations"],
        }
        (artifacts / f"axe-{name}.json").write_text(json.dumps(report, indent=1))
    return result["violations"]
