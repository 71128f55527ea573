// The notifier the host uses: the only module that calls VS Code's show*Message (see notify.ts and the lint rule).
import * as vscode from 'vscode';
import { createNotifier } from './notify';

/** Every user-visible notification goes through this. */
export const notify = createNotifier({
  info: (message, options, ...items) => vscode.window.showInformationMessage(message, options, ...items),
  warning: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  error: (message, options, ...items) => vscode.window.showErrorMessage(message, options, ...items),
});
