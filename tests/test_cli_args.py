"""Argument mistakes a new user makes (issue 18): never read silently as something else, always a
one-line usage error (exit 2) for the verb in use that names the problem."""

from __future__ import annotations

import pytest
from test_store_fakes import write_fake_config

from sitrep.cli.main import main


def usage_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(list(argv))
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err      # one line: the one that matters
    return err


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Gunmen attacked a market in Kano on Sunday night.", encoding="utf-8")
    return path


def test_no_abbreviations_after_a_verb(article, capsys):
    # argparse would read --date as --date-column: exit 0 and every date null
    err = usage_error(capsys, "extract", str(article), "--date", "2024-08-06")
    assert err.startswith("sitrep extract: error:") and "--date" in err


@pytest.mark.parametrize("argv", [
    ["--conf", "x.toml", "stats"],                      # top level: --config
    ["events", "--coun", "Syria"],                      # --country
    ["export", "--form", "jsonl"],                      # --format
    ["run", "x.txt", "--pub", "2024-01-01"],            # --published
    ["eval", "geo", "--gw", "GWN.xml"],                 # a nested verb: --gwn
])
def test_no_abbreviations_anywhere(argv, capsys):
    usage_error(capsys, *argv)


def test_a_wrong_flag_is_reported_for_the_verb_in_use(capsys):
    err = usage_error(capsys, "events", "--nope")
    assert err.startswith("sitrep events: error: unrecognized arguments: --nope")
    assert "sitrep events --help" in err
    err = usage_error(capsys, "eval", "geo", "--gwn", "x.xml", "--nope")
    assert err.startswith("sitrep eval geo: error:")


@pytest.mark.parametrize("verb", ["extract", "run"])
def test_a_missing_input_is_a_usage_error(verb, tmp_path, capsys):
    db = tmp_path / "s.db"
    err = usage_error(capsys, verb, str(tmp_path / "nosuch.txt"), *(
        ["--db", str(db)] if verb == "run" else []))
    assert err.startswith(f"sitrep {verb}: error:") and "nosuch.txt" in err
    assert not db.exists()


@pytest.mark.parametrize("verb", ["extract", "run"])
def test_an_empty_folder_says_so(verb, tmp_path, capsys):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    err = usage_error(capsys, verb, str(tmp_path / "empty"))
    assert "holds no files" in err


def test_db_pointing_at_a_folder_or_nowhere(tmp_path, capsys):
    err = usage_error(capsys, "stats", "--db", str(tmp_path))
    assert "is a folder" in err and "sitrep.db" in err
    err = usage_error(capsys, "events", "--db", str(tmp_path / "no" / "s.db"))
    assert "does not exist" in err


def test_good_paths_still_run(article, tmp_path, capsys):
    config = write_fake_config(tmp_path)
    assert main(["--config", str(config), "extract", str(article)]) == 0
    assert main(["--config", str(config), "extract", str(tmp_path)]) in (0, 1)   # a folder


def _imported_after(code: str) -> set[str]:
    """The modules a fresh interpreter holds after ``code`` (this one has imported them all)."""
    import subprocess
    import sys

    probe = code + "\nimport sys; print(' '.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_a_verb_imports_only_its_own_module():
    # `sitrep extract` has no use for the store, the API or the web app (a second of imports)
    modules = _imported_after("from sitrep.cli.main import build_parser\n"
                              "build_parser(['extract', '-'])")
    assert "sitrep.cli.extract" in modules
    assert not {"sitrep.store", "sitrep.api", "sitrep.cli.store_verbs", "datasketch"} & modules
    # with no verb, or --help before it, every verb is there with its help
    everything = _imported_after("from sitrep.cli.main import build_parser\n"
                                 "build_parser(['--help', 'extract'])")
    assert {"sitrep.cli.store_verbs", "sitrep.cli.serve"} <= everything


def test_a_verb_not_imported_is_still_a_choice_and_a_config_value_may_name_a_verb(article,
                                                                                   capsys):
    from sitrep.cli.main import COMMANDS, build_parser

    err = usage_error(capsys, "exract", str(article))
    assert all(f"'{verb}'" in err for verb in COMMANDS)
    parser = build_parser(["--config", "run", "extract", str(article)])
    args = parser.parse_args(["--config", "run", "extract", str(article)])
    assert args.verb == "extract" and callable(args.handler)
    limited = build_parser(["extract", str(article)])
    full = build_parser()
    assert limited._subparsers._group_actions[0].choices.keys() == \
        full._subparsers._group_actions[0].choices.keys()
