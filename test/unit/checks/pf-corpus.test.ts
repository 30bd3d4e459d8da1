import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findings, findingsOf, loadFixture, REPO_ROOT, workspaceFromFiles } from '../../helpers/workspace';
import { PF_CORPUS_SKIP, readCorpusManifest, requirePfCorpus } from '../../helpers/pf-corpus';
import type { Code } from '../../../server/src/checks/codes';

/**
 * All ten pf checks over real rulesets: FreeBSD pfctl's accepted regression
 * inputs and the share/examples/pf files. pfctl loads every one of them, so
 * a finding claiming pfctl would refuse one is a false alarm.
 */

const MUST_BE_ZERO: readonly Code[] = ['pf/syntax', 'pf/unknown-keyword', 'pf/invalid-address', 'pf/invalid-port', 'pf/statement-order'];

function acceptedFiles(): string[] {
  const { pfctl, examples } = requirePfCorpus();
  const out: string[] = [];
  for (const f of readCorpusManifest(pfctl)) if (f.expect === 'accept' && /\.(in|ok)$/.test(f.name)) out.push(path.join(pfctl, f.name));
  for (const f of readCorpusManifest(examples)) if (f.expect === 'accept') out.push(path.join(examples, f.name));
  return out;
}

describe('pf checks on real rulesets', () => {
  test('accepted corpus files: no finding says pfctl would refuse them', { skip: PF_CORPUS_SKIP }, () => {
    const files = acceptedFiles();
    assert.ok(files.length > 200, `only ${files.length} accepted corpus files`);
    const bad: string[] = [];
    for (const file of files) {
      const t = workspaceFromFiles({ 'x/etc/pf.conf': fs.readFileSync(file, 'utf8') });
      for (const f of findings(t, 'x/etc/pf.conf')) {
        if (MUST_BE_ZERO.includes(f.code)) bad.push(`${path.basename(file)}:${f.range.start.line + 1}: ${f.code} ${f.message}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  test('the FreeBSD example files: only the macros they really leave unused', { skip: PF_CORPUS_SKIP }, () => {
    const { examples } = requirePfCorpus();
    const unused = (name: string): string[] => {
      const t = workspaceFromFiles({ 'x/etc/pf.conf': fs.readFileSync(path.join(examples, name), 'utf8') });
      const all = findings(t, 'x/etc/pf.conf');
      assert.deepEqual(all.filter((f) => f.code !== 'pf/unused-macro').map((f) => f.code), [], name);
      return all.map((f) => f.message.split("'")[1]);
    };
    // faq-example2 defines alice/bob/charlie but only queues bob; faq-example3 defines networks it never filters on.
    assert.deepEqual(unused('faq-example2'), ['alice', 'charlie']);
    assert.deepEqual(unused('faq-example3'), ['main_net', 'dmz_net']);
    for (const name of ['ackpri', 'faq-example1', 'pf.conf', 'queue1', 'queue2', 'queue3', 'queue4', 'spamd']) assert.deepEqual(unused(name), [], name);
  });

  test('the example cluster: fw1 is clean, fw2 only has its deliberate carp0 rule', () => {
    const ex = path.join(REPO_ROOT, 'examples');
    const files: Record<string, string> = {};
    for (const node of ['fw1', 'fw2']) for (const name of ['pf.conf', 'rc.conf']) files[`${node}/etc/${name}`] = fs.readFileSync(path.join(ex, node, 'etc', name), 'utf8');
    const t = workspaceFromFiles(files);
    assert.deepEqual(findings(t, 'fw1/etc/pf.conf'), []);
    assert.deepEqual(findings(t, 'fw2/etc/pf.conf').map((f) => f.code), ['pf/legacy-carp-interface']);
  });

  test('the fixtures that demonstrate other codes give no parser-level false alarm', () => {
    for (const [name, node] of [['pf-shadowed', 'fw2'], ['pf-order', 'fw2'], ['pf-tables', 'fw2']] as const) {
      const t = loadFixture(name);
      for (const code of MUST_BE_ZERO) findingsOf(t, `${node}/etc/pf.conf`, code, 0);
    }
  });
});
