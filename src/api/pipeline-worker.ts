/**
 * A loader thread that also validates what it loads and runs the per-resource rules on it (api/document-stage.ts): load/worker-entry.ts
 * imports it, when the stage names it, and runs `main`.
 */
import { workerData } from 'node:worker_threads';
import { runLoader } from '../load/worker.js';
import { runAsLoaded, type StageData } from './document-stage.js';

export function main(): void {
  runLoader(runAsLoaded((workerData as { stage: StageData }).stage));
}
