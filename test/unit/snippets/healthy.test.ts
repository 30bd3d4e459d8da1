import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO_ROOT } from '../../helpers/workspace';
import { makeTempDir } from '../../helpers/temp';
import { expandSnippet } from '../../helpers/snippet-expand';
import { loadPaths } from '../../../server/src/cli/load-paths';
import { findingsFor } from '../../../server/src/checks/registry';
import { kindOfPath, LANGUAGE_IDS } from '../../../server/src/model/kinds';
import type { Finding } from '../../../server/src/checks/types';

/**
 * Every snippet, expanded with its defaults where it is meant to go in a
 * healthy CARP pair, must leave the pair healthy: a default that makes a
 * finding teaches the mistake this extension exists to catch.
 *
 * The pair is test/fixtures/snippets-pair (fw1 primary, fw2 backup): it has
 * the interfaces the snippets default to (em0 the uplink, with no vhid yet, em1
 * the LAN with vhid 2, em2 the pfsync link) and gets no finding at all. Each
 * case copies it to a temporary folder, inserts one or more expansions, and
 * checks the folder as `freebsd-conf check` does (cli/load-paths, then every
 * file's own and cross-node findings).
 */

type NodeName = 'fw1' | 'fw2';

interface Insertion {
  snippet: string;
  node: NodeName;
  /** The file inside the node, e.g. etc/rc.conf; its kind must be the snippet's language. */
  file: string;
  /**
   * append: at the end; file: the whole file; replace: the lines matching
   * (one or more, the expansion where the first was: what the snippet writes
   * that the healthy node already says); before: above the first line matching.
   */
  at: 'append' | 'file' | { replace: RegExp } | { before: RegExp };
  /** A snippet inserted at this one's final tab stop, as a user continues there. */
  then?: string;
}

interface Case {
  title: string;
  insert: Insertion[];
  /** The vhid groups afterwards, when the case is about CARP: proof the expansion was read as meant. */
  groups?: string[];
}

const RC = 'etc/rc.conf';
const PF = 'etc/pf.conf';
const SYSCTL = 'etc/sysctl.conf';
const LOADER = 'boot/loader.conf';
const BASE_GROUPS = ['vhid 2 em1 198.51.100.1: fw1 advskew 0, fw2 advskew 100'];
const WITH_VHID_1 = ['vhid 1 em0 192.0.2.1: fw1 advskew 0, fw2 advskew 100', ...BASE_GROUPS];
const both = (snippet: string, file: string, at: Insertion['at']): Insertion[] => [
  { snippet, node: 'fw1', file, at },
  { snippet, node: 'fw2', file, at },
];

