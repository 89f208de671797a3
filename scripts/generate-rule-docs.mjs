#!/usr/bin/env node
// Writes docs/rules.md from the rules' meta (built code in dist/). A test fails when it is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ruleDocsMarkdown } from '../dist/api/rule-docs.js';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
fs.writeFileSync(path.join(root, 'docs', 'rules.md'), ruleDocsMarkdown());
console.log('wrote docs/rules.md');
