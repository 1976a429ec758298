// The Strategy Map's one stylesheet. The report has its own light, print-friendly colours; in the
// webview the page takes the editor theme's colours. Badges carry their own background and text
// colours, so they read the same in any theme. No style attributes anywhere: the webview's CSP
// allows only this nonce'd stylesheet.

export const STYLE = `
:root {
  --bg: #ffffff; --fg: #1b1f24; --muted: #4f5965; --card: #f6f8fa; --border: #c9d1d9; --line: #8c959f;
  --link: #0b57d0; --focus: #0b57d0;
  --vision: #6f42c1; --pillar: #8250df; --goal: #0969da; --item: #1a7f37;
  --now: #1a7f37; --next: #0969da; --later: #6e7781; --done: #8c959f; --unscheduled: #bc4c00;
  --now-bg: #e9f7ec; --next-bg: #e8f1fd; --later-bg: #f2f4f6; --done-bg: #f6f8fa; --unscheduled-bg: #fff4e8;
  --missing-bg: #fff0ef; --missing-fg: #8c1d18;
  color-scheme: light;
}
body.webview {
  --bg: var(--vscode-editor-background); --fg: var(--vscode-editor-foreground);
  --muted: var(--vscode-descriptionForeground); --card: var(--vscode-editorWidget-background);
  --border: var(--vscode-editorWidget-border, var(--vscode-widget-border, #8c959f55)); --line: var(--vscode-editorLineNumber-foreground);
  --link: var(--vscode-textLink-foreground); --focus: var(--vscode-focusBorder);
  --now-bg: transparent; --next-bg: transparent; --later-bg: transparent; --done-bg: transparent; --unscheduled-bg: transparent;
  --missing-bg: var(--vscode-inputValidation-warningBackground, transparent); --missing-fg: var(--vscode-editor-foreground);
  color-scheme: normal;
}
* { box-sizing: border-box; }
body { margin: 0; padding: 1.25rem 1.5rem 3rem; background: var(--bg); color: var(--fg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
body.webview { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); padding: 0.75rem 1rem 2rem; }
a { color: var(--link); text-decoration: none; }
a:hover { text-decoration: underline; }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
h1 { font-size: 1.6rem; margin: 0 0 0.25rem; }
h1 .folder, h2 .scope { color: var(--muted); font-weight: normal; font-size: 0.8em; }
h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
.lede { margin: 0 0 0.5rem; color: var(--muted); }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1.1rem; list-style: none; padding: 0; margin: 0 0 1.25rem; color: var(--muted); font-size: 0.9em; align-items: center; }
.legend li { display: flex; align-items: center; gap: 0.3rem; }
.swatch { display: inline-block; width: 0.9rem; height: 0.9rem; border-radius: 3px; border-left: 4px solid; background: var(--card); }
.swatch.vision { border-color: var(--vision); } .swatch.pillar { border-color: var(--pillar); }
.swatch.goal { border-color: var(--goal); } .swatch.item { border-color: var(--item); }
.product { border-top: 1px solid var(--border); padding-top: 1rem; margin-top: 1rem; }
.alignment { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0 0 0.9rem; }
.stat { margin: 0; width: 9.5rem; padding: 0.4rem 0.6rem; border: 1px solid var(--border); border-radius: 6px; background: var(--card); }
.stat figcaption { font-size: 0.85em; color: var(--muted); }
.stat strong { color: var(--fg); font-size: 1.15rem; }
.bar { display: block; width: 100%; height: 8px; margin-bottom: 0.3rem; border-radius: 3px; }
.bar .track { fill: var(--border); } .bar .fill { fill: var(--item); }
.stat.next .fill { fill: var(--next); } .stat.later .fill { fill: var(--later); } .stat.unscheduled .fill { fill: var(--unscheduled); } .stat.done .fill { fill: var(--done); }
.vision-banner { border-left: 5px solid var(--vision); background: var(--card); border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0 0 0.6rem; }
.vision-banner .node { border: 0; background: none; padding: 0; font-size: 1.05rem; font-weight: 600; }
.statement { margin: 0.2rem 0 0; color: var(--muted); max-width: 60rem; }
table { border-collapse: separate; border-spacing: 0; width: 100%; }
table.map { table-layout: fixed; margin-bottom: 1rem; }
table.map th, table.map td { vertical-align: top; text-align: left; padding: 0.35rem; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
table.map thead th { border-top: 4px solid transparent; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); border-bottom: 2px solid var(--border); }
table.map thead th.lane { border-top: 4px solid var(--later); }
table.map thead th.now { border-top-color: var(--now); } table.map thead th.next { border-top-color: var(--next); }
table.map thead th.done { border-top-color: var(--done); } table.map thead th.unscheduled { border-top-color: var(--unscheduled); }
.col-pillar { width: 15%; } .col-goal { width: 23%; }
td.lane.now { background: var(--now-bg); } td.lane.next { background: var(--next-bg); } td.lane.later { background: var(--later-bg); }
td.lane.done { background: var(--done-bg); } td.lane.unscheduled { background: var(--unscheduled-bg); }
th.pillar { border-right: 3px solid var(--pillar); }
th.pillar.missing, th.missing { color: var(--missing-fg); background: var(--missing-bg); font-weight: 600; }
th.missing .count { font-weight: normal; }
td.goal.none { color: var(--muted); font-style: italic; }
.node { position: relative; display: block; padding: 0.25rem 0.45rem; border-radius: 5px; border: 1px solid var(--border); border-left: 4px solid var(--item); background: var(--bg); font-weight: normal; }
.node.vision { border-left-color: var(--vision); } .node.pillar { border-left-color: var(--pillar); font-weight: 600; }
.node.goal { border-left-color: var(--goal); font-weight: 600; }
.node.has-gaps { border-left-style: dashed; }
.node .metric { display: block; font-weight: normal; font-size: 0.85em; color: var(--muted); }
.badges { display: inline; margin-left: 0.3rem; }
.gap { display: inline-block; margin: 0.1rem 0.2rem 0 0; padding: 0 0.35rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; line-height: 1.5; border: 1px solid; white-space: nowrap; }
.gap.error { background: #ffe2e0; color: #8c1d18; border-color: #f1a7a2; }
.gap.warning { background: #fff1c2; color: #5c3b00; border-color: #e3c35a; }
.gap.information, .gap.hint { background: #e1efff; color: #0b3f7a; border-color: #9cc3f5; }
a.gap:hover { text-decoration: underline; }
th.goal.idle .node { border-style: dashed; }
.spread { margin: 0.3rem 0 0; font-size: 0.82em; color: var(--muted); font-weight: normal; }
.spread .bar { height: 6px; margin-bottom: 0.15rem; }
.spread .seg.now { fill: var(--now); } .spread .seg.next { fill: var(--next); } .spread .seg.later { fill: var(--later); }
.spread .seg.done { fill: var(--done); } .spread .seg.unscheduled { fill: var(--unscheduled); }
.spread.none { color: var(--missing-fg); font-weight: 600; }
ul.items { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.3rem; }
details summary { cursor: pointer; color: var(--fg); font-weight: 600; }
details[open] summary { margin-bottom: 0.3rem; }
.why { display: none; position: absolute; z-index: 10; left: 0; top: 100%; margin-top: 0.2rem; width: max-content; max-width: 24rem;
  padding: 0.45rem 0.6rem; border-radius: 6px; background: #1b1f24; color: #f6f8fa; font-size: 0.85rem; font-weight: normal; box-shadow: 0 4px 14px #0004; }
.node:hover > .why, .node:focus-within > .why { display: block; }
.why-line { display: block; } .why-line.where { color: #c9d1d9; margin-top: 0.2rem; }
.why-line.gap-line { color: #ffd8a8; }
table.matrix { width: auto; min-width: 24rem; margin: 0.5rem 0 0.5rem; font-size: 0.9em; }
table.matrix caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }
table.matrix th, table.matrix td { padding: 0.2rem 0.6rem; border-bottom: 1px solid var(--border); text-align: right; }
table.matrix th[scope="row"] { text-align: left; font-weight: normal; max-width: 22rem; overflow-wrap: anywhere; }
table.matrix td.zero { color: var(--muted); }
table.matrix tr.idle th, table.matrix td.missing, table.matrix tr.missing-row th { color: var(--missing-fg); font-weight: 600; }
table.matrix .total { font-weight: 600; }
.gaps-list { border-top: 1px solid var(--border); margin-top: 1.5rem; padding-top: 1rem; }
table.gaps th, table.gaps td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--border); overflow-wrap: anywhere; }
table.gaps { table-layout: fixed; }
table.gaps .sev { width: 6.5rem; } table.gaps .where { width: 26%; } table.gaps .rule { width: 12rem; }
.empty { color: var(--muted); }
.ranking, .trend { border-top: 1px solid var(--border); margin-top: 1.5rem; padding-top: 1rem; }
.ranking h3 { font-size: 1.05rem; margin: 1rem 0 0.4rem; }
.formula { margin: 0 0 0.3rem; } .formula code { font-size: 1em; font-weight: 600; }
.factor-legend { margin: 0 0 0.6rem; padding-left: 1.2rem; color: var(--muted); font-size: 0.85em; }
.note { color: var(--muted); font-size: 0.9em; }
table.rank { width: auto; min-width: 30rem; margin: 0.4rem 0 0.9rem; font-size: 0.9em; }
table.rank.items { width: 100%; max-width: 64rem; table-layout: fixed; }
table.rank.items th:first-child { width: 2.2rem; } table.rank.items .score { width: 4.5rem; }
table.rank caption { text-align: left; font-weight: 600; margin-bottom: 0.3rem; }
table.rank th, table.rank td { text-align: left; vertical-align: top; padding: 0.25rem 0.55rem; border-bottom: 1px solid var(--border); }
table.rank th[scope="row"] { font-weight: normal; max-width: 22rem; overflow-wrap: anywhere; }
table.rank .num { text-align: right; } table.rank .score { font-weight: 700; }
table.rank.items.now caption { border-left: 4px solid var(--now); padding-left: 0.4rem; }
table.rank.items.next caption { border-left: 4px solid var(--next); padding-left: 0.4rem; }
table.rank.items.later caption { border-left: 4px solid var(--later); padding-left: 0.4rem; }
table.rank tr.top th { font-weight: 600; }
.factor .said { display: block; font-size: 0.8em; color: var(--muted); }
.factor.unstated { color: var(--muted); }
.missing { color: var(--missing-fg); font-weight: 600; }
.trend-product { margin: 0.5rem 0 1.2rem; }
.trend-chart { display: block; width: 100%; max-width: 44rem; height: auto; }
.trend-chart .grid { stroke: var(--border); stroke-width: 1; }
.trend-chart .target { stroke: var(--unscheduled); stroke-width: 1.5; stroke-dasharray: 6 4; }
.trend-chart .axis { fill: var(--muted); font-size: 11px; }
.trend-chart polyline.series { fill: none; stroke-width: 2.5; }
.trend-chart .series.all { stroke: var(--fg); fill: var(--fg); } .trend-chart polyline.series.all { fill: none; }
.trend-chart .series.now { stroke: var(--now); fill: var(--now); } .trend-chart polyline.series.now { fill: none; }
.trend-chart .series.next { stroke: var(--next); fill: var(--next); } .trend-chart polyline.series.next { fill: none; }
.trend-chart .series.later { stroke: var(--later); fill: var(--later); } .trend-chart polyline.series.later { fill: none; }
.swatch-line { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid var(--fg); vertical-align: middle; }
.swatch-line.now { border-color: var(--now); } .swatch-line.next { border-color: var(--next); } .swatch-line.later { border-color: var(--later); }
.swatch-line.target { border-top: 2px dashed var(--unscheduled); }
.of { color: var(--muted); font-size: 0.85em; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { padding: 0; font-size: 9.5pt; }
  .why { display: none !important; }
  a { color: inherit; }
  .product { break-before: auto; }
  tr, .stat, .vision-banner { break-inside: avoid; }
  thead { display: table-header-group; }
}
`;