const CASES: Case[] = [
  {
    title: 'a CARP VIP: the master line on fw1, the backup line on fw2',
    insert: [
      { snippet: 'CARP virtual IP (master)', node: 'fw1', file: RC, at: 'append' },
      { snippet: 'CARP virtual IP (backup)', node: 'fw2', file: RC, at: 'append' },
    ],
    groups: WITH_VHID_1,
  },
  {
    title: 'a unicast CARP VIP: each node names the other as its peer',
    insert: [
      { snippet: 'CARP unicast virtual IP (master)', node: 'fw1', file: RC, at: 'append' },
      { snippet: 'CARP unicast virtual IP (backup)', node: 'fw2', file: RC, at: 'append' },
    ],
    groups: WITH_VHID_1,
  },
  {
    title: 'the node pair: carp-pair-primary as fw1 rc.conf, carp-pair-backup as fw2 rc.conf',
    insert: [
      { snippet: 'CARP pair: primary node', node: 'fw1', file: RC, at: 'file' },
      { snippet: 'CARP pair: backup node', node: 'fw2', file: RC, at: 'file' },
    ],
    groups: [WITH_VHID_1[0]],
  },
  {
    title: 'the node skeleton as fw1 rc.conf, with carp-pair-backup as its peer',
    insert: [
      { snippet: 'CARP cluster node', node: 'fw1', file: RC, at: 'file' },
      { snippet: 'CARP pair: backup node', node: 'fw2', file: RC, at: 'file' },
    ],
    groups: [WITH_VHID_1[0]],
  },
  { title: 'pfsync over multicast on both nodes', insert: both('pfsync state synchronisation', RC, { replace: /^pfsync_/ }) },
  { title: 'pfsync with a unicast peer on fw1 (fw2 names fw1 back)', insert: [{ snippet: 'pfsync with unicast peer', node: 'fw1', file: RC, at: { replace: /^pfsync_/ } }] },
  { title: 'pf with pflog on fw1', insert: [{ snippet: 'pf firewall with pflog', node: 'fw1', file: RC, at: { replace: /^pf(log)?_(enable|rules)=/ } }] },
  { title: 'loading carp.ko', insert: [{ snippet: 'Load CARP', node: 'fw1', file: LOADER, at: { replace: /^carp_load=/ } }] },
  { title: 'loading pf.ko', insert: [{ snippet: 'Load pf', node: 'fw1', file: LOADER, at: { replace: /^pf_load=/ } }] },
  { title: 'loading pfsync.ko', insert: [{ snippet: 'Load pfsync', node: 'fw1', file: LOADER, at: { replace: /^pfsync_load=/ } }] },
  { title: 'the cluster modules as both loader.conf files', insert: both('Load CARP cluster modules', LOADER, 'file') },
  { title: 'preempt on both nodes', insert: both('CARP preempt', SYSCTL, { replace: /^net\.inet\.carp\.preempt=/ }) },
  ...['CARP logging', 'CARP DSCP', 'CARP interface-down demotion', 'CARP send-error demotion', 'pfsync CARP demotion'].map(
    (snippet): Case => ({ title: `${snippet} on fw1`, insert: [{ snippet, node: 'fw1', file: SYSCTL, at: 'append' }] }),
  ),
  { title: 'the pfsync pass rule on fw1', insert: [{ snippet: 'pfsync pass rule', node: 'fw1', file: PF, at: { replace: /proto pfsync/ } }] },
  { title: 'the CARP pass rule on fw1', insert: [{ snippet: 'CARP pass rule', node: 'fw1', file: PF, at: { replace: /proto carp/ } }] },
  { title: 'the CARP and pfsync pass rules on fw1', insert: [{ snippet: 'CARP and pfsync pass rules', node: 'fw1', file: PF, at: { replace: /proto (carp|pfsync)/ } }] },
  {
    // Alone it blocks CARP and pfsync on a CARP node (pf/carp-blocked says so): its final tab stop is where the HA rules go.
    title: 'the default-deny ruleset as both pf.conf files, with the CARP and pfsync rules at its final tab stop',
    insert: both('default-deny ruleset', PF, 'file').map((i) => ({ ...i, then: 'CARP and pfsync pass rules' })),
  },
  { title: 'a table on fw1', insert: [{ snippet: 'table', node: 'fw1', file: PF, at: { before: /^set skip/ } }] },
  { title: 'a table from a file on fw1', insert: [{ snippet: 'table from file', node: 'fw1', file: PF, at: { before: /^set skip/ } }] },
  { title: 'an inline anchor on fw1', insert: [{ snippet: 'anchor block', node: 'fw1', file: PF, at: 'append' }] },
  { title: 'an anchor loaded from a file on fw1', insert: [{ snippet: 'load anchor', node: 'fw1', file: PF, at: 'append' }] },
  { title: 'NAT with nat-to on fw1', insert: [{ snippet: 'NAT with nat-to', node: 'fw1', file: PF, at: { replace: /^nat on/ } }] },
  { title: 'classic NAT on fw1', insert: [{ snippet: 'NAT (classic)', node: 'fw1', file: PF, at: { replace: /^nat on/ } }] },
];

/** Every snippet of package.json's contributes.snippets, by name, with its language. */
function contributedSnippets(): Map<string, { language: string; body: string | string[] }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { snippets: { language: string; path: string }[] } };
  const all = new Map<string, { language: string; body: string | string[] }>();
  for (const { language, path: file } of manifest.contributes.snippets) {
    const snippets = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), 'utf8')) as Record<string, { body: string | string[] }>;
    for (const [name, { body }] of Object.entries(snippets)) {
      assert.ok(!all.has(name), `two snippets are called "${name}"; the cases name snippets by name`);
      all.set(name, { language, body });
    }
  }
  return all;
}

const SNIPPETS = contributedSnippets();
const BASE = path.join(FIXTURES, 'snippets-pair');

function baseFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const node of ['fw1', 'fw2']) for (const file of [RC, PF, SYSCTL, LOADER]) files[`${node}/${file}`] = fs.readFileSync(path.join(BASE, node, file), 'utf8');
  return files;
}

