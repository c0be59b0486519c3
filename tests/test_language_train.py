"""The training recipe's command line: which recipe it trains, and its refusals."""

from __future__ import annotations

from pathlib import Path

from sitrep.language import train


def test_missing_data_is_refused(tmp_path, capsys):
    assert train.main(["--data", str(tmp_path), "--work", str(tmp_path / "w"),
                       "--out", str(tmp_path / "m")]) == 2
    assert "en_ewt-ud-train.conllu" in capsys.readouterr().err
    assert not (tmp_path / "w").exists()


def test_missing_recipe_is_refused_before_any_work(tmp_path, capsys):
    (tmp_path / train.SPLITS["train"]).write_text("", encoding="utf-8")
    assert train.main(["--data", str(tmp_path), "--config", str(tmp_path / "no.cfg"),
                       "--work", str(tmp_path / "w"), "--out", str(tmp_path / "m")]) == 2
    assert "no recipe at" in capsys.readouterr().err
    assert not (tmp_path / "w").exists()


def test_train_fills_and_trains_the_given_recipe(tmp_path, monkeypatch):
    import spacy.cli.train

    seen = {}

    def fake_train(config, output, overrides):
        seen.update(config=Path(config), output=Path(output), overrides=overrides)

    monkeypatch.setattr(spacy.cli.train, "train", fake_train)
    recipe = tmp_path / "narrow.cfg"
    recipe.write_text(train.CONFIG.read_text(encoding="utf-8").replace(
        "width = 96", "width = 64"), encoding="utf-8")
    paths = {"train": tmp_path / "train.spacy", "dev": tmp_path / "dev.spacy"}
    best = train.train(paths, tmp_path / "work", 500, recipe)
    assert best == tmp_path / "work" / "output" / "model-best"
    filled = seen["config"].read_text(encoding="utf-8")
    assert "width = 64" in filled and "width = 96" not in filled
    assert seen["overrides"] == {"paths.train": str(paths["train"]),
                                 "paths.dev": str(paths["dev"]), "training.max_steps": 500}
    # the default is the shipped recipe
    train.train(paths, tmp_path / "work2", 500)
    assert "width = 96" in seen["config"].read_text(encoding="utf-8")
