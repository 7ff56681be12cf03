#!/usr/bin/env python3
"""Train elsewhere, draw with Errorest.

A network trained by numpy (any tool would do: PyTorch, JAX, a spreadsheet) is written as an
Errorest run record (run.json) and drawn by `errorest render` — no training in Errorest at all.

    python3 Samples/numpy_run.py                      # writes Output/numpy/
    python3 Samples/numpy_run.py --size 640x360       # unknown flags go to `errorest render`

ERROREST names the command that draws (default: `errorest` if it is on PATH, else
`swift run -c release errorest` from the package folder). Needs numpy only.
"""
import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys

import numpy as np


def make_xor(count, noise, rng):
    """Blue (1) where x1·x2 > 0, red (0) in the other two quadrants, in [-1, 1]²."""
    points = rng.uniform(-1, 1, size=(count, 2))
    labels = (points[:, 0] * points[:, 1] > 0).astype(int)
    return points + noise * rng.normal(size=points.shape), labels


def sigmoid(z):
    return 0.5 * (1 + np.tanh(0.5 * z))  # stable for large |z|


def forward(layers, x):
    """Activations of every layer; the last is ŷ."""
    activations = [x]
    for weights, biases in layers:
        activations.append(sigmoid(activations[-1] @ weights.T + biases))
    return activations


def error_and_gradient(layers, x, y):
    """Mean cross-entropy from the logit, and its gradient, over the whole set."""
    activations = forward(layers, x)
    logit = activations[-2] @ layers[-1][0].T + layers[-1][1]
    z = logit[:, 0]
    error = float(np.mean(np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))) - y * z))
    accuracy = float(np.mean((z > 0) == (y == 1)))
    delta = (activations[-1][:, 0] - y)[:, None] / len(y)  # ∂E/∂z of the output
    gradient = []
    for index in range(len(layers) - 1, -1, -1):
        weights, _ = layers[index]
        gradient.insert(0, (delta.T @ activations[index], delta.sum(axis=0)))
        a = activations[index]
        delta = (delta @ weights) * a * (1 - a)
    return error, accuracy, gradient


def as_record(layers):
    return [{"weights": w.tolist(), "biases": b.tolist()} for w, b in layers]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="Output/numpy", help="output folder")
    parser.add_argument("--hidden", type=int, default=4, help="hidden units")
    parser.add_argument("--epochs", type=int, default=1500)
    parser.add_argument("--learning-rate", type=float, default=2.0)
    parser.add_argument("--snapshots", type=int, default=40, help="snapshots, spaced in log(epoch)")
    parser.add_argument("--seed", type=int, default=7)
    args, render_flags = parser.parse_known_args()

    rng = np.random.default_rng(args.seed)
    x, y = make_xor(200, 0.1, rng)
    layers = [
        (rng.normal(scale=1 / np.sqrt(2), size=(args.hidden, 2)), np.zeros(args.hidden)),
        (rng.normal(scale=1 / np.sqrt(args.hidden), size=(1, args.hidden)), np.zeros(1)),
    ]
    wanted = set(np.unique(np.round(np.geomspace(1, args.epochs + 1, args.snapshots) - 1)).astype(int))
    wanted |= {0, args.epochs}

    errors, accuracies, snapshots = [], [], []
    for epoch in range(args.epochs + 1):
        error, accuracy, gradient = error_and_gradient(layers, x, y)
        errors.append(error)
        accuracies.append(accuracy)
        if epoch in wanted:
            snapshots.append({"epoch": epoch, "error": error, "accuracy": accuracy,
                              "layers": as_record(layers), "gradient": as_record(gradient)})
        if epoch < args.epochs:
            layers = [(w - args.learning_rate * gw, b - args.learning_rate * gb)
                      for (w, b), (gw, gb) in zip(layers, gradient)]

    margin = 0.1 * float(np.max(x.max(axis=0) - x.min(axis=0)))
    record = {
        "format": "errorest-run", "version": 1, "name": "numpy",
        "network": {"inputs": 2, "hidden": [args.hidden], "activation": "sigmoid"},
        "training": {"epochs": args.epochs, "learningRate": args.learning_rate,
                     "batchSize": "full", "shuffle": False, "seed": args.seed},
        "data": {"points": x.tolist(), "labels": y.tolist()},
        "domain": [[float(x[:, 0].min()) - margin, float(x[:, 0].max()) + margin],
                   [float(x[:, 1].min()) - margin, float(x[:, 1].max()) + margin]],
        "errors": errors, "accuracies": accuracies, "snapshots": snapshots,
    }
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "run.json")
    with open(path, "w") as f:
        json.dump(record, f)  # Python writes floats so that they read back exactly
    print(f"numpy: E(W) {errors[0]:.4g} -> {errors[-1]:.4g}, accuracy {accuracies[-1]:.1%}; "
          f"wrote {path}", file=sys.stderr)

    if "ERROREST" in os.environ:
        command = shlex.split(os.environ["ERROREST"])
    elif shutil.which("errorest"):
        command = ["errorest"]
    else:
        command = ["swift", "run", "-c", "release", "errorest"]
    result = subprocess.run(command + ["render", path, "--out", args.out] + render_flags)
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
