"""The pipeline: built and validated from config, stages swappable, failures recorded."""

import pytest

from sitrep import ConfigError, Pipeline, Report, load_config, register_stage
from sitrep.pipeline import registered_stages


@register_stage("test_upper_title")
class UpperTitle:
    def __init__(self, suffix: str = "") -> None:
        self.suffix = suffix

    def __call__(self, report: Report) -> Report:
        report.title = (report.raw.upper() + self.suffix)
        return report


@register_stage("test_explode")
class Explode:
    def __call__(self, report: Report) -> Report:
        raise RuntimeError("boom")


@register_stage("test_needs_missing_module")
class NeedsMissingModule:
    def __call__(self, report: Report) -> Report:
        import sitrep_no_such_module  # noqa: F401  (an uninstalled dependency, as after a stale install)
        return report


def _config(stages, **options):
    return load_config(overrides={"pipeline": {"stages": stages}, "stage": options})


def test_every_builtin_stage_is_in_the_default_pipeline():
    config = load_config()
    assert set(config.stages) <= set(registered_stages())


def test_unknown_stage_is_a_config_error_at_build_time():
    with pytest.raises(ConfigError, match="unknown stage 'nope'"):
        Pipeline(_config(["nope"]))


def test_unknown_option_is_a_config_error_at_build_time():
    with pytest.raises(ConfigError, match="has no option"):
        Pipeline(_config(["test_upper_title"], test_upper_title={"colour": "red"}))


def test_stage_options_come_from_config():
    pipeline = Pipeline(_config(["test_upper_title"], test_upper_title={"suffix": "!"}))
    assert pipeline(Report(id="r", raw="abc")).title == "ABC!"


def test_a_failing_stage_rejects_that_report_and_the_batch_goes_on():
    pipeline = Pipeline(_config(["test_explode"]))
    reports = list(pipeline.pipe([Report(id="a", raw="x"), Report(id="b", raw="y")]))
    assert [r.id for r in reports] == ["a", "b"]
    for report in reports:
        assert report.rejection.code == "stage_error"
        assert report.errors[0].stage == "test_explode"
        assert "boom" in report.errors[0].message


def test_a_missing_module_stops_the_run_instead_of_rejecting_every_document():
    from sitrep.errors import ResourceError

    pipeline = Pipeline(_config(["test_needs_missing_module"]))
    with pytest.raises(ResourceError, match="sitrep_no_such_module.*make setup"):
        list(pipeline.pipe([Report(id="a", raw="x"), Report(id="b", raw="y")]))


def test_on_error_raise_re_raises():
    with pytest.raises(RuntimeError, match="boom"):
        Pipeline(_config(["test_explode"]), on_error="raise")(Report(id="a", raw="x"))


def test_rejected_reports_pass_through_untouched():
    from sitrep.model import Rejection

    report = Report(id="a", raw="", rejection=Rejection("empty", "no text"))
    assert Pipeline(_config(["test_explode"]))(report) is report


def test_config_file_errors_are_coded(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[pipeline\nstages = 3")
    with pytest.raises(ConfigError, match="E102"):
        load_config(bad)
    with pytest.raises(ConfigError, match="E101"):
        load_config(tmp_path / "missing.toml")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text("[limits]\nmax_pages = 3\n")
    with pytest.raises(ConfigError, match="max_pages"):
        load_config(wrong)


def test_user_config_merges_over_defaults(tmp_path):
    user = tmp_path / "user.toml"
    user.write_text("[limits]\nmax_bytes = 10\n")
    config = load_config(user)
    assert config.limits.max_bytes == 10
    assert config.limits.max_chars == load_config().limits.max_chars
    assert config.stages == load_config().stages


def test_sitrep_errors_cross_processes_unchanged():
    import pickle

    from sitrep.errors import ResourceError

    error = pickle.loads(pickle.dumps(ResourceError("gazetteer missing", "E401")))
    assert (str(error), error.code) == ("[E401] gazetteer missing", "E401")


def test_a_worker_and_extract_keep_the_built_pipeline_out_of_collections(tmp_path, capsys):
    """The objects a built pipeline holds are frozen out of the garbage collector's scans in a
    pool worker and in `sitrep extract` (both run one pipeline over many reports)."""
    import gc

    from sitrep.cli.main import main
    from sitrep.pipeline import _init_worker

    gc.unfreeze()
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(700, *threshold[1:])
        _init_worker(Pipeline(_config(["clean"])))
        assert gc.get_freeze_count() > 0
        # and young objects are collected less often: most die before any collection
        assert gc.get_threshold() == (50_000, *threshold[1:])
        gc.unfreeze()
        gc.set_threshold(700, *threshold[1:])
        article = tmp_path / "a.txt"
        article.write_text("Gunmen attacked a market in Kano on Monday, police said.")
        main(["extract", str(article)])
        assert '"id"' in capsys.readouterr().out and gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == 50_000
        # `sitrep run` on one process analyses here too
        gc.unfreeze()
        gc.set_threshold(700, *threshold[1:])
        main(["run", str(article), "--db", str(tmp_path / "s.db")])
        assert "1 report(s) read" in capsys.readouterr().out and gc.get_freeze_count() > 0
        assert gc.get_threshold()[0] == 50_000
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def _title_only(report: Report) -> str:
    return report.title


def test_pipe_finishes_each_report_where_it_was_analysed():
    # what `finish` returns is what the caller gets (and all a pool worker sends back)
    pipeline = Pipeline(_config(["test_upper_title"]))
    reports = [Report(id=str(n), raw=f"report {n}") for n in range(5)]
    expected = [f"REPORT {n}" for n in range(5)]
    assert list(pipeline.pipe(reports, finish=_title_only)) == expected
    reports = [Report(id=str(n), raw=f"report {n}") for n in range(5)]
    assert list(pipeline.pipe(reports, n_process=2, chunksize=2,
                              finish=_title_only)) == expected
