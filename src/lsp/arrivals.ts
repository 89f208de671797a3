/**
 * The newest version of each document the client has sent, noted as the message is read off
 * the stream, before the protocol library queues it for its handler. A check that is about to
 * run for version 7 while version 8 already waits in the queue is stale: its diagnostics would
 * be replaced at once, so it is skipped, and the check that version 8's edit schedules is the
 * one that runs (issue 20: "cancel a stale check when a newer edit arrives"). A check already
 * under way looks here between its units of work (server.ts) and stops the same way.
 */
import type { Message, MessageReader, NotificationMessage } from 'vscode-languageserver/node';

export class EditArrivals {
  private readonly newest = new Map<string, number>();

  /** A reader that notes every `didChange` it passes on. */
  wrap(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback) =>
        reader.listen((message) => {
          this.note(message);
          callback(message);
        }),
      dispose: () => reader.dispose(),
    };
  }

  /** Whether an edit newer than `version` of the document has arrived (and is not handled yet). */
  newerThan(uri: string, version: number): boolean {
    const newest = this.newest.get(uri);
    return newest !== undefined && newest > version;
  }

  forget(uri: string): void {
    this.newest.delete(uri);
  }

  private note(message: Message): void {
    if (!('method' in message) || message.method !== 'textDocument/didChange') return;
    const document = ((message as NotificationMessage).params as { textDocument?: { uri?: unknown; version?: unknown } } | undefined)?.textDocument;
    if (typeof document?.uri === 'string' && typeof document.version === 'number') this.newest.set(document.uri, document.version);
  }
}
