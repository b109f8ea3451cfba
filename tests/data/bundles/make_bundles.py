#!/usr/bin/env python3
"""Writes the bundle fixtures in this directory (run it from anywhere; no arguments).

good.json          a valid yardstick-bundle/1 (the version before origins, still read) built from tests/data/frameworks/tiny-example.json,
                   tests/data/questionnaires/tiny-check.json and the respondents of
                   tests/data/answers/tiny-good.json, plus a version 1.1 of the framework with
                   non-ASCII text and a few non-integer numbers
good-v2.json       the same content as yardstick-bundle/2, with origins (one organisation from a
                   third database, under another id there)
warn-*.json        valid bundles that draw a warning
bad-*.json         one problem each (tests/core/test_bundle.cpp says where and what)
hash-check.json    values with the canonical text and hash Python computes for them, so the
                   C++ test can compare nlohmann's dump() byte for byte

Definitions are keyed by "sha256:" + the SHA-256 of
json.dumps(obj, sort_keys=True, separators=(',', ':'), ensure_ascii=False) as UTF-8, which is
what nlohmann's dump() writes for the same value, except for floats from 1e15 up to 1e16
(Python writes 1000000000000000.0, nlohmann 1e+15) and integers outside the 64-bit range
(nlohmann holds them as floats). hash-check.json records both kinds as known differences.
"""
import copy
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)


def canon(obj):
    return json.dumps(obj, sort_keys=True, separators=(',', ':'), ensure_ascii=False)


def content_hash(obj):
    return "sha256:" + hashlib.sha256(canon(obj).encode("utf-8")).hexdigest()


def load(rel):
    with open(os.path.join(DATA, rel), encoding="utf-8") as f:
        return json.load(f)


def write(name, obj):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        json.dump(obj, f, indent=2, ensure_ascii=False)
        f.write("\n")


FW10 = load("frameworks/tiny-example.json")
QN = load("questionnaires/tiny-check.json")
ANSWERS = load("answers/tiny-good.json")


def framework_11():
    fw = copy.deepcopy(FW10)
    fw["version"] = "1.1"
    fw["title"] = "Tiny example framework — Ynys Môn edition ✓"
    fw["description"] = "Non-ASCII text (é, ŵ, “quotes”, 😀), a tab\there, and numbers such as 0.8 and 12."
    fw["sources"] = [{"title": "Made-up source for tests", "publisher": "Yardstick", "year": 2012}]
    fw["dimensions"][0]["aggregation"] = "weighted_mean"
    fw["dimensions"][0]["children"][1]["weight"] = 0.8
    fw["dimensions"][0]["children"][0]["weight"] = 12
    fw["x-test-numbers"] = [0.8, 12, 2.5, -0.0, 100.0, 1e-05, 0.0001, 1e+16, 123456789012345.6]
    return fw


FW11 = framework_11()


def respondents_2026():
    rs = copy.deepcopy(ANSWERS["respondents"])
    rs[0]["name"] = "Alex Placeholder"
    rs[0]["email"] = "alex.placeholder@eastmere.example"
    rs[0]["answers"]["q-quality"]["answered_at"] = "2026-03-02T10:15:00Z"
    rs[1]["name"] = "Sam Ffugenw"
    rs[1]["email"] = "sam.ffugenw@eastmere.example"
    rs[1]["answers"]["q-skills-agree"]["evidence"] = "Staff survey, Gorffennaf 2025: 61% agree."
    return rs


def build(fw10=FW10, fw11=FW11, qn=QN):
    h10, h11, hq = content_hash(fw10), content_hash(fw11), content_hash(qn)
    return {
        "format": "yardstick-bundle/1",
        "created": "2026-11-21T05:30:00Z",
        "anonymised": False,
        "definitions": {h10: fw10, h11: fw11, hq: qn},
        "organisations": [
            {"id": "fictional-london", "name": "Fictional London region", "type": "region",
             "ons_code": "E12999901"},
            {"id": "fictional-borough-of-eastmere", "name": "Eastmere (fictional)", "type": "london-borough",
             "region": "London", "ons_code": "E09999901", "parent": "fictional-london"},
            {"id": "fictional-borough-of-westmere", "name": "Westmere (fictional)", "type": "london-borough",
             "region": "London", "ons_code": "E09999902", "parent": "fictional-london"},
            {"id": "fictional-county-of-llanfair", "name": "Llanfair-ym-Môr (fictional)", "type": "county",
             "region": "Cymru / Wales", "ons_code": "W06999901"},
        ],
        "peer_groups": [
            {"id": "fictional-london-boroughs", "name": "Fictional London boroughs",
             "members": ["fictional-borough-of-eastmere", "fictional-borough-of-westmere"]},
        ],
        "rounds": [
            {"id": "eastmere-2026", "organisation": "fictional-borough-of-eastmere", "period": "2026",
             "status": "closed", "created": "2026-03-01T09:00:00Z", "framework": h10, "questionnaire": hq,
             "respondents": respondents_2026(),
             "action_items": [
                 {"action": "dq-1-2", "dimension": "data.quality", "owner": "Priya Placeholder",
                  "due": "2026-06-30", "status": "in-progress",
                  "notes": "Agreed at the March board; budget confirmed ✓"},
             ]},
            {"id": "eastmere-2027", "organisation": "fictional-borough-of-eastmere", "period": "2027",
             "status": "open", "created": "2026-11-20T10:00:00+00:00", "framework": h11, "questionnaire": hq,
             "respondents": [
                 {"id": "k7f3a9", "role": "analyst", "name": "Jo Example",
                  "answers": {"q-quality": {"value": "level-3", "confidence": 0.25},
                              "q-trained": {"value": 12.5, "evidence": "HR training log, 2026."}}},
             ],
             "action_items": []},
        ],
        "targets": [
            {"organisation": "fictional-borough-of-eastmere", "framework": "tiny-example",
             "dimension": "data.quality", "level": 3, "by": "2027-03-31"},
            {"organisation": "fictional-borough-of-eastmere", "framework": "tiny-example",
             "dimension": "data", "level": 2},
        ],
    }


