// Builds the .vsix with `npm run package` and checks what is inside: the minified bundles and the
// files a user needs, and no sources, tests, source maps, metafile, editor settings or node_modules; and that the
// production build kept the split between bundles (scripts/bundleCheck.ts over esbuild's metafile, dist/meta.json).
// Leaves dist/ as a development build.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';
import yauzl from 'yauzl';

const vsix = 'outlook-meetings.vsix';
execFileSync('npm', ['run', '--silent', 'package'], { stdio: 'inherit' });
if (!existsSync(vsix)) fail(`npm run package did not write ${vsix}`);

const entries = await readZip(vsix);
// The production build's metafile, read before the development rebuild below replaces it.
const meta = JSON.parse(readFileSync('dist/meta.json', 'utf8'));

const problems = [];
const names = [...entries.keys()];
for (const required of [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/readme.md',
  'extension/LICENSE.txt',
  'extension/dist/extension.js',
  'extension/dist/graph.js',
  'extension/dist/forms.js',
  'extension/dist/operations.js',
  'extension/dist/webview/form.js',
  'extension/dist/webview/form.css',
  'extension/dist/webview/preload.json',
  'extension/l10n/bundle.l10n.json',
  'extension/l10n/bundle.l10n.es.json',
  'extension/package.nls.es.json',
  'extension/media/walkthrough/register.md',
]) {
  if (!names.some((n) => n.toLowerCase() === required.toLowerCase())) problems.push(`missing ${required}`);
}
// The page's chunks (esbuild code splitting, content-hashed names): every one the production build wrote ships.
for (const output of Object.keys(meta.outputs)) {
  if (/^dist\/webview\/[\w-]+\.js$/.test(output) && !names.includes(`extension/${output}`))
    problems.push(`missing ${output}, a chunk of the page`);
}
const forbidden = [
  /\.ts$/,
  /\.map$/,
  /(^|\/)node_modules\//,
  /^extension\/(src|test|scripts|bench|\.ci|\.vscode|\.vscode-test)\//,
  /\.vsix$/,
  /^extension\/dist\/meta\.json$/,
];
for (const name of names) {
  if (forbidden.some((re) => re.test(name))) problems.push(`should not ship ${name}`);
}
// Minified: each shipped script is well under the size of the same bundle built for development
// (Lit's CSS templates keep line breaks, so counting lines says nothing), and carries no source map link.
// The page's chunks have content-hashed names, different in each build: compared all together with the page's
// chunks of the development build (its metafile), and not file by file.
execFileSync('node', ['esbuild.js'], { stdio: 'inherit' });
const pageChunk = /^dist\/webview\/[\w-]+-[A-Z0-9]{8}\.js$/;
const devMeta = JSON.parse(readFileSync('dist/meta.json', 'utf8'));
const devPage = Object.keys(devMeta.outputs)
  .filter((o) => pageChunk.test(o))
  .reduce((sum, o) => sum + statSync(o).size, 0);
let shippedPage = 0;
for (const [name, text] of entries) {
  if (text === null) continue;
  if (text.includes('sourceMappingURL')) problems.push(`${name} links a source map`);
  const devFile = name.slice('extension/'.length);
  if (pageChunk.test(devFile)) {
    shippedPage += text.length;
    continue;
  }
  if (!existsSync(devFile)) continue;
  const devSize = statSync(devFile).size;
  if (text.length > 0.85 * devSize) {
    problems.push(`${name} does not look minified (${text.length} bytes vs ${devSize} unminified)`);
  }
}
if (shippedPage > 0.85 * devPage) {
  problems.push(`the page's chunks do not look minified (${shippedPage} bytes vs ${devPage} unminified)`);
}
// The split: which sources landed in which shipped bundle, each date and zone table at most once per bundle.
const { checkBundles } = await tsImport('./bundleCheck.ts', import.meta.url);
problems.push(...checkBundles(meta, (output) => entries.get(`extension/${output}`) ?? undefined));
if (problems.length) fail(problems.join('\n'));
console.log(
  `${vsix}: ${names.length} files, bundles minified and split as scripts/bundleCheck.ts declares, no sources, tests or dependencies.`,
);
for (const [name, text] of entries) if (text !== null) console.log(`  ${name}: ${(text.length / 1024).toFixed(1)} KB`);

/** Every entry of the zip: the text of the bundled scripts, null for the rest. */
function readZip(file) {
  return new Promise((resolve, reject) => {
    const entries = new Map();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry) => {
        const wanted = entry.fileName.startsWith('extension/dist/') && entry.fileName.endsWith('.js');
        if (!wanted) {
          entries.set(entry.fileName, null);
          return zip.readEntry();
        }
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function fail(message) {
  console.error(`Package check failed:\n${message}`);
  process.exit(1);
}
