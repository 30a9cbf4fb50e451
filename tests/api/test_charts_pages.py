"""Radar chart, printable result page, demo page and the widget's files served by the API."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from PIL import Image

from api.services.catalogue import get_catalogue
from api.services.charts import render_chart
from api.services.result import legacy_overall

SCORES = {"strategy": 62, "tools": 40, "online": 80, "security": 25, "skills": 55}
PEER = {"peer_strategy": 50, "peer_tools": 45, "peer_processes": 48, "peer_online": 60}
# The first line of each wrapped dimension title (matplotlib names each text line in a comment).
LABELS = ["Strategie und", "IT-Ausstattung und", "Prozesse und", "Online-Präsenz und"]


class _Text(HTMLParser):
    """Visible text, image sources and links of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.images: list[str] = []
        self.links: list[str] = []
        self.scripts: list[dict] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        attributes = dict(attrs)
        if tag == "img":
            self.images.append(attributes["src"])
        elif tag == "a":
            self.links.append(attributes.get("href", ""))
        elif tag == "script":
            self.scripts.append(attributes)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    return parser


def test_radar_png_is_a_png_chart(client: TestClient) -> None:
    response = client.get("/api/charts/radar.png", params={**SCORES, **PEER})
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert "max-age" in response.headers["cache-control"]
    image = Image.open(io.BytesIO(response.content))
    assert image.format == "PNG" and image.size == (640, 640)
    # the own scores are drawn in the brand colour, the peer line in orange
    colours = {rgb for _, rgb in image.convert("RGB").getcolors(640 * 640)}
    assert (0, 92, 169) in colours
    assert (224, 123, 0) in colours


def test_radar_without_peer_has_no_peer_line(client: TestClient) -> None:
    image = Image.open(io.BytesIO(client.get("/api/charts/radar.png", params=SCORES).content))
    colours = {rgb for _, rgb in image.convert("RGB").getcolors(640 * 640)}
    assert (0, 92, 169) in colours
    assert (224, 123, 0) not in colours


def test_radar_svg_has_german_labels_and_scores(client: TestClient) -> None:
    response = client.get("/api/charts/radar.svg", params={**SCORES, **PEER})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    svg = response.text
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    for label in [*LABELS, "Kompetenzen", "Vergleichsgruppe", "Ihr Betrieb"]:
        assert f"<!-- {label}" in svg, label  # matplotlib names each text path in a comment
    assert "k. A." in svg  # processes was not answered


def test_chart_output_depends_on_the_scores() -> None:
    own = (62, 40, None, 80, 25, 55)
    assert render_chart(own, (None,) * 6, "png") != render_chart(
        (10, 40, None, 80, 25, 55), (None,) * 6, "png"
    )
    assert render_chart(own, (None,) * 6, "png") == render_chart(own, (None,) * 6, "png")


@pytest.mark.parametrize(
    "params", [{"strategy": 101}, {"tools": -1}, {"online": "viel"}, {"peer_skills": 200}]
)
def test_radar_rejects_out_of_range_scores(client: TestClient, params: dict) -> None:
    assert client.get("/api/charts/radar.png", params=params).status_code == 422


def test_radar_without_any_score_is_an_empty_chart(client: TestClient) -> None:
    response = client.get("/api/charts/radar.svg")
    assert response.status_code == 200
    assert "<!-- Noch keine Werte -->" in response.text


def test_old_links_overall_is_the_rounded_mean_of_known_scores() -> None:
    assert legacy_overall({"strategy": 50, "tools": 51, "processes": None}) == 51  # 50.5 → 51
    assert legacy_overall({"strategy": None}) is None


def test_result_page_shows_scores_chart_and_offerings(client: TestClient) -> None:
    recommended = "cyberrisikocheck,bildungsscheck_nrw,mid_digitale_sicherheit,unknown_x"
    params = {**SCORES, **PEER, "recommended": recommended}
    response = client.get("/result", params=params)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response.text)
    text = " ".join(" ".join(page.text).split())
    assert "Ihr Ergebnis im Digitalcheck" in text
    assert "52 von 100 Punkten" in text  # (62+40+80+25+55)/5 = 52.4
    assert "Stufe „Fortgeschritten“" in text
    assert "aus den gerundeten Themenwerten berechnet" in text  # an old link: no answers
    assert "IT-Sicherheit und Datenschutz 25" in text
    assert "Prozesse und Abläufe keine Angabe" in text
    assert re.search(r"Stand: \d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}", text)
    [chart] = page.images
    assert chart.startswith("/api/charts/radar.svg?")
    assert "strategy=62" in chart and "peer_online=60" in chart and "&processes=" not in chart
    assert client.get(chart).status_code == 200
    catalogue = get_catalogue().by_id
    expected = [catalogue[i] for i in recommended.split(",")[:3]]
    assert [link for link in page.links if link.startswith("https://")] == [
        o.url for o in expected
    ]  # in the given order; the unknown id is skipped
    for offering in expected:
        assert " ".join(offering.title.split()) in text
    # a grant's share is shown as funding, not as a cost to the owner
    assert f"Förderung: {catalogue['mid_digitale_sicherheit'].cost}" in text
    assert f"Kosten: {catalogue['cyberrisikocheck'].cost}" in text
    assert client.get("/static/result.css").status_code == 200


def test_result_page_skips_closed_offerings_and_escapes_input(client: TestClient) -> None:
    response = client.get("/result", params={"recommended": "digikuk,<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert" not in response.text
    assert "Für ein Gesamtergebnis liegen keine Werte vor." in response.text
    assert "DigiKuK" not in response.text and "digikuk" not in response.text


def test_result_page_has_nothing_personal_and_rejects_bad_scores(client: TestClient) -> None:
    assert client.get("/result", params={"security": 150}).status_code == 422
    response = client.get("/result", params={**SCORES, "name": "Erika Muster"})
    assert "Erika" not in response.text


def test_demo_page_embeds_the_widget(client: TestClient, monkeypatch) -> None:
    from api.core.config import settings

    monkeypatch.setattr(settings, "RASA_PUBLIC_URL", "http://127.0.0.1:5999/")
    response = client.get("/")
    assert response.status_code == 200
    page = parse(response.text)
    text = " ".join(" ".join(page.text).split())
    assert "Wirtschaftsförderung" in text and "Digitalcheck" in text
    assert not re.search(r"\b0\d{2,4}[ /-]?\d{3,}", text), "no phone numbers on the demo page"
    [widget] = [s for s in page.scripts if s.get("src", "").endswith("digitalcheck-widget.js")]
    assert widget["src"] == "/widget/digitalcheck-widget.js"
    assert widget["data-server"] == "http://127.0.0.1:5999"
    assert widget["data-open"] == "false" and widget["data-color"] == "#005ca9"
    for path in (
        "/widget/digitalcheck-widget.js",
        "/widget/digitalcheck-widget.css",
        "/widget/vendor/socket.io.min.js",
        "/static/demo.css",
    ):
        assert client.get(path).status_code == 200, path
    assert client.get("/widget/../api/main.py").status_code == 404
