from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from api.core.codes import DIMENSIONS, MUNICIPALITIES, SECTORS
from api.core.config import ROOT
from api.services.catalogue import main
from contract.catalogue import CatalogueError, load_catalogue
from contract.questionnaire import ContractError

OFFERINGS = ROOT / "data" / "offerings.yml"
NEEDS = ROOT / "data" / "needs.yml"
PY = sys.executable


def raw_offerings() -> list[dict]:
    return yaml.safe_load(OFFERINGS.read_text(encoding="utf-8"))["offerings"]


def write_offerings(tmp_path: Path, offerings: list[dict]) -> Path:
    path = tmp_path / "offerings.yml"
    path.write_text(yaml.safe_dump({"offerings": offerings}, allow_unicode=True), encoding="utf-8")
    return path


def test_real_catalogue_is_valid() -> None:
    cat = load_catalogue(OFFERINGS, NEEDS)
    assert 12 <= len(cat.offerings) <= 25
    ids = [o.id for o in cat.offerings]
    assert len(ids) == len(set(ids))
    for o in cat.offerings:
        assert set(o.dimensions) <= set(DIMENSIONS)
        assert set(o.eligibility.sectors or []) <= set(SECTORS)
        assert set(o.eligibility.municipalities or []) <= set(MUNICIPALITIES)
        assert o.url.startswith("https://")
    statuses = {o.status for o in cat.offerings}
    assert statuses == {"open", "paused", "closed"}
    # every dimension can be served by at least one open offering
    open_dims = {d for o in cat.offerings if o.status == "open" for d in o.dimensions}
    assert open_dims == set(DIMENSIONS)


def test_new_catalogue_fields_from_the_facts() -> None:
    cat = load_catalogue(OFFERINGS, NEEDS)
    topics = {n.code for n in cat.needs.topics}
    for o in cat.offerings:
        assert set(o.needs) <= topics
        assert o.audience in ("betriebe", "personen")
    assert cat.by_id["bildungsscheck_nrw"].audience == "personen"  # individuals only (fact #18)
    assert {o.id for o in cat.offerings if o.audience == "personen"} == {"bildungsscheck_nrw"}
    assert cat.by_id["wirtschaftsfoerderung_kreis_mettmann"].eligibility.regions == (
        "kreis_mettmann",
    )
    assert cat.by_id["wirtschaftsfoerderung_duesseldorf"].eligibility.regions == ("duesseldorf",)
    assert "ki" in cat.by_id["mittelstand_digital_ki"].needs
    assert "cyberschutz" in cat.by_id["cyberrisikocheck"].needs
    assert "Hausbank" in cat.by_id["erp_foerderkredit_digitalisierung"].how_to_apply
    # no verified offering for these topics (facts, note 7): the gap analysis shows them
    open_topics = {t for o in cat.offerings if o.recommendable for t in o.needs}
    assert not {"datenschutz", "e_rechnung", "software_auswahl"} & open_topics


def test_segment_eligibility() -> None:
    from contract.catalogue import Eligibility

    mettmann = Eligibility(regions=("kreis_mettmann",), max_employees=49, sectors=("handwerk",))
    assert mettmann.allows(5, "handwerk", "hilden", "kreis_mettmann")
    assert not mettmann.allows(5, "handwerk", "duesseldorf", "duesseldorf")
    assert not mettmann.allows(5, "handwerk", "hilden")  # region unknown: not allowed
    assert mettmann.allows_segment()  # a segment without conditions
    assert mettmann.allows_segment(min_employees=10, municipality="hilden", region="kreis_mettmann")
    assert not mettmann.allows_segment(min_employees=50)
    assert not mettmann.allows_segment(sector="handel")
    assert not mettmann.allows_segment(municipality="duesseldorf", region="duesseldorf")


