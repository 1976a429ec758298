// What every part of the report's HTML shares.

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A whole page around the report's stylesheet: the report file, the Strategy Map's webview and the
 * trend's. `nonce` marks the one style and the one script a webview's policy allows.
 */
export function htmlPage(page: { title: string; csp: string; style: string; nonce?: string; bodyClass: string; mainId: string; main: string; script?: string }): string {
  const nonce = page.nonce ? ` nonce="${page.nonce}"` : '';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${page.csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(page.title)}</title>`,
    `<style${nonce}>${page.style}</style>`,
    '</head>',
    `<body class="${page.bodyClass}">`,
    `<main id="${page.mainId}">${page.main}</main>`,
    page.script ? `<script${nonce}>${page.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
