import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceFromFiles } from '../../helpers/workspace';
import { byDefault, countingLayouts, draw, modelOf } from '../../helpers/topology-draw';
import { COLLAPSE_CLUSTERS_OVER } from '../../../client/webview/graph';

/** 100 nodes in 50 pairs, each pair with vhids 1-3 on its own segments (as /work/shared/tools/gen-cluster.py writes them). */
function hundredNodes(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < 100; i++) {
    const [pair, member] = [Math.floor(i / 2), i % 2];
    const skew = member === 0 ? '' : ' advskew 100';
    files[`fw${pair}${'ab'[member]}/etc/rc.conf`] = [
      `hostname="fw${pair}${'ab'[member]}.example.net"`,
      `ifconfig_em0="inet 10.${pair}.0.${2 + member}/24"`,
      `ifconfig_em0_alias0="inet vhid 1${skew} pass k${pair} alias 10.${pair}.0.1/32"`,
      `ifconfig_em1="inet 10.${pair}.1.${2 + member}/24"`,
      `ifconfig_em1_alias0="inet vhid 2${skew} pass k${pair} alias 10.${pair}.1.1/32"`,
      `ifconfig_em1_alias1="inet vhid 3${skew} pass k${pair} alias 10.${pair}.1.10/32"`,
      '',
    ].join('\n');
  }
  return files;
}

describe('a 100-node workspace', () => {
  const t = workspaceFromFiles(hundredNodes());

  test('its 50 clusters start collapsed, as one box each, and need no layout run', async () => {
    const model = modelOf(t.ws);
    assert.equal(model.clusters.length, 50);
    assert.ok(model.clusters.length > COLLAPSE_CLUSTERS_OVER);
    const { layouts, runs } = countingLayouts();
    const svg = await draw(model, byDefault(model), layouts);
    assert.equal((svg.match(/class="cluster collapsed/g) ?? []).length, 50);
    assert.equal((svg.match(/aria-expanded="false"/g) ?? []).length, 50, 'each box says it can be expanded');
    assert.equal(runs(), 0);
  });

  test('expanding clusters lays out only those not laid out yet; a failure lays out only its cluster again', async () => {
    const { layouts, runs } = countingLayouts();
    const model = modelOf(t.ws);
    const clusterOf = (name: string): number => model.clusters.findIndex((c) => c.nodes.some((n) => n.name === name));
    const open = new Set([clusterOf('fw3a')]);
    await draw(model, (ci) => open.has(ci), layouts);
    assert.equal(runs(), 1);
    open.add(clusterOf('fw7a'));
    const two = await draw(model, (ci) => open.has(ci), layouts);
    assert.equal(runs(), 2, 'the first cluster came from the cache');
    assert.equal((two.match(/class="cluster expanded/g) ?? []).length, 2);

    const failed = modelOf(t.ws, ['fw3a']);
    const svg = await draw(failed, (ci) => open.has(ci), layouts);
    assert.equal(runs(), 3, 'only the cluster whose boxes changed');
    assert.match(svg, /fw3b takes over 10\.3\.0\.1/);
  });

  test('a cluster with a failed node opens by itself; the others stay collapsed', async () => {
    const model = modelOf(t.ws, ['fw10b']);
    const svg = await draw(model, byDefault(model));
    assert.equal((svg.match(/class="cluster expanded/g) ?? []).length, 1);
    assert.match(svg, /FAILED \(simulated\)/);
  });
});
