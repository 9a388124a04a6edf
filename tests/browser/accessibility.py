"""axe-core checks for browser tests (WCAG 2.2 AA), through axe-playwright-python.

``assert_no_axe_violations(page)`` fails with one readable block per violation:
rule id, impact, what to fix, and the CSS selector of every offending element.
"""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.0, 2.1 and 2.2 at levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
AXE_BLOCKING_IMPACTS = frozenset({"serious", "critical"})


def axe_violations(page, impacts=AXE_BLOCKING_IMPACTS) -> list[dict]:
    """Runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on the page as it is now.

    Returns the violations whose impact is in ``impacts`` (serious and critical
    by default); minor and moderate findings are left to review.
    """
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [v for v in results.response["violations"] if v.get("impact") in impacts]


def format_axe_violations(violations: list[dict]) -> str:
    """One readable block per violation: rule, impact, help, and each target selector."""
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation.get('helpUrl', '')}]"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            if node.get("failureSummary"):
                summary = node["failureSummary"].replace("\n", "\n      ")
                lines.append(f"      {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page) -> None:
    """Fails with a readable report when axe finds serious or critical violations."""
    violations = axe_violations(page)
    assert not violations, (
        f"axe found {len(violations)} serious/critical accessibility violation(s) on "
        f"{page.url}:\n{format_axe_violations(violations)}"
    )


def fits_the_width(page) -> bool:
    """Whether the page reflows into the viewport's width without scrolling sideways
    (WCAG 1.4.10 Reflow); a table may still scroll inside its own ``.table-responsive`` box.

    Compared with ``clientWidth``, not ``innerWidth``: on a mobile viewport Chromium widens
    the layout viewport to the page's width, so ``scrollWidth <= innerWidth`` holds even for
    a page that overflows.
    """
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
