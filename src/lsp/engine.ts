/**
 * What a document's diagnostics are. A file some kustomization build reads is checked as that
 * build renders it: the overlays above it are built (with the editor's unsaved buffers) and
 * validated, and their findings that land in the file are its diagnostics — the same findings
 * `kubeproof check <overlay>` reports for it. Any other manifest is checked as it stands, its
 * cross-resource rules looking across the other plain manifests of the workspace.
 */
import * as path from 'node:path';
import type { ValidateOptions } from '../api/validate.js';
import { redactDiagnostics, sortDiagnostics, type Diagnostic, type Resource } from '../core/index.js';
import { decodeSource, parseManifests, parsePlainDocuments } from '../load/index.js';
import { renderProblems } from '../render/index.js';
import { ruleCatalog } from '../api/catalog.js';
import { applySeverities } from '../config/index.js';
import { rules, runRules, selectedRuleIds } from '../rules/index.js';
import { NO_POLICY_FILES, runPolicies } from '../api/policies.js';
import { applySuppressions } from '../suppress/index.js';
import { validateSchemas } from '../schema/index.js';
import { type CrdPaths, crdsDefining } from './crd-paths.js';
import { type BuildCheck, Overlays } from './overlays.js';
import { isKustomizationFileName, realPath } from './paths.js';
import { PlainFiles } from './plain-files.js';
import { editorLoadDiagnostics } from './relevance.js';
import type { Sources } from './sources.js';
import type { Workspace } from './workspace.js';

const CRD = 'apiextensions.k8s.io/v1/CustomResourceDefinition';

/**
 * How many of the workspace's manifests may still be unread when a plain file is checked before
 * the warm-up has read them all: past this, the file is answered alone at once (schemas and what
 * the loader says) and again with the cross-resource rules once they are read. Reading 20,000
 * files first would hold the first answer for seconds.
 */
const UNREAD_BEFORE_ANSWERING_ALONE = 500;

/** How a file was last checked: which open documents a later run may update along with it. */
type Mode = { overlays: ReadonlySet<string> } | 'plain';

export class Engine {
  private readonly overlays: Overlays;
  private readonly plain: PlainFiles;
  private readonly modes = new Map<string, Mode>();
  /** The warm-up has read every plain manifest of the workspace once. */
  private indexed = false;
  /** Files answered alone, before the workspace was read: they are checked again when it is. */
  private readonly provisional = new Set<string>();

  constructor(
    private readonly sources: Sources,
    private readonly workspace: Workspace,
    private readonly optionsFor: (file: string) => ValidateOptions,
    private readonly crdPaths: CrdPaths,
  ) {
    this.overlays = new Overlays(sources, crdPaths);
    this.plain = new PlainFiles(sources);
  }

  /**
   * The diagnostics of `file`, and of those of the `open` files whose diagnostics the same run
   * decides (other files of the same overlays; other plain manifests, for the rules),
   * one unit of work at a time: it yields (naming the step done) after each overlay build and
   * each workspace file read, so that the server can look at incoming edits in between and
   * abandon a check whose document changed (issue 20: "cancel a stale check"). Nothing is
   * decided before the generator returns.
   */
  *checking(file: string, open: readonly string[]): Generator<string, Map<string, Diagnostic[]>> {
    const options = this.optionsFor(file);
    const roots = this.rootsFor(file);
    if (roots.length > 0) {
      const builds: BuildCheck[] = [];
      for (const root of roots) {
        builds.push(this.overlays.check(root, options));
        yield `build ${root}`;
      }
      if (builds.some((b) => b.reads.has(file)) || isKustomizationFileName(file)) return this.fromBuilds(file, builds, open, options);
      // A build that stopped early may never have reached the file: say only what can be said of it alone.
      if (builds.some((b) => b.failed)) {
        this.modes.delete(file);
        return new Map([[file, this.ownProblems(file, builds)]]);
      }
      // Nothing builds it: a stray manifest beside a kustomization, checked as it stands.
    }
    return yield* this.fromPlain(file, open, options);
  }

  /**
   * Work done ahead of the first check, one small step per call of the iterator so that the
   * server keeps answering meanwhile: the schema bundle, the workspace's plain manifests, its
   * overlays built and checked once (which also learns which files each reads), and so the
   * validators of the kinds they use.
   */
  *warmUp(options: ValidateOptions, onIndexed: (answeredAlone: string[]) => void = () => {}): Generator<void> {
    validateSchemas([], options);
    yield;
    for (const file of this.workspace.plainFiles()) {
      const { resources } = this.plain.context(file, options);
      if (resources.length > 0) validateSchemas(resources, options);
      yield;
    }
    this.indexed = true;
    onIndexed([...this.provisional]);
    this.provisional.clear();
    yield;
    for (const root of this.workspace.topLevelDirs()) {
      this.overlays.check(root, options);
      yield;
    }
  }

