// `npm test`: every tier, in order, each in its own process. Installs what the tiers need first
// (Chromium and the editor used for the VS Code tests), then prints one closing line `N passed, N failed`.
import { spawn } from 'node:child_process';

/** The tiers: the npm script to run and what it proves. */
const tiers = [
  { script: 'test:setup', what: 'system packages and the cached editor (Chromium, code-server)' },
  { script: 'typecheck', what: 'TypeScript, strict' },
  { script: 'lint', what: 'eslint, including the no-vscode rule for pure modules' },
  {
    script: 'test:unit',
    what: 'plain Node, test/<folder of src>: core, store, shared, host, services (the fault suite), Graph client against the fake Graph over HTTPS',
  },
  { script: 'test:webview', what: 'the form page in headless Chromium' },
  { script: 'test:vscode', what: 'the extension in a real VS Code (code-server), commands and tree' },
  { script: 'test:ui', what: 'the workbench driven like a person in headless Chromium' },
  { script: 'test:package', what: 'the .vsix: minified bundle, nothing else' },
];

const only = process.argv.slice(2);
let passed = 0;
let failed = 0;
const failures = [];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const relay = (stream, out) =>
      stream.on('data', (chunk) => {
        out.write(chunk);
        text += chunk.toString();
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('close', (code) => resolve({ code: code ?? 1, text }));
  });
}

/** Mocha's summary lines, summed (a tier may run several mocha processes). */
function counts(text) {
  const sum = (re) => [...text.matchAll(re)].reduce((n, m) => n + Number(m[1]), 0);
  return { passing: sum(/^\s*(\d+) passing/gm), failing: sum(/^\s*(\d+) failing/gm) };
}

for (const tier of tiers) {
  if (only.length && !only.includes(tier.script)) continue;
  console.log(`\n=== ${tier.script}: ${tier.what}`);
  const { code, text } = await run(tier.script);
  const { passing, failing } = counts(text);
  if (passing || failing) {
    passed += passing;
    failed += failing;
    if (code !== 0 && failing === 0) failed += 1;
  } else if (code === 0) {
    passed += 1;
  } else {
    failed += 1;
  }
  if (code !== 0) {
    failures.push(tier.script);
    if (tier.script === 'test:setup') break;
  }
}

console.log('');
if (failures.length) console.log(`Failed tiers: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length ? 1 : 0);
