import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadFixture, rangeOf, reportedOf } from '../../helpers/workspace';

const CODE = 'net/same-subnet-interfaces';

describe('net/same-subnet-interfaces', () => {
  const t = loadFixture('net-subnets');

  test('igb0 and igb1 in one /24: each address is reported, pointing at the other', () => {
    const [igb0, igb1] = reportedOf(t, 's1/etc/rc.conf', CODE, 2);
    assert.deepEqual(rangeOf(igb0), [2, 20, 2, 35]);
    assert.deepEqual(rangeOf(igb1), [4, 20, 4, 35]);
    assert.match(igb0.message, /^igb0 and igb1 are both in 192\.168\.1\.0\/24 on s1\. The kernel gives a subnet one prefix route, through the interface configured first \(in_addprefix\(\)\)/);
    assert.match(igb0.message, /a CARP VIP in it has no unambiguous parent interface/);
    assert.deepEqual(igb0.related?.map((r) => [r.range.start.line, r.message]), [[4, 'igb1 is in 192.168.1.0/24 too']]);
  });

  test('the same subnet written as a netmask, a /16 and a hex mask; and an IPv6 /64 on two interfaces', () => {
    const list = reportedOf(t, 's3/etc/rc.conf', CODE, 5);
    assert.deepEqual(list.map((f) => f.range.start.line), [2, 3, 4, 5, 6]);
    assert.match(list[0].message, /^em0, em1 and em2 are all in 172\.16\.0\.0\/16 on s3\./);
    assert.match(list[3].message, /^em0 and em3 are both in 2001:db8:16::\/64 on s3\. .*\(nd6_prefix_onlink\(\)\)/);
  });

  test('one subnet per interface: a second address on the same interface, a /32 elsewhere, link-local, loopback and tunnels are fine', () => {
    reportedOf(t, 's2/etc/rc.conf', CODE, 0);
  });
});