GOOD = build()
H10, H11, HQ = content_hash(FW10), content_hash(FW11), content_hash(QN)


def variant(change):
    b = copy.deepcopy(GOOD)
    change(b)
    return b


def rebuilt(fw10=FW10, fw11=FW11, qn=QN, change=None):
    b = build(fw10, fw11, qn)
    if change:
        change(b)
    return b


def edited(doc, change):
    d = copy.deepcopy(doc)
    change(d)
    return d


def r0(b):
    return b["rounds"][0]


def set_(path_fn, key, value):
    def f(b):
        path_fn(b)[key] = value
    return f


BAD = {
    "bad-wrong-format": variant(set_(lambda b: b, "format", "yardstick-bundle/3")),
    "bad-hash-mismatch": variant(lambda b: b["definitions"][H10].__setitem__("title", "Edited after hashing")),
    "bad-round-unknown-framework": variant(
        set_(r0, "framework", "sha256:" + hashlib.sha256(b"no such framework").hexdigest())),
    "bad-round-framework-is-questionnaire": variant(set_(r0, "framework", HQ)),
    "bad-questionnaire-framework-missing": rebuilt(
        qn=edited(QN, lambda q: q["framework"].__setitem__("id", "tiny-other"))),
    "bad-definition-invalid": rebuilt(
        fw11=edited(FW11, lambda f: f["dimensions"][0].__setitem__("aggregation", "median"))),
    "bad-definition-not-a-definition": variant(
        lambda b: b["definitions"].__setitem__(content_hash(ANSWERS), ANSWERS)),
    "bad-duplicate-round-id": variant(lambda b: b["rounds"][1].__setitem__("id", "eastmere-2026")),
    "bad-organisation-parent-cycle": variant(
        lambda b: b["organisations"][0].__setitem__("parent", "fictional-borough-of-eastmere")),
    "bad-organisation-unknown-parent": variant(
        lambda b: b["organisations"][2].__setitem__("parent", "fictional-nowhere")),
    "bad-duplicate-organisation-id": variant(
        lambda b: b["organisations"][3].__setitem__("id", "fictional-borough-of-westmere")),
    "bad-ons-code": variant(lambda b: b["organisations"][1].__setitem__("ons_code", "e09999901")),
    "bad-organisation-type": variant(lambda b: b["organisations"][3].__setitem__("type", "shire")),
    "bad-peer-group-unknown-member": variant(
        lambda b: b["peer_groups"][0]["members"].append("fictional-borough-of-northmere")),
    "bad-round-unknown-organisation": variant(set_(r0, "organisation", "fictional-borough-of-northmere")),
    "bad-answer-unknown-question": variant(
        lambda b: r0(b)["respondents"][0]["answers"].__setitem__("q-nonexistent", {"value": "yes"})),
    "bad-answer-unknown-option": variant(
        lambda b: r0(b)["respondents"][0]["answers"]["q-quality"].__setitem__("value", "level-9")),
    "bad-answer-on-newer-framework": variant(
        lambda b: b["rounds"][1]["respondents"][0]["answers"]["q-trained"].__setitem__("value", 101)),
    "bad-duplicate-respondent-id": variant(lambda b: r0(b)["respondents"][1].__setitem__("id", "r01")),
    "bad-respondent-role": variant(lambda b: r0(b)["respondents"][1].__setitem__("role", "caretaker")),
    "bad-round-status": variant(set_(r0, "status", "finished")),
    "bad-round-created": variant(set_(r0, "created", "2026-02-30T09:00:00Z")),
    "bad-created-time": variant(set_(lambda b: b, "created", "21/11/2026 05:30")),
    "bad-action-unknown": variant(lambda b: r0(b)["action_items"][0].__setitem__("action", "dq-9-9")),
    "bad-action-wrong-dimension": variant(
        lambda b: r0(b)["action_items"][0].__setitem__("dimension", "data.skills")),
    "bad-action-status": variant(lambda b: r0(b)["action_items"][0].__setitem__("status", "doing")),
    "bad-action-due": variant(lambda b: r0(b)["action_items"][0].__setitem__("due", "30/06/2026")),
    "bad-action-notes-too-long": variant(lambda b: r0(b)["action_items"][0].__setitem__("notes", "n" * 20001)),
    "bad-target-unknown-dimension": variant(lambda b: b["targets"][0].__setitem__("dimension", "data.speed")),
    "bad-target-unknown-framework": variant(lambda b: b["targets"][1].__setitem__("framework", "tiny-other")),
    "bad-target-level": variant(lambda b: b["targets"][0].__setitem__("level", 4)),
    "bad-target-date": variant(lambda b: b["targets"][0].__setitem__("by", "2027-02-29")),
}


