"""The docs cannot drift from the code (issue 18): every `sitrep` command of the README's usage
blocks runs, against a small store built here, and every path the docs name exists.

The README's measurement table names long evaluations (minutes each, with their own floors in
tests/test_*_quality.py and friends): here they are parsed and their input paths checked, not run.
"""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest
from conftest import SHARED
from test_store_fakes import MARCHED, SEIZED, write_fake_config

from sitrep.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]
# Paths the docs name that only exist after a command has run, or only on someone's machine.
_MADE_BY_A_COMMAND = (".bench/", "build/", "~", "$", "<")
# Absolute paths of someone's machine (a leading "/" alone is a web route: "/docs").
_ABSOLUTE = ("/work", "/home", "/root", "/tmp", "/usr", "/opt", "/Users", "/var", "/etc", "/mnt")


def _blocks(text: str) -> list[str]:
    """The shell code blocks of a Markdown text (```sh fences)."""
    blocks, current = [], None
    for line in text.splitlines():
        if line.startswith("```"):
            if current is None:
                current = [] if line.strip() in ("```sh", "```bash", "```console") else False
            else:
                if current is not False:
                    blocks.append("\n".join(current))
                current = None
        elif current:
            current.append(line)
        elif current == []:
            current = [line]
    return blocks


def readme_commands() -> list[list[str]]:
    """Every `sitrep ...` command line of the README's code blocks, as argv (after `sitrep`)."""
    commands = []
    for block in _blocks(README.read_text(encoding="utf-8")):
        for line in block.splitlines():
            line = line.split(" #", 1)[0].strip()
            if "sitrep " not in line or line.startswith(("import", "from", "for", "api.")):
                continue
            words = shlex.split(line[line.index("sitrep "):])
            if words[0] == "sitrep":
                commands.append(words[1:])
    return commands


def test_the_readme_has_commands():
    verbs = {argv[0] for argv in readme_commands()}
    assert {"extract", "run", "events", "show", "rejections", "stats", "export", "doctor",
            "eval", "gazetteer"} <= verbs


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The inputs the README's examples name, and a store of their events."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.txt").write_text(SEIZED, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(SEIZED, encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text(MARCHED, encoding="utf-8")
    (tmp_path / "docs.jsonl").write_text('{"id": "d1", "text": "Rebels attacked Kidal."}\n',
                                         encoding="utf-8")
    config = str(write_fake_config(tmp_path))   # the stand-in event stage: no models to load
    assert main(["--config", config, "run", "news/", "--db", "sitrep.db",
                 "--published", "2016-12-13"]) == 0
    return tmp_path, config


def _runnable(argv: list[str]) -> bool:
    # evaluations and gazetteer imports read data the user brings, and `serve` runs until it is
    # stopped (tests/test_web*.py serve it): parsed, not run here
    return argv[0] not in ("eval", "serve") and argv[:2] != ["gazetteer", "import"]


def test_every_readme_command_runs(workspace, capsys, monkeypatch):
    import io
    import sys

    tmp_path, config = workspace
    from sitrep.store import Store

    with Store("sitrep.db") as store:
        event_id = next(store.find_events()).id
    ran = 0
    for argv in readme_commands():
        argv = [event_id if word == "EVENT_ID" else word for word in argv]
        argv = ["d1" if word == "DOC_ID" else word for word in argv]
        if not _runnable(argv):
            args = build_parser().parse_args(argv)
            assert callable(args.handler), argv
            continue
        if argv[0] == "extract" and argv[-1] == "-":
            stdin = io.TextIOWrapper(io.BytesIO((tmp_path / "docs.jsonl").read_bytes()))
            monkeypatch.setattr(sys, "stdin", stdin)
        full = ["--config", config, *argv] if argv[0] in ("extract", "run") else argv
        status = main(full)
        out, err = capsys.readouterr()
        # 0, or 1 where the command reports a finding rather than a failure (doctor's checks)
        assert status in ((0, 1) if argv[0] == "doctor" else (0,)), (argv, err)
        ran += 1
    assert ran >= 10
    assert (tmp_path / "events.csv").is_file()   # `sitrep export ... --out events.csv`


def _named_paths(text: str) -> list[str]:
    names = set(re.findall(r"`([^`\s]*/[^`\s]*)`", text))
    # paths in commands of code blocks and tables: "--case tests/data/x.tsv"
    names |= set(re.findall(r"(?<![\w./-])((?:\.\./shared|tests|sitrep|docs|examples)/[\w./*-]+)",
                            text))
    return sorted(name.rstrip(".,") for name in names
                  if name != "/" and not name.startswith(_MADE_BY_A_COMMAND) and "://" not in name)


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_path_the_docs_name_exists(doc):
    missing = []
    for name in _named_paths(doc.read_text(encoding="utf-8")):
        if name.startswith(_ABSOLUTE):
            missing.append(f"{name} (absolute: a user's clone is elsewhere)")
            continue
        if name.startswith("/"):
            continue       # a route of `sitrep serve` ("/docs", "/api/events")
        if name.startswith("../shared") and not SHARED.is_dir():
            continue       # dev data under other people's terms: absent from a user's clone
        bases = [ROOT, ROOT / "examples"] if doc.name == "demo-corpus.md" else [ROOT]
        if name.startswith(".venv/") and not (ROOT / ".venv").is_dir():
            continue
        if name.startswith(".venv/share/sitrep") and os.environ.get("SITREP_DATA_DIR"):
            continue       # the README's "$SITREP_DATA_DIR puts it elsewhere"
        # a name relative to its package ("static/" in sitrep/web) is found below sitrep/
        if not any(list(base.glob(name.rstrip("/"))) for base in bases) and \
                not list((ROOT / "sitrep").glob("**/" + name.rstrip("/"))):
            missing.append(name)
    assert not missing, f"{doc.name} names paths that do not exist: {missing}"


def test_the_readme_says_where_the_gazetteer_is():
    from sitrep.geo.gazetteer import default_path

    text = " ".join(README.read_text(encoding="utf-8").split())
    assert "`.venv/share/sitrep/`" in text
    assert "$SITREP_DATA_DIR" in text
    if ".venv" in str(default_path()):   # the make-made install: the README's default
        assert default_path().parent.name == "sitrep"
