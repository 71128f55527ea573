import assert from 'node:assert/strict';
import { chooseRemoteUrl, parseRemote, webLink } from '../../src/host/codeLink';

const commit = '0123456789abcdef0123456789abcdef01234567';

describe('code links: a git remote to a web link of file and lines', () => {
  it('reads the remote forms of GitHub (https, scp-like ssh, ssh://), without credentials', () => {
    for (const url of [
      'https://github.com/octo/app.git',
      'https://octo:ghp_secret@github.com/octo/app',
      'git@github.com:octo/app.git',
      'ssh://git@github.com:22/octo/app.git',
      'git://github.com/octo/app',
    ]) {
      assert.deepEqual(
        parseRemote(url),
        { kind: 'github', origin: 'https://github.com', path: ['octo', 'app'] },
        url,
      );
    }
  });

  it('links GitHub, GitLab (with subgroups), Bitbucket and Azure DevOps to a commit and lines', () => {
    const at = { commit, path: 'src/a b/x#.ts', startLine: 3, endLine: 7 };
    assert.equal(
      webLink('git@github.com:octo/app.git', at),
      `https://github.com/octo/app/blob/${commit}/src/a%20b/x%23.ts#L3-L7`,
    );
    assert.equal(
      webLink('https://gitlab.com/group/sub/app.git', at),
      `https://gitlab.com/group/sub/app/-/blob/${commit}/src/a%20b/x%23.ts#L3-7`,
    );
    assert.equal(
      webLink('git@bitbucket.org:team/app.git', at),
      `https://bitbucket.org/team/app/src/${commit}/src/a%20b/x%23.ts#lines-3:7`,
    );
    const azure = `https://dev.azure.com/org/Proj/_git/app?path=%2Fsrc%2Fa%20b%2Fx%23.ts&version=GC${commit}&line=3&lineEnd=8&lineStartColumn=1&lineEndColumn=1&lineStyle=plain&_a=contents`;
    for (const url of [
      'https://org@dev.azure.com/org/Proj/_git/app',
      'git@ssh.dev.azure.com:v3/org/Proj/app',
      'https://org.visualstudio.com/Proj/_git/app',
      'org@vs-ssh.visualstudio.com:v3/org/Proj/app',
    ]) {
      assert.equal(webLink(url, at), azure, url);
    }
  });

  it('links one line as one line', () => {
    const at = { commit, path: 'a.ts', startLine: 4, endLine: 4 };
    assert.equal(webLink('https://github.com/o/r', at), `https://github.com/o/r/blob/${commit}/a.ts#L4`);
    assert.equal(webLink('https://gitlab.com/o/r', at), `https://gitlab.com/o/r/-/blob/${commit}/a.ts#L4`);
    assert.equal(
      webLink('https://bitbucket.org/o/r', at),
      `https://bitbucket.org/o/r/src/${commit}/a.ts#lines-4`,
    );
  });

  it('knows self-hosted GitHub and GitLab by their host name', () => {
    const at = { commit, path: 'a.ts', startLine: 1, endLine: 2 };
    assert.equal(
      webLink('git@github.example.com:o/r.git', at),
      `https://github.example.com/o/r/blob/${commit}/a.ts#L1-L2`,
    );
    assert.equal(
      webLink('https://gitlab.example.org/o/r.git', at),
      `https://gitlab.example.org/o/r/-/blob/${commit}/a.ts#L1-2`,
    );
  });

  it('gives no link for unknown hosts, local paths, odd commits or a path that leaves the repository', () => {
    const at = { commit, path: 'a.ts', startLine: 1, endLine: 1 };
    assert.equal(webLink('https://example.com/o/r.git', at), undefined);
    assert.equal(webLink('/srv/git/r.git', at), undefined);
    assert.equal(webLink('file:///srv/git/r.git', at), undefined);
    assert.equal(webLink('https://github.com/only-owner', at), undefined);
    assert.equal(webLink('https://github.com/o/r', { ...at, commit: 'main' }), undefined);
    assert.equal(webLink('https://github.com/o/r', { ...at, path: '../x.ts' }), undefined);
    assert.equal(webLink('https://github.com/o/r', { ...at, startLine: 0 }), undefined);
    assert.equal(webLink('http://github.com/o/r', at), `https://github.com/o/r/blob/${commit}/a.ts#L1`);
  });
});

describe('code links: which remote', () => {
  const remotes = [
    { name: 'fork', fetchUrl: 'git@github.com:me/app.git' },
    { name: 'origin', fetchUrl: 'git@github.com:octo/app.git' },
    { name: 'mirror', pushUrl: 'git@gitlab.com:octo/app.git' },
  ];
  it("takes the branch's upstream remote, else origin, else the first with a URL", () => {
    assert.equal(chooseRemoteUrl(remotes, 'fork'), 'git@github.com:me/app.git');
    assert.equal(chooseRemoteUrl(remotes, undefined), 'git@github.com:octo/app.git');
    assert.equal(chooseRemoteUrl(remotes.slice(2), 'gone'), 'git@gitlab.com:octo/app.git');
    assert.equal(chooseRemoteUrl([], undefined), undefined);
  });
});