def anonymised_but_named(b):
    b["anonymised"] = True
    for rnd in b["rounds"]:
        for r in rnd["respondents"]:
            r.pop("name", None)
            r.pop("email", None)
            for a in r["answers"].values():
                a.pop("evidence", None)
        for item in rnd["action_items"]:
            item.pop("owner", None)
            item.pop("notes", None)
    b["rounds"][0]["respondents"][1]["name"] = "Sam Ffugenw"


BAD["bad-anonymised-with-name"] = variant(anonymised_but_named)

# Version 2: the database that wrote the bundle, and the one that made each organisation and round.
ORIGIN = "5e1f0c3a9b7d42e68a0f1c2d3e4b5a69"
OTHER_ORIGIN = "0d9c8b7a6f5e4d3c2b1a09f8e7d6c5b4"


def with_origins(b):
    b["format"] = "yardstick-bundle/2"
    b["origin"] = ORIGIN
    for o in b["organisations"]:
        o["origin"] = ORIGIN
    llanfair = b["organisations"][3]
    llanfair["origin"] = OTHER_ORIGIN
    llanfair["origin_id"] = "llanfair"
    for rnd in b["rounds"]:
        rnd["origin"] = ORIGIN


GOOD_V2 = variant(with_origins)


def v2_variant(change):
    b = copy.deepcopy(GOOD_V2)
    change(b)
    return b


BAD.update({
    "bad-origin-id": v2_variant(set_(lambda b: b, "origin", "5E1F0C3A9B7D42E68A0F1C2D3E4B5A69")),
    "bad-origin-missing": v2_variant(lambda b: b.pop("origin")),
    "bad-organisation-origin": v2_variant(lambda b: b["organisations"][1].__setitem__("origin", "eastmere")),
    "bad-organisation-origin-id": v2_variant(lambda b: b["organisations"][3].__setitem__("origin_id", "Llanfair Town")),
    "bad-round-origin-missing": v2_variant(lambda b: b["rounds"][1].pop("origin")),
    "bad-v1-with-origin": variant(lambda b: b["organisations"][0].__setitem__("origin", ORIGIN)),
})

# An answer to a question whose condition does not hold: dropped, with a warning.
WARN = {
    "warn-unasked-answer": variant(
        lambda b: r0(b)["respondents"][1]["answers"].__setitem__("q-training-plan", {"value": "yes"})),
}


def deep_text():
    """The good bundle with an extension key nested 70 arrays deep (the reader stops at 64 levels)."""
    text = json.dumps(GOOD, indent=2, ensure_ascii=False)
    assert text.endswith("}")
    return text[:-1].rstrip() + ',\n  "x-deep": ' + "[" * 70 + "]" * 70 + "\n}\n"


def hash_check():
    cases = [
        {"name": "tiny-example 1.0", "value": FW10},
        {"name": "tiny-example 1.1 (non-ASCII, 0.8, 12)", "value": FW11},
        {"name": "tiny-check 1.0", "value": QN},
        {"name": "numbers", "value": [0.8, 12, 2.5, -0.0, 0, -7, 100.0, 1e-05, 0.0001, 1e+16, 1e+22, 5e-324,
                                      123456789012345.6, 18446744073709551615, -9223372036854775808]},
        {"name": "text", "value": {"é": "Ynys Môn ✓ 😀", "a": "tab\tnewline\n\u0001\u007f\u2028 / \\ \"",
                                   "z": "", "\uffff": 1, "😀": 2}},
        # Known differences: Python writes 1000000000000000.0, nlohmann 1e+15; nlohmann holds
        # integers beyond 64 bits as floats.
        {"name": "float from 1e15 up to 1e16", "value": [1e15], "python_differs": True},
        {"name": "9999999999999998.0", "value": [9999999999999998.0], "python_differs": True},
        {"name": "integer above 2^64", "value": [18446744073709551616], "python_differs": True},
    ]
    for c in cases:
        c["text"] = canon(c["value"])
        c["hash"] = content_hash(c["value"])
        c.setdefault("python_differs", False)
    return cases


def main():
    write("good.json", GOOD)
    write("good-v2.json", GOOD_V2)
    for name, b in sorted(BAD.items()):
        write(name + ".json", b)
    for name, b in sorted(WARN.items()):
        write(name + ".json", b)
    with open(os.path.join(HERE, "bad-nesting-too-deep.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(deep_text())
    write("hash-check.json", hash_check())


if __name__ == "__main__":
    main()
