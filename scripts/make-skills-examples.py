#!/usr/bin/env python3
"""Makes examples/skills/: a fictional council's skills round (an answer file of the analyst
skills self-assessment, 10 analysts with roles, teams, target roles and age bands) and the
anonymised skills profiles of three fictional councils for `yardstick-cli skills compare`.

The people and councils are invented. Deterministic: the same files every run.
Usage: scripts/make-skills-examples.py [path/to/yardstick-cli]   (default build-cc/src/cli/yardstick-cli)
"""
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "examples", "skills")
CLI = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build-cc", "src", "cli", "yardstick-cli")
START = "2027-04-01"

Q = json.load(open(os.path.join(ROOT, "questionnaires", "analyst-skills-self-assessment.json"), encoding="utf-8"))
ROLES = {r["id"] for r in Q["respondent_roles"]}
QUESTIONS = [q for s in Q["sections"] for q in s["questions"]]
SCALE = [o["id"] for o in Q["scales"]["confidence5"]]
CATALOGUE = json.load(open(os.path.join(ROOT, "frameworks", "roles", "council-data-roles.json"), encoding="utf-8"))
NEEDS = {r["id"]: {s["skill"]: s["level"] for s in r.get("skills", [])} for r in CATALOGUE["roles"]}


def role(*preferred):
    for r in preferred:
        if r in ROLES:
            return r
    sys.exit("make-skills-examples: the self-assessment names none of the roles %s; it must be version 1.2 or later "
             "(respondent roles that are role catalogue ids)" % ", ".join(preferred))


def answers(rng, role_id, strength):
    """Answers near what the role needs: `strength` shifts every skill (-2 to +1), with noise."""
    out = {}
    for q in QUESTIONS:
        need = NEEDS.get(role_id, {}).get(q["dimension"], 1)
        level = max(0, min(4, need + strength + rng.choice([-1, 0, 0, 0, 1])))
        out[q["id"]] = {"value": ("p%d" % level) if q["kind"] == "choice" else SCALE[level]}
    return out


def council(org, period, people, seed):
    rng = random.Random(seed)
    respondents = []
    for i, (name, team, role_id, target, age, strength) in enumerate(people):
        r = {"id": "s%02d" % (i + 1), "name": name, "role": role_id, "team": team}
        if target:
            r["target_role"] = target
        if age:
            r["age_band"] = age
        r["answers"] = answers(rng, role_id, strength)
        respondents.append(r)
    return {"format": "yardstick-answers/1", "questionnaire": {"id": Q["id"], "version": Q["version"]},
            "organisation": org, "period": period, "respondents": respondents}


def main():
    pia = role("performance-information-analyst")
    senior = role("senior-data-analyst")
    dq = role("data-quality-officer", "performance-information-analyst")
    bi = role("bi-developer", "senior-data-analyst")
    appr = role("data-analyst-apprentice", "data-technician-apprentice", "performance-information-analyst")
    eastmere = council(
        {"id": "eastmere", "name": "Eastmere London Borough Council (fictional)", "type": "london-borough"}, "2026", [
            ("Asha Fenwick", "Insight", senior, "", "25-plus", 0),
            ("Bilal Okafor", "Insight", pia, senior, "25-plus", -1),
            ("Carys Bell", "Insight", pia, "", "25-plus", 0),
            ("Dmitri Hale", "Insight", bi, "", "25-plus", 0),
            ("Ellie Marsh", "Insight", appr, "", "19-21", 0),
            ("Farah Quinn", "Insight", pia, "data-analyst-apprentice", "22-24", -2),
            ("Gethin Rowe", "Performance", pia, "", "25-plus", -1),
            ("Hana Ito", "Performance", dq, "", "25-plus", 0),
            ("Idris Lowe", "Performance", pia, senior, "25-plus", 0),
            ("Jo Varley", "Revenues", dq, "", "", -1),
        ], 2026)
    northwold = council({"id": "northwold", "name": "Northwold District Council (fictional)", "type": "district"}, "2026", [
        ("N One", "Performance", pia, "", "25-plus", -1), ("N Two", "Performance", pia, "", "25-plus", -2),
        ("N Three", "Performance", dq, "", "25-plus", -1), ("N Four", "Performance", pia, "data-analyst-apprentice", "19-21", -2),
    ], 2027)
    ashby = council({"id": "ashby-vale", "name": "Ashby Vale County Council (fictional)", "type": "county"}, "2026", [
        ("A One", "Insight", senior, "", "25-plus", 0), ("A Two", "Insight", pia, "", "25-plus", -1),
        ("A Three", "Insight", pia, "", "25-plus", -1), ("A Four", "Insight", bi, "", "25-plus", -1),
        ("A Five", "Children's data", pia, "", "25-plus", -2), ("A Six", "Children's data", dq, "", "25-plus", -1),
        ("A Seven", "Children's data", appr, "", "16-18", 0),
    ], 2028)

    os.makedirs(OUT, exist_ok=True)
    round_file = os.path.join(OUT, "eastmere-skills-2026.json")
    with open(round_file, "w", encoding="utf-8") as f:
        json.dump(eastmere, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with tempfile.TemporaryDirectory() as tmp:
        for name, doc in (("eastmere", None), ("northwold", northwold), ("ashby-vale", ashby)):
            src = round_file
            if doc is not None:
                src = os.path.join(tmp, name + ".json")
                with open(src, "w", encoding="utf-8") as f:
                    json.dump(doc, f, indent=2, ensure_ascii=False)
            out = os.path.join(OUT, name + "-skills-profile.json")
            subprocess.run([CLI, "skills", "plan", src, "--anonymise", "--start", START, "--format", "json",
                            "--out", out], check=True)
            # The date it was made would change every run: the examples keep one.
            with open(out, encoding="utf-8") as f:
                doc = json.load(f)
            doc["made"] = "2026-12-05"
            with open(out, "w", encoding="utf-8") as f:
                json.dump(doc, f, indent=2, ensure_ascii=False)
                f.write("\n")


if __name__ == "__main__":
    main()
