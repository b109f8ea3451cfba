// The offline form's round trip in a real browser (Debian's headless Chromium): write a form
// with yardstick-cli, answer it by keyboard, reload half-way, save the answer file, import it
// into a fresh database and check the scores against a hand-written file of the same answers.
// Also runs axe-core (WCAG 2.0/2.1/2.2 A and AA) on both layouts.
//
// node round_trip.mjs YARDSTICK_CLI SCRATCH_DIR NODE_MODULES_DIR
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [cli, scratch, modulesDir] = process.argv.slice(2);
const testData = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const chromiumPath = process.env.YS_CHROMIUM || '/usr/bin/chromium';
const fixHint = 'run scripts/install-deps.sh (it installs Chromium, Node and the test\'s modules)';

function die(message) {
  console.error('FAIL: ' + message);
  process.exit(1);
}
if (!cli || !scratch || !modulesDir) die('usage: node round_trip.mjs YARDSTICK_CLI SCRATCH_DIR NODE_MODULES_DIR');
if (!fs.existsSync(chromiumPath)) die(`${chromiumPath} is missing; ${fixHint}`);
let puppeteer, axeSource;
try {
  const require = createRequire(path.join(modulesDir, 'node_modules', 'index.js'));
  puppeteer = require('puppeteer-core');
  axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
} catch (e) {
  die(`puppeteer-core or axe-core is not installed in ${modulesDir} (${e.message.split('\n')[0]}); ${fixHint}`);
}

let checks = 0, failures = 0;
function check(ok, what) {
  checks++;
  if (!ok) {
    failures++;
    console.error('not ok - ' + what);
  } else {
    console.log('ok - ' + what);
  }
}

fs.rmSync(scratch, { recursive: true, force: true });
fs.mkdirSync(scratch, { recursive: true });
const db = path.join(scratch, 'lead.db');
// The user's own libraries and default database stay out of it.
const cliEnv = { ...process.env, XDG_DATA_HOME: path.join(scratch, 'xdg') };
const run = (args) => execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: cliEnv });

run(['org', 'add', 'westford', '--name', 'Westford (fictional)', '--type', 'london-borough', '--db', db]);
const round = run(['round', 'new', '--org', 'westford', '--questionnaire', 'council-quick-check', '--period', '2026', '--db', db]).trim();
check(round === 'westford.2026.council-quick-check', 'round made: ' + round);
const formFile = path.join(scratch, 'form.html');
const printed = run(['form', '--round', round, '--out', formFile, '--db', db, '--note', 'Please reply by 16 January',
                     '--reply-to', 'Jo Smith (jo.smith@westford.example)']);
const formId = (printed.match(/form id ([0-9a-f]{32})/) || [])[1];
check(!!formId, 'the form id is printed');

// What is answered, by key: the question, the keys pressed, and what the file should hold.
const plan = [
  { id: 'qc-strategy', keys: ['3'], expect: { value: 'l3' } },
  { id: 'qc-culture', keys: ['4'], expect: { value: 'l4' } },
  { id: 'qc-challenge', keys: ['d'], expect: { dont_know: true } },
  { id: 'qc-skills', keys: ['2'], evidence: 'Skills survey, June 2026 </script> (on the intranet)', expect: { value: 'l2' } },
  { id: 'qc-governance', keys: ['n', '5'], expect: { value: 'l5' } },  // N: this question has no N/A, so nothing
  { id: 'qc-sharing', keys: ['4'], expect: { value: 'agree' } },
  { id: 'qc-data-quality', keys: ['1'], expect: { value: 'l1' } },
  { id: 'qc-tools', keys: ['3', '2'], expect: { value: 'l2' } },
  { id: 'qc-analytics', keys: ['4'], expect: { value: 'l4' } },
  { id: 'qc-collaboration', keys: ['3'], expect: { value: 'l3' } },
  { id: 'qc-use', keys: ['2'], expect: { value: 'l2' } },
  { id: 'qc-decisions', keys: ['5'], expect: { value: 'strongly-agree' } },
  { id: 'qc-security', keys: ['2'], expect: { value: 'l2' } },
  { id: 'qc-ai', keys: ['4'], expect: { value: 'l4' } },
];

const downloads = path.join(scratch, 'downloads');
fs.mkdirSync(downloads);
let browser;
const watchdog = setTimeout(() => {
  console.error('FAIL: the browser test took longer than 150 s');
  if (browser) browser.process()?.kill('SIGKILL');
  process.exit(1);
}, 150000);

