import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Workspace } from '../../../server/src/workspace/workspace';
import { findingsFor } from '../../../server/src/checks/registry';
import type { ParsedDocument } from '../../../server/src/model/document';

const ROOT = 'file:///ws';
const PF = 'ext_if = "em0"\nblock all\npass quick on $ext_if proto carp keep state (no-sync)\n';
const SYSCTL = 'net.inet.carp.preempt=1\n';

/** The parse a document holds (the part that is not the URI). */
function parseOf(doc: ParsedDocument | undefined): unknown {
  if (!doc) return undefined;
  return doc.kind === 'pf' ? doc.pf : doc.kind === 'sysctl' ? doc.sysctl : doc.kind === 'loader' ? doc.loader : doc.rc;
}

describe('workspace/shared-parses: files of one text share a parse', () => {
  test('two nodes with the same pf.conf and sysctl.conf share the parse, each under its own URI', () => {
    const ws = new Workspace();
    const a = ws.set(`${ROOT}/fw1/etc/pf.conf`, 'pf', PF);
    const b = ws.set(`${ROOT}/fw2/etc/pf.conf`, 'pf', PF);
    assert.equal(parseOf(a), parseOf(b));
    assert.equal(a.lines, b.lines);
    assert.equal(a.uri, `${ROOT}/fw1/etc/pf.conf`);
    assert.equal(b.uri, `${ROOT}/fw2/etc/pf.conf`);
    const s1 = ws.set(`${ROOT}/fw1/etc/sysctl.conf`, 'sysctl', SYSCTL);
    const s2 = ws.set(`${ROOT}/fw2/etc/sysctl.conf`, 'sysctl', SYSCTL);
    assert.equal(parseOf(s1), parseOf(s2));
  });

  test('the same text as another kind is parsed apart, and rc.conf is never shared', () => {
    const ws = new Workspace();
    const rc1 = ws.set(`${ROOT}/fw1/etc/rc.conf`, 'rc', 'sshd_enable="YES"\n');
    const rc2 = ws.set(`${ROOT}/fw2/etc/rc.conf`, 'rc', 'sshd_enable="YES"\n');
    assert.notEqual(parseOf(rc1), parseOf(rc2));
    const loader = ws.set(`${ROOT}/fw1/boot/loader.conf`, 'loader', 'net.inet.carp.preempt=1\n');
    const sysctl = ws.set(`${ROOT}/fw1/etc/sysctl.conf`, 'sysctl', 'net.inet.carp.preempt=1\n');
    assert.notEqual(parseOf(loader), parseOf(sysctl));
    assert.equal(loader.kind, 'loader');
    assert.equal(sysctl.kind, 'sysctl');
  });

  test('editing one of two files leaves the other its parse; a text no file holds any more is parsed again', () => {
    const ws = new Workspace();
    const a = ws.set(`${ROOT}/fw1/etc/pf.conf`, 'pf', PF);
    const b = ws.set(`${ROOT}/fw2/etc/pf.conf`, 'pf', PF);
    const edited = ws.set(`${ROOT}/fw1/etc/pf.conf`, 'pf', `${PF}pass out all\n`);
    assert.notEqual(parseOf(edited), parseOf(b));
    assert.equal(ws.get(`${ROOT}/fw2/etc/pf.conf`), b, 'the other file keeps its document');
    // fw2 still holds PF: setting fw1 back shares fw2's parse.
    assert.equal(parseOf(ws.set(`${ROOT}/fw1/etc/pf.conf`, 'pf', PF)), parseOf(b));
    // Once neither holds it, it is gone: a new file of that text gets a parse of its own.
    ws.remove(`${ROOT}/fw1/etc/pf.conf`);
    ws.set(`${ROOT}/fw2/etc/pf.conf`, 'pf', 'block all\n');
    const again = ws.set(`${ROOT}/fw3/etc/pf.conf`, 'pf', PF);
    assert.notEqual(parseOf(again), parseOf(a));
    assert.equal(again.uri, `${ROOT}/fw3/etc/pf.conf`);
  });

  test('findings of a shared parse land on each file: the same mistake in both nodes is reported twice', () => {
    const ws = new Workspace();
    const text = 'pass in on $int_if all\n';
    for (const n of ['fw1', 'fw2']) {
      ws.set(`${ROOT}/${n}/etc/rc.conf`, 'rc', `hostname="${n}"\npf_enable="YES"\n`);
      ws.set(`${ROOT}/${n}/etc/pf.conf`, 'pf', text);
    }
    for (const n of ['fw1', 'fw2']) {
      const uri = `${ROOT}/${n}/etc/pf.conf`;
      const found = findingsFor(ws.get(uri)!, ws).filter((f) => f.code === 'pf/undefined-macro');
      assert.equal(found.length, 1, n);
      assert.equal(found[0].uri, uri);
      assert.deepEqual(found[0].range, { start: { line: 0, character: 11 }, end: { line: 0, character: 18 } });
    }
  });
});
