import * as fs from 'node:fs';
let seed = Number(process.argv[2] ?? 1);
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const plains = ['yes', 'No', 'on', 'y', 'true', 'False', 'null', '~', '0777', '0x1F', '0o17', '0b101', '1e3', '1E3', '1_000', '12:30', '2024-01-01', '2024-1-2 10:20:30', '2024-02-30', '.5', '-1', '+1', '1.0', '1.50', '08', '123456789.5', '1234567.5', '0.00001', '1e20', '12345678', 'abc', 'a b', '-0', '3.14159', '100m', '1Gi', '0.1', '5.', '1e-3', '-.5'];
let body = 'apiVersion: example.com/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n';
for (let i = 0; i < 60; i++) body += `  f${i}: ${plains[Math.floor(rnd() * plains.length)]}\n`;
body += '  list: [' + Array.from({ length: 10 }, () => plains[Math.floor(rnd() * plains.length)]).filter((p) => !p.includes(' ') && !p.includes(':')).join(', ') + ']\n';
fs.writeFileSync('cm.json', body);
fs.writeFileSync('kustomization.yaml', 'resources:\n- cm.json\n');