  /** The builds of the overlays that read `file`, current with the editor's buffers (hover shows what they render). */
  overlayBuilds(file: string): BuildCheck[] {
    const options = this.optionsFor(file);
    return this.rootsFor(file)
      .map((root) => this.overlays.check(root, options))
      .filter((b) => b.reads.has(file));
  }

  /**
   * The objects a document's navigation looks among: each overlay that reads it, rendered (file
   * names relative to the overlay's directory), or the workspace's plain manifests (absolute).
   */
  resourceGroups(file: string): { cwd: string; resources: readonly Resource[] }[] {
    const builds = this.overlayBuilds(file);
    if (builds.length > 0) return builds.map((b) => ({ cwd: b.root, resources: b.resources }));
    const options = this.optionsFor(file);
    const resources = this.workspace.plainFiles().filter((f) => f !== file).flatMap((f) => this.plain.context(f, options).resources);
    return [{ cwd: path.parse(file).root, resources: [...this.plain.load(file, options.maxDepth).resources, ...resources] }];
  }

  /** Forget how a closed document was checked. */
  closed(file: string): void {
    this.modes.delete(file);
  }

  /** Top-level kustomizations above the file, and any that read it when last built (a reference the static scan cannot see). */
  private rootsFor(file: string): string[] {
    const roots = new Set(this.workspace.rootsFor(file));
    for (const root of this.overlays.rootsThatRead(file)) if (this.workspace.isTopLevel(root)) roots.add(root);
    return [...roots].sort();
  }

  /**
   * What `kubeproof check` does after the stages: suppression comments (read from the editor's
   * buffers) and annotations take their findings, then kubeproof.yaml sets severities. Files
   * here are absolute, so the config's globs resolve from the root.
   */
  private finish(diagnostics: Diagnostic[], resources: readonly Resource[], options: ValidateOptions): Diagnostic[] {
    const kept =
      options.suppressions === false
        ? diagnostics
        : applySuppressions(diagnostics, { resources, text: (f) => this.text(f), knownRules: this.knownRules(options), ranRules: (id) => !this.lintIds.has(id) || selectedRuleIds(options).has(id) });
    const severities = options.config ? applySeverities(kept, options.config, path.parse(process.cwd()).root) : kept;
    return redactDiagnostics(severities, resources); // as afterRun does: Secret values scrubbed (core/redact.ts)
  }

  /** Every rule id, the config's custom rules among them. */
  private knownRules(options: ValidateOptions): Set<string> {
    const key = options.config ?? this;
    let known = this.knownByConfig.get(key);
    if (!known) this.knownByConfig.set(key, (known = new Set(ruleCatalog(options.config).map((m) => m.id))));
    return known;
  }

  private readonly knownByConfig = new WeakMap<object, Set<string>>();
  private readonly lintIds = new Set(rules.map((r) => r.meta.id));

  private text(file: string): string | undefined {
    try {
      const decoded = decodeSource(this.sources.read(file), file);
      return 'text' in decoded ? decoded.text : undefined;
    } catch {
      return undefined;
    }
  }

  private fromBuilds(file: string, builds: BuildCheck[], open: readonly string[], options: ValidateOptions): Map<string, Diagnostic[]> {
    const built = new Set(builds.map((b) => b.root));
    const out = new Map<string, Diagnostic[]>();
    const report = (f: string, readBy: BuildCheck[]) => {
      const found = this.finish(dedupe(readBy.flatMap((b) => b.diagnostics.filter((d) => d.file === f))), readBy.flatMap((b) => b.resources), options);
      // A file every build read without failing parsed as what it is used for: nothing more to say of it alone.
      const own = readBy.some((b) => b.failed) ? this.ownProblems(f, readBy) : [];
      out.set(f, sortDiagnostics([...found, ...own]));
      this.modes.set(f, { overlays: new Set(readBy.map((b) => b.root)) });
    };
    report(file, builds);
    for (const other of open) {
      if (other === file) continue;
      const mode = this.modes.get(other);
      // Only a document all of whose overlays were just built: a partial answer would drop findings of the others.
      if (mode === undefined || mode === 'plain' || ![...mode.overlays].every((r) => built.has(r))) continue;
      const readBy = builds.filter((b) => mode.overlays.has(b.root));
      if (readBy.some((b) => b.reads.has(other))) report(other, readBy);
    }
    return out;
  }

