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

  // jsonc is VS Code's own language, which freebsd-conf.json (JSON with comments) is added to.
  const ownLanguages = (manifest.contributes.languages as { id: string; configuration: string; filenames: string[] }[]).filter((l) => l.id !== 'jsonc');

  test('declares the four languages, each with a language configuration that parses', () => {
    const ids = ownLanguages.map((l) => l.id).sort();
    assert.deepEqual(ids, Object.values(LANGUAGE_IDS).sort());
    for (const lang of ownLanguages) {
      const config = read(lang.configuration) as { comments: { lineComment: string } };
      assert.equal(config.comments.lineComment, '#');
    }
  });

  test('the manifest file names map to the same kinds the server recognises', () => {
    for (const lang of ownLanguages) {
      for (const name of lang.filenames.filter((n) => n !== 'vendor.conf')) {
        assert.equal(LANGUAGE_IDS[kindOfPath(`/x/${name}`)!], lang.id, name);
      }
    }
  });

  test('freebsd-conf.json opens as JSON with comments, as the server reads it (no "comments are not permitted" errors)', () => {
    assert.deepEqual(manifest.contributes.languages.filter((l: { id: string }) => l.id === 'jsonc'), [{ id: 'jsonc', filenames: ['freebsd-conf.json'] }]);
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
