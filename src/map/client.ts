// The webview's only script (nonce'd): a click or Enter on a node asks the extension to open it,
// and a new rendering replaces the map in place, keeping what the user expanded and the scroll.
// Plain ES2020 in a string: it runs in the webview, not in Node or the extension host.

export const CLIENT_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const main = document.getElementById('map');
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a.open') : null;
    if (!link) return;
    event.preventDefault();
    if (link.dataset.key) vscode.postMessage({ type: 'open', key: link.dataset.key });
    else if (link.dataset.uri) vscode.postMessage({ type: 'openAt', uri: link.dataset.uri, line: Number(link.dataset.line) });
  });
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || message.type !== 'render' || typeof message.html !== 'string') return;
    const open = new Set([...main.querySelectorAll('details[open]')].map((d) => d.dataset.id));
    const scroll = document.scrollingElement ? document.scrollingElement.scrollTop : 0;
    main.innerHTML = message.html;
    for (const d of main.querySelectorAll('details')) if (open.has(d.dataset.id)) d.open = true;
    if (document.scrollingElement) document.scrollingElement.scrollTop = scroll;
    vscode.postMessage({ type: 'rendered', version: message.version });
  });
  vscode.postMessage({ type: 'ready' });
})();`;
