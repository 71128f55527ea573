// "Schedule Meeting about Selection" in the real editor: a git repository in the scratch workspace (git CLI), the
// git extension's view of it, the form opened with the code, the GitHub link and the blamed authors as suggestions.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { addSession, removeAllSessions, resetStandInAuth, setDefaultToken } from './standInAuth';
import type { FakeGraphInUse } from './suiteEnv';
import { productExtensionId, useFakeGraph, waitFor } from './suiteEnv';

const command = 'outlookMeetings.scheduleAboutSelection';
const token = `om-sel-${Math.random().toString(36).slice(2)}`;

interface Prefill {
  values: { subject?: string; content?: string };
  suggestedAttendees?: { name: string; address: string }[];
}

/** Runs git in `cwd` as the given author (no shell). */
function git(cwd: string, args: string[], author?: { name: string; email: string }): string {
  const env = author
    ? {
        ...process.env,
        GIT_AUTHOR_NAME: author.name,
        GIT_AUTHOR_EMAIL: author.email,
        GIT_COMMITTER_NAME: author.name,
        GIT_COMMITTER_EMAIL: author.email,
      }
    : process.env;
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

function formTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('outlookMeetings.form'),
    );
}

describe('Schedule Meeting about Selection (real editor, git repository)', function () {
  this.timeout(60_000);
  let env: FakeGraphInUse;
  let repo: string;
  let file: vscode.Uri;

  before(async () => {
    resetStandInAuth();
    setDefaultToken(token);
    env = await useFakeGraph();
    removeAllSessions();
    addSession({ account: { id: 'sel-account', label: 'me@contoso.example' } });
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext);
    await ext.activate();
    await vscode.commands.executeCommand('outlookMeetings.signIn');

    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs with a workspace folder');
    repo = path.join(folder.uri.fsPath, 'code-repo');
    fs.mkdirSync(path.join(repo, 'src'), { recursive: true });
    git(repo, ['init', '-q']);
    git(repo, ['remote', 'add', 'origin', 'git@github.com:octo/app.git']);
    const source = path.join(repo, 'src', 'tree.ts');
    fs.writeFileSync(source, 'const a = 1;\nconst b = a < 2 && true;\n');
    git(repo, ['add', '.']);
    git(repo, ['commit', '-q', '-m', 'one'], { name: 'Ana López', email: 'ana@contoso.example' });
    fs.appendFileSync(source, 'const c = `b`;\n');
    git(repo, ['commit', '-q', '-am', 'two'], { name: 'Bo', email: 'bo@contoso.example' });
    fs.appendFileSync(source, 'const d = 4;\n');
    git(repo, ['commit', '-q', '-am', 'three'], { name: 'Me', email: 'me@contoso.example' });
    file = vscode.Uri.file(source);
    // The git extension finds repositories made after start-up when asked (API v1 `openRepository`).
    const gitExt = vscode.extensions.getExtension<{
      getAPI(v: 1): { openRepository(root: vscode.Uri): Promise<unknown> };
    }>('vscode.git');
    assert.ok(gitExt, 'the built-in git extension is there');
    const api = (gitExt.isActive ? gitExt.exports : await gitExt.activate()).getAPI(1);
    await api.openRepository(vscode.Uri.file(repo));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await env?.dispose();
    resetStandInAuth();
    setDefaultToken('test-token');
  });

  it('is in the editor context menu only with a selection', () => {
    const ext = vscode.extensions.getExtension(productExtensionId);
    const menus = (
      ext?.packageJSON as { contributes: { menus: Record<string, { command: string; when?: string }[]> } }
    ).contributes.menus;
    assert.deepEqual(
      menus['editor/context']?.find((m) => m.command === command),
      { command, when: 'editorHasSelection', group: 'z_outlookMeetings@1' },
    );
  });

  it('opens the form with the code, a link to the commit and lines, the subject, and the authors as suggestions', async () => {
    const editor = await vscode.window.showTextDocument(file);
    editor.selection = new vscode.Selection(1, 0, 3, 0);
    const head = git(repo, ['rev-parse', 'HEAD']).trim();
    const before = formTabs().length;
    const prefill = await vscode.commands.executeCommand<Prefill>(command);
    assert.ok(prefill, 'the command resolves to what the form was filled with');
    assert.equal(prefill.values.subject, 'Discuss tree.ts');
    assert.equal(
      prefill.values.content,
      `src/tree.ts, lines 2–3\nhttps://github.com/octo/app/blob/${head}/src/tree.ts#L2-L3\n\n` +
        '```typescript\nconst b = a < 2 && true;\nconst c = `b`;\n```\n',
    );
    // Who last changed lines 2 and 3, not the signed-in user (who wrote line 4 only), and only as suggestions.
    assert.deepEqual(prefill.suggestedAttendees, [
      { name: 'Ana López', address: 'ana@contoso.example' },
      { name: 'Bo', address: 'bo@contoso.example' },
    ]);
    assert.equal((prefill.values as { attendees?: unknown }).attendees, undefined, 'nobody is added');
    await waitFor('the form tab', () => formTabs().length === before + 1);
  });

  it('links the path only while the file has unsaved changes, and the blame counts them as nobody', async () => {
    const editor = await vscode.window.showTextDocument(file);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '// new\n'));
    editor.selection = new vscode.Selection(1, 0, 2, 5);
    const prefill = await vscode.commands.executeCommand<Prefill>(command);
    assert.ok(prefill);
    assert.equal(prefill.values.content, 'src/tree.ts, lines 2–3\n\n```typescript\n// new\nconst\n```\n');
    assert.deepEqual(prefill.suggestedAttendees, [{ name: 'Ana López', address: 'ana@contoso.example' }]);
    await vscode.window.showTextDocument(file);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
