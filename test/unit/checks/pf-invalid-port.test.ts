import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, loadFixture, rangeOf, workspaceFromFiles } from '../../helpers/workspace';

const messages = (text: string): string[] => {
  const t = workspaceFromFiles({ 'h/etc/pf.conf': text });
  return findingsOf(t, 'h/etc/pf.conf', 'pf/invalid-port').map((f) => `${f.range.start.line}: ${f.message.replace(/ — pfctl refuses to load the file\.$/, '')}`);
};

describe('pf/invalid-port', () => {
  test('bad ports on fw2: out of range, a dash range, a reversed range, an empty >< range', () => {
    const t = loadFixture('pf-addresses');
    const found = findingsOf(t, 'fw2/etc/pf.conf', 'pf/invalid-port', 4);
    assert.deepEqual(found.map(rangeOf), [[10, 47, 10, 52], [12, 47, 12, 56], [11, 47, 11, 56], [13, 47, 13, 59]]);
    assert.deepEqual(found.map((f) => f.message), [
      'illegal port value 70000 — pfctl refuses to load the file.',
      'invalid port range — pfctl refuses to load the file.',
      'unknown port 6000-6010: not a number from 0 to 65535, and service names contain a letter (a port range is written 6000:6010) — pfctl refuses to load the file.',
      'invalid port range 1024 >< 1024: no port lies strictly between 1024 and 1024 — pfctl refuses to load the file.',
    ]);
  });

  test('operators, quoted ports, macros and redirections', () => {
    assert.deepEqual(
      messages(
        [
          'bad_range = "9000:8000"',
          'pass to port = 80:90',
          'pass to port "70000"',
          'pass to port "90:80"',
          'pass in proto tcp to port $bad_range',
          'pass to port 2000 <> 1000',
          'rdr on em0 proto tcp to port 8080 -> 127.0.0.1 port 3128.',
          'pass in proto tcp to port 8080 divert-to 127.0.0.1 port 70000',
          '',
        ].join('\n'),
      ),
      [
        '4: invalid port range',
        "1: ':' cannot be used with an other port operator: write either 80:90 or = with a single port",
        '2: illegal port value 70000: ports go from 0 to 65535',
        '3: invalid port range 90:80: the first port is above the second',
        '5: invalid port range 2000 <> 1000: the first bound is above the second',
        '6: unknown port 3128.: not a number from 0 to 65535, and service names contain a letter',
        '7: illegal port value 70000: ports go from 0 to 65535',
      ],
    );
  });

  test('an invalid range from a macro points at the use and relates the definition', () => {
    const t = workspaceFromFiles({ 'h/etc/pf.conf': 'bad_range = "9000:8000"\npass in proto tcp to port $bad_range\n' });
    const [f] = findingsOf(t, 'h/etc/pf.conf', 'pf/invalid-port', 1);
    assert.deepEqual(rangeOf(f), [1, 26, 1, 36]);
    assert.deepEqual(f.related?.map((r) => r.range.start.line), [0]);
  });

  test('no false alarm: services, ranges, operators, port 0, P:* in redirections', () => {
    const text = [
      'pass in proto tcp to port { ssh, http, https, 8080:8090, > 1023, != 25, 1000 >< 2000, 10 <> 20 }',
      'pass in proto udp to port { domain ntp 0 65535 }',
      'pass in proto tcp from port 1024:65535 to port x11-ssh-offset',
      'rdr on em0 proto tcp to port 8000:8010 -> 127.0.0.1 port 9000:*',
      'pass in proto tcp to port 8080 divert-to 127.0.0.1 port 3128',
      'pass in proto tcp user { root, 1000 >< 2000 } to port ssh',
      '',
    ].join('\n');
    assert.deepEqual(messages(text), []);
  });
});
