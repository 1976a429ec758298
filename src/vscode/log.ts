import * as vscode from 'vscode';

/** How many lines `recent` keeps: enough to see what went wrong lately, never a growing buffer. */
const RECENT = 200;

/**
 * The "Throughline" output channel: what could not be read or analysed, and any bug caught on the
 * way, so the extension keeps working and the user (or a bug report) can still see why.
 */
export class Log implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Throughline');
  private readonly lines: string[] = [];

  /** Appends `[topic] message`; an error is written with its stack. */
  line(topic: string, message: unknown): void {
    const text = `[${topic}] ${message instanceof Error ? (message.stack ?? message.message) : String(message)}`;
    this.channel.appendLine(text);
    this.lines.push(text);
    if (this.lines.length > RECENT) this.lines.shift();
  }

  /** The last lines written, oldest first. */
  recent(): readonly string[] {
    return this.lines;
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
