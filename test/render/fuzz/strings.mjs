import * as fs from 'node:fs';
let seed = Number(process.argv[2] ?? 1);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const alphabet = ['a', 'b', 'Z', '0', '1', '9', ' ', ' ', ':', '#', '-', '?', '\'', '"', '@', '&', '*', '!', '%', '|', '>', ',', '[', ']', '{', '}', '.', '_', '/', '\\', '\t', '\n', 'é', '日', '\u00a0', '~', '=', 'y', 'n', 'o', 'e', 'x'];
const word = () => { let s = ''; const n = Math.floor(rnd() * 12); for (let i = 0; i < n; i++) s += alphabet[Math.floor(rnd() * alphabet.length)]; return s; };
const special = ['yes', 'No', 'on', 'OFF', 'y', 'n', 'true', 'null', '~', '', '0777', '0x1F', '1e3', '1_000', '12:30', '2024-01-01', '2024-02-30', '.5', '-1', '+1', '1.0', '-', '---', '...', 'a: b', ' lead', 'trail ', 'x\n', 'a\nb\n\n', '\n', ' \na'];
const val = () => { const r = rnd(); if (r < 0.3) return special[Math.floor(rnd() * special.length)]; if (r < 0.4) return 'long ' + Array.from({ length: 25 }, word).join(' '); return word(); };
const data = {};
for (let i = 0; i < 80; i++) { const k = rnd() < 0.2 ? val() : 'k' + word(); if (k.includes('\n') || /[\t\u0000-\u001f]/.test(k)) continue; data[k] = val(); }
const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fz' }, data };
fs.writeFileSync('cm.json', JSON.stringify(doc));
fs.writeFileSync('kustomization.yaml', 'resources:\n- cm.json\n');
