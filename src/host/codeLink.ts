// Pure: a git remote URL and a commit, file and lines to a web link on the repository host (GitHub, GitLab,
// Bitbucket, Azure DevOps). No `vscode` here (lint rule); the host reads the remote and commit from the git extension.

/** A remote the link knows: the host's kind, its https origin, and the repository's path segments. */
export interface RemoteRepo {
  kind: 'github' | 'gitlab' | 'bitbucket' | 'azure';
  origin: string;
  /** Owner/group(s)/name; for Azure DevOps organization, project, repository. */
  path: string[];
}

/** Where in the repository: a full commit ID, a path relative to the repository root (`/`-separated), 1-based lines. */
export interface CodePlace {
  commit: string;
  path: string;
  startLine: number;
  endLine: number;
}

/** Host and path of a remote URL: `scheme://[user[:pass]@]host[:port]/path` or scp-like `[user@]host:path`. */
function hostAndPath(url: string): { host: string; path: string[] } | undefined {
  const trimmed = url.trim();
  let host: string;
  let path: string;
  const withScheme = /^(https?|ssh|git|git\+ssh):\/\/(?:[^@/]*@)?([^/:]+)(?::\d*)?\/(.*)$/i.exec(trimmed);
  const scpLike = /^(?:[^@/:]+@)?([^/:]+):(?!\/\/)(.+)$/.exec(trimmed);
  if (withScheme) [host, path] = [withScheme[2]!, withScheme[3]!];
  else if (scpLike && scpLike[1]!.includes('.')) [host, path] = [scpLike[1]!, scpLike[2]!];
  else return undefined;
  const segments = path
    .replace(/\.git\/?$/i, '')
    .split('/')
    .filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return undefined;
  return { host: host.toLowerCase(), path: segments };
}

/** Reads a remote URL of a host the link knows; undefined for any other (a local path, an unknown host). */
export function parseRemote(url: string): RemoteRepo | undefined {
  const parsed = hostAndPath(url);
  if (!parsed) return undefined;
  const { host, path } = parsed;
  // Azure DevOps: https dev.azure.com/org/project/_git/repo, ssh.dev.azure.com:v3/org/project/repo, and the older
  // org.visualstudio.com/project/_git/repo and vs-ssh.visualstudio.com:v3/org/project/repo.
  if (host === 'dev.azure.com' && path.length === 4 && path[2] === '_git')
    return { kind: 'azure', origin: 'https://dev.azure.com', path: [path[0]!, path[1]!, path[3]!] };
  if (
    (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') &&
    path.length === 4 &&
    path[0] === 'v3'
  )
    return { kind: 'azure', origin: 'https://dev.azure.com', path: path.slice(1) };
  const legacy = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com$/.exec(host);
  if (legacy && path.length === 3 && path[1] === '_git')
    return { kind: 'azure', origin: 'https://dev.azure.com', path: [legacy[1]!, path[0]!, path[2]!] };
  if (path.length < 2) return undefined;
  const origin = `https://${host}`;
  if (host === 'bitbucket.org') return path.length === 2 ? { kind: 'bitbucket', origin, path } : undefined;
  // GitLab allows subgroups (group/sub/repo); GitHub is owner/repo. Self-hosted ones are known by their name.
  if (host === 'gitlab.com' || /(^|\.)gitlab\./.test(host)) return { kind: 'gitlab', origin, path };
  if ((host === 'github.com' || /(^|\.)github\./.test(host)) && path.length === 2)
    return { kind: 'github', origin, path };
  return undefined;
}

const encodePath = (path: string): string => path.split('/').map(encodeURIComponent).join('/');

/**
 * The web link to `place` in the repository behind `remoteUrl`, or undefined when the host is not one the link knows
 * or the place is not a full commit, a relative path inside the repository and valid lines. The link never carries
 * the remote's user name or password.
 */
export function webLink(remoteUrl: string, place: CodePlace): string | undefined {
  const repo = parseRemote(remoteUrl);
  const { commit, startLine: a, endLine: b } = place;
  const file = place.path.replace(/\\/g, '/');
  if (!repo || !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(commit)) return undefined;
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 1 || b < a) return undefined;
  if (file === '' || file.startsWith('/') || file.split('/').some((s) => s === '..' || s === '.' || s === ''))
    return undefined;
  const base = `${repo.origin}/${repo.path.map(encodeURIComponent).join('/')}`;
  const one = a === b;
  switch (repo.kind) {
    case 'github':
      return `${base}/blob/${commit}/${encodePath(file)}#L${a}${one ? '' : `-L${b}`}`;
    case 'gitlab':
      return `${base}/-/blob/${commit}/${encodePath(file)}#L${a}${one ? '' : `-${b}`}`;
    case 'bitbucket':
      return `${base}/src/${commit}/${encodePath(file)}#lines-${a}${one ? '' : `:${b}`}`;
    case 'azure': {
      const [org, project, name] = repo.path.map(encodeURIComponent);
      return (
        `${repo.origin}/${org}/${project}/_git/${name}?path=${encodeURIComponent(`/${file}`)}&version=GC${commit}` +
        `&line=${a}&lineEnd=${b + 1}&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`
      );
    }
  }
}

/** A remote as the git extension describes it (`Remote` in its API). */
export interface RemoteInfo {
  name: string;
  fetchUrl?: string;
  pushUrl?: string;
}

/** The URL of the remote the branch tracks (`upstream`), else `origin`, else the first remote with a URL. */
export function chooseRemoteUrl(
  remotes: readonly RemoteInfo[],
  upstream: string | undefined,
): string | undefined {
  const url = (r: RemoteInfo | undefined): string | undefined => r?.fetchUrl ?? r?.pushUrl;
  return (
    url(remotes.find((r) => r.name === upstream)) ??
    url(remotes.find((r) => r.name === 'origin')) ??
    remotes.map(url).find((u) => u !== undefined)
  );
}
