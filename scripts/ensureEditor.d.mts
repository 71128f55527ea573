/** Paths of the installed editor. */
export interface EditorLayout {
  dir: string;
  nodeProject: string;
  nodeDir: string;
  nodeBin: string;
  codeServerEntry: string;
  codeServerBin: string;
  marker: string;
}
/** The code-server version the launchers are tested with. */
export declare const codeServerVersion: string;
/** The Node major code-server's postinstall insists on. */
export declare const nodeMajor: number;
/** The cache folder. */
export declare const editorCacheDir: string;
/** The Chromium the workbench tests drive. */
export declare const chromiumPath: string;
/** An install problem with a message that says what to do. */
export declare class EditorInstallError extends Error {}
/** Checks (and, as root with apt-get, installs) the Debian packages needed. */
export declare function ensureSystemPackages(log?: (text: string) => void): void;
/** Makes sure code-server and its Node are installed in the cache folder; installs them on first use. */
export declare function ensureEditor(opts?: {
  log?: (text: string) => void;
  skipSystemCheck?: boolean;
}): EditorLayout;
