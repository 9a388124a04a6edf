"""docs/reports.md stays true to the code: its transition and deadline tables are generated.

When a test here fails, it prints the table the docs should hold; paste it into
docs/reports.md.
"""

from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from reports.models import DeadlineRule, DeadlineStep, ElectionType
from reports.workflow import HANDLING_OFFICE, TRANSITIONS

DOC = Path(settings.BASE_DIR) / "docs" / "reports.md"


def transition_table() -> str:
    rows = [
        "| From | To | Roles | Acting for | Required fields | Deadline started | Guard | Effects |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for t in TRANSITIONS:
        fields = ", ".join(t.required) or "—"
        if t.optional:
            fields += f" (optional: {', '.join(t.optional)})"
        deadline = t.deadline or ("stops the deadline" if t.stops_deadline else "—")
        if t.deadline and t.deadline_from:
            deadline += f" (from {t.deadline_from})"
        rows.append(
            f"| {t.source} | {t.target} | {', '.join(sorted(t.roles))} | "
            f"{'handling office' if t.acting_for == HANDLING_OFFICE else 'office above'} | "
            f"{fields} | {deadline} | {t.guard or '—'} | {', '.join(t.effects) or '—'} |"
        )
    return "\n".join(rows)


def deadline_table() -> str:
    rules = {(r.election_type, r.step): r for r in DeadlineRule.objects.all()}
    rows = [
        "| Step | Pemilu (UU 7/2017) | Pemilihan (UU 1/2015 jo. UU 10/2016) |",
        "|---|---|---|",
    ]
    with translation.override("en"):
        for step in DeadlineStep:
            cells = []
            for election_type in (ElectionType.PEMILU, ElectionType.PEMILIHAN):
                rule = rules.get((election_type, step.value))
                if rule is None:
                    cells.append("—")
                    continue
                verify = " *(to verify)*" if rule.to_verify else ""
                cells.append(
                    f"{rule.days} {rule.get_unit_display()} after "
                    f"{rule.get_counted_from_display()}; {rule.legal_basis}{verify}"
                )
            rows.append(f"| `{step.value}` | {cells[0]} | {cells[1]} |")
    return "\n".join(rows)


def test_the_transition_table_in_the_docs_is_the_code():
    """docs/reports.md holds the table generated from reports.workflow.TRANSITIONS."""
    table = transition_table()
    assert table in DOC.read_text(), f"docs/reports.md should hold:\n\n{table}\n"


@pytest.mark.django_db
def test_the_deadline_table_in_the_docs_is_the_seeded_rules():
    """docs/reports.md holds the deadline rules as seeded, each with its ayat."""
    table = deadline_table()
    assert table in DOC.read_text(), f"docs/reports.md should hold:\n\n{table}\n"
