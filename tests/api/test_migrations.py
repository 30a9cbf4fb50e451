from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from api.core.db import engine
from api.core.migrate import alembic_config
from api.models import Base


def test_database_is_at_head(client) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    with engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head


def _api_tables_only(name, type_, parent_names) -> bool:
    """The database may hold other services' tables (e.g. Rasa's tracker store on a shared
    PostgreSQL): only the API's own tables are compared."""
    return type_ != "table" or name in Base.metadata.tables


def test_models_match_migrations(client) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _api_tables_only})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_from_0001_keeps_and_backfills_data(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'migrate.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0001")
    eng = create_engine(url)
    with eng.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO assessments (id, completed_on, size_class, sector, municipality, "
                "channel, overall) "
                "VALUES ('a1', '2026-05-04', '10-49', 'bau', 'velbert', 'rest', 40)"
            )
        )
        conn.execute(text("INSERT INTO assessment_needs (assessment_id, code) VALUES ('a1', 'ki')"))
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        row = conn.execute(text("SELECT * FROM assessment_needs")).mappings().one()
    assert dict(row) == {
        "assessment_id": "a1",
        "code": "ki",
        "completed_on": "2026-05-01",  # migration 0005: the month only
        "size_class": "10-49",
        "sector": "bau",
        "municipality": "velbert",
    }
    command.downgrade(cfg, "base")
    eng.dispose()


def test_the_suite_runs_on_the_requested_database(client) -> None:
    """A misconfigured TEST_DATABASE_URL must not quietly fall back to SQLite."""
    import os

    from api.core.config import Settings

    requested = os.environ.get("TEST_DATABASE_URL")
    url = engine.url.render_as_string(hide_password=False)
    if requested:
        assert url == Settings(DATABASE_URL=requested).DATABASE_URL
    else:
        assert engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar_one() == 1


def test_every_dimension_of_the_questionnaire_has_a_score_column() -> None:
    from api.core.codes import DIMENSIONS
    from api.models import Assessment, BenchmarkSnapshot

    for model in (Assessment, BenchmarkSnapshot):
        columns = set(model.__table__.c.keys())
        assert {f"score_{d}" for d in DIMENSIONS} <= columns, model.__tablename__


def test_upgrade_to_0007_backfills_the_furthest_question(tmp_path) -> None:
    from alembic import command
    from sqlalchemy import create_engine, text

    url = f"sqlite:///{tmp_path / 'funnel.db'}"
    cfg = alembic_config(url)
    command.upgrade(cfg, "0006")
    eng = create_engine(url)
    rows = [
        ("k1", "started", ""),
        ("k1", "question_reached", "employees"),
        ("k1", "question_reached", "strategy_goals"),  # sector and town skipped
        ("k2", "started", ""),
        ("k3", "question_reached", "employees"),  # no started row: nothing to carry it
    ]
    with eng.begin() as conn:
        for key, event, question in rows:
            conn.execute(
                text(
                    "INSERT INTO funnel_events (conv_key, event, question, hour, channel, "
                    "occurrences) VALUES (:k, :e, :q, '2026-05-04 10:00:00', 'rest', 1)"
                ),
                {"k": key, "e": event, "q": question},
            )
    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        found = conn.execute(
            text("SELECT conv_key, event, furthest FROM funnel_events ORDER BY conv_key, event")
        ).all()
    assert [tuple(r) for r in found] == [
        ("k1", "question_reached", None),
        ("k1", "question_reached", None),
        ("k1", "started", "strategy_goals"),
        ("k2", "started", None),
        ("k3", "question_reached", None),
    ]
    command.downgrade(cfg, "base")
    eng.dispose()
