import { describe, test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { TopologyNotifier, type TopologySource } from '../../../server/src/lsp/topology-notifier';
import type { TopologyChanged } from '../../../server/src/protocol';

/** A notifier over a fake topology, with timers and the clock under the test's control. */
function setup(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  let clock = 1000;
  const state = { version: 0, text: 'A', changedSince: true, snapshots: 0, shutDown: false };
  const sent: TopologyChanged[] = [];
  const errors: unknown[] = [];
  const source: TopologySource = {
    version: () => state.version,
    mayHaveChanged: (since) => since === undefined || (since !== state.version && state.changedSince),
    snapshot: () => {
      state.snapshots++;
      if (state.text === 'throw') throw new Error('boom');
      return { text: state.text, clusters: state.text.length };
    },
  };
  const notifier = new TopologyNotifier(source, (c) => sent.push(c), { intervalMs: 200, isShutDown: () => state.shutDown, onError: (e) => errors.push(e), now: () => clock });
  const advance = (ms: number): void => {
    clock += ms;
    t.mock.timers.tick(ms);
  };
  return { notifier, state, sent, errors, advance };
}

describe('topologyChanged notifications', () => {
  test('the first change is looked at at once; a burst after it is coalesced into one look 200 ms later', (t) => {
    const { notifier, state, sent, advance } = setup(t);
    notifier.changed(true);
    advance(0);
    assert.equal(sent.length, 1, 'after the scan');
    for (let i = 0; i < 10; i++) {
      state.version++;
      state.text = `A${i}`;
      notifier.changed();
      advance(10);
    }
    assert.equal(sent.length, 1, 'nothing within 200 ms of the last look');
    advance(100);
    assert.equal(sent.length, 2);
    assert.equal(state.snapshots, 2, 'the burst cost one look');
  });

  test('nothing is sent when the topology came out the same, nor rebuilt when no rc or sysctl file changed', (t) => {
    const { notifier, state, sent, advance } = setup(t);
    notifier.changed(true);
    advance(0);
    state.version++;
    notifier.changed();
    advance(200);
    assert.equal(sent.length, 1, 'same text: not sent');
    assert.equal(state.snapshots, 2);
    state.version++;
    state.changedSince = false;
    notifier.changed();
    advance(200);
    assert.equal(state.snapshots, 2, 'a pf or loader edit: not even rebuilt');
  });

  test('a scan always sends, even when the topology is the same', (t) => {
    const { notifier, sent, advance } = setup(t);
    notifier.changed(true);
    advance(0);
    notifier.changed(true);
    advance(200);
    assert.equal(sent.length, 2);
  });

  test('nothing is sent after shutdown, even for a change made before it', (t) => {
    const { notifier, state, sent, advance } = setup(t);
    notifier.changed(true);
    advance(0);
    state.version++;
    state.text = 'B';
    notifier.changed();
    state.shutDown = true;
    advance(1000);
    notifier.changed();
    advance(1000);
    assert.equal(sent.length, 1);
  });

  test('a failure is reported and the next change is looked at again', (t) => {
    const { notifier, state, sent, errors, advance } = setup(t);
    state.text = 'throw';
    notifier.changed(true);
    advance(0);
    assert.equal(errors.length, 1);
    state.text = 'C';
    state.version++;
    notifier.changed();
    advance(200);
    assert.deepEqual(sent, [{ clusters: 1 }]);
  });
});

