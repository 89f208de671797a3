/**
 * The protocol's rules at the door, before any handler sees a message
 * (LSP 3.17, "initialize" and "Base Protocol"):
 * - before the `initialize` request, a request is answered with ServerNotInitialized (-32002)
 *   and a notification is dropped, `exit` excepted;
 * - a message whose params have the wrong shape never reaches a handler, where it would throw
 *   and put a stack trace in the editor's log: a request is answered with InvalidParams
 *   (-32602) naming the field, a notification is dropped with one line in the log.
 */
import { ErrorCodes, type Message, type MessageReader, type MessageWriter, type NotificationMessage, type RequestMessage } from 'vscode-languageserver/node';
import { paramsProblem } from './params.js';

export class ProtocolGuard {
  private initializeSeen = false;

  constructor(private readonly writer: MessageWriter) {}

  /** A reader that passes on only what the server should see. */
  wrap(reader: MessageReader): MessageReader {
    return {
      onError: reader.onError,
      onClose: reader.onClose,
      onPartialMessage: reader.onPartialMessage,
      listen: (callback) => reader.listen((message) => this.admit(message) && callback(message)),
      dispose: () => reader.dispose(),
    };
  }

  private admit(message: Message): boolean {
    if (isRequest(message)) {
      if (!this.initializeSeen && message.method !== 'initialize') return this.refuse(message, ErrorCodes.ServerNotInitialized, `the server is not initialized: send initialize before ${message.method}`);
      const problem = paramsProblem(message.method, message.params);
      if (problem) return this.refuse(message, ErrorCodes.InvalidParams, `invalid params of ${message.method}: ${problem}`);
      if (message.method === 'initialize') this.initializeSeen = true;
      return true;
    }
    if (isNotification(message)) {
      if (!this.initializeSeen) return message.method === 'exit';
      const problem = paramsProblem(message.method, message.params);
      if (problem) {
        this.log(`kubeproof: ignored ${message.method}: ${problem}`);
        return false;
      }
    }
    return true;
  }

  private refuse(request: RequestMessage, code: number, message: string): false {
    void this.writer.write({ jsonrpc: '2.0', id: request.id, error: { code, message } } as Message);
    return false;
  }

  private log(message: string): void {
    // window/logMessage may be sent at any time, even before initialize is answered.
    void this.writer.write({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 2, message } } as NotificationMessage);
  }
}

function isRequest(m: Message): m is RequestMessage {
  return 'method' in m && 'id' in m && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null;
}

function isNotification(m: Message): m is NotificationMessage {
  return 'method' in m && !('id' in m && (m as RequestMessage).id !== undefined && (m as RequestMessage).id !== null);
}
