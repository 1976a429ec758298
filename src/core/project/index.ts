// The project layer (README.md "For contributors"): discovery, kind sniffing, size limits, skipping
// and config lookup, over a small host interface, shared by the CLI and the extension.
export { findProjectRoot, readConfigFile, readFolderConfig, type FolderConfig } from './config';
export { discoverMarkdown } from './discover';
export { HostError, decodeText, isNotFound, reasonOf, type DirEntry, type FileHead, type HostErrorCode, type ProjectHost } from './host';
export { MAX_FILE_BYTES, NEVER_READ, PEEK_BYTES } from './limits';
export { loadDocument, readDocuments, type LoadOptions, type LoadOutcome, type ReadOptions } from './load';
