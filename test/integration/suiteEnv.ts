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
