// Loads a TypeScript module of the project from a build script, by bundling it
// with esbuild into a temporary CommonJS file. Scripts use this to read data
// that lives in the sources (settings schema, pf keyword table) instead of
// keeping a second copy of it.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

export function loadTs(entry) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fc-')), 'module.cjs');
  esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
  try {
    return createRequire(import.meta.url)(out);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}
