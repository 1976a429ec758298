import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, ConfigError, mergeConfig, parseConfigText, validateConfig, type Config, type ConfigFile } from '../core';

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
  let fromFile: ConfigFile = {};
  let file: vscode.Uri | undefined;
  let error: string | undefined;
  for (const name of CONFIG_FILE_NAMES) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      continue;
    }
    file = uri;
    try {
      fromFile = parseConfigText(new TextDecoder('utf-8').decode(bytes));
    } catch (e) {
      error = `${name}: ${e instanceof ConfigError ? e.message : String(e)}`;
    }
    break;
  }
  let fromSettings: ConfigFile = {};
  try {
    fromSettings = settingsConfig(folder);
  } catch (e) {
    error = `Settings: ${e instanceof ConfigError ? e.message.replace(/^"/, '"throughline.') : String(e)}`;
  }
  return { config: mergeConfig(fromFile, fromSettings), ...(error ? { error } : {}), ...(file ? { file } : {}) };
}

/** The `throughline.*` settings in the config file's shape; only keys the user actually set count. */
function settingsConfig(folder: vscode.WorkspaceFolder): ConfigFile {
  const settings = vscode.workspace.getConfiguration('throughline', folder.uri);
  const out: Record<string, unknown> = {};
  for (const key of ['rules', 'kinds', 'exclude', 'traceLabels', 'sections', 'nonItemHeadings', 'notIds']) {
    const inspected = settings.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value !== undefined) out[key] = value;
  }
  return validateConfig(out);
}
