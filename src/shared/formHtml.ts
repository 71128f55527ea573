// The meeting form's HTML shell: a strict CSP, the stylesheet and the nonce'd script. The page renders the rest.
// The script is an ES module (dist/webview/form.js, split into chunks by esbuild.js): the chunks it imports, with
// `import` or `import()`, are fetched with its nonce (HTML Standard, "descendant script fetch options" carry the
// cryptographic nonce), so `script-src` stays the nonce alone; VS Code's webview service worker answers local
// resources with `Access-Control-Allow-Origin: *` (microsoft/vscode, webview/browser/pre/service-worker.js), which a
// module script's CORS fetch needs.

import fs from 'node:fs';
import path from 'node:path';

/** What the host (or a test) passes to render the page. */
export interface FormHtmlOptions {
  /** The webview's `cspSource` (the origin its local resources load from). */
  cspSource: string;
  /** A fresh random nonce per render, base64 or hex. */
  nonce: string;
  /** URL of `dist/webview/form.js`. */
  scriptUri: string;
  /**
   * URLs of the chunks the entry imports first (dist/webview/preload.json, written by esbuild.js): fetched beside the
   * entry as `<link rel="modulepreload">` with the script's nonce (HTML Standard, "Link type modulepreload": the
   * fetch uses the link's cryptographic nonce), so `script-src` stays the nonce alone.
   */
  preloadUris?: readonly string[];
  /** URL of `dist/webview/form.css`. */
  styleUri: string;
  /** The display language (`en`, `es`, ...). */
  lang: string;
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The chunk file names in `webviewDir`/preload.json (written by esbuild.js), plain `name.js` names only; none when the
 * list is missing or unreadable (the page then fetches its chunks as its imports unfold).
 */
export function readFormPreloads(webviewDir: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(path.join(webviewDir, 'preload.json'), 'utf8'));
    return Array.isArray(list)
      ? list.filter((n): n is string => typeof n === 'string' && /^[\w-]+\.js$/.test(n))
      : [];
  } catch {
    return [];
  }
}

/** The Content-Security-Policy the page runs under. */
export function formCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

/** The form page's HTML. Throws when an argument could break out of its attribute or the policy. */
export function renderFormHtml(options: FormHtmlOptions): string {
  const { cspSource, nonce, scriptUri, styleUri, lang, preloadUris = [] } = options;
  if (!/^[A-Za-z0-9+/_=-]{16,}$/.test(nonce))
    throw new Error('The nonce must be at least 16 base64 characters.');
  // VS Code for the Web gives a list such as `'self' https://*.vscode-cdn.net`: accept source expressions
  // (hosts or 'self') separated by spaces, nothing that could end the directive.
  if (!/^(?:'self'|[^\s;,'"]+)(?: (?:'self'|[^\s;,'"]+))*$/.test(cspSource))
    throw new Error('The CSP source must be a list of source expressions.');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang))
    throw new Error('The language must be a BCP 47 tag.');
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(formCsp(cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttr(styleUri)}">
${preloadUris.map((uri) => `<link rel="modulepreload" nonce="${escapeAttr(nonce)}" href="${escapeAttr(uri)}">\n`).join('')}</head>
<body>
<main id="app" aria-busy="true"></main>
<script type="module" nonce="${escapeAttr(nonce)}" src="${escapeAttr(scriptUri)}"></script>
</body>
</html>
`;
}
