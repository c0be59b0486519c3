"""The parsing pipeline's prediction-only layers give thinc's floats exactly, with less work."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import LayerNorm, NumpyOps

from sitrep.language.inference import PredictOps, predict_layer_norm
from sitrep.language.parse import MODEL_DIR


@pytest.mark.parametrize("pieces", [1, 2, 3, 4])
def test_maxout_keeps_thincs_largest_pieces(pieces):
    rng = numpy.random.default_rng(pieces)
    X = rng.standard_normal((257, 96, pieces)).astype("float32")
    X[:40, :, -1] = X[:40, :, 0]                   # ties: equal pieces
    X[40:50] = 0.0
    best, which = PredictOps().maxout(X)
    expected, _ = NumpyOps(use_blis=False).maxout(X)
    assert which is None                           # only training's backward pass reads it
    assert best.dtype == expected.dtype and best.flags.c_contiguous
    assert numpy.array_equal(best, expected)


@pytest.mark.parametrize("rows, width", [(1, 96), (300, 96), (6400, 96), (7, 5)])
def test_layer_norm_gives_thincs_floats(rows, width):
    rng = numpy.random.default_rng(rows)
    layer = LayerNorm(width)
    layer.initialize(X=numpy.zeros((2, width), dtype="float32"))
    layer.set_param("G", rng.random(width).astype("float32") * 2)
    layer.set_param("b", rng.standard_normal(width).astype("float32"))
    X = (rng.standard_normal((rows, width)) * 7 + 3).astype("float32")
    expected = layer.predict(X)
    layer.replace_callbacks(predict_layer_norm, init=layer.init)
    assert numpy.array_equal(layer.predict(X), expected)
    with pytest.raises(RuntimeError):
        layer.begin_update(X)


@pytest.mark.skipif(not MODEL_DIR.is_dir(), reason="run `make models` first")
def test_the_parser_predicts_with_these_layers():
    from sitrep.language.parse import DependencyParser

    nlp = DependencyParser().nlp
    layers = list(nlp.get_pipe("tok2vec").model.walk())
    assert all(isinstance(layer.ops, PredictOps) for layer in layers)
    norms = [layer for layer in layers if layer.name == "layernorm"]
    assert norms and all(layer._func is predict_layer_norm for layer in norms)
