"""Table model shared by the dashboard page, the CSV export and the monthly report.

Every table is built once with suppression applied; HTML, charts and CSV render the same rows,
so an export can never show more than the page. A hidden value is None ("–" on the page,
empty in the CSV); hidden groups are left out and counted in `hidden_groups`.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from typing import Any

Cell = str | int | float | None
TOO_FEW = "zu wenige Daten"


@dataclass
class Table:
    id: str
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    note: str = ""
    hidden_groups: int = 0
    too_few: bool = False  # the whole table is suppressed
    chart: dict[str, Any] | None = None  # {"type": "bar", "label_col": 0, "value_cols": [1]}
    heat: bool = False  # a heat map: numeric cells are shaded by their value (0..5)
    # heat maps: columns with the same group number are shaded relative to each other
    heat_groups: list[int] = field(default_factory=list)
    scroll: bool = False  # long or wide: shown in a scrollable box

    def heat_level(self, value: Cell, column: int = 1) -> int | None:
        """0-5: the cell's value relative to the largest value in its column group."""
        if not self.heat or not isinstance(value, int | float):
            return None
        groups = self.heat_groups or [0] * len(self.columns)
        group = groups[column]
        top = max(
            (
                v
                for r in self.rows
                for i, v in enumerate(r)
                if i and groups[i] == group and isinstance(v, int | float)
            ),
            default=0,
        )
        return 0 if top <= 0 else min(5, math.ceil(5 * value / top))

    def suppress_all(self) -> Table:
        self.rows, self.too_few, self.chart = [], True, None
        return self

    def chart_data(self) -> dict[str, Any] | None:
        if not self.chart or self.too_few or not self.rows:
            return None
        label_col = self.chart.get("label_col", 0)
        value_cols = self.chart["value_cols"]
        return {
            "type": self.chart.get("type", "bar"),
            "stacked": self.chart.get("stacked", False),
            "labels": [str(r[label_col]) for r in self.rows],
            "datasets": [
                {"label": self.columns[c], "data": [r[c] for r in self.rows]} for c in value_cols
            ],
        }


def display(value: Cell) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.columns)
    if table.too_few:
        writer.writerow([TOO_FEW])
    for row in table.rows:
        writer.writerow(["" if v is None else v for v in row])
    if table.hidden_groups:
        writer.writerow([f"{table.hidden_groups} Gruppe(n) ausgeblendet (weniger als 5 Fälle)"])
    return out.getvalue()


def rate(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return round(100.0 * part / whole, 1)
