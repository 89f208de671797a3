/**
 * Offline, always: a full run (render, schemas, rules, scheduling, every report format, the
 * config and suppressions) opens no socket and looks up no host name. Every way Node reaches
 * the network is watched (every TCP connection, TLS, HTTP and fetch included, goes through
 * net.Socket.prototype.connect); a remote kustomize base is refused with a message, not fetched.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli, tempTree } from '../helpers.js';

const attempts: string[] = [];

beforeEach(() => {
  attempts.length = 0;
  const refuse = (what: string) => () => {
    attempts.push(what);
    throw new Error(`network access attempted: ${what}`);
  };
  vi.spyOn(net.Socket.prototype, 'connect').mockImplementation(refuse('net.Socket.connect'));
  vi.spyOn(net, 'connect').mockImplementation(refuse('net.connect'));
  vi.spyOn(net, 'createConnection').mockImplementation(refuse('net.createConnection'));
  vi.spyOn(tls, 'connect').mockImplementation(refuse('tls.connect'));
  vi.spyOn(http, 'request').mockImplementation(refuse('http.request'));
  vi.spyOn(http, 'get').mockImplementation(refuse('http.get'));
  vi.spyOn(https, 'request').mockImplementation(refuse('https.request'));
  vi.spyOn(https, 'get').mockImplementation(refuse('https.get'));
  vi.spyOn(dns, 'lookup').mockImplementation(refuse('dns.lookup'));
  vi.spyOn(dns.promises, 'lookup').mockImplementation(refuse('dns.promises.lookup'));
  if (typeof globalThis.fetch === 'function') vi.spyOn(globalThis, 'fetch').mockImplementation(refuse('fetch'));
  // Named imports of the built-ins (import { connect } from 'node:net') see the patched functions too.
  syncBuiltinESMExports();
});

afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

describe('the network watch', () => {
  it('catches a connection, an HTTP request, fetch and a host lookup (so the tests below can fail)', async () => {
    expect(() => new net.Socket().connect(9, '127.0.0.1')).toThrow('network access attempted');
    expect(() => https.get('https://example.com/')).toThrow('network access attempted');
    await expect(async () => fetch('http://127.0.0.1:9/')).rejects.toThrow();
    expect(() => dns.lookup('example.com', () => {})).toThrow('network access attempted');
    expect(attempts).toEqual(['net.Socket.connect', 'https.get', 'fetch', 'dns.lookup']);
  });
});

describe('a full run', () => {
  it('touches no network, in any command and format', async () => {
    const runs = [
      ['lint', 'overlays-example/overlays/dev', 'overlays-example/overlays/staging', 'overlays-example/overlays/production', '--nodes', 'overlays-example/nodes.yaml', '--tolerate-zone-loss', '--totals'],
      ['validate', 'overlays-example/base', '--kubernetes-version', '1.33'],
      ['schedule', 'overlays-example/overlays/production', '--nodes', 'overlays-example/nodes.yaml', '--headroom'],
      ['render', 'overlays-example/overlays/production'],
      ['check', '--kustomize-roots', 'auto', 'overlays-example'],
      ['rules'],
    ];
    for (const args of runs) {
      for (const format of args[0] === 'render' || args[0] === 'rules' ? [undefined] : ['text', 'json', 'sarif', 'junit', 'github', 'html']) {
        const r = await runCli(format ? [...args, '--format', format] : args);
        expect(r.code, `${args.join(' ')} ${format ?? ''}: ${r.stderr}`).toBeLessThan(2);
      }
    }
    expect(attempts).toEqual([]);
  });

  it('refuses a remote base with a message instead of fetching it', async () => {
    const dir = tempTree({ 'kustomization.yaml': 'resources:\n- https://github.com/kubernetes-sigs/kustomize//examples/helloWorld?ref=v5.5.0\n' });
    const r = await runCli(['check', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kubeproof builds offline');
    expect(attempts).toEqual([]);
  });
});
