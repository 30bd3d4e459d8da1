import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findingsOf, workspaceFromFiles } from '../../helpers/workspace';
import { MASKED_PASSWORD as M } from '../../../server/src/model/mask';
import { parseRcConf } from '../../../server/src/parsers/rcconf';

const FILE = 'fw1/etc/rc.conf';

function syntax(text: string, extra: Record<string, string> = {}): { message: string; revealed: string | undefined }[] {
  const t = workspaceFromFiles({ [FILE]: text, ...extra });
  return findingsOf(t, FILE, 'rc/syntax').map((f) => ({ message: f.message, revealed: f.revealedMessage }));
}

describe('rc/syntax messages mask the passes they quote, by position', () => {
  test('a quoted pass with a blank in a `name = value` line is masked whole', () => {
    const [f] = syntax(`ifconfig_carp1 = "vhid 2 pass 'Top Secret' 10.20.0.1/24"\n`);
    assert.equal(
      f.message,
      `\`ifconfig_carp1 = "vhid 2 pass ${M} 10.20.0.1/24"\` runs a command named ifconfig_carp1 instead of setting it; write ifconfig_carp1="vhid 2 pass ${M} 10.20.0.1/24" without spaces around =.`,
    );
    assert.ok(f.revealed?.includes(`pass 'Top Secret' 10.20.0.1/24`), f.revealed);
  });

  test('the pass on the line after a continuation is masked (the backslash is not taken for it)', () => {
    const [f] = syntax('ifconfig_carp1 = "vhid 2 pass \\\n  CONTKEY 10.20.0.1/24"\n');
    assert.ok(!f.message.includes('CONTKEY'), f.message);
    assert.ok(f.message.startsWith(`\`ifconfig_carp1 = "vhid 2 pass \\\n  ${M} 10.20.0.1/24"\``), f.message);
    assert.ok(f.revealed?.includes('CONTKEY'));
  });

  test('escaped and double-quoted spellings, and a pass glued to the =', () => {
    for (const spelling of ['Bs\\ Key', `\\"Dq Key\\"`]) {
      const [f] = syntax(`ifconfig_carp1 = "vhid 2 pass ${spelling} 10.20.0.1/24"\n`);
      assert.ok(!f.message.includes('Key'), f.message);
    }
    const [glued] = syntax('ifconfig_carp1 =vhid\\ 2\\ pass\\ GLUEDKEY\n');
    assert.ok(!glued.message.includes('GLUEDKEY'), glued.message);
    assert.ok(glued.revealed?.includes('GLUEDKEY'));
  });

  test('a pass variable assigned with spaces around = is masked, also when it is used in another file', () => {
    const [f] = syntax('CARP_PASS = "VARKEY"\n', { 'fw1/etc/rc.conf.local': 'ifconfig_em0_alias0="inet vhid 1 pass ${CARP_PASS} alias 192.0.2.1/32"\n' });
    assert.equal(f.message, `\`CARP_PASS = ${M}\` runs a command named CARP_PASS instead of setting it; write CARP_PASS=${M} without spaces around =.`);
    assert.equal(f.revealed, '`CARP_PASS = "VARKEY"` runs a command named CARP_PASS instead of setting it; write CARP_PASS="VARKEY" without spaces around =.');
    // Without the use, the same variable holds nothing secret and is quoted as written.
    const [plain] = syntax('CARP_PASS = "VARKEY"\n');
    assert.ok(plain.message.includes('"VARKEY"'), plain.message);
    assert.equal(plain.revealed, undefined);
  });

  test('messages that quote nothing, or no pass, carry no revealed form', () => {
    const [spaced] = syntax('hostname = "fw1"\n');
    assert.equal(spaced.revealed, undefined);
    const [quote] = syntax('ifconfig_em0_alias0="inet vhid 1 pass OPENKEY alias\nsshd_enable="YES"\n');
    assert.ok(!quote.message.includes('OPENKEY'));
    assert.equal(quote.revealed, undefined);
  });

  test('the parser keeps the meant assignment of a `name = value` line, with offsets into the document', () => {
    const text = 'x=1\nifconfig_em0 = "inet vhid 1 pass \\"a b\\" alias"\n';
    const rc = parseRcConf(text);
    assert.equal(rc.assignments.length, 1);
    const [meant] = rc.spacedAssignments;
    assert.equal(meant.name, 'ifconfig_em0');
    assert.equal(meant.value, 'inet vhid 1 pass "a b" alias');
    assert.equal(text.slice(meant.valueStart, meant.valueEnd), '"inet vhid 1 pass \\"a b\\" alias"');
    assert.equal(text[meant.valueOffsets[meant.value.indexOf('a b')]], 'a');
    assert.equal(meant.conditional, true);
    const [e] = rc.errors;
    assert.deepEqual(
      e.quotes?.map((q) => [e.message.slice(q.at, q.at + q.end - q.start), text.slice(q.start, q.end)]),
      [
        ['ifconfig_em0 = "inet vhid 1 pass \\"a b\\" alias"', 'ifconfig_em0 = "inet vhid 1 pass \\"a b\\" alias"'],
        ['"inet vhid 1 pass \\"a b\\" alias"', '"inet vhid 1 pass \\"a b\\" alias"'],
      ],
    );
  });
});
