import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { productExtensionId } from './suiteEnv';

describe('smoke: the extension in a real extension host', () => {
  it('activates', async () => {
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext, `extension ${productExtensionId} is not loaded`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers every command its package.json contributes', async () => {
    const ext = vscode.extensions.getExtension(productExtensionId);
    assert.ok(ext);
    await ext.activate();
    const contributed = (
      (ext.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes?.commands ?? []
    ).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(
      contributed.filter((c) => !registered.has(c)),
      [],
      'contributed commands that are not registered',
    );
  });
});
