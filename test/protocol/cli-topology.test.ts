import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES } from '../helpers/workspace';
import { runCli as run, tempDir } from '../helpers/cli';
import { parseMermaid, renderDot } from '../helpers/diagrams';
import { MASKED_PASSWORD } from '../../server/src/model/mask';

const PAIR = path.join(FIXTURES, 'topology-pair');
const FOUR = path.join(FIXTURES, 'topology-four');
const PAIR_PASSES = ['outsidekey1', 'insidekey2'];

interface JsonMember {
  node: string;
  path: string;
  role: string;
  tie: boolean;
  pass: string | null;
  location: { file: string; line: number; column: number; endLine: number; endColumn: number };
}
interface JsonTopology {
  failed: string[];
  clusters: { nodes: { name: string; path: string; failed: boolean }[]; groups: { vhid: number; addresses: string[]; master: string | null; members: JsonMember[] }[] }[];
}

describe('freebsd-conf topology (the built CLI)', () => {
  test('text: each vhid group with its MASTER and BACKUP, the pass masked; exit 0', () => {
    const r = run(['topology', '.'], PAIR);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(
      r.stdout,
      [
        'cluster fw1, fw2',
        '  vhid 1 on 192.0.2.0/24: 192.0.2.1 2001:db8:1::1',
        `    MASTER  fw1  em0  advbase 1  advskew 0    pass ${MASKED_PASSWORD}  fw1/etc/rc.conf:7`,
        `    BACKUP  fw2  em0  advbase 1  advskew 100  pass ${MASKED_PASSWORD}  fw2/etc/rc.conf:6`,
        '  vhid 2 on 198.51.100.0/24: 198.51.100.1',
        `    MASTER  fw1  em1  advbase 1  advskew 0    pass ${MASKED_PASSWORD}  fw1/etc/rc.conf:11`,
        `    BACKUP  fw2  em1  advbase 1  advskew 100  pass ${MASKED_PASSWORD}  fw2/etc/rc.conf:9`,
        '',
      ].join('\n'),
    );
    assert.match(r.stderr, /^6 files read: 1 CARP cluster, 2 vhid groups$/m);
  });

  test('--fail by name or by folder: the failed node is marked and the other takes over', () => {
    for (const fail of ['fw1', 'fw1.example.net', path.join(PAIR, 'fw1'), './fw1']) {
      const r = run(['topology', '--fail', fail, '.'], PAIR);
      assert.equal(r.code, 0, `${fail}: ${r.stderr}`);
      assert.match(r.stdout, /^failed: fw1\ncluster fw1 \(failed\), fw2\n/, fail);
      assert.match(r.stdout, /MASTER {2}fw2 {2}em1 .*\n {4}FAILED {2}fw1 {2}em1 /, fail);
    }
  });

  test('--fail repeated until a vhid has no member left: exit 1, said on stdout and stderr', () => {
    const down = run(['topology', '--fail', 'fw1', '--fail', 'fw2', '.'], PAIR);
    assert.equal(down.code, 1, down.stderr);
    assert.match(down.stdout, /no MASTER: no member is left, so 198\.51\.100\.1 is down/);
    assert.match(down.stderr, /2 vhid groups, 2 without a MASTER/);
    // Four nodes: losing two still leaves every vhid a MASTER.
    const four = run(['topology', '--fail', 'fw1', '--fail', 'fw2', FOUR]);
    assert.equal(four.code, 0, four.stderr);
    assert.equal((four.stdout.match(/MASTER {2}fw3/g) ?? []).length, 3);
  });

  test('an unknown --fail node is bad usage: exit 2, nothing printed, the known nodes named', () => {
    const r = run(['topology', '--fail', 'fw9', '.'], PAIR);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--fail fw9: no such node under the PATHs \(nodes: fw1, fw2\)/);
  });

  test('json: the payload with paths and 1-based places; passes masked unless --show-passwords', () => {
    const r = run(['topology', '--format', 'json', '--fail', 'fw2', '.'], PAIR);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as JsonTopology;
    assert.deepEqual(json.failed, ['fw2']);
    assert.deepEqual(json.clusters[0].nodes, [
      { name: 'fw1', path: 'fw1', failed: false },
      { name: 'fw2', path: 'fw2', failed: true },
    ]);
    const vhid1 = json.clusters[0].groups[0];
    assert.deepEqual([vhid1.vhid, vhid1.addresses, vhid1.master], [1, ['192.0.2.1', '2001:db8:1::1'], 'fw1']);
    assert.deepEqual(vhid1.members.map((m) => [m.node, m.role, m.pass]), [['fw1', 'MASTER', MASKED_PASSWORD], ['fw2', 'FAILED', MASKED_PASSWORD]]);
    assert.deepEqual(vhid1.members[1].location, { file: 'fw2/etc/rc.conf', line: 6, column: 1, endLine: 6, endColumn: 82 });
    const shown = JSON.parse(run(['topology', '--format', 'json', '--show-passwords', '.'], PAIR).stdout) as JsonTopology;
    assert.deepEqual(shown.clusters[0].groups.map((g) => g.members[0].pass), ['outsidekey1', 'insidekey2']);
  });

  test('no format prints a pass without --show-passwords, and diagrams never do', () => {
    for (const format of ['text', 'json', 'mermaid', 'dot']) {
      for (const flags of format === 'mermaid' || format === 'dot' ? [[], ['--show-passwords']] : [[]]) {
        const out = run(['topology', '--format', format, ...flags, '.'], PAIR).stdout;
        for (const pass of PAIR_PASSES) assert.ok(!out.includes(pass), `${pass} in ${format} ${flags.join(' ')}`);
      }
    }
  });

  test('mermaid and dot are valid with hostnames full of quotes, brackets and <script>', async (t) => {
    const alias = (skew: number): string => `ifconfig_em0="inet 192.0.2.${skew + 2}/24"\nifconfig_em0_alias0="inet vhid 1 advskew ${skew} pass k alias 192.0.2.1/32"\n`;
    const dir = tempDir(t, {
      'fw"1 [x] <script>alert(1)<\\script>/etc/rc.conf': `hostname="<script>"\n${alias(0)}`,
      'fw2 {y} |z| #35; &lt;\n/etc/rc.conf': alias(100),
    });
    const mermaid = run(['topology', '--format', 'mermaid', '--fail', 'fw2 {y} |z| #35; &lt;\n', '.'], dir);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    assert.equal(await parseMermaid(mermaid.stdout), 'flowchart-v2');
    assert.ok(!mermaid.stdout.includes('<script>'), mermaid.stdout);
    const dot = run(['topology', '--format', 'dot', '.'], dir);
    assert.equal(dot.code, 0, dot.stderr);
    const svg = await renderDot(dot.stdout);
    assert.ok(!svg.includes('<script'), svg);
    assert.match(svg, /fw&quot;1 \[x\] &lt;script&gt;alert\(1\)&lt;\\script&gt;/);
    assert.match(svg, /fw2 \{y\} \|z\| #35; &amp;lt;/);
  });

  test('no vhid anywhere: said, exit 0', (t) => {
    const dir = tempDir(t, { 'fw1/boot/loader.conf': 'carp_load="YES"\n' });
    const r = run(['topology', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'no CARP vhid found\n');
  });

  test('bad usage and unreadable PATHs exit 2, as for check', () => {
    const badFormat = run(['topology', '--format', 'sarif', PAIR]);
    assert.equal(badFormat.code, 2);
    assert.match(badFormat.stderr, /unknown format "sarif"\nusage: freebsd-conf topology/);
    const checkOption = run(['topology', '--max-warnings', '0', PAIR]);
    assert.equal(checkOption.code, 2);
    assert.match(checkOption.stderr, /topology has no option --max-warnings/);
    assert.match(run(['check', '--fail', 'fw1', PAIR]).stderr, /check has no option --fail/);
    const missing = run(['topology', '/no/such/path', PAIR]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /\/no\/such\/path: no such file or directory/);
    assert.match(missing.stdout, /^cluster fw1, fw2$/m, 'the other PATH is still shown');
    const help = run(['topology', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^usage: freebsd-conf topology \[--format text\|json\|mermaid\|dot\] \[--fail NODE\]\.\.\./);
  });
});
