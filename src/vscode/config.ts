import * as vscode from 'vscode';
import { ConfigError, mergeConfig, readFolderConfig, validateConfig, type Config, type ConfigFile } from '../core';
import { workspaceHost } from './files';

export interface LoadedConfig {
  config: Config;
  /** A problem with the config file or settings, to show the user; defaults are used meanwhile. */
  error?: string;
  /** The config file used, if any. */
  file?: vscode.Uri;
}

/**
 * The folder's config: the repo's `.throughline.yaml` (or `.yml`/`.json`) with the editor's
 * `throughline.*` settings layered over it. Read through `workspace.fs`; nothing in it is executed.
 */
export async function loadConfig(folder: vscode.WorkspaceFolder): Promise<LoadedConfig> {
  const read = await readFolderConfig(workspaceHost, folder.uri.toString());
  const name = read.file?.slice(read.file.lastIndexOf('/') + 1);
  let error = read.error && `${name}: ${read.error.kind === 'unreadable' ? `cannot read it (${read.error.message})` : read.error.message}`;
  let fromSettings: ConfigFile = {};
  try {
    fromSettings = settingsConfig(folder);
  } catch (e) {
    error = `Settings: ${e instanceof ConfigError ? settingNamed(e.message, e.key) : String(e)}`;
  }
  return { config: mergeConfig(read.config, fromSettings), ...(error ? { error } : {}), ...(read.file ? { file: vscode.Uri.parse(read.file) } : {}) };
}

/**
 * The settings, by the config file key each one sets. Some have a clearer name in the Settings
 * editor than in `.throughline.yaml` (“Labels That Are Not IDs” rather than “Not Ids”); their old
 * names are still read when the new ones are not set.
 */
export const SETTINGS: ReadonlyArray<{ key: keyof ConfigFile; setting: string; old?: string }> = [
  { key: 'rules', setting: 'rules' },
  { key: 'kinds', setting: 'documentKinds', old: 'kinds' },
  { key: 'exclude', setting: 'exclude' },
  { key: 'traceLabels', setting: 'traceLabels' },
  { key: 'sections', setting: 'strategySections', old: 'sections' },
  { key: 'nonItemHeadings', setting: 'sectionHeadings', old: 'nonItemHeadings' },
  { key: 'notIds', setting: 'labelsThatAreNotIDs', old: 'notIds' },
  { key: 'alignmentTarget', setting: 'alignmentTarget' },
  { key: 'priorityWeights', setting: 'priorityWeights' },
];

/** The `throughline.*` settings in the config file's shape; only keys the user actually set count. */
function settingsConfig(folder: vscode.WorkspaceFolder): ConfigFile {
  const settings = vscode.workspace.getConfiguration('throughline', folder.uri);
  const out: Record<string, unknown> = {};
  for (const { key, setting, old } of SETTINGS) {
    const value = userValue(settings, setting) ?? (old ? userValue(settings, old) : undefined);
    if (value !== undefined) out[key] = value;
  }
  return validateConfig(out);
}

function userValue(settings: vscode.WorkspaceConfiguration, name: string): unknown {
  const inspected = settings.inspect(name);
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

/** A config error about a key, said with the setting's name: `"throughline.labelsThatAreNotIDs" must be…`. */
function settingNamed(message: string, key: string | undefined): string {
  const top = key?.split('.')[0];
  const entry = SETTINGS.find((s) => s.key === top);
  if (!entry || !top) return message.replace(/^"/, '"throughline.');
  return message.replace(new RegExp(`"${top}(?=[".])`), `"throughline.${entry.setting}`);
}
