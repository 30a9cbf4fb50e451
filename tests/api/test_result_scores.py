"""The printable result and the chart show exactly the chat's numbers (contract.scoring).

A property-based test draws random answer sets (every answer id of each question's scale,
"Weiß nicht" and unanswered) and compares what /result and /api/charts/radar.json show with
contract.compute_maturity, the function the chat uses.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.core.codes import QN
from api.services.result import answers_param, legacy_overall
from contract.scoring import compute_maturity

# A real answer set whose exact overall (58) differs from the mean of its rounded dimension
# scores (59): the old page showed 59 while the chat said 58.
DIVERGING = (
    "yes,dont_know,yes,no,no,dont_know,regularly,always,partly,no,yes,regularly,regularly,no,"
    "yes,low,always,yes"
)


class ResultPage(HTMLParser):
    """The numbers of /result, read from the rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.overall: int | None = None
        self.dimensions: dict[str, int | None] = {}
        self.chart = ""
        self.alt = ""
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if a.get("data-testid") == "overall":
            self.overall = int(a["data-value"])
        if tag == "tr" and "data-dimension" in a:
            self._row = a["data-dimension"]
        if tag == "td" and "data-score" in a and self._row:
            self.dimensions[self._row] = int(a["data-score"]) if a["data-score"] else None
            self._row = None
        if tag == "img":
            self.chart, self.alt = a["src"], a["alt"]


def result_page(client: TestClient, **params: str) -> ResultPage:
    response = client.get("/result", params=params)
    assert response.status_code == 200, response.text
    page = ResultPage()
    page.feed(response.text)
    return page


def answer_sets():
    per_question = [st.sampled_from([*QN.answer_ids(q.scale), ""]) for q in QN.questions]
    return st.tuples(*per_question).map(lambda answers: ",".join(answers))


def expected(a: str) -> dict:
    answers = {q.slot: v for q, v in zip(QN.questions, a.split(","), strict=True) if v}
    return compute_maturity(QN, answers)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=answer_sets())
def test_result_page_shows_the_contract_scores(client: TestClient, a: str) -> None:
    maturity = expected(a)
    page = result_page(client, a=a)
    assert page.dimensions == maturity["dimensions"]
    assert page.overall == maturity["overall"]
    # the chart on the page is drawn from the same answers, not from rounded scores
    assert parse_qs(urlsplit(page.chart).query)["a"] == [a]
    for d in QN.dimensions:
        score = maturity["dimensions"][d.id]
        assert f"{d.title} {'k. A.' if score is None else score}" in page.alt


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(a=answer_sets())
def test_chart_numbers_are_the_contract_scores(client: TestClient, a: str) -> None:
    maturity = expected(a)
    data = client.get("/api/charts/radar.json", params={"a": a}).json()
    assert data["dimensions"] == maturity["dimensions"]
    assert data["overall"] == maturity["overall"]
    assert data["level"] == maturity["level"]
    assert data["exact"] is True
    if maturity["overall"] is not None:
        assert f"gesamt {maturity['overall']}" in data["alt"]


def test_the_known_divergence_is_gone(client: TestClient) -> None:
    maturity = expected(DIVERGING)
    assert maturity["overall"] == 58
    assert legacy_overall(maturity["dimensions"]) == 59  # what the old page computed
    page = result_page(client, a=DIVERGING)
    assert page.overall == 58
    old_link = {d: str(v) for d, v in maturity["dimensions"].items() if v is not None}
    assert result_page(client, **old_link).overall == 59  # old links: best effort


def test_answers_win_over_dimension_parameters(client: TestClient) -> None:
    page = result_page(client, a=DIVERGING, strategy="0", tools="0")
    assert page.dimensions["strategy"] == 100 and page.overall == 58


def test_answers_round_trip_and_unanswered_entries(client: TestClient) -> None:
    answers = {QN.questions[0].slot: "yes", QN.questions[-1].slot: "dont_know"}
    a = answers_param(answers)
    assert a.count(",") == len(QN.questions) - 1 and a.startswith("yes,")
    page = result_page(client, a=a)
    assert page.dimensions == expected(a)["dimensions"]
    assert page.overall == 100  # one answered question: strategy 100, the rest unanswered
    empty = result_page(client, a="," * (len(QN.questions) - 1))
    assert empty.overall is None and set(empty.dimensions.values()) == {None}


@pytest.mark.parametrize(
    "a",
    [
        "yes,no",  # too few entries
        DIVERGING + ",yes",  # too many
        DIVERGING.replace("regularly", "often", 1),  # not an answer of that scale
        "YES" + DIVERGING[3:],  # pattern: lowercase ids only
    ],
)
def test_malformed_answers_are_rejected(client: TestClient, a: str) -> None:
    for path in ("/result", "/api/charts/radar.json", "/api/charts/radar.png"):
        assert client.get(path, params={"a": a}).status_code == 422, path


def test_earlier_assessment_and_peer_are_carried(client: TestClient) -> None:
    params = {"a": DIVERGING, "prev_strategy": "40", "prev_tools": "10", "peer_online": "61"}
    response = client.get("/result", params=params)
    assert "Früher" in response.text and "Vergleich" in response.text
    page = result_page(client, **params)
    query = parse_qs(urlsplit(page.chart).query)
    assert query["prev_strategy"] == ["40"] and query["peer_online"] == ["61"]
    data = client.get("/api/charts/radar.json", params=params).json()
    assert data["prev"]["strategy"] == 40 and data["peer"]["online"] == 61
    assert "gepunktet: frühere Auswertung" in data["alt"]
    png = client.get("/api/charts/radar.png", params=params)
    assert png.status_code == 200 and png.headers["content-type"] == "image/png"
