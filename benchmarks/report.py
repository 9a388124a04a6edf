"""The Markdown tables of ``make bench``/``bench-quick`` from the saved JSON (no Django needed)."""

import statistics


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 20 runs is the 19th fastest)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(pct / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def markdown_table(runs: dict[str, dict]) -> str:
    """One row per page: median/p95 at every scale, queries, ratio to the baseline.

    ``runs`` maps a scale label ("0.1", "1.0") to a saved result (``save``).
    """
    scales = list(runs)
    by_key = {scale: {p["key"]: p for p in runs[scale]["pages"]} for scale in scales}
    largest = scales[-1]
    head = ["page", "user"]
    for scale in scales:
        head += [f"S={scale} median ms", f"S={scale} p95 ms"]
    head += ["queries (" + " / ".join(f"S={s}" for s in scales) + ")"]
    head += [f"× baseline (S={s})" for s in scales]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * 2 + "---:|" * (len(head) - 2)]
    for page in runs[largest]["pages"]:
        row = [f"{page['label']} `{page['url'].split('?')[0]}`", page["user"]]
        for scale in scales:
            other = by_key[scale].get(page["key"])
            if other is None or other["status"] != 200:
                row += ["HTTP " + str(other["status"]) if other else "–", ""]
            else:
                row += [f"{other['median']:.1f}", f"{other['p95']:.1f}"]
        row.append(
            " / ".join(str(by_key[s].get(page["key"], {}).get("queries", "–")) for s in scales)
        )
        for scale in scales:
            other = by_key[scale].get(page["key"])
            row.append(f"{other['ratio']:.1f}" if other and other["status"] == 200 else "–")
        lines.append("| " + " | ".join(row) + " |")
    baselines = []
    for scale in scales:
        samples = [ms for p in runs[scale]["pages"] for ms in p["baseline_ms"]]
        if samples:
            baselines.append(
                f"S={scale}: median {statistics.median(samples):.2f} ms, "
                f"p95 {percentile(samples, 95):.2f} ms ({len(samples)} requests)"
            )
    lines.append("")
    lines.append("Baseline (`/bench/bare/`, same middleware, no database): " + "; ".join(baselines))
    return "\n".join(lines) + "\n"