/** The expansion of one insertion (with its continuation at the final tab stop), checked against the file's language. */
function expansionFor(insertion: Insertion): string {
  const expand = (name: string): ReturnType<typeof expandSnippet> => {
    const snippet = SNIPPETS.get(name);
    assert.ok(snippet, `no snippet called "${name}"`);
    const kind = kindOfPath(`/x/${insertion.file}`);
    assert.equal(snippet.language, kind && LANGUAGE_IDS[kind], `"${name}" is a ${snippet.language} snippet, not one for ${insertion.file}`);
    const expansion = expandSnippet(snippet.body, { TM_FILENAME: path.basename(insertion.file), TM_DIRECTORY: path.dirname(insertion.file) });
    // VS Code inserts an unknown variable's name without its $: a pf macro written $ext_if instead of \\$ext_if.
    assert.deepEqual(expansion.unknownVariables, [], `"${name}" uses unknown variables (an unescaped $?)`);
    return expansion;
  };
  const first = expand(insertion.snippet);
  if (!insertion.then) return first.text;
  return first.text.slice(0, first.finalOffset) + expand(insertion.then).text + first.text.slice(first.finalOffset);
}

function insert(text: string, expansion: string, at: Insertion['at']): string {
  if (at === 'file') return expansion.endsWith('\n') ? expansion : `${expansion}\n`;
  if (at === 'append') return `${text}${text.endsWith('\n') ? '' : '\n'}${expansion}\n`;
  const lines = text.split('\n');
  const pattern = 'replace' in at ? at.replace : at.before;
  const first = lines.findIndex((l) => pattern.test(l));
  assert.ok(first >= 0, `no line matches ${pattern}`);
  if ('before' in at) return [...lines.slice(0, first), expansion, ...lines.slice(first)].join('\n');
  const kept = lines.filter((l, i) => i < first || !pattern.test(l));
  return [...kept.slice(0, first), expansion, ...kept.slice(first)].join('\n');
}

/** Everything `freebsd-conf check DIR` reports, read the way it reads (cli/load-paths). */
async function checkFolder(dir: string): Promise<{ findings: Finding[]; fileCount: number; groups: string[] }> {
  const loaded = await loadPaths([dir], {
    cwd: dir,
    maxFiles: Infinity,
    internalError: (what, error) => assert.fail(`internal error ${what}: ${String(error)}`),
  });
  const { ws } = loaded;
  assert.deepEqual(loaded.pathErrors, []);
  const findings = [...loaded.skipped];
  for (const doc of ws.documents()) findings.push(...findingsFor(doc, ws, (check, error) => assert.fail(`${check.code} threw: ${String(error)}`)));
  for (const uri of ws.manifestUris()) findings.push(...ws.manifestFindings(uri));
  const groups = ws.clusters().flatMap((c) =>
    c.groups.map((g) => `vhid ${g.vhid} ${g.members[0].ifName} ${g.members[0].addresses.join(' ')}: ${g.members.map((m) => `${m.node} advskew ${m.advskew}`).join(', ')}`),
  );
  return { findings, fileCount: loaded.fileCount, groups: groups.sort() };
}

function describeFindings(dir: string, findings: Finding[]): string[] {
  return findings.map((f) => `${path.relative(dir, new URL(f.uri).pathname)}:${f.range.start.line + 1} ${f.code} ${f.message}`);
}

describe('snippets, expanded with their defaults into a healthy CARP pair, add no finding', () => {
  test('the pair without any snippet: eight files, no finding, one vhid group', async () => {
    const dir = makeTempDir('fc-snippets-', baseFiles());
    const { findings, fileCount, groups } = await checkFolder(dir);
    assert.equal(fileCount, 8);
    assert.deepEqual(describeFindings(dir, findings), []);
    assert.deepEqual(groups, BASE_GROUPS);
  });

  test('every contributed snippet is expanded by some case', () => {
    const used = new Set(CASES.flatMap((c) => c.insert.flatMap((i) => [i.snippet, ...(i.then ? [i.then] : [])])));
    assert.deepEqual([...SNIPPETS.keys()].filter((name) => !used.has(name)), []);
  });

  for (const c of CASES) {
    test(c.title, async () => {
      const files = baseFiles();
      const expected: Record<string, string[]> = {};
      for (const i of c.insert) {
        const rel = `${i.node}/${i.file}`;
        const expansion = expansionFor(i);
        files[rel] = insert(files[rel], expansion, i.at);
        (expected[rel] ??= []).push(expansion);
      }
      const dir = makeTempDir('fc-snippets-', files);
      const { findings, groups } = await checkFolder(dir);
      assert.deepEqual(describeFindings(dir, findings), [], `after inserting:\n${Object.entries(expected).map(([rel, e]) => `--- ${rel}\n${e.join('\n')}`).join('\n')}`);
      for (const [rel, expansions] of Object.entries(expected)) for (const e of expansions) assert.ok(files[rel].includes(e), `${rel} holds the expansion`);
      if (c.groups) assert.deepEqual(groups, [...c.groups].sort());
    });
  }
});
