"""The spaCy pipeline's layers set up for prediction only (the parser never trains in a run).

tok2vec, which reads every sentence, was about a fifth of the CPU time on ~1,000-word news, and
over 80 HRDsAttack articles more than a third of it went outside its matrix products: five
maxout layers (0.66 s of 1.6 s) and five layer norms (0.48 s). Both are redone here with the same
floats and less work: neither keeps what only training's backward pass reads (issue 17).
"""

from __future__ import annotations

import numpy
from thinc.api import NumpyOps

__all__ = ["PredictOps", "predict_layer_norm", "use_predict_layers"]


class PredictOps(NumpyOps):
    """numpy's matrix product (OpenBLAS, not thinc's blis kernels), and a ``maxout`` that takes
    the largest piece with ``numpy.maximum``, a piece at a time, without the argmax that only
    the backward pass reads (``which`` is None). Equal pieces give the first, as thinc's kernel
    does; ~3x faster than it on tok2vec's (6,400, 96, 3) arrays."""

    def __init__(self) -> None:
        super().__init__(use_blis=False)

    def maxout(self, X):
        if X.shape[2] == 1:
            return X[:, :, 0].copy(), None
        best = numpy.maximum(X[:, :, 0], X[:, :, 1])
        for piece in range(2, X.shape[2]):
            numpy.maximum(best, X[:, :, piece], out=best)
        return best, None


def predict_layer_norm(model, X, is_train: bool):
    """thinc's ``LayerNorm`` forward, float for float, for prediction: the ufuncs and order of
    numpy's ``mean`` and ``var`` (float32 sums, divided by the count as an integer), with the
    mean summed once (thinc sums it twice) and the deviations that make the variance reused
    for the normalised values (thinc subtracts twice). ~30 % less time per call."""
    if is_train:
        raise RuntimeError("sitrep's layer norm only predicts")
    count = numpy.intp(X.shape[1])
    mean = X.mean(axis=1, keepdims=True)
    deviation = numpy.subtract(X, mean)
    variance = numpy.add.reduce(numpy.square(deviation), axis=1, keepdims=True)
    numpy.true_divide(variance, count, out=variance, casting="unsafe")
    variance = variance + 1e-08
    deviation *= variance ** (-1.0 / 2.0)
    deviation *= model.get_param("G")
    deviation += model.get_param("b")
    return deviation, None


def use_predict_layers(nlp) -> None:
    """Every layer of ``nlp``'s components on ``PredictOps``; layer norms on
    ``predict_layer_norm``. The pipeline must not be trained afterwards."""
    ops = PredictOps()
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
                if layer.name == "layernorm":
                    layer.replace_callbacks(predict_layer_norm, init=layer.init)
