#!/usr/bin/env python3
"""What an analyst would run instead of Segmenta: pandas + scikit-learn.

Run with target/bench-venv/bin/python (bench/venv.py creates it); prints one
JSON object. Times are in milliseconds, each as min / median / max over the
repeats, measured in-process (imports excluded), on one thread unless
--threads says otherwise (Segmenta runs on one). Same rules as Segmenta:
rows without a customer id are dropped; amount = Quantity x UnitPrice, net of
returns; F = distinct invoice numbers; R = whole days from the last purchase to
the day after the latest date; features = standardised log1p(R, F, max(M, 0)).

    python peers.py rfm FILE [--repeat 5] [--engine c|pyarrow]
        read_csv + to_datetime + groupby RFM + qcut scores
    python peers.py pipeline FILE [--repeat 5] [--variant notebook|matched]
        the RFM above, then K-means for k = 2..10 and silhouette, best k kept.
        notebook: KMeans(k, n_init=1) on every customer, silhouette_score on a
        10,000-customer sample (the usual notebook; the issue's reference).
        matched: Segmenta's own plan: each k fitted (best of 3 k-means++
        starts) on a 20,000-customer sample, silhouette on 4,000 of them, then
        the chosen k fitted (best of 3) on every customer.
    python peers.py kmeans POINTS_CSV --k 8 [--repeat 5]
        KMeans fit alone: lloyd and elkan, n_init 1 and 10
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from threadpoolctl import threadpool_limits

K_RANGE = range(2, 11)


def spread(times):
    times = sorted(times)
    return {"min": times[0], "median": times[len(times) // 2], "max": times[-1], "n": len(times)}


class Laps:
    """Milliseconds per named step of one run."""

    def __init__(self):
        self.times = {}
        self.mark = time.perf_counter()

    def lap(self, name):
        """Ends step `name` (adding to it when it ran before)."""
        now = time.perf_counter()
        self.times[name] = self.times.get(name, 0) + (now - self.mark) * 1000
        self.mark = now


def rfm(path, laps, engine="c"):
    """The per-customer R, F, M table, as an analyst writes it."""
    df = pd.read_csv(path, engine=engine, dtype={"CustomerID": "string", "InvoiceNo": "string"})
    laps.lap("read_csv")
    df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M")
    laps.lap("to_datetime")
    df = df[df["CustomerID"].notna()]
    df["Amount"] = df["Quantity"] * df["UnitPrice"]
    as_of = df["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
    table = df.groupby("CustomerID").agg(
        last=("InvoiceDate", "max"), frequency=("InvoiceNo", "nunique"), monetary=("Amount", "sum"))
    table["recency"] = (as_of - table["last"].dt.normalize()).dt.days
    laps.lap("groupby")
    table["r_score"] = pd.qcut(table["recency"].rank(method="first"), 5, labels=[5, 4, 3, 2, 1]).astype(int)
    table["f_score"] = pd.qcut(table["frequency"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    table["m_score"] = pd.qcut(table["monetary"].rank(method="first"), 5, labels=[1, 2, 3, 4, 5]).astype(int)
    table["segment"] = table["r_score"].astype(str) + table["f_score"].astype(str) + table["m_score"].astype(str)
    laps.lap("qcut")
    return table


def features(table):
    raw = np.column_stack([table["recency"], table["frequency"], table["monetary"].clip(lower=0)]).astype(float)
    x = np.log1p(raw)
    return (x - x.mean(axis=0)) / np.where(x.std(axis=0) > 0, x.std(axis=0), 1.0)


def choose_k_notebook(x, laps):
    rng = np.random.default_rng(0)
    scores = {}
    for k in K_RANGE:
        labels = KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(x)
        laps.lap("kmeans")
        scores[k] = silhouette_score(x, labels, sample_size=min(10_000, len(x)), random_state=int(rng.integers(1 << 31)))
        laps.lap("silhouette")
    return max(scores, key=scores.get)


def choose_k_matched(x, laps):
    rng = np.random.default_rng(0)
    sample = x[rng.choice(len(x), min(20_000, len(x)), replace=False)]
    scored = rng.choice(len(sample), min(4_000, len(sample)), replace=False)
    scores = {}
    for k in K_RANGE:
        labels = KMeans(n_clusters=k, n_init=3, random_state=0).fit_predict(sample)
        laps.lap("kmeans")
        scores[k] = silhouette_score(sample[scored], labels[scored])
        laps.lap("silhouette")
    best = max(scores, key=scores.get)
    KMeans(n_clusters=best, n_init=3, random_state=0).fit(x)
    laps.lap("final_fit")
    return best


def cmd_rfm(args):
    runs, last = [], None
    for _ in range(args.repeat):
        laps = Laps()
        start = laps.mark
        last = rfm(args.file, laps, args.engine)
        laps.times["total"] = (time.perf_counter() - start) * 1000
        runs.append(laps.times)
    return {"customers": len(last), "revenue": float(last["monetary"].sum()), "engine": args.engine,
            "steps": {name: spread([r[name] for r in runs]) for name in runs[0]}}


def cmd_pipeline(args):
    runs, chosen, customers = [], None, 0
    for _ in range(args.repeat):
        laps = Laps()
        start = laps.mark
        table = rfm(args.file, laps)
        x = features(table)
        laps.lap("features")
        chosen = (choose_k_notebook if args.variant == "notebook" else choose_k_matched)(x, laps)
        laps.times["total"] = (time.perf_counter() - start) * 1000
        runs.append(laps.times)
        customers = len(table)
    return {"variant": args.variant, "customers": customers, "k": chosen,
            "steps": {name: spread([r[name] for r in runs]) for name in runs[0]}}


def cmd_kmeans(args):
    x = np.loadtxt(args.file, delimiter=",", skiprows=1)
    out = []
    for algorithm in ("lloyd", "elkan"):
        for n_init in (1, 10):
            times, model = [], None
            repeat = args.repeat if n_init == 1 else max(1, args.repeat_n10)
            for _ in range(repeat):
                t = time.perf_counter()
                model = KMeans(n_clusters=args.k, n_init=n_init, algorithm=algorithm, random_state=0).fit(x)
                times.append((time.perf_counter() - t) * 1000)
            out.append({"algorithm": algorithm, "nInit": n_init, "repeat": repeat, "fit": spread(times),
                        "inertia": float(model.inertia_), "iterations": int(model.n_iter_)})
    return {"points": len(x), "k": args.k, "fits": out}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("rfm")
    p.add_argument("file")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--engine", default="c", choices=["c", "pyarrow"])
    p = sub.add_parser("pipeline")
    p.add_argument("file")
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--variant", default="notebook", choices=["notebook", "matched"])
    p = sub.add_parser("kmeans")
    p.add_argument("file")
    p.add_argument("--k", type=int, required=True)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--repeat-n10", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads (default 1, like Segmenta)")
    args = parser.parse_args()
    with threadpool_limits(limits=args.threads):
        result = {"rfm": cmd_rfm, "pipeline": cmd_pipeline, "kmeans": cmd_kmeans}[args.command](args)
    result["threads"] = args.threads
    result["versions"] = {"pandas": pd.__version__, "numpy": np.__version__, "scikit-learn": sklearn.__version__,
                          "python": sys.version.split()[0]}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