const problems = [];  // script errors, CSP reports and requests that leave the page, across both forms
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () =>
    window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } }));
  for (const v of result.violations)
    console.error(`  axe (${label}): ${v.id}: ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  check(result.violations.length === 0, `axe-core finds no WCAG A/AA violation (${label})`);
}

// Every kind of question (tiny-check: choice, chain, checklist, likert, number with N/A, and a
// conditional question), in both layouts: the condition shows and hides the question as the C++
// rule does, and an answer to a question no longer asked is left out of the file.
async function everyKind(page, cdp) {
  const tinyDb = path.join(scratch, 'tiny.db');
  run(['org', 'add', 'eastmere', '--name', 'Eastmere (fictional)', '--type', 'unitary', '--db', tinyDb]);
  const tinyForm = path.join(scratch, 'tiny.html');
  run(['form', path.join(testData, 'questionnaires', 'tiny-check.json'), '--org', 'eastmere', '--period', '2027',
       '--out', tinyForm, '--db', tinyDb, '--library', testData]);
  const tinyDownloads = path.join(scratch, 'tiny-downloads');
  fs.mkdirSync(tinyDownloads);
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: tinyDownloads, eventsEnabled: true });
  await page.goto('file://' + tinyForm, { waitUntil: 'load' });
  const text = (sel) => page.$eval(sel, (e) => e.textContent);
  await page.select('#role', 'senior-leader');
  await page.focus('#start');
  await page.keyboard.press('Enter');
  check((await text('#progress-text')).startsWith('Question 1 of 5'), 'tiny: five questions before the condition holds');
  for (const k of ['2', 'Enter']) await page.keyboard.press(k);                  // choice: level-2
  for (const k of ['d', '2', '2', 'Enter']) await page.keyboard.press(k);        // chain: no D; 2 twice steps back to 1
  for (const k of ['1', '3', 'Enter']) await page.keyboard.press(k);             // checklist: dictionary, owners
  await page.keyboard.press('3');                                                 // likert: agree
  check((await text('#progress-text')).startsWith('Question 4 of 6'), 'tiny: agreeing asks the conditional question');
  await page.keyboard.press('Enter');
  await page.focus('#q4-number');
  await page.keyboard.type('250');
  await page.keyboard.press('Enter');
  check(!(await page.$eval('#q4-number-error', (e) => e.hidden)), 'tiny: 250 is refused (0 to 100)');
  check((await text('#progress-text')).startsWith('Question 5 of 6'), 'tiny: a refused number does not move on');
  await page.$eval('#q4-number', (e) => { e.value = ''; });
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  check((await text('#progress-text')).startsWith('Question 6 of 6'), 'tiny: a number in range moves on');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('n');                                                 // N/A replaces the number
  check(await page.$eval('#q4-na', (e) => e.checked), 'tiny: N marks not applicable');
  await page.keyboard.press('Enter');
  for (const k of ['2', 'Enter']) await page.keyboard.press(k);                  // conditional choice: yes
  check(!(await page.$eval('#finish', (e) => e.hidden)), 'tiny: all six answered, on the save page');
  await page.click('#layout');
  check((await page.$$('.question')).length === 6, 'tiny, one page: six questions');
  await page.focus('#q3-text');
  await page.keyboard.press('1');                                                 // likert: disagree
  check((await page.$$('.question')).length === 5, 'tiny, one page: disagreeing hides the conditional question');
  await axe(page, 'every kind of question on one page');
  await page.click('#save-top');
  let saved = null;
  for (let t = 0; t < 100 && !saved; t++) {
    const f = fs.readdirSync(tinyDownloads).filter((n) => n.endsWith('.json'));
    if (f.length) saved = path.join(tinyDownloads, f[0]);
    else await sleep(100);
  }
  check(!!saved, 'tiny: the answers are saved');
  if (!saved) return;
  const doc = JSON.parse(fs.readFileSync(saved, 'utf8'));
  const a = doc.respondents[0].answers;
  const values = Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.na ? 'na' : v.value]));
  const expected = { 'q-quality': 'level-2', 'q-checks': [true, false], 'q-practices': ['dictionary', 'owners'],
                     'q-skills-agree': 'disagree', 'q-trained': 'na' };
  check(JSON.stringify(values, Object.keys(expected).sort()) === JSON.stringify(expected, Object.keys(expected).sort()) &&
        Object.keys(values).length === 5, 'tiny: the file holds every kind, and not the question no longer asked: ' +
        JSON.stringify(values));
  const db3 = path.join(scratch, 'tiny-fresh.db');
  run(['import', saved, '--db', db3, '--library', testData]);
  const fromForm = JSON.parse(run(['score', '--round', doc.form.round, '--format', 'json', '--db', db3]));
  const hand = { format: 'yardstick-answers/1', questionnaire: doc.questionnaire, organisation: doc.organisation,
                 period: doc.period, respondents: [{ id: 'hand', role: 'senior-leader', answers: {
                   'q-quality': { value: 'level-2' }, 'q-checks': { value: [true, false] },
                   'q-practices': { value: ['dictionary', 'owners'] }, 'q-skills-agree': { value: 'disagree' },
                   'q-trained': { na: true } } }] };
  const handFile = path.join(scratch, 'tiny-hand.json');
  fs.writeFileSync(handFile, JSON.stringify(hand));
  const fromHand = JSON.parse(run(['score', handFile, '--format', 'json', '--library', testData]));
  const dims = (rep) => JSON.stringify(rep.rounds[0].dimensions.map((d) => [d.id, d.score, d.level]));
  check(problems.length === 0, 'tiny: no script error, CSP violation or network request' + (problems.length ? ': ' + problems.join('; ') : ''));
  check(dims(fromForm) === dims(fromHand), 'tiny: scores from the form equal the hand-written file\'s: ' + dims(fromForm));
}

// The form's condition rule against the C++ reader's, on many random answer sets: the answers
// the form leaves out of its file are exactly those `yardstick-cli validate` reports as ignored.
async function sameConditionRule(page) {
  const file = path.join(scratch, 'conditions.html');
  const cdb = path.join(scratch, 'conditions.db');
  run(['org', 'add', 'northwold', '--name', 'Northwold (fictional)', '--type', 'district', '--db', cdb]);
  run(['form', path.join(testData, 'questionnaires', 'form-conditions.json'), '--org', 'northwold', '--period', '2026',
       '--out', file, '--db', cdb, '--library', testData]);
  await page.goto('file://' + file, { waitUntil: 'load' });
  const data = await page.evaluate(() => JSON.parse(document.getElementById('form-data').textContent));
  let seed = 20261205;
  const random = () => {  // mulberry32: the same answer sets every run
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sets = [];
  for (let n = 0; n < 200; n++) {
    const answers = {};
    for (const q of data.questions) {
      const r = random();
      if (r < 0.15) continue;
      if (r < 0.22 && q.allow_dont_know) { answers[q.id] = { kind: 'dk' }; continue; }
      if (r < 0.28 && q.allow_na) { answers[q.id] = { kind: 'na' }; continue; }
      let value;
      if (q.kind === 'choice' || q.kind === 'likert') value = pick(q.options).id;
      else if (q.kind === 'chain') value = Math.floor(random() * (q.steps.length + 1));
      else if (q.kind === 'checklist') value = q.options.filter(() => random() < 0.5).map((o) => o.id);
      else value = Math.floor(random() * ((q.max ?? 50) - (q.min ?? 0) + 1)) + (q.min ?? 0);
      answers[q.id] = { kind: 'value', value };
    }
    sets.push(answers);
  }
  const keptByForm = await page.evaluate((sets) => sets.map((a) => Object.keys(window.yardstickForm.keptAnswers(a)).sort()), sets);
  const toFile = (q, a) => {
    if (a.kind === 'na') return { na: true };
    if (a.kind === 'dk') return { dont_know: true };
    if (q.kind === 'chain') {
      const steps = Array(a.value).fill(true);
      if (a.value < q.steps.length) steps.push(false);
      return { value: steps };
    }
    return { value: a.value };
  };
  const raw = {
    format: 'yardstick-answers/1', questionnaire: { id: data.questionnaire.id, version: data.questionnaire.version },
    organisation: { id: 'northwold', name: 'Northwold (fictional)' }, period: '2026',
    respondents: sets.map((a, i) => ({ id: 'r' + i, answers: Object.fromEntries(data.questions.filter((q) => a[q.id])
      .map((q) => [q.id, toFile(q, a[q.id])])) })),
  };
  const rawFile = path.join(scratch, 'conditions-raw.json');
  fs.writeFileSync(rawFile, JSON.stringify(raw));
  const full = spawnSync(cli, ['validate', rawFile, '--library', testData], { encoding: 'utf8', env: cliEnv });
  check(full.status === 0, 'the random answer sets are valid answers' + (full.status === 0 ? '' : ': ' + full.stderr.split('\n')[0]));
  const dropped = sets.map(() => new Set());
  for (const m of full.stderr.matchAll(/\/respondents\/(\d+)\/answers\/([a-z0-9-]+): warning: answer ignored/g))
    dropped[Number(m[1])].add(m[2]);
  let same = 0, shownDrops = 0, firstDiff = '';
  sets.forEach((a, i) => {
    const keptByCpp = Object.keys(a).filter((id) => !dropped[i].has(id)).sort();
    shownDrops += dropped[i].size;
    if (JSON.stringify(keptByCpp) === JSON.stringify(keptByForm[i])) same++;
    else if (!firstDiff) firstDiff = `set ${i}: C++ keeps ${keptByCpp.join(',')}; the form keeps ${keptByForm[i].join(',')}`;
  });
  check(same === sets.length && shownDrops > 50,
        `the form leaves out the same answers as the C++ reader in ${same} of ${sets.length} random sets (${shownDrops} left out)` +
        (firstDiff ? ': ' + firstDiff : ''));
}

try {
  browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    userDataDir: path.join(scratch, 'profile'),
    protocolTimeout: 60000,
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('console', (m) => { if (m.type() === 'error') problems.push('console: ' + m.text()); });
  page.on('request', (r) => {
    if (!/^(file|data|blob):/.test(r.url())) problems.push('request to ' + r.url());
  });
  const cdp = await browser.target().createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true });
  await page.setViewport({ width: 1000, height: 900 });
  const url = 'file://' + formFile;
  await page.goto(url, { waitUntil: 'load' });

  const text = (sel) => page.$eval(sel, (e) => e.textContent);
  const visible = (sel) => page.$eval(sel, (e) => !e.hidden && e.offsetParent !== null);
  check(await visible('#about'), 'the form opens on "About you"');
  check((await text('#intro')).includes('Please reply by 16 January'), "the data lead's note is shown");
  await axe(page, 'about you');

  // Starting without a role is refused, in words.
  await page.focus('#start');
  await page.keyboard.press('Enter');
  check(await visible('#role-error'), 'starting without a role says to choose one');
  await page.select('#role', 'analyst');
  await page.type('#name', 'Sam Patel');
  await page.type('#email', 'sam.patel@westford.example');
  await page.focus('#start');
  await page.keyboard.press('Enter');
  check((await text('#progress-text')).startsWith('Question 1 of 14'), 'question 1 of 14 is shown');

  async function answer(step) {
    for (const k of step.keys) await page.keyboard.press(k);
    if (step.evidence) {
      await page.keyboard.press('e');
      const focused = await page.evaluate(() => document.activeElement.tagName);
      check(focused === 'TEXTAREA', 'E goes to the evidence note');
      await page.keyboard.type(step.evidence);
      await page.keyboard.down('Control');
      await page.keyboard.press('Enter');
      await page.keyboard.up('Control');
    } else {
      await page.keyboard.press('Enter');
    }
  }
  for (let i = 0; i < 3; i++) await answer(plan[i]);
  // Backspace goes back, and the answer is still chosen there.
  await page.keyboard.press('Backspace');
  check((await text('#progress-text')).startsWith('Question 3 of 14'), 'Backspace goes back to question 3');
  check(await page.$eval('#q2-dk', (e) => e.checked), "question 3 still shows don't know");
  await page.keyboard.press('Enter');
  for (let i = 3; i < 6; i++) await answer(plan[i]);
  check((await text('#progress-text')).startsWith('Question 7 of 14, 6 answered'), 'six answered, on question 7');

  // Reload mid-way: nothing is lost.
  await page.reload({ waitUntil: 'load' });
  check((await text('#progress-text')).startsWith('Question 7 of 14, 6 answered'), 'after a reload: still question 7, six answered');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Backspace');
  check((await text('#progress-text')).startsWith('Question 4 of 14'), 'after a reload: Backspace goes back to question 4');
  check(await page.$eval('#q3-o1', (e) => e.checked), 'after a reload: question 4 still has its answer');
  check((await page.$eval('#q3-evidence', (e) => e.value)) === plan[3].evidence, 'after a reload: the evidence note is kept');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
  for (let i = 6; i < plan.length; i++) await answer(plan[i]);
  check(await visible('#finish'), 'after the last question: the save page');
  check((await text('#finish-summary')).includes('all 14 questions'), 'all 14 answered');
  await axe(page, 'save page, one question at a time');

  // The other layout: every question on one page.
  await page.click('#layout');
  check((await page.$$('.question')).length === 14, 'the page layout shows all 14 questions');
  await axe(page, 'all questions on one page');
  // 320 px wide (WCAG's reflow width), and a 1280 px screen at 200% zoom.
  for (const width of [320, 640]) {
    await page.setViewport({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `nothing scrolls sideways at ${width} px wide`);
  }
  await page.setViewport({ width: 1000, height: 900 });

  await page.focus('#save');
  await page.keyboard.press('Enter');
  let saved = null;
  for (let t = 0; t < 100 && !saved; t++) {
    const f = fs.readdirSync(downloads).filter((n) => n.endsWith('.json'));
    if (f.length) saved = path.join(downloads, f[0]);
    else await sleep(100);
  }
  check(!!saved, 'Save my answers downloads a file');
  check((await text('#next-steps')).includes('Send that file to Jo Smith'), 'the form says where to send the file');
  check(problems.length === 0, 'no script error, CSP violation or network request' + (problems.length ? ': ' + problems.join('; ') : ''));
  if (!saved) throw new Error('no file was downloaded');

  const name = path.basename(saved);
  check(/^answers-westford-2026-\d{8}-\d{4}\.json$/.test(name), 'the file is named ' + name);
  const doc = JSON.parse(fs.readFileSync(saved, 'utf8'));
  check(doc.format === 'yardstick-answers/1', 'format yardstick-answers/1');
  check(doc.form && doc.form.id === formId && doc.form.round === round, 'the form id and round are in the file');
  check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(doc.form.saved_at), 'saved_at is a UTC time');
  const r = doc.respondents[0];
  check(doc.respondents.length === 1 && /^f-[0-9a-f]{16}$/.test(r.id), 'one respondent with an f- id');
  check(r.role === 'analyst' && r.name === 'Sam Patel' && r.email === 'sam.patel@westford.example', 'role, name and email');
  for (const step of plan) {
    const got = r.answers[step.id] || {};
    const same = JSON.stringify({ value: got.value, dont_know: got.dont_know, na: got.na }) ===
                 JSON.stringify({ value: step.expect.value, dont_know: step.expect.dont_know, na: step.expect.na });
    check(same, `${step.id}: ${JSON.stringify(step.expect)}`);
    check(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(got.answered_at || ''), `${step.id}: answered_at`);
  }
  check(r.answers['qc-skills'].evidence === plan[3].evidence, 'the evidence note is in the file');

  // Import into a fresh database and score; the same answers hand-written give the same scores.
  const db2 = path.join(scratch, 'fresh.db');
  run(['import', saved, '--db', db2]);
  const fromForm = JSON.parse(run(['score', '--round', round, '--format', 'json', '--db', db2]));
  const hand = {
    format: 'yardstick-answers/1',
    questionnaire: doc.questionnaire,
    organisation: { id: 'westford', name: 'Westford (fictional)', type: 'london-borough' },
    period: '2026',
    respondents: [{ id: 'hand', role: 'analyst', answers: Object.fromEntries(plan.map((s) => [s.id, s.expect])) }],
  };
  const handFile = path.join(scratch, 'hand.json');
  fs.writeFileSync(handFile, JSON.stringify(hand));
  const fromHand = JSON.parse(run(['score', handFile, '--format', 'json']));
  const dims = (rep) => {
    const rd = rep.rounds[0];
    return JSON.stringify((rd.dimensions || []).map((d) => [d.id, d.score, d.level]));
  };
  check(fromForm.rounds && fromForm.rounds.length === 1, 'the imported round scores');
  check(dims(fromForm) === dims(fromHand), 'scores from the form equal those of the same answers written by hand: ' + dims(fromForm));
  const lead = fromForm.rounds[0].dimensions.find((d) => d.id === 'leadership');
  check(lead && Math.abs(lead.score - 3) < 1e-9, 'leadership scores 3 (qc-strategy l3)');

  await everyKind(page, cdp);
  await sameConditionRule(page);
} catch (e) {
  failures++;
  console.error('FAIL: ' + (e && e.stack ? e.stack : e));
} finally {
  clearTimeout(watchdog);
  if (browser) await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
}
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
