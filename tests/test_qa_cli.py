"""CLI behaviour found by using sitrep as a monitoring desk would (QA)."""

from __future__ import annotations

from sitrep.cli.main import main


def test_a_bad_config_file_is_a_usage_error_not_a_rejection(tmp_path, capsys):
    # Exit 1 means "some documents were rejected" to a script reading `sitrep extract`; a
    # --config that is missing, broken or misspelt stopped the run before any document (exit 2).
    article = tmp_path / "a.txt"
    article.write_text("Gunmen attacked a village in Kaduna state on Monday.", encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("[limits\n", encoding="utf-8")
    misspelt = tmp_path / "misspelt.toml"
    misspelt.write_text("[limits]\nmax_bytez = 3\n", encoding="utf-8")
    for config in (tmp_path / "absent.toml", broken, misspelt):
        assert main(["--config", str(config), "extract", str(article)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and "sitrep: [E1" in err


def test_events_limit_must_be_positive(tmp_path, capsys):
    # `sitrep events --limit 0` (or -1) listed every event (found by QA)
    import pytest

    for value in ("0", "-1"):
        with pytest.raises(SystemExit) as exit_info:
            main(["events", "--db", str(tmp_path / "x.db"), "--limit", value])
        assert exit_info.value.code == 2
        assert "positive" in capsys.readouterr().err
