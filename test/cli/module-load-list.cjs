// Preloaded by bin.test.ts (`node --require`): prints the modules Node loaded, one a line, on stderr at exit.
// The list is read before process.stderr is touched: making that stream loads Node's stream modules.
'use strict';
process.on('exit', () => {
  const loaded = `${process.moduleLoadList.join('\n')}\n`;
  process.stderr.write(loaded);
});
