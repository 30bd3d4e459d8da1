// Writes package.json's contributes.configuration from SETTINGS_SCHEMA in
// server/src/settings.ts, so the settings a user sees are the ones the server
// reads. test/unit/settings.test.ts fails when this has not been run.
import * as fs from 'node:fs';
import { loadTs } from './load-ts.mjs';

const { SETTINGS_SCHEMA } = loadTs('server/src/settings.ts');
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
manifest.contributes.configuration = { title: 'FreeBSD conf', properties: SETTINGS_SCHEMA };
fs.writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
console.error('package.json contributes.configuration updated');
