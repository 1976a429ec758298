import type { DocumentInfo } from './analyze/document';
import { itemsOf, type LinkedModel } from './link';
import { priorityOf, type PriorityField } from './priority';
import type { Item, NodeKind, TraceVia } from './types';

export interface GraphNode {
  key: string;
  id: string | null;
  kind: NodeKind;
  title: string;
  /** Path relative to the workspace folder. */
  file: string;
  /** One-based line of the node's title. */
  line: number;
  /** The product scope's folder, relative to the workspace folder ('.' for the folder itself). */
  scope: string;
  /** Roadmap items: the horizon as written (`Now`, `Q3 2026`), when the item sits under one. */
  horizon?: string;
  /** Priority fields the item or goal states (`Impact: high`, `RICE: 42`, `Priority: P1`), by field (docs/format.md, “Priorities and drift”). */
  priority?: Partial<Record<PriorityField, GraphPriorityValue>>;
  /** When the goal or item is due, as written, and the last month it covers (`2025-06`). */
  due?: { text: string; end: string };
}

export interface GraphPriorityValue {
  /** As written: `high`, `P1`, `42`. */
  value: string;
  /** From 0 to 1, when the value says so itself (a word, `P1`, `3/5`, `80%`). */
  level?: number;
  /** The number written, when it is one. */
  number?: number;
}

export interface GraphEdge {
  from: string;
  to: string;
  via: TraceVia;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The trace graph of a linked model: every node and every resolved trace. */
export function buildGraph(model: LinkedModel): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const doc of model.docs) {
    const scope = model.scopeOf.get(doc.uri)!;
    for (const item of itemsOf(doc)) {
      nodes.push(graphNode(item, doc, scope.dir));
      const linked = model.items.get(item);
      if (!linked) continue;
      const seen = new Set<string>();
      for (const r of linked.resolutions) {
        if (!r.target || seen.has(r.target.key)) continue;
        seen.add(r.target.key);
        edges.push({ from: item.key, to: r.target.key, via: r.ref.via });
      }
    }
  }
  return { nodes, edges };
}

/**
 * The part of a graph that starts in some files (`graph [paths…]`): their nodes, and everything
 * they trace to up the chain (the goals their items serve, the pillars and visions those goals
 * serve), wherever it lives, with the edges between. Every edge kept has both ends; an edge into
 * the files from outside is not kept. A pillar brings its vision, so an outline can show it under
 * the vision it belongs to.
 */
export function subgraph(graph: Graph, includeFile: (file: string) => boolean): Graph {
  const byKey = new Map(graph.nodes.map((n) => [n.key, n]));
  const out = new Map<string, GraphEdge[]>();
  for (const e of graph.edges) {
    const list = out.get(e.from);
    if (list) list.push(e);
    else out.set(e.from, [e]);
  }
  const keep = new Set<string>();
  const pending = graph.nodes.filter((n) => includeFile(n.file)).map((n) => n.key);
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (keep.has(key)) continue;
    keep.add(key);
    for (const e of out.get(key) ?? []) pending.push(e.to);
    const node = byKey.get(key);
    if (node?.kind === 'vision-section') {
      const vision = graph.nodes.find((n) => n.kind === 'vision' && n.file === node.file);
      if (vision) pending.push(vision.key);
    }
  }
  return { nodes: graph.nodes.filter((n) => keep.has(n.key)), edges: graph.edges.filter((e) => keep.has(e.from)) };
}

function graphNode(item: Item, doc: DocumentInfo, scopeDir: string): GraphNode {
  const node: GraphNode = {
    key: item.key,
    id: item.id,
    kind: item.kind,
    title: item.title,
    file: doc.relPath,
    line: item.range.start.line + 1,
    scope: scopeDir === '' ? '.' : scopeDir,
  };
  if (item.kind !== 'goal' && item.kind !== 'roadmap-item') return node;
  if (item.horizon !== undefined) node.horizon = item.horizon;
  const { fields, due } = priorityOf(item, doc);
  const written = Object.entries(fields);
  if (written.length > 0) {
    node.priority = Object.fromEntries(
      written.map(([field, v]) => [field, { value: v.text, ...(v.level !== undefined ? { level: Math.round(v.level * 100) / 100 } : {}), ...(v.number !== undefined ? { number: v.number } : {}) }]),
    );
  }
  if (due) node.due = { text: due.text, end: `${Math.floor(due.end / 12)}-${String((due.end % 12) + 1).padStart(2, '0')}` };
  return node;
}

