#!/usr/bin/env python3
"""Run the W3C test suites copied into data/testdata/w3c against the
reelgraph binary, outside Go's tests: each input is converted with
`reelgraph convert FILE --base IRI --to nquads -o OUT`, and the result is
compared with the expected one by rdflib (Debian's python3-rdflib), which
also reads the manifests. Usage: .ci/w3c-suites.py path/to/reelgraph
"""
import json, os, subprocess, sys, tempfile
from collections import defaultdict
import rdflib
from rdflib.compare import isomorphic

BIN = os.path.abspath(sys.argv[1])
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "testdata", "w3c")
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
RDFT = rdflib.Namespace("http://www.w3.org/ns/rdftest#")


def convert(path, base, fmt, extra=()):
    out = tempfile.mktemp(suffix=".nq")
    r = subprocess.run([BIN, "convert", path, "--format", fmt, "--base", base, "--to", "nquads", "-o", out, *extra],
                       capture_output=True, text=True)
    if r.returncode != 0:
        return None
    with open(out) as f:
        text = f.read()
    os.remove(out)
    return text


def graphs(nq_text):
    """The dataset as {graph name: Graph}, blank graph names as one key."""
    ds = rdflib.ConjunctiveGraph()
    ds.parse(data=nq_text, format="nquads")
    out = defaultdict(rdflib.Graph)
    for s, p, o, g in ds.quads((None, None, None, None)):
        name = g.identifier if isinstance(g.identifier, rdflib.URIRef) and not str(g.identifier).startswith("file:") else None
        out[name].add((s, p, o))
    return out


class Unreadable(Exception):
    """rdflib cannot read the N-Quads (its parser refuses some valid blank
    node labels)."""


def same(got, want):
    try:
        a, b = graphs(got), graphs(want)
    except Exception as e:
        raise Unreadable(e)
    return a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a)


def rdf_suite(name, fmt, base):
    d = os.path.join(ROOT, name)
    m = rdflib.Graph()
    m.parse(os.path.join(d, "manifest.ttl"), format="turtle", publicID=base + "manifest.ttl")
    counts = defaultdict(lambda: [0, 0])
    for t in m.subjects(MF.action, None):
        kind = str(m.value(t, rdflib.RDF.type)).split("#")[-1]
        action = str(m.value(t, MF.action))
        path = os.path.join(d, action[len(base):])
        got = convert(path, action, fmt)
        if "Negative" in kind:
            key, ok = "negative", got is None
        else:
            key = "positive"
            result = m.value(t, MF.result)
            if result is None:
                ok = got is not None
            else:
                with open(os.path.join(d, str(result)[len(base):])) as f:
                    try:
                        ok = got is not None and same(got, f.read())
                    except Unreadable:
                        counts["skipped: rdflib cannot read the N-Quads"][1] += 1
                        continue
        counts[key][0] += ok
        counts[key][1] += 1
        if not ok:
            print(f"  {name}: FAIL {kind} {action}")
    for key, (ok, n) in sorted(counts.items()):
        print(f"{name} {key}: {ok}/{n} ({100 * ok / n:.1f}%)")


def jsonld_suite():
    d = os.path.join(ROOT, "jsonld")
    base = "https://w3c.github.io/json-ld-api/tests/"
    with open(os.path.join(d, "toRdf-manifest.jsonld")) as f:
        m = json.load(f)
    ok = n = network = other = unreadable = 0
    for t in m["sequence"]:
        opt = t.get("option", {})
        if opt.get("specVersion") == "json-ld-1.0" or opt.get("processingMode") == "json-ld-1.0" \
                or opt.get("produceGeneralizedRdf") or "rdfDirection" in opt:
            other += 1
            continue
        extra = []
        if "expandContext" in opt:
            extra = ["--expand-context", os.path.join(d, opt["expandContext"])]
        path = os.path.join(d, t["input"])
        r = subprocess.run([BIN, "convert", path, "--format", "jsonld", "--base", opt.get("base", base + t["input"]),
                            "--to", "nquads", "-o", "-", *extra], capture_output=True, text=True)
        if "remote JSON-LD context" in r.stderr:
            network += 1
            continue
        n += 1
        if "expectErrorCode" in t:
            good = r.returncode != 0
        elif r.returncode != 0:
            good = False
        elif "expect" not in t:
            good = True
        else:
            with open(os.path.join(d, t["expect"])) as f:
                try:
                    good = same(r.stdout, f.read())
                except Unreadable:
                    n -= 1
                    unreadable += 1
                    continue
        ok += good
        if not good:
            print(f"  jsonld: FAIL {t['@id']} {t['name']}")
    print(f"jsonld toRdf: {ok}/{n} ({100 * ok / n:.1f}%) of the tests that need no network; {network} need the network, {other} use options not offered, {unreadable} whose N-Quads rdflib cannot read")


rdf_suite("turtle", "turtle", "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-turtle/")
rdf_suite("trig", "trig", "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-trig/")
rdf_suite("rdfxml", "rdfxml", "https://w3c.github.io/rdf-tests/rdf/rdf11/rdf-xml/")
jsonld_suite()