  /**
   * What a build cannot point at inside the file itself: YAML that does not parse (the build
   * stops at the kustomization entry that names the file), and the load error that made a
   * build refuse the file, reported there as `resources/0: deploy.yaml:3:1: ...`.
   */
  private ownProblems(file: string, builds: readonly BuildCheck[]): Diagnostic[] {
    let decoded: ReturnType<typeof decodeSource>;
    try {
      decoded = decodeSource(this.sources.read(file), file);
    } catch {
      return []; // gone since the build read it
    }
    if ('problem' in decoded) return [decoded.problem];
    const { text } = decoded;
    const syntax = parsePlainDocuments(text, file, { typing: 'kustomize' }).diagnostics;
    const blamed: Diagnostic[] = [];
    for (const d of builds.flatMap((b) => b.diagnostics)) {
      if (d.ruleId !== 'kustomize-build') continue;
      const m = /^(.+?):(\d+):(\d+): ([\s\S]*)$/.exec(d.message);
      if (!m || realPath(path.resolve(path.dirname(d.file), m[1]!)) !== file) continue;
      const line = Number(m[2]);
      const column = Number(m[3]);
      if (syntax.some((s) => s.line === line && s.column === column)) continue; // already said, with its own rule id
      // The loader's own finding there, when it is an error, names the problem best (missing-name, not just "the build failed").
      const at = parseManifests(text, file, { typing: 'kustomize' }).diagnostics.find((p) => p.line === line && p.column === column);
      const span = at ?? { line, column, endLine: line, endColumn: column + 1 };
      const ruleId = at?.severity === 'error' ? at.ruleId : 'kustomize-build';
      blamed.push({ ruleId, severity: renderProblems['kustomize-build'].severity, message: m[4]!, file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn, path: at?.path ?? '' });
    }
    return dedupe([...syntax, ...blamed]);
  }

  /** The warm-up stopped early (an error): checks read what they need themselves from now on. */
  indexStopped(): void {
    this.indexed = true;
  }

  /** A plain file on its own, before the workspace is read: schemas and the loader's findings, no cross-resource rules yet. */
  private alone(file: string, options: ValidateOptions): Map<string, Diagnostic[]> {
    const own = this.plain.load(file, options.maxDepth);
    const shown = editorLoadDiagnostics(own);
    if (own.resources.length > 0) shown.push(...this.validate(own.resources, [], file, options));
    this.provisional.add(file);
    this.modes.set(file, 'plain');
    return new Map([[file, sortDiagnostics(this.finish(shown, own.resources, options))]]);
  }

  /**
   * The schema findings of a plain file's objects, with the CRDs that define their kinds from
   * elsewhere in the workspace (`all`; its own the schema stage finds by itself) and from outside
   * it (crd-paths.ts). Only findings in the file: a CRD elsewhere answers for itself there.
   */
  private validate(own: readonly Resource[], all: readonly Resource[], file: string, options: ValidateOptions): Diagnostic[] {
    const external = this.crdPaths.of(options.crdPaths, options);
    const elsewhere = all.filter((r) => `${r.id.apiVersion}/${r.id.kind}` === CRD && r.source.file !== file);
    const crds = crdsDefining(own, [...elsewhere, ...external.crds]);
    return validateSchemas(own, { ...options, crds, jsonSchemas: external.jsonSchemas }).filter((d) => d.file === file);
  }

  private *fromPlain(file: string, open: readonly string[], options: ValidateOptions): Generator<string, Map<string, Diagnostic[]>> {
    if (!this.indexed && this.workspace.plainFiles().filter((f) => f !== file && !this.plain.cached(f)).length > UNREAD_BEFORE_ANSWERING_ALONE) return this.alone(file, options);
    this.provisional.delete(file);
    const loaded = new Map<string, { resources: Resource[]; diagnostics: Diagnostic[] }>();
    for (const f of this.workspace.plainFiles()) {
      if (f === file) continue;
      // Only a file that had to be read is a step: looking at 20,000 cached ones is not worth a turn each.
      const read = !this.plain.cached(f);
      loaded.set(f, this.plain.context(f, options));
      if (read) yield `read ${f}`;
    }
    loaded.set(file, this.plain.load(file, options.maxDepth));
    yield `load ${file}`;
    const resources = [...loaded.values()].flatMap((l) => l.resources);
    const external = this.crdPaths.of(options.crdPaths, options);
    const ruleFindings = [...(options.rules === false ? [] : runRules(resources, options)), ...runPolicies(resources, NO_POLICY_FILES, crdsDefining(resources, external.crds), options, options.rules !== false)];

    const out = new Map<string, Diagnostic[]>();
    const report = (f: string) => {
      const own = f === file ? loaded.get(f)! : this.plain.load(f, options.maxDepth);
      const shown = editorLoadDiagnostics(own);
      if (own.resources.length > 0) {
        shown.push(...this.validate(own.resources, resources, f, options), ...ruleFindings.filter((d) => d.file === f));
      }
      out.set(f, sortDiagnostics(this.finish(shown, own.resources, options)));
      this.modes.set(f, 'plain');
    };
    report(file);
    for (const other of open) if (other !== file && this.modes.get(other) === 'plain' && loaded.has(other)) report(other);
    return out;
  }
}

/** Two overlays of one base report a base mistake twice, at the same place: say it once (as `kubeproof check` does). */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.ruleId, d.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
