import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { TestCertificates } from '../fake/certs';
import type { FakeGraph, FakeGraphOptions } from '../fake/fakeGraph';
import { startFakeGraph } from '../fake/fakeGraph';
import { getDefaultToken } from './standInAuth';

/** The product's extension id. */
export const productExtensionId = 'outlook-meetings.outlook-meetings';

/** The TLS material the launcher made before starting the editor (whose CA the extension host trusts). */
export function launcherTls(): TestCertificates {
  const dir = process.env.OM_TEST_TLS_DIR;
  if (!dir) {
    throw new Error(
      'OM_TEST_TLS_DIR is not set: run the suite through `npm run test:vscode` or `npm run test:electron`.',
    );
  }
  const read = (name: string): string => fs.readFileSync(path.join(dir, name), 'utf8');
  return { caPem: read('ca.pem'), certPem: read('cert.pem'), keyPem: read('key.pem') };
}

/** Starts the fake Graph server inside the extension host with the launcher's certificate; it accepts the stand-in's default token. */
export function startTrustedFakeGraph(opts: FakeGraphOptions = {}): Promise<FakeGraph> {
  return startFakeGraph({ tokens: [getDefaultToken()], ...opts, tls: launcherTls() });
}

/** A fake Graph server the product talks to: its address is in the user setting `outlookMeetings.graph.endpoint`. */
export interface FakeGraphInUse {
  fake: FakeGraph;
  /** Puts the setting back as it was and stops the server. */
  dispose(): Promise<void>;
}

/** Starts a trusted fake Graph server and points the product at it through the user (global) setting. */
export async function useFakeGraph(opts: FakeGraphOptions = {}): Promise<FakeGraphInUse> {
  const fake = await startTrustedFakeGraph(opts);
  const config = vscode.workspace.getConfiguration('outlookMeetings');
  const previous = config.inspect<string>('graph.endpoint')?.globalValue;
  try {
    await config.update('graph.endpoint', fake.url, vscode.ConfigurationTarget.Global);
  } catch (e) {
    await fake.close();
    throw e;
  }
  return {
    fake,
    async dispose() {
      await vscode.workspace
        .getConfiguration('outlookMeetings')
        .update('graph.endpoint', previous, vscode.ConfigurationTarget.Global);
      await fake.close();
    },
  };
}

/** Polls `check` every 100 ms; fails the test naming `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Where code-server keeps its logs: the user-data-dir beside the launcher's HOME (see codeServer.ts). */
export function logRoots(): string[] {
  const home = process.env.HOME ?? '';
  return [
    path.join(home, '..', 'u', 'logs'),
    path.join(home, '.local', 'share', 'code-server', 'logs'),
  ].filter((p) => fs.existsSync(p));
}

/** Every "Outlook Meetings.log" the product's log channel wrote in this run. */
export function outlookLogFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p, depth + 1);
      else if (e.name === 'Outlook Meetings.log') found.push(p);
    }
  };
  for (const root of logRoots()) walk(root, 0);
  return found;
}

/** Everything the product's log files hold, one file after another. */
export function outlookLogText(): string {
  return outlookLogFiles()
    .map((f) => fs.readFileSync(f, 'utf8'))
    .join('\n');
}

/**
 * Runs `body` with the scratch workspace's `.vscode/settings.json` holding `values`, then removes the file.
 * A marker beside them (`editor.tabSize: 7`, a core setting a workspace may set) shows when VS Code has read the
 * file (application-scoped settings, which all of the product's are, never appear as workspace values).
 */
export async function withWorkspaceSettings(
  values: Record<string, unknown>,
  body: () => Promise<void>,
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the run opens no workspace folder');
  const dir = path.join(folder.uri.fsPath, '.vscode');
  const file = path.join(dir, 'settings.json');
  const marker = () => vscode.workspace.getConfiguration('editor').inspect<number>('tabSize')?.workspaceValue;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...values, 'editor.tabSize': 7 }, null, 2));
  try {
    await waitFor('VS Code to read the workspace settings file', () => marker() === 7, 20_000);
    await body();
  } finally {
    fs.rmSync(file, { force: true });
    await waitFor('VS Code to drop the workspace setting', () => marker() === undefined).catch(
      () => undefined,
    );
  }
}
