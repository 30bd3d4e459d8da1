// Writes package.json's contributes.configuration from SETTINGS_SCHEMA in
// server/src/settings.ts, so the settings a user sees are the ones the server
// reads. test/unit/settings.test.ts fails when this has not been run.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fc-')), 'settings.cjs');
esbuild.buildSync({ entryPoints: ['server/src/settings.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'error' });
const { SETTINGS_SCHEMA } = createRequire(import.meta.url)(out);
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
manifest.contributes.configuration = { title: 'FreeBSD conf', properties: SETTINGS_SCHEMA };
fs.writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
console.error('package.json contributes.configuration updated');
