// The kubeproof language client: starts `kubeproof lsp --stdio` for YAML and JSON documents.
// Findings, quick fixes, go-to-definition and document symbols all come from the server.
'use strict';
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function initializationOptions() {
  const config = vscode.workspace.getConfiguration('kubeproof');
  const options = {};
  const version = config.get('kubernetesVersion');
  if (version) options.kubernetesVersion = version;
  const debounceMs = config.get('debounceMs');
  if (typeof debounceMs === 'number') options.debounceMs = debounceMs;
  const crdPaths = config.get('crdPaths');
  if (Array.isArray(crdPaths) && crdPaths.length > 0) options.crdPaths = crdPaths;
  return options;
}

async function start() {
  const command = vscode.workspace.getConfiguration('kubeproof').get('path') || 'kubeproof';
  const run = { command, args: ['lsp', '--stdio'], transport: TransportKind.stdio };
  client = new LanguageClient('kubeproof', 'kubeproof', { run, debug: run }, {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'json' },
    ],
    initializationOptions: initializationOptions(),
  });
  await client.start();
}

async function activate(context) {
  // Settings are read when the server starts: a change restarts it.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration('kubeproof')) return;
      if (client) await client.stop();
      await start();
    }),
  );
  await start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
