// The stable language model tools API of VS Code 1.95 (vscode.d.ts 1.95: `lm.registerTool`, `lm.invokeTool`,
// `LanguageModelTool`, `LanguageModelToolResult`, `LanguageModelTextPart`), declared here because the project's
// @types/vscode is still 1.90. Only what src/host/tools.ts and its tests use. Delete this file when @types/vscode is
// raised to 1.95 or later (engines.vscode already asks for ^1.95.0).
import 'vscode';

declare module 'vscode' {
  /** A tool's answer: the parts the model reads. */
  export class LanguageModelToolResult {
    content: unknown[];
    constructor(content: unknown[]);
  }

  /** Text in a tool's answer. */
  export class LanguageModelTextPart {
    value: string;
    constructor(value: string);
  }

  /** Given only to tools invoked from a chat request; undefined otherwise. */
  export type ChatParticipantToolToken = never;

  export interface LanguageModelToolInvocationOptions<T> {
    toolInvocationToken: ChatParticipantToolToken | undefined;
    input: T;
  }

  export interface LanguageModelToolInvocationPrepareOptions<T> {
    input: T;
  }

  export interface LanguageModelToolConfirmationMessages {
    title: string;
    message: string | MarkdownString;
  }

  export interface PreparedToolInvocation {
    invocationMessage?: string | MarkdownString;
    confirmationMessages?: LanguageModelToolConfirmationMessages;
  }

  export interface LanguageModelTool<T> {
    invoke(
      options: LanguageModelToolInvocationOptions<T>,
      token: CancellationToken,
    ): ProviderResult<LanguageModelToolResult>;
    prepareInvocation?(
      options: LanguageModelToolInvocationPrepareOptions<T>,
      token: CancellationToken,
    ): ProviderResult<PreparedToolInvocation>;
  }

  export interface LanguageModelToolInformation {
    readonly name: string;
    readonly description: string;
    readonly inputSchema: object | undefined;
    readonly tags: readonly string[];
  }

  export namespace lm {
    export const tools: readonly LanguageModelToolInformation[];
    export function registerTool<T>(name: string, tool: LanguageModelTool<T>): Disposable;
    export function invokeTool(
      name: string,
      options: LanguageModelToolInvocationOptions<object>,
      token?: CancellationToken,
    ): Thenable<LanguageModelToolResult>;
  }
}
