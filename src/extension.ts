import type * as vscode from 'vscode';

/** Placeholder: the host layer replaces this. */
export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
