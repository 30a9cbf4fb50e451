"""Assessment aggregates (needs log) for the dashboard; all GROUP BY in SQL, suppression via
the Guard (see api/services/guard/). Filters: month range, size class, sector, municipality."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, select
from sqlalchemy.orm import Session

from api.core.codes import DIMENSIONS, MIN_GROUP_SIZE, QN
from api.models import Assessment, AssessmentNeed, AssessmentRecommendation
from api.services.dashboard.tables import Table
from api.services.guard import Guard, complementary, guarded_breakdown, month_expr
from api.services.period import DashboardFilters, date_conditions, month_label

# Maturity levels of data/questionnaire.yml: (title, min score), lowest first.
LEVELS = tuple((level.title, level.min) for level in sorted(QN.levels, key=lambda lv: lv.min))
BREAKDOWNS = {"size_class": "Größenklasse", "sector": "Branche", "municipality": "Ort"}


def conditions(f: DashboardFilters, table: Any = Assessment.__table__) -> list[ColumnElement]:
    c = table.c
    return date_conditions(c.completed_on, f) + [c[k] == v for k, v in f.profile.items()]


def _mean(total: Any, count: Any) -> float | None:
    if not count or count < MIN_GROUP_SIZE:
        return None
    return round(float(total) / count, 1)


def maturity(db: Session, f: DashboardFilters) -> Table:
    """Level distribution (histogram buckets) and mean of the overall score and each dimension."""
    columns = {"overall": Assessment.overall} | {
        d: getattr(Assessment, f"score_{d}") for d in DIMENSIONS
    }
    aggs = []
    for name, col in columns.items():
        aggs += [func.sum(col).label(f"{name}_sum"), func.count(col).label(f"{name}_n")]
        bounds = [lo for _, lo in LEVELS] + [101]
        for i in range(len(LEVELS)):
            hit = and_(col >= bounds[i], col < bounds[i + 1])
            aggs.append(func.sum(case((hit, 1), else_=0)).label(f"{name}_b{i}"))
    row = db.execute(select(*aggs).where(*conditions(f))).one()._mapping
    table = Table(
        "maturity",
        "Reifegrad: Verteilung und Mittelwert (0–100)",
        ["Bereich", *(title for title, _ in LEVELS), "Mittelwert"],
        chart={"type": "bar", "stacked": True, "value_cols": [1, 2, 3, 4]},
    )
    titles = {"overall": "Gesamt"} | QN.dimension_titles
    for name in columns:
        buckets = {i: int(row[f"{name}_b{i}"] or 0) for i in range(len(LEVELS))}
        shown = complementary(buckets, {i for i, n in buckets.items() if n >= MIN_GROUP_SIZE})
        cells = [buckets[i] if i in shown else None for i in range(len(LEVELS))]
        table.rows.append([titles[name], *cells, _mean(row[f"{name}_sum"], row[f"{name}_n"])])
    return table


def breakdown(db: Session, f: DashboardFilters, guard: Guard, field: str) -> Table:
    col = getattr(Assessment, field)
    stmt = (
        select(col, func.count(), func.sum(Assessment.overall), func.count(Assessment.overall))
        .where(*conditions(f))
        .group_by(col)
    )
    rows = {r[0]: (int(r[1]), r[2], int(r[3])) for r in db.execute(stmt)}
    counts = {k: v[0] for k, v in rows.items()}
    shown = guarded_breakdown(guard, f.profile, field, counts)
    table = Table(
        f"by_{field}",
        f"Abgeschlossene Checks nach {BREAKDOWNS[field]}",
        [BREAKDOWNS[field], "Anzahl", "Ø Gesamtwert"],
        hidden_groups=len(rows) - len(shown),
        chart={"type": "bar", "value_cols": [1]},
    )
    for key in sorted(shown, key=lambda k: (-counts[k], k)):
        n, total, answered = rows[key]
        table.rows.append([key, n, _mean(total, answered)])
    return table


def _ranked_table(
    rows: list, key: str, title: str, headers: list[str], titles: dict[str, str]
) -> Table:
    """Codes with their counts, largest first; codes below the minimum group size hidden."""
    shown = sorted((r for r in rows if r[1] >= MIN_GROUP_SIZE), key=lambda r: (-r[1], r[0]))
    table = Table(
        key,
        title,
        headers,
        hidden_groups=len(rows) - len(shown),
        chart={"type": "bar", "value_cols": [2]},
    )
    table.rows = [[titles.get(code, code), code, count] for code, count in shown]
    return table


def top_needs(db: Session, f: DashboardFilters, titles: dict[str, str]) -> Table:
    stmt = (
        select(AssessmentNeed.code, func.count())
        .where(*conditions(f, AssessmentNeed.__table__))
        .group_by(AssessmentNeed.code)
    )
    rows = db.execute(stmt).all()
    return _ranked_table(rows, "needs", "Häufigste Bedarfe", ["Bedarf", "Code", "Anzahl"], titles)


def offerings(db: Session, f: DashboardFilters, titles: dict[str, str]) -> Table:
    rec = AssessmentRecommendation
    stmt = (
        select(rec.offering_id, func.count())
        .join(Assessment, Assessment.id == rec.assessment_id)
        .where(*conditions(f))
        .group_by(rec.offering_id)
    )
    rows = db.execute(stmt).all()
    headers = ["Angebot", "Kennung", "Empfehlungen"]
    return _ranked_table(rows, "offerings", "Empfohlene Angebote", headers, titles)


def monthly(db: Session, f: DashboardFilters, guard: Guard) -> dict[int, tuple[int, float | None]]:
    """Per month: count and mean overall score, only for months whose cell is publishable."""
    month = month_expr(Assessment.completed_on)
    stmt = (
        select(month, func.count(), func.sum(Assessment.overall), func.count(Assessment.overall))
        .where(*conditions(f))
        .group_by(month)
    )
    rows = {int(m): (int(n), total, int(answered)) for m, n, total, answered in db.execute(stmt)}
    safe = {m for m in rows if guard.safe(f.profile, (m, m))}
    shown = complementary({m: v[0] for m, v in rows.items()}, safe)
    return {m: (rows[m][0], _mean(rows[m][1], rows[m][2])) for m in shown}


__all__ = ["breakdown", "maturity", "monthly", "month_label", "offerings", "top_needs"]
