// "Outlook: Schedule Meeting about Selection": the form opened with the selected code as the agenda, a link to the
// file and lines, the subject from the file name and, in a trusted workspace, the people who last changed the lines
// as suggestions (never invited until the user adds them). Pure parts: codeLink.ts and codeMeeting.ts.
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CONTENT_MAX } from '../core/fields';
import type { FormValues, SuggestedAttendee } from '../shared/protocol';
import type { RemoteInfo } from './codeLink';
import { chooseRemoteUrl, webLink } from './codeLink';
import { codeAgenda, codeSubject, parseBlame, selectedLines } from './codeMeeting';
import { ensureSignedIn, runWithUi } from './commands/run';
import type { HostContext } from './hostContext';
import { notify } from './notifications';

export const scheduleAboutSelectionCommand = 'outlookMeetings.scheduleAboutSelection';

/** What a new form opens with besides the defaults. */
export interface SchedulePrefill {
  values: Partial<FormValues>;
  suggestedAttendees?: SuggestedAttendee[];
}

/**
 * The parts of the git extension's API (`vscode.git`, `getAPI(1)`; extensions/git/src/api/git.d.ts in
 * microsoft/vscode, "Git integration" README: "The Git extension exposes an API, reachable by any other extension")
 * read here. Typed locally: the extension is optional (disabled, or absent in some editors), so nothing depends on it.
 */
interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}
interface GitApi {
  readonly git: { readonly path: string };
  getRepository(uri: vscode.Uri): GitRepository | null;
}
interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly state: {
    readonly HEAD: { readonly commit?: string; readonly upstream?: { readonly remote: string } } | undefined;
    readonly remotes: readonly RemoteInfo[];
    readonly workingTreeChanges: readonly { readonly uri: vscode.Uri }[];
    readonly indexChanges: readonly { readonly uri: vscode.Uri }[];
  };
}

const blameTimeoutMs = 5000;

/** The git extension's API, or undefined when it is absent, disabled or fails. */
async function gitApi(log: HostContext['log']): Promise<GitApi | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (!extension) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    return exports.enabled ? exports.getAPI(1) : undefined;
  } catch (e) {
    log.warn(`The git extension could not be used: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/**
 * `git blame --line-porcelain` of the lines, run with `execFile` (no shell: the path is an argument, never parsed) in
 * the file's repository, with the editor's text on stdin (`--contents -`) so unsaved lines count as uncommitted.
 * Empty on any failure (not a repository, an untracked file, no git): suggestions are a convenience.
 */
function blame(
  gitPath: string,
  cwd: string,
  relativePath: string,
  lines: { startLine: number; endLine: number },
  text: string,
): Promise<string> {
  return new Promise((resolve) => {
    const args = [
      'blame',
      '--line-porcelain',
      '-L',
      `${lines.startLine},${lines.endLine}`,
      '--contents',
      '-',
      '--',
      relativePath,
    ];
    const child = execFile(
      gitPath,
      args,
      { cwd, timeout: blameTimeoutMs, maxBuffer: 16 * 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout) => resolve(error ? '' : stdout),
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(text);
  });
}

/** Whether the repository has changes to the file (so a link to the commit would show other lines). */
function changedInRepository(repo: GitRepository, uri: vscode.Uri): boolean {
  const same = (c: { uri: vscode.Uri }): boolean => c.uri.toString() === uri.toString();
  return repo.state.workingTreeChanges.some(same) || repo.state.indexChanges.some(same);
}

/** The form's prefill for the active editor's selection, or undefined (with a message) when there is none. */
async function prefillFromSelection(host: HostContext): Promise<SchedulePrefill | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.selection.isEmpty) {
    void notify.info(vscode.l10n.t('Select the code the meeting is about, then run this command again.'));
    return undefined;
  }
  const { document, selection } = editor;
  const lines = selectedLines(selection.start, selection.end);
  const code = document.getText(selection);
  const uri = document.uri;
  const git = uri.scheme === 'file' ? await gitApi(host.log) : undefined;
  const repo = git?.getRepository(uri) ?? undefined;
  const root = repo?.rootUri.fsPath;
  const relative =
    root !== undefined
      ? path.relative(root, uri.fsPath).split(path.sep).join('/')
      : vscode.workspace.asRelativePath(uri, false);

  let link: string | undefined;
  const head = repo?.state.HEAD;
  const remote = repo && chooseRemoteUrl(repo.state.remotes, head?.upstream?.remote);
  if (repo && head?.commit && remote && !document.isDirty && !changedInRepository(repo, uri)) {
    link = webLink(remote, { commit: head.commit, path: relative, ...lines });
  }

  // Running git in an untrusted folder could run what its configuration names (hooks, fsmonitor): only when trusted
  // ("Workspace Trust" extension guide: `workspace.isTrusted`). Suggestions only; nobody is added to the meeting.
  let suggestedAttendees: SuggestedAttendee[] | undefined;
  // eslint-disable-next-line no-restricted-syntax -- workspace trust, not markup trust
  if (vscode.workspace.isTrusted && uri.scheme === 'file') {
    const cwd = root ?? path.dirname(uri.fsPath);
    const file = root !== undefined ? relative : path.basename(uri.fsPath);
    const output = await blame(git?.git.path ?? 'git', cwd, file, lines, document.getText());
    let me: string[] = [];
    try {
      me = [(await host.account()).label];
    } catch {
      // Not signed in yet: nobody to leave out.
    }
    suggestedAttendees = parseBlame(output, { exclude: me });
    host.log.info(
      `Suggested ${suggestedAttendees.length} people from git blame of ${lines.endLine - lines.startLine + 1} lines.`,
    );
  }

  const heading =
    lines.startLine === lines.endLine
      ? vscode.l10n.t('{0}, line {1}', relative, lines.startLine)
      : vscode.l10n.t('{0}, lines {1}–{2}', relative, lines.startLine, lines.endLine);
  const content = codeAgenda({
    heading,
    link,
    code,
    languageId: document.languageId,
    maxLength: CONTENT_MAX,
    truncated: vscode.l10n.t('(The selection was cut to fit the message.)'),
  });
  return {
    values: { subject: codeSubject(relative, vscode.l10n.t('Discuss {0}')), content },
    suggestedAttendees,
  };
}

/** Registers "Schedule Meeting about Selection". */
export function registerSelectionMeeting(
  host: HostContext,
  openSchedule: (prefill: SchedulePrefill) => Promise<void>,
): vscode.Disposable[] {
  return [
    // Resolves to what the form was filled with (undefined when nothing opened), for scripts and tests.
    vscode.commands.registerCommand(scheduleAboutSelectionCommand, (): Promise<SchedulePrefill | undefined> =>
      runWithUi(host, async () => {
        await ensureSignedIn(host);
        const prefill = await prefillFromSelection(host);
        if (prefill) await openSchedule(prefill);
        return prefill;
      }),
    ),
  ];
}
