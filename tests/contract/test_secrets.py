"""Generated secrets: private files, stable across processes, usable on a command line."""

import stat

from contract import secrets as contract_secrets


def test_a_generated_secret_is_stored_privately_and_reused(tmp_path, monkeypatch):
    monkeypatch.delenv("DC_TEST_SECRET", raising=False)
    first = contract_secrets.get_secret("DC_TEST_SECRET", directory=tmp_path)
    second = contract_secrets.get_secret("DC_TEST_SECRET", directory=tmp_path)
    assert first == second and len(first) >= 40
    mode = stat.S_IMODE((tmp_path / "DC_TEST_SECRET").stat().st_mode)
    assert mode == 0o600


def test_the_environment_wins_over_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("DC_TEST_SECRET", "from-the-environment")
    value = contract_secrets.get_secret("DC_TEST_SECRET", directory=tmp_path)
    assert value == "from-the-environment"
    assert not (tmp_path / "DC_TEST_SECRET").exists()


def test_a_generated_token_never_starts_like_a_command_line_option(monkeypatch):
    # `rasa run --auth-token -abc` fails; token_urlsafe starts with "-" once in 64 draws
    draws = iter(["-starts-with-a-dash", "_underscore", "Good0token"])
    monkeypatch.setattr(contract_secrets.secrets, "token_urlsafe", lambda n: next(draws))
    assert contract_secrets._new_token(32) == "Good0token"
    monkeypatch.undo()
    for _ in range(500):
        assert contract_secrets._new_token(8)[0].isalnum()
