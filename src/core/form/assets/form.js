// The offline form: shows the questionnaire embedded in this page, keeps every change in the
// browser's storage (keyed by the form id), and saves a yardstick-answers/1 file for the
// respondent to send back. Nothing here reaches the network.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('form-data').textContent);
  var Q = data.questions;
  var storageKey = 'yardstick-form:' + data.form.id;
  var byId = function (id) { return document.getElementById(id); };

  // The order questions are asked in: section by section, as in the desktop app.
  var order = [];
  data.sections.forEach(function (s) { s.questions.forEach(function (qi) { order.push(qi); }); });

  // ---- Storage ---------------------------------------------------------------------------

  var storageWorks = true;
  function randomHex(bytes) {
    var a = new Uint8Array(bytes);
    window.crypto.getRandomValues(a);
    return Array.prototype.map.call(a, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
  }
  function fresh() {
    return { v: 1, respondent: 'f-' + randomHex(8), role: '', name: '', email: '', team: '', target_role: '', age_band: '',
             layout: 'single', current: -1,
             started: false, answers: {}, notes: {}, confidence: {}, saved_file: '' };
  }
  function load() {
    try {
      var text = window.localStorage.getItem(storageKey);
      if (!text) return null;
      var s = JSON.parse(text);
      if (!s || s.v !== 1 || !/^f-[0-9a-f]{16}$/.test(s.respondent)) return null;
      ['answers', 'notes', 'confidence'].forEach(function (k) { if (!s[k] || typeof s[k] !== 'object') s[k] = {}; });
      ['team', 'target_role', 'age_band'].forEach(function (k) { if (typeof s[k] !== 'string') s[k] = ''; });
      return s;
    } catch (e) {
      storageWorks = false;
      return null;
    }
  }
  var state = load() || fresh();
  function persist() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(state));
      storageWorks = true;
    } catch (e) {
      storageWorks = false;
    }
    byId('storage-warning').hidden = storageWorks;
  }

  // Scores and conditions, exactly as the C++ core: form_rules.js, which comes first in the
  // page's one script.
  var rules = window.yardstickRules(Q);
  var answerScore = rules.answerScore, conditionHolds = rules.conditionHolds;
  function shown() {
    return order.filter(function (qi) { return conditionHolds(Q[qi], state.answers); });
  }
  // For the browser test that compares this rule with the C++ reader's on many answer sets.
  window.yardstickForm = { keptAnswers: rules.keptAnswers, answerScore: answerScore };
  // ---- Words -----------------------------------------------------------------------------

  function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
  function numberText(x) { return String(x); }
  function clean(text, multiline) {
    // Control characters are refused by Yardstick's readers: keep tabs and line breaks in notes only.
    var out = String(text).replace(/\r\n?/g, '\n');
    return multiline ? out.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
                     : out.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
  }
  function chars(text) { return Array.from(text).length; }
  function sendTo() { return data.reply_to ? data.reply_to : 'the person who sent you this form'; }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === 'class') e.className = attrs[k];
      else if (attrs[k] === true) e.setAttribute(k, '');
      else if (attrs[k] !== false && attrs[k] !== undefined && attrs[k] !== null) e.setAttribute(k, attrs[k]);
    });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function announce(text) {
    var s = byId('status');
    s.textContent = '';
    window.setTimeout(function () { s.textContent = text; }, 50);
  }
  function answeredCount(list) {
    return list.filter(function (qi) { return state.answers[Q[qi].id]; }).length;
  }

  // ---- Answers ---------------------------------------------------------------------------

  function nowIso() { return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'); }
  function setAnswer(q, answer) {
    if (answer) {
      answer.at = nowIso();
      state.answers[q.id] = answer;
    } else {
      delete state.answers[q.id];
    }
    state.saved_file = '';
    persist();
    refresh();
  }
  function currentValue(q) {
    var a = state.answers[q.id];
    return a && a.kind === 'value' ? a.value : undefined;
  }

  // Key k (0-based) on question q, as in the desktop app.
  function choose(qi, k) {
    var q = Q[qi];
    switch (q.kind) {
      case 'choice':
      case 'likert':
        if (k < 0 || k >= q.options.length) return;
        setAnswer(q, { kind: 'value', value: q.options[k].id });
        focusControl(qi, k);
        break;
      case 'checklist': {
        if (k < 0 || k >= q.options.length) return;
        var ticked = (currentValue(q) || []).slice();
        var id = q.options[k].id;
        var at = ticked.indexOf(id);
        if (at >= 0) ticked.splice(at, 1); else ticked.push(id);
        setAnswer(q, { kind: 'value', value: q.options.map(function (o) { return o.id; })
          .filter(function (x) { return ticked.indexOf(x) >= 0; }) });
        focusControl(qi, k);
        break;
      }
      case 'chain': {
        // Key k: yes to the first k steps (pressing it again steps back one); 0: no to the first.
        var yes = k + 1;
        var now = currentValue(q);
        if (now === undefined) now = 0;
        if (yes === now) yes--;
        yes = Math.max(0, Math.min(yes, q.steps.length));
        setAnswer(q, { kind: 'value', value: yes });
        focusControl(qi, Math.max(0, Math.min(k, q.steps.length - 1)));
        break;
      }
      case 'number':
        break;
    }
  }
  function setSpecial(qi, na) {
    var q = Q[qi];
    if ((na && !q.allow_na) || (!na && !q.allow_dont_know)) return;
    var a = state.answers[q.id];
    var kind = na ? 'na' : 'dk';
    setAnswer(q, a && a.kind === kind ? null : { kind: kind });
    var box = byId('q' + qi + '-' + kind);
    if (box) box.focus();
  }
  // The number typed into question qi: true when it was empty or saved, false when refused.
  function commitNumber(qi) {
    var q = Q[qi];
    var input = byId('q' + qi + '-number');
    if (!input) return true;
    var err = byId('q' + qi + '-number-error');
    var text = input.value.trim().replace(/,/g, '.').replace(/\s+/g, '');
    var problem = '';
    var a = state.answers[q.id];
    if (text === '') {
      if (a && a.kind === 'value') setAnswer(q, null);
    } else if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) || !isFinite(Number(text))) {
      problem = 'Type a number, such as 4 or 2.5.';
    } else {
      var x = Number(text);
      if ((q.min !== undefined && x < q.min) || (q.max !== undefined && x > q.max)) problem = 'Type a number ' + rangeText(q) + '.';
      else if (!a || a.kind !== 'value' || a.value !== x) setAnswer(q, { kind: 'value', value: x });
    }
    err.textContent = problem;
    err.hidden = !problem;
    input.setAttribute('aria-invalid', problem ? 'true' : 'false');
    if (problem) announce(problem);
    return !problem;
  }
  function rangeText(q) {
    var unit = q.unit ? ' ' + q.unit : '';
    if (q.min !== undefined && q.max !== undefined) return 'from ' + numberText(q.min) + ' to ' + numberText(q.max) + unit;
    if (q.min !== undefined) return 'of at least ' + numberText(q.min) + unit;
    if (q.max !== undefined) return 'of at most ' + numberText(q.max) + unit;
    return '';
  }

  // ---- Building a question ---------------------------------------------------------------

  function keyLabel(i) { return i < 9 ? String(i + 1) : i === 9 ? '0' : ''; }
  function choiceRow(type, id, name, keyText, label, checked, onchange) {
    var row = el('div', { class: 'choice' });
    var input = el('input', { type: type, id: id, name: name });
    input.checked = !!checked;
    input.addEventListener('change', onchange);
    var lab = el('label', { for: id });
    if (keyText) lab.appendChild(el('span', { class: 'key', 'aria-hidden': 'true' }, keyText));
    lab.appendChild(document.createTextNode(label));
    row.appendChild(input);
    row.appendChild(lab);
    return row;
  }
  function buildQuestion(qi, position, total) {
    var q = Q[qi];
    var p = 'q' + qi;
    var a = state.answers[q.id];
    var given = a && a.kind === 'value';
    var fs = el('fieldset', { class: 'question', id: p, 'data-question': String(qi) });
    var legend = el('legend');
    var section = data.sections[q.section] ? data.sections[q.section].title : '';
    legend.appendChild(el('span', { class: 'qmeta', id: p + '-meta' },
                          'Question ' + position + ' of ' + total + (section ? ' \u00b7 ' + section : '')));
    legend.appendChild(el('h3', { class: 'qtext', id: p + '-text', tabindex: '-1' }, q.text));
    fs.appendChild(legend);
    var describedBy = [];
    if (q.help) {
      fs.appendChild(el('p', { class: 'help', id: p + '-help' }, q.help));
      describedBy.push(p + '-help');
    }
    var body = el('div', { class: 'answers' });
    switch (q.kind) {
      case 'choice':
      case 'likert':
        q.options.forEach(function (o, i) {
          body.appendChild(choiceRow('radio', p + '-o' + i, p + '-choice', keyLabel(i), o.label, given && a.value === o.id,
                                     function () { setAnswer(q, { kind: 'value', value: o.id }); }));
        });
        break;
      case 'checklist':
        body.appendChild(el('p', { class: 'hint' }, 'Tick all that apply.'));
        q.options.forEach(function (o, i) {
          body.appendChild(choiceRow('checkbox', p + '-o' + i, p + '-check' + i, keyLabel(i), o.label,
                                     given && a.value.indexOf(o.id) >= 0, function () { choose(qi, i); }));
        });
        break;
      case 'chain':
        body.appendChild(el('p', { class: 'hint' }, 'Tick each step that is true, from the first: a step counts only after a yes to the one before.'));
        q.steps.forEach(function (s, i) {
          body.appendChild(choiceRow('checkbox', p + '-o' + i, p + '-step' + i, keyLabel(i), s.text, given && i < a.value,
                                     function (e) {
                                       // A ladder: ticking a step ticks those before it; clearing one clears those after.
                                       setAnswer(q, { kind: 'value', value: e.target.checked ? i + 1 : i });
                                     }));
        });
        break;
      case 'number': {
        var field = el('div', { class: 'field' });
        var range = rangeText(q);
        field.appendChild(el('label', { for: p + '-number' }, 'Your answer' + (range ? ' (a number ' + range + ')' : '')));
        var err = el('p', { class: 'error', id: p + '-number-error' });
        err.hidden = true;
        field.appendChild(err);
        var row = el('div', { class: 'number-row' });
        var input = el('input', { type: 'text', id: p + '-number', inputmode: 'decimal', autocomplete: 'off',
                                  'aria-describedby': p + '-number-error' + (q.unit ? ' ' + p + '-unit' : '') });
        input.value = given ? String(a.value) : '';
        input.addEventListener('change', function () { commitNumber(qi); });
        row.appendChild(input);
        if (q.unit) row.appendChild(el('span', { id: p + '-unit' }, q.unit));
        field.appendChild(row);
        body.appendChild(field);
        break;
      }
    }
    fs.appendChild(body);
    if (q.allow_na || q.allow_dont_know) {
      var special = el('div', { class: 'special' });
      if (q.allow_na)
        special.appendChild(choiceRow('checkbox', p + '-na', p + '-na', 'N', 'Not applicable', a && a.kind === 'na',
                                      function () { setSpecial(qi, true); }));
      if (q.allow_dont_know)
        special.appendChild(choiceRow('checkbox', p + '-dk', p + '-dk', 'D', "Don't know", a && a.kind === 'dk',
                                      function () { setSpecial(qi, false); }));
      fs.appendChild(special);
    }
    var extras = el('div', { class: 'extras' });
    var ev = el('div', { class: 'field' });
    ev.appendChild(el('label', { for: p + '-evidence' },
                      (q.evidence_prompt ? q.evidence_prompt : 'Evidence note (optional)') + ' (E)'));
    var evHint = el('p', { class: 'hint', id: p + '-evidence-hint' },
                    'What shows this, such as a document or a link. It is saved with your answer.');
    ev.appendChild(evHint);
    var ta = el('textarea', { id: p + '-evidence', maxlength: String(data.evidence_limit), rows: '3',
                              'aria-describedby': p + '-evidence-hint ' + p + '-evidence-count' });
    ta.value = state.notes[q.id] || '';
    var count = el('p', { class: 'counter', id: p + '-evidence-count' });
    var showCount = function () {
      count.textContent = chars(ta.value) + ' of ' + data.evidence_limit.toLocaleString('en-GB') + ' characters';
    };
    showCount();
    ta.addEventListener('input', function () {
      var t = clean(ta.value, true);
      if (chars(t) > data.evidence_limit) t = Array.from(t).slice(0, data.evidence_limit).join('');
      if (t) state.notes[q.id] = t; else delete state.notes[q.id];
      state.saved_file = '';
      persist();
      showCount();
    });
    ev.appendChild(ta);
    ev.appendChild(count);
    extras.appendChild(ev);
    var cf = el('div', { class: 'field' });
    cf.appendChild(el('label', { for: p + '-confidence' }, 'How sure are you of this answer? (optional)'));
    var sel = el('select', { id: p + '-confidence' });
    [['', 'Not said'], ['0.25', 'Not very sure'], ['0.5', 'Fairly sure'], ['0.75', 'Quite sure'], ['1', 'Certain']]
      .forEach(function (o) {
        var opt = el('option', { value: o[0] }, o[1]);
        if (state.confidence[q.id] !== undefined && Number(o[0]) === state.confidence[q.id] && o[0] !== '') opt.selected = true;
        sel.appendChild(opt);
      });
    sel.addEventListener('change', function () {
      if (sel.value === '') delete state.confidence[q.id]; else state.confidence[q.id] = Number(sel.value);
      state.saved_file = '';
      persist();
    });
    cf.appendChild(sel);
    extras.appendChild(cf);
    fs.appendChild(extras);
    if (describedBy.length) fs.setAttribute('aria-describedby', describedBy.join(' '));
    return fs;
  }
  function focusControl(qi, k) {
    var c = byId('q' + qi + '-o' + k);
    if (c) c.focus();
  }

  // ---- Views -----------------------------------------------------------------------------

  function currentQuestion() {
    if (state.layout === 'page') {
      var f = document.activeElement && document.activeElement.closest ? document.activeElement.closest('.question') : null;
      if (f) return Number(f.getAttribute('data-question'));
    }
    return state.current >= 0 ? state.current : -1;
  }
  function render(focus) {
    var s = shown();
    var about = byId('about'), questions = byId('questions'), finish = byId('finish'), nav = byId('nav-buttons');
    about.hidden = state.current !== -1;
    finish.hidden = state.current !== -2;
    questions.hidden = state.current < 0 && state.layout === 'single';
    nav.hidden = state.current < 0 || state.layout === 'page';
    questions.textContent = '';
    questions.className = state.layout === 'page' ? 'page' : 'single';
    if (state.layout === 'page') {
      questions.hidden = state.current === -1;
      var lastSection = -1;
      s.forEach(function (qi, i) {
        var q = Q[qi];
        if (q.section !== lastSection) {
          lastSection = q.section;
          var sec = data.sections[q.section];
          if (sec) {
            questions.appendChild(el('h2', { class: 'section-heading', id: 'section-' + q.section, tabindex: '-1' }, sec.title));
            if (sec.description) questions.appendChild(el('p', { class: 'help' }, sec.description));
          }
        }
        questions.appendChild(buildQuestion(qi, i + 1, s.length));
      });
      var done = el('button', { type: 'button', class: 'primary', id: 'to-finish' }, 'I have finished: save my answers');
      done.addEventListener('click', function () { go(-2); });
      if (state.current !== -1) questions.appendChild(done);
    } else if (state.current >= 0) {
      var pos = s.indexOf(state.current);
      questions.appendChild(buildQuestion(state.current, pos + 1, s.length));
      byId('back').disabled = pos <= 0;
    }
    refresh();
    if (focus) focusView();
  }
  function focusView() {
    var target = null;
    if (state.current === -1) target = byId('about-heading');
    else if (state.current === -2) target = byId('finish-heading');
    else target = byId('q' + state.current + '-text');
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'start', behavior: 'auto' });
    }
  }
  // Progress, section counts and which conditional questions show, after any change.
  function refresh() {
    var s = shown();
    var answered = answeredCount(s);
    var text;
    if (state.current >= 0 && state.layout === 'single') {
      text = 'Question ' + (s.indexOf(state.current) + 1) + ' of ' + s.length + ', ' + answered + ' answered';
    } else {
      text = answered + ' of ' + plural(s.length, 'question', 'questions') + ' answered';
    }
    byId('progress-text').textContent = text;
    byId('progress').max = Math.max(1, s.length);
    byId('progress').value = answered;
    byId('layout').textContent = state.layout === 'page' ? 'Show one question at a time' : 'Show all questions on one page';
    var list = byId('section-list');
    list.textContent = '';
    data.sections.forEach(function (sec, si) {
      var inSection = s.filter(function (qi) { return Q[qi].section === si; });
      if (!inSection.length) return;
      var li = el('li');
      var b = el('button', { type: 'button' });
      b.appendChild(document.createTextNode(sec.title));
      b.appendChild(el('span', { class: 'count' }, answeredCount(inSection) + ' of ' + inSection.length + ' answered'));
      if (state.current >= 0 && Q[state.current] && Q[state.current].section === si) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', function () { goSection(si); });
      li.appendChild(b);
      list.appendChild(li);
    });
    if (state.layout === 'page' && state.current !== -1) {
      // Show or hide conditional questions without rebuilding what the reader is typing in.
      var present = Array.prototype.map.call(byId('questions').querySelectorAll('.question'), function (f) {
        return Number(f.getAttribute('data-question'));
      });
      var same = present.length === s.length && present.every(function (x, i) { return x === s[i]; });
      if (!same) {
        var active = document.activeElement ? document.activeElement.id : '';
        render(false);
        if (active && byId(active)) byId(active).focus();
        announce('The questions changed: ' + plural(s.length, 'question is', 'questions are') + ' now asked.');
        return;
      }
      Array.prototype.forEach.call(byId('questions').querySelectorAll('.question'), function (f) {
        var qi = Number(f.getAttribute('data-question'));
        syncControls(qi);
        var meta = byId('q' + qi + '-meta');
        var sec = data.sections[Q[qi].section];
        meta.textContent = 'Question ' + (s.indexOf(qi) + 1) + ' of ' + s.length + (sec ? ' \u00b7 ' + sec.title : '');
      });
    } else if (state.current >= 0) {
      syncControls(state.current);
    }
    if (state.current === -2) fillFinish();
  }
  // Controls follow the stored answer (after a key press, N or D).
  function syncControls(qi) {
    var q = Q[qi];
    var a = state.answers[q.id];
    var given = a && a.kind === 'value';
    var n = q.kind === 'chain' ? q.steps.length : q.options ? q.options.length : 0;
    for (var i = 0; i < n; i++) {
      var c = byId('q' + qi + '-o' + i);
      if (!c) continue;
      if (q.kind === 'chain') c.checked = given && i < a.value;
      else if (q.kind === 'checklist') c.checked = given && a.value.indexOf(q.options[i].id) >= 0;
      else c.checked = given && a.value === q.options[i].id;
    }
    var na = byId('q' + qi + '-na'), dk = byId('q' + qi + '-dk'), num = byId('q' + qi + '-number');
    if (na) na.checked = !!(a && a.kind === 'na');
    if (dk) dk.checked = !!(a && a.kind === 'dk');
    if (num && document.activeElement !== num) num.value = given ? String(a.value) : '';
  }

  function go(target) {
    if (state.current >= 0 && !commitNumber(state.current)) return;
    state.current = target;
    persist();
    render(true);
    if (target === -2) announce('Save your answers. ' + byId('finish-summary').textContent);
    else if (target >= 0 && state.layout === 'single') {
      var s = shown();
      announce('Question ' + (s.indexOf(target) + 1) + ' of ' + s.length);
    }
  }
  function next() {
    if (state.layout === 'page') return nextInPage(1);
    var s = shown();
    var i = s.indexOf(state.current);
    if (i >= 0 && i + 1 < s.length) return go(s[i + 1]);
    if (i < 0) {
      // The current question is no longer asked: go to the next one in order that is.
      var from = order.indexOf(state.current);
      for (var k = from + 1; k < order.length; k++) if (s.indexOf(order[k]) >= 0) return go(order[k]);
    }
    go(-2);
  }
  function back() {
    if (state.layout === 'page') return nextInPage(-1);
    var s = shown();
    if (!s.length) return;
    if (state.current === -2) return go(s[s.length - 1]);
    var i = s.indexOf(state.current);
    if (i > 0) go(s[i - 1]);
  }
  function nextInPage(step) {
    var qi = currentQuestion();
    if (qi >= 0 && !commitNumber(qi)) return;
    var s = shown();
    var i = s.indexOf(qi) + step;
    if (i >= s.length) return go(-2);
    if (i < 0) i = 0;
    state.current = s[i];
    persist();
    refresh();
    focusView();
    announce('Question ' + (i + 1) + ' of ' + s.length);
  }
  function goSection(si) {
    var s = shown().filter(function (qi) { return Q[qi].section === si; });
    if (!s.length) return;
    if (!state.started && !startChecks()) return;
    var first = s.filter(function (qi) { return !state.answers[Q[qi].id]; })[0];
    if (state.layout === 'page') {
      if (state.current < 0) { state.current = s[0]; render(false); }
      var h = byId('section-' + si);
      state.current = s[0];
      persist();
      refresh();
      if (h) {
        h.focus({ preventScroll: true });
        h.scrollIntoView({ block: 'start', behavior: 'auto' });
      }
      return;
    }
    go(first !== undefined ? first : s[0]);
  }

  // ---- About you -------------------------------------------------------------------------

  function fillAbout() {
    var intro = byId('intro');
    intro.textContent = '';
    intro.appendChild(el('p', null, 'This form asks ' + plural(shown().length, 'question', 'questions') + ' from "' +
                         data.questionnaire.title + '" about ' + data.organisation.name + ' (' + data.period + ').'));
    if (data.note) intro.appendChild(el('p', { class: 'note' }, data.note));
    intro.appendChild(el('p', null, 'Your answers stay in this browser until you save them: nothing is sent anywhere. ' +
                         'When you have finished, "Save my answers" saves a file for you to send to ' + sendTo() + '.'));
    var role = byId('role');
    role.textContent = '';
    role.appendChild(el('option', { value: '' }, 'Choose your role'));
    data.roles.forEach(function (r) {
      var o = el('option', { value: r.id }, r.name);
      if (r.id === state.role) o.selected = true;
      role.appendChild(o);
    });
    byId('role-field').hidden = !data.roles.length;
    // A skills self-assessment: the person's team, the role they are developing towards, their age band.
    byId('skills-fields').hidden = !data.individual;
    if (data.individual) {
      byId('team').value = state.team;
      byId('team').maxLength = data.team_limit;
      var target = byId('target-role');
      target.textContent = '';
      target.appendChild(el('option', { value: '' }, 'None'));
      data.roles.forEach(function (r) {
        var o = el('option', { value: r.id }, r.name);
        if (r.id === state.target_role) o.selected = true;
        target.appendChild(o);
      });
      byId('age-band').value = state.age_band;
    }
    byId('name').value = state.name;
    byId('name').maxLength = data.name_limit;
    byId('email').value = state.email;
    byId('email').maxLength = data.email_limit;
    byId('email-hint').textContent = 'Your email lets ' + (data.reply_to ? data.reply_to : 'the person collecting answers') +
      ' tick you off the list of people asked to reply. It is saved in your answer file.';
  }
  function startChecks() {
    var ok = true;
    var roleErr = byId('role-error'), emailErr = byId('email-error');
    roleErr.hidden = true;
    emailErr.hidden = true;
    byId('role').removeAttribute('aria-invalid');
    byId('email').removeAttribute('aria-invalid');
    if (data.roles.length && !state.role) {
      roleErr.textContent = 'Choose your role: it is needed to save your answers.';
      roleErr.hidden = false;
      byId('role').setAttribute('aria-invalid', 'true');
      ok = false;
    }
    if (state.email && !/^[^\s@]+@[^\s@]+$/.test(state.email)) {
      emailErr.textContent = 'That does not look like an email address, such as name@council.gov.uk. Correct it or leave it empty.';
      emailErr.hidden = false;
      byId('email').setAttribute('aria-invalid', 'true');
      if (ok) byId('email').focus();
      ok = false;
    }
    if (!ok) {
      if (state.current !== -1) { state.current = -1; render(false); }
      if (!roleErr.hidden) byId('role').focus();
      announce((roleErr.hidden ? '' : roleErr.textContent + ' ') + (emailErr.hidden ? '' : emailErr.textContent));
    }
    return ok;
  }
  function start() {
    if (!startChecks()) return;
    state.started = true;
    var s = shown();
    var first = s.filter(function (qi) { return !state.answers[Q[qi].id]; })[0];
    go(first !== undefined ? first : s.length ? s[0] : -2);
  }

  // ---- Saving the answer file ------------------------------------------------------------

  function pad(n) { return (n < 10 ? '0' : '') + n; }
  function fileName(d) {
    var safe = function (t) { return String(t).replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'form'; };
    return 'answers-' + safe(data.organisation.id) + '-' + safe(data.period) + '-' + d.getFullYear() + pad(d.getMonth() + 1) +
      pad(d.getDate()) + '-' + pad(d.getHours()) + pad(d.getMinutes()) + '.json';
  }
  function answerFile(savedAt) {
    var answers = {};
    var kept = rules.keptAnswers(state.answers);
    Q.forEach(function (q) {
      var a = kept[q.id];
      if (!a) return;
      var out = {};
      if (a.kind === 'na') out.na = true;
      else if (a.kind === 'dk') out.dont_know = true;
      else if (q.kind === 'chain') {
        var steps = [];
        for (var i = 0; i < a.value; i++) steps.push(true);
        if (a.value < q.steps.length) steps.push(false);
        out.value = steps;
      } else out.value = a.value;
      if (state.notes[q.id]) out.evidence = state.notes[q.id];
      if (state.confidence[q.id] !== undefined) out.confidence = state.confidence[q.id];
      if (a.at) out.answered_at = a.at;
      answers[q.id] = out;
    });
    var respondent = { id: state.respondent };
    if (state.role) respondent.role = state.role;
    if (state.name) respondent.name = state.name;
    if (state.email) respondent.email = state.email;
    if (data.individual) {
      if (state.team) respondent.team = state.team;
      if (state.target_role) respondent.target_role = state.target_role;
      if (state.age_band) respondent.age_band = state.age_band;
    }
    respondent.answers = answers;
    var org = { id: data.organisation.id, name: data.organisation.name };
    if (data.organisation.type) org.type = data.organisation.type;
    return {
      format: data.format,
      questionnaire: { id: data.questionnaire.id, version: data.questionnaire.version },
      organisation: org,
      period: data.period,
      form: { id: data.form.id, round: data.form.round, saved_at: savedAt },
      respondents: [respondent]
    };
  }
  function save() {
    if (state.current >= 0 && !commitNumber(state.current)) return;
    if (!startChecks()) return;
    var d = new Date();
    var name = fileName(d);
    var text = JSON.stringify(answerFile(nowIso()), null, 2) + '\n';
    var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    var a = el('a', { href: url, download: name });
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    window.setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 60000);
    state.saved_file = name;
    persist();
    if (state.current !== -2) { state.current = -2; render(false); }
    fillFinish();
    byId('finish-heading').focus();
    announce('Your answers are saved in the file ' + name + '. Now send that file to ' + sendTo() + '.');
  }
  function fillFinish() {
    var s = shown();
    var answered = answeredCount(s);
    byId('finish-summary').textContent = answered === s.length
      ? 'You have answered all ' + plural(s.length, 'question', 'questions') + '. Thank you.'
      : 'You have answered ' + answered + ' of ' + plural(s.length, 'question', 'questions') +
        '. You can save now and answer the rest later: this form keeps your answers in this browser.';
    var un = byId('unanswered');
    un.textContent = '';
    var missing = s.filter(function (qi) { return !state.answers[Q[qi].id]; });
    if (missing.length) {
      un.appendChild(el('h3', null, 'Not answered yet'));
      var ul = el('ul');
      missing.slice(0, 50).forEach(function (qi) {
        var li = el('li');
        var b = el('button', { type: 'button', class: 'link' }, Q[qi].text);
        b.addEventListener('click', function () {
          if (state.layout === 'page') { state.current = qi; render(false); focusView(); } else go(qi);
        });
        li.appendChild(b);
        ul.appendChild(li);
      });
      un.appendChild(ul);
    }
    var steps = byId('next-steps');
    steps.textContent = '';
    if (state.saved_file) {
      var box = el('div', { class: 'saved' });
      box.appendChild(el('h3', null, 'What to do next'));
      box.appendChild(el('p', null, 'Your answers are saved in the file ' + state.saved_file +
                         ', usually in your Downloads folder.'));
      box.appendChild(el('p', null, 'Send that file to ' + sendTo() + ', for example as an email attachment. ' +
                         'If you change an answer later, save again and send the new file: it replaces the old one.'));
      steps.appendChild(box);
    } else {
      steps.appendChild(el('p', null, 'Saving makes a file in your Downloads folder. Send that file to ' + sendTo() + '.'));
    }
  }

  // ---- Keys ------------------------------------------------------------------------------

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    var tag = t && t.tagName ? t.tagName.toLowerCase() : '';
    var enter = e.key === 'Enter';
    if (tag === 'textarea') {
      if (enter && (e.ctrlKey || e.metaKey)) { e.preventDefault(); next(); }
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (tag === 'select') return;
    if (tag === 'input' && (t.type === 'text' || t.type === 'email')) {
      if (enter && /-number$/.test(t.id)) { e.preventDefault(); next(); }
      else if (enter && state.current === -1) { e.preventDefault(); start(); }
      return;
    }
    if ((tag === 'button' || tag === 'a') && (enter || e.key === ' ')) return;  // pressed as usual
    if (state.current === -2 && e.key === 'Backspace') { e.preventDefault(); back(); return; }
    var qi = currentQuestion();
    if (qi < 0) return;
    var k = e.key;
    var handled = true;
    if (k >= '1' && k <= '9' && k.length === 1) choose(qi, k.charCodeAt(0) - 49);
    else if (k === '0') choose(qi, 9);
    else if (k === 'n' || k === 'N') setSpecial(qi, true);
    else if (k === 'd' || k === 'D') setSpecial(qi, false);
    else if (k === 'e' || k === 'E') byId('q' + qi + '-evidence').focus();
    else if (enter) next();
    else if (k === 'Backspace') back();
    else handled = false;
    if (handled) e.preventDefault();
  });

  // ---- Start -----------------------------------------------------------------------------

  document.title = data.questionnaire.title + ' - ' + data.organisation.name + ', ' + data.period;
  byId('title').textContent = data.questionnaire.title;
  byId('org').textContent = data.organisation.name + ' \u00b7 ' + data.period;
  byId('role').addEventListener('change', function () { state.role = byId('role').value; persist(); });
  byId('name').addEventListener('input', function () { state.name = clean(byId('name').value, false).trim(); persist(); });
  byId('email').addEventListener('input', function () { state.email = clean(byId('email').value, false).trim(); persist(); });
  byId('team').addEventListener('input', function () { state.team = clean(byId('team').value, false).trim(); persist(); });
  byId('target-role').addEventListener('change', function () { state.target_role = byId('target-role').value; persist(); });
  byId('age-band').addEventListener('change', function () { state.age_band = byId('age-band').value; persist(); });
  byId('start').addEventListener('click', start);
  byId('next').addEventListener('click', next);
  byId('back').addEventListener('click', back);
  byId('save').addEventListener('click', save);
  byId('save-top').addEventListener('click', save);
  byId('finish-back').addEventListener('click', back);
  byId('layout').addEventListener('click', function () {
    if (state.current >= 0 && !commitNumber(state.current)) return;
    state.layout = state.layout === 'page' ? 'single' : 'page';
    persist();
    render(state.current >= 0);
    byId('layout').focus();
    announce(state.layout === 'page' ? 'All questions are shown on one page.' : 'One question is shown at a time.');
  });
  if (state.current >= 0 && Q[state.current] === undefined) state.current = -1;
  if (state.current >= 0 && shown().indexOf(state.current) < 0) state.current = -1;
  fillAbout();
  persist();
  render(false);
  if (state.current === -2) fillFinish();
})();
