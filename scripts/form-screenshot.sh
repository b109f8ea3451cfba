#!/usr/bin/env bash
# Makes docs/images/form.png: the offline form (yardstick-cli form) in headless Chromium,
# part-way through the quick check. Uses the form test's modules that scripts/install-deps.sh
# installs. Look at the picture afterwards.
#   bash scripts/form-screenshot.sh [BUILD_DIR]     (default: build/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$root/build}"
cli="$build/src/cli/yardstick-cli"
modules="${XDG_CACHE_HOME:-$HOME/.cache}/yardstick/form-test-node"
[ -x "$cli" ] || { echo "form-screenshot.sh: $cli is not built (bash scripts/build.sh)" >&2; exit 2; }
[ -d "$modules/node_modules/puppeteer-core" ] || { echo "form-screenshot.sh: run scripts/install-deps.sh first" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_DATA_HOME="$work/data" YARDSTICK_DATA_DIR="$root"
"$cli" org add westford --name "Westford (fictional)" --type london-borough --db "$work/demo.db" >/dev/null
"$cli" form council-quick-check --org westford --period 2026 --out "$work/form.html" --db "$work/demo.db" \
  --note "Please reply by Friday 16 January." --reply-to "Jo Smith, Head of Data (jo.smith@westford.example)" >/dev/null
cat > "$work/shot.cjs" <<'JS'
const puppeteer = require('puppeteer-core');
const [form, png] = process.argv.slice(2);
(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    userDataDir: require('path').join(require('path').dirname(form), 'profile') });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1100, height: 760 });
    await page.goto('file://' + form);
    await page.select('#role', 'manager');
    await page.focus('#start');
    await page.keyboard.press('Enter');
    for (const k of ['3', 'Enter', '4', 'Enter', '4', 'Enter', '2']) await page.keyboard.press(k);
    await page.keyboard.press('e');
    await page.keyboard.type('Skills survey, June 2026 (on the intranet)');
    await page.focus('#q3-o1');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: png });
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
JS
NODE_PATH="$modules/node_modules" node "$work/shot.cjs" "$work/form.html" "$root/docs/images/form.png"
echo "wrote $root/docs/images/form.png"
