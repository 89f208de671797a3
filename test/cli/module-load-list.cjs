// Preloaded by bin.test.ts (`node --require`): prints the modules Node loaded, one a line, on stderr at exit.
'use strict';
process.on('exit', () => process.stderr.write(`${process.moduleLoadList.join('\n')}\n`));
