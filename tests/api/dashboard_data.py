"""Generated data with known answers for the dashboard tests, and a logged-in client."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, insert

from api.core.codes import QUESTION_IDS
from api.core.db import engine
from api.models import (
    Assessment,
    AssessmentNeed,
    AssessmentRecommendation,
    FunnelEvent,
    StaffUser,
)
from api.services import staff_auth

PASSWORD = "richtig-geheim-123"
DIMS = ("strategy", "tools", "processes", "online", "security", "skills")


@pytest.fixture(autouse=True)
def clean_dashboard_tables(client: TestClient) -> None:
    with engine.begin() as conn:
        conn.execute(delete(FunnelEvent))
        conn.execute(delete(StaffUser))
    client.cookies.clear()


def login(client: TestClient, name: str = "anna") -> None:
    from api.core.db import SessionLocal

    with SessionLocal() as db:
        staff_auth.set_db_user(db, name, PASSWORD)
    client.cookies.clear()
    page = client.get("/dashboard/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    response = client.post(
        "/dashboard/login",
        data={"csrf": token, "username": name, "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def add_firms(
    n: int,
    *,
    size_class: str = "1-9",
    sector: str = "handwerk",
    municipality: str = "hilden",
    day: date = date(2026, 3, 10),
    overall: int | None = 50,
    scores: int | None = 50,
    needs: tuple[str, ...] = (),
    recommended: tuple[str, ...] = (),
) -> None:
    rows, need_rows, rec_rows = [], [], []
    # the service stores only the month (first day): so do the fixtures
    coded = {"completed_on": day.replace(day=1), "size_class": size_class, "sector": sector}
    coded["municipality"] = municipality
    for _ in range(n):
        rid = str(uuid.uuid4())
        rows.append(
            {"id": rid, "channel": "rest", "overall": overall, **coded}
            | {f"score_{d}": scores for d in DIMS}
        )
        need_rows += [{"assessment_id": rid, "code": c, **coded} for c in needs]
        rec_rows += [
            {"assessment_id": rid, "offering_id": o, "position": i}
            for i, o in enumerate(recommended, start=1)
        ]
    with engine.begin() as conn:
        conn.execute(insert(Assessment), rows)
        if need_rows:
            conn.execute(insert(AssessmentNeed), need_rows)
        if rec_rows:
            conn.execute(insert(AssessmentRecommendation), rec_rows)


def add_conversations(
    n: int,
    events: list[tuple[str, str]],
    *,
    hour: datetime = datetime(2026, 3, 10, 9),
    duration: int | None = None,
    occurrences: int = 1,
) -> None:
    """n conversations, each with the given (event, question) rows; the "started" row carries
    the furthest question reached, as the service keeps it (api/services/funnel.py)."""
    reached = [q for e, q in events if e == "question_reached"]
    furthest = max(reached, key=QUESTION_IDS.index) if reached else None
    rows = []
    for _ in range(n):
        key = uuid.uuid4().hex
        for event, question in events:
            rows.append(
                {
                    "conv_key": key,
                    "event": event,
                    "question": question,
                    "hour": hour,
                    "channel": "rest",
                    "duration_minutes": duration if event == "completed" else None,
                    "occurrences": occurrences if event == "reask" else 1,
                    "furthest": furthest if event == "started" else None,
                }
            )
    with engine.begin() as conn:
        conn.execute(insert(FunnelEvent), rows)


def csv_rows(client: TestClient, table: str, **params: str) -> list[list[str]]:
    response = client.get(f"/dashboard/export/{table}.csv", params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    return [line.split(";") for line in text.strip().split("\r\n")]
