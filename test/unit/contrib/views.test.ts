import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../helpers/workspace';
import { REVEAL_GROUP_COMMAND } from '../../../server/src/protocol';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared = new Set((contributes.commands as { command: string }[]).map((c) => c.command));

/** Commands the menus name that another part of the extension (the topology diagram) declares and registers. */
const DECLARED_ELSEWHERE = new Set(['freebsdConf.showTopology']);

/** Every command id the client's sources register. */
function registeredInClient(): Set<string> {
  const dir = path.join(REPO_ROOT, 'client', 'src');
  const texts = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  // Command ids held in constants (`SHOW_TOPOLOGY_COMMAND`), in the client or the protocol module.
  const constants = new Map<string, string>([['REVEAL_GROUP_COMMAND', REVEAL_GROUP_COMMAND]]);
  for (const text of texts) for (const m of text.matchAll(/const ([A-Z_]+) = '([^']+)'/g)) constants.set(m[1], m[2]);
  const ids = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/registerCommand\(\s*'([^']+)'/g)) ids.add(m[1]);
    for (const m of text.matchAll(/registerCommand\(\s*([A-Z_]+)\b/g)) {
      const id = constants.get(m[1]);
      assert.ok(id, `registerCommand(${m[1]}): no string constant ${m[1]} in client/src`);
      ids.add(id);
    }
  }
  return ids;
}

describe('the CARP Clusters view, the status bar and the commands in package.json', () => {
  test('the view lives in its own activity-bar container, whose icon is a 24x24 SVG drawn in currentColor', () => {
    assert.deepEqual(contributes.viewsContainers.activitybar, [{ id: 'freebsdConf', title: 'FreeBSD conf', icon: 'media/carp-activity.svg' }]);
    assert.deepEqual(contributes.views.freebsdConf.map((v: { id: string; name: string }) => [v.id, v.name]), [['freebsdConf.clusters', 'CARP Clusters']]);
    const svg = fs.readFileSync(path.join(REPO_ROOT, 'media', 'carp-activity.svg'), 'utf8');
    assert.match(svg, /^<svg [^>]*width="24" height="24" viewBox="0 0 24 24"/);
    // Monochrome: the workbench recolours it; no colour but currentColor.
    assert.deepEqual([...new Set(svg.match(/(?:fill|stroke)="[^"]*"/g))].filter((a) => !/"(currentColor|none)"$/.test(a)), []);
    // (test/unit/scripts checks the whole .vsix selection; this only that media/ is in it.)
    assert.ok(fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').some((l) => l.startsWith('!media/**')), 'the icon ships in the .vsix');
  });

  test('every command is in the "FreeBSD conf" category and registered by the client', () => {
    const registered = registeredInClient();
    for (const c of contributes.commands as { command: string; category: string }[]) {
      assert.equal(c.category, 'FreeBSD conf', c.command);
      assert.ok(registered.has(c.command), `${c.command} is declared but no client source registers it`);
    }
    for (const id of registered) assert.ok(declared.has(id), `${id} is registered but not declared`);
  });

  test('every command a menu or a welcome link names is declared', () => {
    const named = Object.values(contributes.menus as Record<string, { command: string }[]>).flat().map((m) => m.command);
    for (const w of contributes.viewsWelcome as { contents: string }[]) for (const m of w.contents.matchAll(/\(command:([\w.]+)\)/g)) named.push(m[1]);
    for (const id of named) assert.ok(declared.has(id) || DECLARED_ELSEWHERE.has(id), id);
  });

  test('the welcome view says why the view is empty in each state the model reports', () => {
    const states = (contributes.viewsWelcome as { view: string; when: string }[]).map((w) => [w.view, w.when]);
    assert.deepEqual(states, ['starting', 'scanning', 'stopped', 'empty'].map((s) => ['freebsdConf.clusters', `freebsdConf.topologyState == ${s}`]));
  });

  test('the node actions of the context menu follow the member context values the tree sets', () => {
    const items = contributes.menus['view/item/context'] as { command: string; when: string }[];
    const whenOf = (command: string): string[] => items.filter((i) => i.command === command).map((i) => i.when);
    for (const when of whenOf('freebsdConf.simulateFailure')) assert.match(when, /viewItem == member-up$/);
    for (const when of whenOf('freebsdConf.restoreNode')) assert.match(when, /viewItem == member-failed$/);
    const title = contributes.menus['view/title'] as { command: string; when: string }[];
    assert.match(title.find((t) => t.command === 'freebsdConf.restoreAllNodes')!.when, /freebsdConf\.hasSimulatedFailures/);
  });
});
