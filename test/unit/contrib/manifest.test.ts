import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { LANGUAGE_IDS, kindOfPath } from '../../../server/src/model/kinds';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const read = (rel: string): unknown => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8'));

describe('extension manifest', () => {
  test('engines.vscode accepts VS Code 1.100 and @types/vscode is no newer', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  });

  test('declares the four languages, each with a language configuration that parses', () => {
    const ids = manifest.contributes.languages.map((l: { id: string }) => l.id).sort();
    assert.deepEqual(ids, Object.values(LANGUAGE_IDS).sort());
    for (const lang of manifest.contributes.languages) {
      const config = read(lang.configuration) as { comments: { lineComment: string } };
      assert.equal(config.comments.lineComment, '#');
    }
  });

  test('the manifest file names map to the same kinds the server recognises', () => {
    for (const lang of manifest.contributes.languages as { id: string; filenames: string[] }[]) {
      for (const name of lang.filenames.filter((n) => n !== 'vendor.conf')) {
        assert.equal(LANGUAGE_IDS[kindOfPath(`/x/${name}`)!], lang.id, name);
      }
    }
  });

  test('activates on each language and on workspaces holding the config files', () => {
    const events: string[] = manifest.activationEvents;
    for (const name of ['rc.conf', 'loader.conf', 'sysctl.conf', 'pf.conf']) assert.ok(events.includes(`workspaceContains:**/${name}`), name);
    for (const id of Object.values(LANGUAGE_IDS)) assert.ok(events.includes(`onLanguage:${id}`), id);
  });

  test('every grammar and snippet file exists and parses', () => {
    for (const g of manifest.contributes.grammars) {
      const grammar = read(g.path) as { scopeName: string };
      assert.equal(grammar.scopeName, g.scopeName);
    }
    for (const s of manifest.contributes.snippets) {
      const snippets = read(s.path) as Record<string, { prefix: unknown; body: unknown; description: unknown }>;
      for (const [name, snippet] of Object.entries(snippets)) {
        assert.ok(snippet.prefix && snippet.body && snippet.description, `${s.path}: ${name}`);
      }
    }
  });

  test('snippets teach only modern CARP (no if_carp, carpN or made-up sysctls)', () => {
    for (const s of manifest.contributes.snippets) {
      const snippets = read(s.path) as Record<string, { body: string | string[] }>;
      const text = Object.values(snippets).flatMap((x) => x.body).join('\n');
      assert.doesNotMatch(text, /if_carp|ifconfig_carp|carp\d|net\.inet\.carp\.(advskew|advbase|ad_timeout)/, s.path);
    }
  });
});
