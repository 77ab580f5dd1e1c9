import { randomBytes } from 'node:crypto';
import type { Uri, Webview, WebviewOptions, WebviewPanel, WebviewPanelOptions } from 'vscode';

/** Where scripts/build.mjs puts the webview bundles, codicon.css and its font. */
export const webviewFolder = 'dist/webviews';

/** The built webview folder under the extension: the only place a webview may load from. */
export function webviewRoot(extensionUri: Uri): Uri {
  return extensionUri.with({ path: `${extensionUri.path.replace(/\/+$/, '')}/${webviewFolder}` });
}

/**
 * Options of every panel: scripts on, local resources from the built webview folder only, and no
 * retainContextWhenHidden (the app keeps its draft with setState and re-asks for its data).
 */
export function webviewPanelOptions(extensionUri: Uri): WebviewOptions & WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)], enableFindWidget: true };
}

export interface WebviewPage {
  /** The bundle's name: dist/webviews/<name>.js and <name>.css. */
  bundle: string;
  title: string;
  /** The page language, for screen readers. */
  lang?: string;
}

/** A fresh nonce for each page: 128 random bits. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/** The page's Content-Security-Policy: nothing by default, our nonce-tagged script, styles, fonts and images from the webview folder. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/**
 * The HTML that loads a webview bundle: a strict CSP, codicons (the link id vscode-elements'
 * icons look for), the bundle's stylesheet and its script, all through asWebviewUri.
 */
export function webviewHtml(webview: Pick<Webview, 'cspSource' | 'asWebviewUri'>, extensionUri: Uri, page: WebviewPage, nonce = createNonce()): string {
  const root = webviewRoot(extensionUri);
  const asset = (file: string) => webview.asWebviewUri(root.with({ path: `${root.path}/${file}` })).toString();
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(page.lang ?? 'en')}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(webview.cspSource, nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${escapeAttribute(asset('codicon.css'))}" id="vscode-codicon-stylesheet">
  <link rel="stylesheet" href="${escapeAttribute(asset(`${page.bundle}.css`))}">
  <title>${escapeText(page.title)}</title>
</head>
<body>
  <main id="app" aria-busy="true"></main>
  <script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(asset(`${page.bundle}.js`))}"></script>
</body>
</html>`;
}

/** Loads a bundle into a panel (a new one or one restored after a reload), with the panel options and the extension's icon. */
export function loadWebviewPage(panel: Pick<WebviewPanel, 'webview' | 'iconPath'>, extensionUri: Uri, page: WebviewPage): void {
  panel.webview.options = webviewPanelOptions(extensionUri);
  panel.iconPath = extensionUri.with({ path: `${extensionUri.path.replace(/\/+$/, '')}/resources/azure-backup.svg` });
  panel.webview.html = webviewHtml(panel.webview, extensionUri, page);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
