import type { DocumentInfo } from './analyze/document';
import { itemsOf, type LinkedModel } from './link';
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
  return {
    key: item.key,
    id: item.id,
    kind: item.kind,
    title: item.title,
    file: doc.relPath,
    line: item.range.start.line + 1,
    scope: scopeDir === '' ? '.' : scopeDir,
  };
}

