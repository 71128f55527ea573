// Where a token could go: one place reads it (and registers it for redaction), and the extension has no storage but
// globalState (meeting records, pending creates, a signed-out flag). Enforced by lint rules over src
// (eslint.config.mjs, `tokenRules`); these tests lint snippets to show the rules fire, and that the sources pass.
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../..');

/** The `no-restricted-syntax` messages ESLint reports for `code` as if it were the file at `file`. */
async function restricted(eslint: ESLint, code: string, file: string): Promise<string[]> {
  return (await flagged(eslint, code, file)).map((m) => m.message);
}

/** The same, with the line of each. */
async function flagged(
  eslint: ESLint,
  code: string,
  file: string,
): Promise<{ line: number; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax');
}

describe('token confinement (lint rules over src)', function () {
  this.timeout(120_000);
  const eslint = new ESLint({ cwd: root });

  it('allows the access token only as the argument of rememberSecret', async () => {
    const code = [
      "import { rememberSecret } from './redact';",
      'declare const session: { accessToken: string };',
      'export const kept = rememberSecret(session.accessToken);',
      'export const raw = session.accessToken;',
      'export const { accessToken } = session;',
      'export const copied = rememberSecret(`${session.accessToken}`);',
      '',
    ].join('\n');
    const messages = await restricted(eslint, code, 'src/host/auth.ts');
    assert.equal(messages.filter((m) => /rememberSecret/.test(m)).length, 2, messages.join('\n'));
    const elsewhere = await restricted(eslint, code, 'src/services/refresh.ts');
    assert.equal(elsewhere.filter((m) => /rememberSecret/.test(m)).length, 2, elsewhere.join('\n'));
  });

  it('flags secret storage, workspace state, storage folders and file writes anywhere in src', async () => {
    const code = [
      "import * as vscode from 'vscode';",
      "import { writeFileSync, createWriteStream } from 'node:fs';",
      "import * as fs from 'node:fs/promises';",
      'declare const context: vscode.ExtensionContext;',
      "void context.secrets.store('t', 'x');",
      "void context.workspaceState.update('t', 'x');",
      'void context.globalStorageUri;',
      'void context.storageUri;',
      'void context.logUri;',
      "writeFileSync('t', 'x');",
      "createWriteStream('t');",
      "void fs.appendFile('t', 'x');",
      '',
    ].join('\n');
    const lines = new Set((await flagged(eslint, code, 'src/graph/client.ts')).map((m) => m.line));
    assert.deepEqual(
      [...lines].sort((a, b) => a - b),
      [2, 5, 6, 7, 8, 9, 10, 11, 12],
    );
  });
});
