// Writes package.json's contributes.configuration from SETTINGS_SCHEMA in
// server/src/settings.ts, so the settings a user sees are the ones the server
// reads, and schemas/freebsd-conf.schema.json (the schema VS Code validates
// freebsd-conf.json against, through contributes.jsonValidation) from
// MANIFEST_SCHEMA in server/src/model/manifest-schema.ts, whose severity codes
// are the settings' own. test/unit/settings.test.ts and
// test/unit/model/manifest-schema.test.ts fail when this has not been run.
import * as fs from 'node:fs';
import { loadTs } from './load-ts.mjs';

const { SETTINGS_SCHEMA } = loadTs('server/src/settings.ts');
const { MANIFEST_SCHEMA } = loadTs('server/src/model/manifest-schema.ts');
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
manifest.contributes.configuration = { title: 'FreeBSD conf', properties: SETTINGS_SCHEMA };
manifest.contributes.jsonValidation = [{ fileMatch: 'freebsd-conf.json', url: './schemas/freebsd-conf.schema.json' }];
fs.writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');
fs.mkdirSync('schemas', { recursive: true });
fs.writeFileSync('schemas/freebsd-conf.schema.json', JSON.stringify(MANIFEST_SCHEMA, null, 2) + '\n');
console.error('package.json contributes.configuration and jsonValidation, schemas/freebsd-conf.schema.json updated');
