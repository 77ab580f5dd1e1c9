import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Uri } from 'vscode';
import { contentSecurityPolicy, createNonce, webviewHtml, webviewPanelOptions, webviewRoot } from '../../../src/webviews/host/webviewHtml';

/** Enough of vscode.Uri for the host's paths: a path and with(). */
function fakeUri(path: string): Uri {
  return { scheme: 'file', path, with: (change: { path: string }) => fakeUri(change.path), toString: () => `file://${path}` } as unknown as Uri;
}
const extensionUri = fakeUri('/ext/azure-vm-backup/');
const webview = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', asWebviewUri: (uri: Uri) => fakeUri(`/webview${uri.path}`) };

describe('webview page', () => {
  it('allows nothing by default: only its nonce script, and styles, fonts and images from the webview folder', () => {
    const csp = contentSecurityPolicy(webview.cspSource, 'abc123');
    assert.equal(csp, "default-src 'none'; script-src 'nonce-abc123'; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; img-src https://file+.vscode-resource.vscode-cdn.net data:");
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('loads the bundle, its stylesheet and codicons through asWebviewUri, the script with the nonce', () => {
    const html = webviewHtml(webview, extensionUri, { bundle: 'createVault', title: 'Create <vault>' }, 'n0nce');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-n0nce';/);
    assert.match(html, /<script nonce="n0nce" src="file:\/\/\/webview\/ext\/azure-vm-backup\/dist\/webviews\/createVault\.js"><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="file:\/\/\/webview\/ext\/azure-vm-backup\/dist\/webviews\/codicon\.css" id="vscode-codicon-stylesheet">/);
    assert.match(html, /href="file:\/\/\/webview\/ext\/azure-vm-backup\/dist\/webviews\/createVault\.css"/);
    assert.match(html, /<title>Create &lt;vault&gt;<\/title>/);
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'one script, no inline ones');
    assert.doesNotMatch(html, /style="/);
  });

  it('makes a new 128-bit nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('limits local resources to the built webview folder and does not retain hidden webviews', () => {
    const options = webviewPanelOptions(extensionUri);
    assert.equal(options.enableScripts, true);
    assert.deepEqual(options.localResourceRoots?.map((root) => root.path), ['/ext/azure-vm-backup/dist/webviews']);
    assert.equal(webviewRoot(extensionUri).path, '/ext/azure-vm-backup/dist/webviews');
    assert.equal('retainContextWhenHidden' in options, false);
  });
});
