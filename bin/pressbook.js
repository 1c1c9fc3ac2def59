#!/usr/bin/env node
// pressbook command entry: runs the TypeScript sources through tsx (no separate compile step).
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv);
