/**
 * `kubeproof lsp`: the Language Server Protocol over a pair of streams. It publishes
 * diagnostics for YAML documents that hold Kubernetes objects (and for kustomization files)
 * on open, on change (at once, or after a burst of edits; the unsaved buffer is what is checked) and on save. One
 * process stays up, so schemas, parsed files and rendered overlays stay warm between checks.
 */
import { format } from 'node:util';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TOOL } from '../api/format.js';
import { redactSecrets, START_OF_FILE, type Diagnostic } from '../core/index.js';
import { loadProblems } from '../load/index.js';
import * as actionsAndNavigation from './actions-and-navigation.js';
import { toLspDiagnostic } from './convert.js';
import { completionCapabilities, registerCompletion } from './completion.js';
import { CrdPaths } from './crd-paths.js';
import { Engine } from './engine.js';
import { Features } from './features.js';
import { ProtocolGuard } from './guard.js';
import { hoverCapabilities, registerHover } from './hover.js';
import { loadOptions, parseSettings, type ServerSettings } from './options.js';
import { isCheckable, pathOfUri } from './paths.js';
import { EditArrivals } from './arrivals.js';
import { CheckScheduler } from './scheduler.js';
import { Sources } from './sources.js';
import { Workspace } from './workspace.js';

export interface ServerStreams {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Longest stretch of warm-up work between two looks at incoming messages. */
const WARM_UP_SLICE_MS = 20;

/**
 * Starts serving; the process lives until the client sends `exit` or closes the input, when
 * the protocol library ends it (exit code 0 after a `shutdown` request, 1 without, as the
 * protocol says).
 */
/** What the command line gives the server, and what tests watch from inside it. */
export interface ServerSetup {
  /** `kubeproof lsp --crds PATH`, absolute. */
  crdPaths?: readonly string[];
  /** A check of `uri` at `version` has done one unit of work (an overlay built, a file read), named by `step`: for tests, without timing. */
  onCheckStep?(uri: string, version: number, step: string): void;
}

export function startServer(streams: ServerStreams, setup: ServerSetup = {}): Connection {
  const writer = new StreamMessageWriter(streams.output);
  const arrivals = new EditArrivals();
  const reader = arrivals.wrap(new ProtocolGuard(writer).wrap(new StreamMessageReader(streams.input)));
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  // The output stream is the protocol: a stray console.log from any library must not corrupt it.
  routeConsole(connection);

  const documents = new TextDocuments(TextDocument);
  const sources = new Sources();
  const workspace = new Workspace([], sources);
  let settings: ServerSettings = parseSettings(undefined, setup).settings;
  const crdPaths = new CrdPaths(sources);
  const engine = new Engine(sources, workspace, (file) => loadOptions(settings, file), crdPaths);
  let watchingFiles = false;
  let folderEvents = false;
  let folders: string[] = [];
  let shutDown = false;
  /** The protocol allows no diagnostics before the client's `initialized`: checks asked for earlier wait for it. */
  let initialized = false;
  const waitingForInitialized = new Set<string>();

  /** URI <-> the key the engine knows a document by: its real path, or the URI itself for an unsaved `untitled:` one. */
  const fileOf = (uri: string) => pathOfUri(uri) ?? uri;
  const uriOf = new Map<string, string>();
  /** The version last copied into `sources`: opening fires a content change too, which needs no second check. */
  const synced = new Map<string, number>();

  const checkable = (doc: TextDocument) => isCheckable(fileOf(doc.uri), doc.languageId);
  const openFiles = () => documents.all().filter(checkable).map((d) => fileOf(d.uri));

  const publish = (file: string, diagnostics: readonly Diagnostic[]) => {
    const uri = uriOf.get(file);
    const doc = uri === undefined ? undefined : documents.get(uri);
    if (!doc) return;
    told(doc.uri, { version: doc.version, diagnostics });
    connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: diagnostics.map(toLspDiagnostic) }).catch(clientGone);
  };

  /** The checks under way, one per document: a newer check of the same document stops the older one. */
  const running = new Map<string, { stop(): void }>();

  const check = (uri: string) => {
    const doc = documents.get(uri);
    if (shutDown || !doc || !checkable(doc)) return;
    // A newer edit is read but not handled yet: its own check follows, and this one's answer would be out of date at once.
    if (arrivals.newerThan(uri, doc.version)) return;
    if (!initialized) {
      waitingForInitialized.add(uri);
      return;
    }
    running.get(uri)?.stop();
    const file = fileOf(uri);
    const version = doc.version;
    const editsAtStart = sources.edits();
    const started = performance.now();
    let steps: Generator<string, Map<string, Diagnostic[]>> | undefined;
    let stopped = false;
    const self = { stop: () => void (stopped = true) };
    running.set(uri, self);
    const done = () => {
      if (running.get(uri) === self) running.delete(uri);
    };
    const failed = (err: unknown) => {
      // A bug must cost one check, never the server: log it, and say so where the user looks.
      connection.console.error(redactSecrets(`kubeproof: checking ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
      const message = redactSecrets(`internal error while checking this file: ${err instanceof Error ? err.message : String(err)}`); // core/redact.ts
      publish(file, [{ ruleId: 'internal-error', severity: loadProblems['internal-error'].severity, message, file, ...START_OF_FILE, path: '' }]);
    };
    /**
     * One unit of work per turn of the event loop, so that edits are read in between: a check
     * whose document has a newer version (read off the stream, or handled already) stops there,
     * and never publishes; the newer version's own check is scheduled by its edit.
     */
    const step = () => {
      if (stopped || shutDown) return done();
      if (arrivals.newerThan(uri, version) || documents.get(uri)?.version !== version) {
        connection.tracer.log(`abandoned the check of ${uri} (version ${version}): a newer version arrived`);
        return done();
      }
      let next: IteratorResult<string, Map<string, Diagnostic[]>>;
      try {
        steps ??= engine.checking(file, openFiles());
        next = steps.next();
      } catch (err) {
        done();
        return failed(err);
      }
      if (!next.done) {
        setup.onCheckStep?.(uri, version, next.value);
        setImmediate(step);
        return;
      }
      done();
      // Another open document was edited while this ran: the builds may have read a mix of its versions. Start again.
      if (sources.edits() !== editsAtStart) return check(uri);
      for (const [f, diagnostics] of next.value) publish(f, diagnostics);
      // Sent only when the client asked for traces ($/setTrace): the figure to watch when a check feels slow.
      connection.tracer.log(`checked ${uri} (version ${version}) in ${(performance.now() - started).toFixed(1)} ms; published for ${next.value.size} document(s)`);
    };
    step();
  };
  const told = actionsAndNavigation.register(connection, { documents, sources, engine, fileOf, uriOf, checkable });
  const scheduler = new CheckScheduler(check, () => settings.debounceMs);

  connection.onInitialize((params): InitializeResult => {
    folders = paths(params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []));
    const parsed = parseSettings(params.initializationOptions, { crdPaths: setup.crdPaths, folder: folders[0] });
    settings = parsed.settings;
    for (const warning of parsed.warnings) connection.console.warn(`kubeproof: ${warning}`);
    // A CRD path that cannot be read is said once, where the user looks for the server's complaints.
    for (const problem of crdPaths.of(settings.crdPaths).problems) connection.console.warn(`kubeproof: --crds/crdPaths: ${problem}`);
    workspace.setFolders(folders);
    watchingFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    folderEvents = params.capabilities.workspace?.workspaceFolders === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        ...actionsAndNavigation.CAPABILITIES,
        ...completionCapabilities,
        ...hoverCapabilities,
      },
      serverInfo: { name: TOOL.name, version: TOOL.version },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    for (const uri of waitingForInitialized) scheduler.now(uri);
    waitingForInitialized.clear();
    if (watchingFiles) {
      // Files created, deleted or changed outside the editor (a git checkout): the workspace is walked again, open documents re-checked.
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/Kustomization' }] })
        .catch((err: unknown) => {
          watchingFiles = false; // notice new files on open and save instead
          connection.console.warn(`kubeproof: cannot watch files: ${err instanceof Error ? err.message : String(err)}`);
        });
    }
    if (folderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(paths(removed.map((f) => f.uri)));
        folders = [...folders.filter((f) => !gone.has(f)), ...paths(added.map((f) => f.uri))];
        workspace.setFolders(folders);
        recheckOpen();
      });
    }
    connection.console.info(`kubeproof ${TOOL.version} language server: Kubernetes ${settings.kubernetesVersion}, ${folders.length} workspace folder(s), checks at once after a single edit, ${settings.debounceMs} ms after a burst of edits stops`);
    warmUp();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    let outdated = false;
    for (const change of changes) {
      const file = pathOfUri(change.uri);
      if (file === undefined) continue;
      if (change.type !== FileChangeType.Changed) workspace.invalidate();
      // An open document's own save changes nothing the server has not already checked from its buffer.
      else if (sources.isOpen(file)) continue;
      sources.forget(file);
      outdated = true;
    }
    if (outdated) recheckOpen();
  });

  const recheckOpen = () => {
    for (const doc of documents.all()) scheduler.later(doc.uri);
  };

  /** Loads schemas and the workspace's manifests a slice at a time, so that the first check is a warm one. */
  const warmUp = () => {
    // The options of the first folder stand for the workspace: warm-up only loads what checks will use.
    // Files answered before the workspace was read get their cross-resource findings as soon as it is.
    const steps = engine.warmUp(loadOptions(settings, folders[0] ?? ''), (answeredAlone) => {
      for (const file of answeredAlone) {
        const uri = uriOf.get(file);
        if (uri !== undefined) scheduler.now(uri);
      }
    });
    const slice = () => {
      if (shutDown) return;
      const until = performance.now() + WARM_UP_SLICE_MS;
      try {
        while (performance.now() < until) if (steps.next().done) return;
      } catch (err) {
        connection.console.warn(`kubeproof: warm-up stopped: ${err instanceof Error ? err.message : String(err)}`);
        engine.indexStopped();
        return;
      }
      setImmediate(slice);
    };
    setImmediate(slice);
  };

  /** Without file watching, a document the last walk did not see ("save as", a new file) is the sign that files appeared. */
  const noticeNewFile = (file: string) => {
    if (!watchingFiles && !workspace.knows(file)) workspace.invalidate();
  };

  documents.onDidOpen(({ document }) => {
    const file = fileOf(document.uri);
    noticeNewFile(file);
    uriOf.set(file, document.uri);
    sources.setBuffer(file, document.getText());
    synced.set(document.uri, document.version);
    scheduler.now(document.uri);
  });

  documents.onDidChangeContent(({ document }) => {
    if (synced.get(document.uri) === document.version) return;
    sources.setBuffer(fileOf(document.uri), document.getText());
    synced.set(document.uri, document.version);
    scheduler.later(document.uri);
  });

  documents.onDidSave(({ document }) => {
    noticeNewFile(fileOf(document.uri));
    scheduler.now(document.uri);
  });

  documents.onDidClose(({ document }) => {
    const file = fileOf(document.uri);
    scheduler.forget(document.uri);
    running.get(document.uri)?.stop();
    arrivals.forget(document.uri);
    synced.delete(document.uri);
    sources.close(file);
    engine.closed(file);
    if (uriOf.get(file) === document.uri) uriOf.delete(file);
    told(document.uri);
    // A closed file's problems are no longer the editor's to show.
    connection.sendDiagnostics({ uri: document.uri, diagnostics: [] }).catch(clientGone);
  });

  connection.onShutdown(() => {
    shutDown = true;
    scheduler.dispose();
    for (const r of running.values()) r.stop();
  });

  // One module per capability, each reading what `features` shares.
  const features = new Features(documents, fileOf, (file) => loadOptions(settings, file), engine, sources, workspace, crdPaths);
  registerCompletion(connection, features);
  registerHover(connection, features);

  documents.listen(connection);
  connection.listen();
  return connection;
}

/** A notification the client can no longer receive: it is gone, and the protocol library ends the process. */
function clientGone(): void {}

function paths(uris: readonly string[]): string[] {
  return uris.map(pathOfUri).filter((p): p is string => p !== undefined);
}

function routeConsole(connection: Connection): void {
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
}
