#!/usr/bin/env python3
"""The comparison for bench_answer_file (issue 17 section 6): what a council analyst might write
instead of yardstick-cli score. It reads the questionnaire and one answer file with json.load,
keeps a list of scores per question in a dict, and prints each dimension's mean of its
questions' medians (statistics.median). It does less than yardstick-cli score: no checks of the
file, no conditions, no levels, no coverage, no reverse items, no targets.

    python3 python_median.py QUESTIONNAIRE.json ANSWERS.json
"""
import json
import statistics
import sys


def main(questionnaire_path, answers_path):
    with open(questionnaire_path, encoding="utf-8") as f:
        questionnaire = json.load(f)
    scales = questionnaire.get("scales", {})
    questions = {}
    for section in questionnaire["sections"]:
        for q in section["questions"]:
            questions[q["id"]] = q
    with open(answers_path, encoding="utf-8") as f:
        answers = json.load(f)
    scores = {}
    for respondent in answers["respondents"]:
        for qid, answer in respondent["answers"].items():
            q = questions.get(qid)
            if q is None or "value" not in answer:
                continue  # unknown question, "not applicable" or "don't know"
            value = answer["value"]
            if q["kind"] in ("choice", "likert"):
                options = q.get("options") or scales[q["scale"]]
                score = next(o["score"] for o in options if o["id"] == value)
            elif q["kind"] == "chain":
                score = sum(1 for step in value if step) + 1
            elif q["kind"] == "checklist":
                score = 1 + 4 * len(value) / len(q["options"])
            else:  # a number, scored by its bands
                score = max(b["score"] for b in q["bands"] if value >= b["min"])
            scores.setdefault(qid, []).append(score)
    dimensions = {}
    for qid, values in scores.items():
        dimensions.setdefault(questions[qid]["dimension"], []).append(statistics.median(values))
    for dimension, medians in sorted(dimensions.items()):
        print(f"{dimension}\t{sum(medians) / len(medians):.2f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
