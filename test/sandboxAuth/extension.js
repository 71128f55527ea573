// Test-only: the sandbox's sign-in. Registers the `microsoft` provider id with a clearly labelled fake account whose
// token only the local fake Graph server accepts (OM_SANDBOX_TOKEN, set by scripts/sandbox.ts). Never shipped.
/* global require, module */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('vscode');

const label = 'Sandbox account (no Microsoft sign-in)';
const stateKey = 'sandboxAuth.sessions';

/** Registers the provider; sessions survive a window reload through globalState. */
function activate(context) {
  const token = process.env.OM_SANDBOX_TOKEN || 'sandbox-token';
  const account = {
    id: 'sandbox-account',
    label: process.env.OM_SANDBOX_ACCOUNT || 'alexw@contoso.example (sandbox)',
  };
  const changes = new vscode.EventEmitter();
  let sessions = context.globalState.get(stateKey, []).map((s) => ({ ...s, accessToken: token }));
  const save = () =>
    context.globalState.update(
      stateKey,
      sessions.map((s) => ({ id: s.id, account: s.account, scopes: s.scopes })),
    );
  const provider = {
    onDidChangeSessions: changes.event,
    async getSessions() {
      return sessions;
    },
    async createSession(scopes) {
      const session = { id: `sandbox-${Date.now()}`, accessToken: token, account, scopes: [...scopes] };
      sessions = [session];
      await save();
      changes.fire({ added: [session], removed: [], changed: [] });
      void vscode.window.showInformationMessage(
        `Signed in with the ${label}: requests go to the local fake Graph server.`,
      );
      return session;
    },
    async removeSession(id) {
      const removed = sessions.filter((s) => s.id === id);
      sessions = sessions.filter((s) => s.id !== id);
      await save();
      changes.fire({ added: [], removed, changed: [] });
    },
  };
  context.subscriptions.push(
    changes,
    vscode.authentication.registerAuthenticationProvider('microsoft', label, provider, {
      supportsMultipleAccounts: false,
    }),
  );
}

function deactivate() {}

module.exports = { activate, deactivate };
