import { describe, expect, it } from 'vitest';
import { Emitter, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';
import { EditArrivals } from '../../src/lsp/arrivals.js';

/** A reader whose messages the test pushes, as the stream reader would on reading them. */
function fakeReader(): MessageReader & { push(m: Message): void } {
  let callback: DataCallback | undefined;
  const never = new Emitter<never>();
  return {
    onError: never.event,
    onClose: never.event,
    onPartialMessage: never.event,
    listen: (cb) => {
      callback = cb;
      return { dispose: () => (callback = undefined) };
    },
    dispose: () => {},
    push: (m) => callback?.(m),
  };
}

const change = (uri: string, version: number) => ({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: '' }] } }) as Message;

describe('EditArrivals', () => {
  it('knows a newer edit of a document has been read before its handler runs, and passes every message on', () => {
    const arrivals = new EditArrivals();
    const reader = fakeReader();
    const passed: Message[] = [];
    arrivals.wrap(reader).listen((m) => void passed.push(m));
    reader.push(change('file:///a.yaml', 2));
    expect(arrivals.newerThan('file:///a.yaml', 2)).toBe(false);
    reader.push(change('file:///a.yaml', 3));
    reader.push({ jsonrpc: '2.0', method: 'textDocument/didSave', params: { textDocument: { uri: 'file:///a.yaml' } } } as Message);
    expect(arrivals.newerThan('file:///a.yaml', 2)).toBe(true); // a check of version 2 is stale
    expect(arrivals.newerThan('file:///a.yaml', 3)).toBe(false);
    expect(arrivals.newerThan('file:///b.yaml', 1)).toBe(false); // another document
    expect(passed).toHaveLength(3);
    arrivals.forget('file:///a.yaml'); // closed: a reopened document starts at version 1 again
    expect(arrivals.newerThan('file:///a.yaml', 1)).toBe(false);
  });
});
