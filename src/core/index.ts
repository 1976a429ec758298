// The core's public surface: everything the CLI and the editor adapter use. Never imports `vscode`.
export { analyzeDocument, type DocumentInfo } from './analyze/document';
export {
  CONFIG_FILE_NAMES,
  CONFIG_KEYS,
  ConfigError,
  defaultConfig,
  mergeConfig,
  parseConfigText,
  validateConfig,
  type Config,
  type ConfigFile,
} from './config';
export { HORIZON_BUCKETS, horizonBucket, type HorizonBucket } from './horizon';
export { detectKind, isMarkdownPath, kindFromFileName } from './kind';
export { readingOrder } from './readingOrder';
export type { LinkedItem, LinkedModel, Scope } from './link';
export { DEFAULT_SEVERITIES, RULES, RULES_BY_ID, RULE_IDS, ruleDocsPath } from './rules';
export { buildGraph, subgraph, type Graph, type GraphEdge, type GraphNode } from './graph';
export { Workspace, summarize, type CheckResult, type Summary } from './workspace';
export * from './types';
export { completionsAt, type CompletionInfo } from './features/completion';
export { fixAllEdits } from './features/fixAll';
export { escape as escapeMarkdown, hoverAt, type HoverContent } from './features/hover';
export { locate, subjectAt } from './features/locate';
export { codeLenses, definitionAt, referencesAt, renameId, renameTargetAt, workspaceSymbols, type CodeLensInfo, type Location, type SymbolInfo } from './features/navigation';
export { readingMarkers, type ReadingMarker } from './features/readingMarkers';
export { badgeOf, gapsByRule, onlyGaps, ruleTitle, strategyTree, type Gap, type GapGroup, type HorizonCount, type ProductTree, type TreeNode, type TreeSource } from './features/tree';
export { LANES, LANE_LABEL, forEachMapNode, strategyMap, type Lane, type LaneAlignment, type MapGap, type MapGoal, type MapItem, type MapNode, type MapPillar, type MapProduct, type StrategyMap, type StrategyMapOptions } from './features/strategyMap';
export { isPlaceholder, isPlaceholderTitle } from './placeholder';
export { DRIFT_RULES, alignmentByHorizon, formulaOf, prioritise, type DriftNote, type FactorValue, type ProductRanking, type RankedGoal, type RankedHorizon, type RankedItem, type Ranking } from './features/prioritise';
export { PRIORITY_FACTORS, DEFAULT_PRIORITY_WEIGHTS, DEFAULT_ALIGNMENT_TARGET, type PriorityWeights, type PriorityFactorName } from './config';
export { PRODUCT_DOC_TEMPLATES, METRIC_PROMPT, STRATEGY_PROMPTS } from './templates';
export { strategyAnswers, type AnswerState } from './strategySections';
export { TrendBuilder, formatTrendText, weekOf, type FileChange, type Trend, type TrendCount, type TrendPoint, type TrendProduct, type TrendProductPoint } from './trend';
export * from './project';
