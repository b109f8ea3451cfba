// The offline form's scoring and condition rules, the same as the C++ core's (src/core/answers.cpp:
// answer_score and condition_holds; the answer reader's dropping of answers to questions not
// asked). Kept apart from the page's behaviour in form.js, which this file comes before in the
// page's one script. Q: the questionnaire's questions as embedded in the page.
window.yardstickRules = function (Q) {
  'use strict';

  function bandScore(bands, value) {
    if (!bands || !bands.length) return 0;
    var s = bands[0].score;
    bands.forEach(function (b) { if (value >= b.min) s = b.score; });
    return s;
  }
  function answerScore(q, a) {
    switch (q.kind) {
      case 'choice':
      case 'likert':
        for (var i = 0; i < q.options.length; i++) if (q.options[i].id === a.value) return q.options[i].score;
        return 0;
      case 'chain':
        if (a.value === 0 || !q.steps || !q.steps.length) return q.score_if_none !== undefined ? q.score_if_none : 0;
        return q.steps[Math.min(a.value, q.steps.length) - 1].score;
      case 'checklist': {
        var points = 0;
        q.options.forEach(function (o) { if (a.value.indexOf(o.id) >= 0) points += o.points; });
        if (q.checklist_scoring === 'count') return bandScore(q.bands, points);
        return Math.min(Math.max(points, q.min_score), q.max_score);
      }
      case 'number':
        return bandScore(q.bands, a.value);
    }
    return 0;
  }
  // answers: question id -> answer ({kind: 'value'|'na'|'dk', value}); only given values count.
  function conditionHolds(q, answers) {
    if (!q.condition) return true;
    var c = q.condition;
    var target = Q[c.question];
    var a = answers[target.id];
    if (!a || a.kind !== 'value') return false;
    if (!conditionHolds(target, answers)) return false;  // the earlier question must itself be asked
    if (c.score_at_least !== undefined) return answerScore(target, a) + 1e-9 >= c.score_at_least;
    for (var k = 0; k < c.any_of.length; k++) {
      var id = c.any_of[k];
      switch (target.kind) {
        case 'choice':
        case 'likert':
          if (a.value === id) return true;
          break;
        case 'checklist':
          if (a.value.indexOf(id) >= 0) return true;
          break;
        case 'chain':
          for (var i = 0; i < target.steps.length && i < a.value; i++) if (target.steps[i].id === id) return true;
          break;
      }
    }
    return false;
  }
  // The answers that go in the file: walked in question order, so an answer left out cannot
  // make a later question's condition hold (as the C++ reader drops them).
  function keptAnswers(answers) {
    var kept = {};
    Q.forEach(function (q) {
      var a = answers[q.id];
      if (a && conditionHolds(q, kept)) kept[q.id] = a;
    });
    return kept;
  }

  return { answerScore: answerScore, conditionHolds: conditionHolds, keptAnswers: keptAnswers };
};