def test_needs_file() -> None:
    cat = load_catalogue(OFFERINGS, NEEDS)
    codes = list(cat.needs.codes)
    assert set(DIMENSIONS) <= set(codes)
    assert {"foerdermittel", "e_rechnung", "ki", "cyberschutz", "datenschutz"} <= set(codes)
    assert all(len(title) <= 30 for title in cat.need_titles.values())


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda o: o.append(dict(o[0])), "duplicate offering id"),
        (lambda o: o[0].update(dimensions=["marketing"]), "dimensions"),
        (lambda o: o[0].update(eligibility={"sectors": ["landwirtschaft"]}), "sectors"),
        (lambda o: o[0].update(eligibility={"municipalities": ["koeln"]}), "municipalities"),
        (lambda o: o[0].update(eligibility={"max_employees": 0}), "max_employees"),
        (lambda o: o[0].update(status="active"), "status"),
        (lambda o: o[0].update(kind="kredit"), "kind"),
        (lambda o: o[0].update(phone="0211 123"), "phone"),
        (lambda o: o[0].pop("url"), "url"),
        (lambda o: o[0].update(url="http://insecure.example"), "url"),
        (lambda o: o[0].update(last_checked="gestern"), "last_checked"),
        (lambda o: o[0].update(id="Bad Id"), "id"),
        (lambda o: o[0].update(needs=["astrologie"]), "needs"),
        (lambda o: o[0].update(needs=["security"]), "needs"),  # a dimension, not a topic
        (lambda o: o[0].update(needs=["ki", "ki"]), "needs"),
        (lambda o: o[0].update(audience="firmen"), "audience"),
        (lambda o: o[0].update(how_to_apply="kurz"), "how_to_apply"),
        (lambda o: o[0].update(eligibility={"regions": ["rheinland"]}), "regions"),
    ],
)
def test_invalid_catalogue_fails_loudly(tmp_path: Path, mutate, message: str) -> None:
    offerings = raw_offerings()
    mutate(offerings)
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(write_offerings(tmp_path, offerings), NEEDS)


def test_broken_yaml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("offerings: [ {id: x", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid YAML"):
        load_catalogue(bad, NEEDS)
    with pytest.raises(CatalogueError, match="cannot read"):
        load_catalogue(tmp_path / "missing.yml", NEEDS)


def test_needs_file_must_cover_dimensions_and_short_titles(tmp_path: Path) -> None:
    needs = yaml.safe_load(NEEDS.read_text(encoding="utf-8"))["needs"]
    path = tmp_path / "needs.yml"
    path.write_text(yaml.safe_dump({"needs": needs[1:]}), encoding="utf-8")
    with pytest.raises(ContractError, match="no need code for dimension strategy"):
        load_catalogue(OFFERINGS, path)
    needs[-1]["title"] = "Ein viel zu langer Titel für einen Button"
    path.write_text(yaml.safe_dump({"needs": needs}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ContractError, match="title"):
        load_catalogue(OFFERINGS, path)


def test_cli_checker(tmp_path: Path, capsys) -> None:
    assert main([str(OFFERINGS), str(NEEDS)]) == 0
    assert capsys.readouterr().out.startswith("OK: 25 offerings (17 open), 14 need codes")
    offerings = raw_offerings()
    offerings[0]["status"] = "unknown"
    offerings[1]["kind"] = "kredit"
    assert main([str(write_offerings(tmp_path, offerings)), str(NEEDS)]) == 1
    errors = capsys.readouterr().err
    assert "status 'unknown'" in errors and "kind 'kredit'" in errors  # every problem listed


@pytest.mark.parametrize("module", ["contract.catalogue", "api.services.catalogue"])
def test_checker_commands(tmp_path: Path, module: str) -> None:
    ok = subprocess.run([PY, "-m", module], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.startswith("OK:"), ok.stderr
    offerings = raw_offerings()
    offerings[0]["url"] = "http://insecure.example"
    bad = subprocess.run(
        [PY, "-m", module, str(write_offerings(tmp_path, offerings)), str(NEEDS)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert bad.returncode == 1 and "url must start with https://" in bad.stderr


def test_catalogue_imports_without_pydantic_in_the_bot_environment() -> None:
    """The action server (Python 3.10, pydantic 1.10) reads offering details from the contract."""
    bot_python = ROOT / ".venv-bot" / "bin" / "python"
    assert bot_python.exists(), "the bot environment is part of the project (make bot-env)"
    code = (
        "import sys; from contract.catalogue import load_catalogue\n"
        "c = load_catalogue(); o = c.by_id['cyberrisikocheck']\n"
        "print(sys.version_info[:2], len(c.offerings), o.kind_title,\n"
        "      o.eligibility.allows(5, 'bau', 'hilden'))"
    )
    result = subprocess.run(
        [str(bot_python), "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(3, 10) 25 Werkzeug True"


def test_app_refuses_to_start_with_bad_catalogue(tmp_path: Path) -> None:
    offerings = raw_offerings()
    offerings[1]["id"] = offerings[0]["id"]
    env = {
        **os.environ,
        "OFFERINGS_FILE": str(write_offerings(tmp_path, offerings)),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}",
    }
    code = (
        "from fastapi.testclient import TestClient\n"
        "from api.main import app\n"
        "with TestClient(app):\n"
        "    pass\n"
    )
    result = subprocess.run(
        [PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "duplicate offering id" in result.stderr
