import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Log } from 'sarif';
import { formatSarif, type SarifOptions } from '../../../server/src/cli/format-sarif';
import type { ReportItem } from '../../../server/src/cli/report';
import { publicHomepage } from '../../../server/src/docs-url';

const item: ReportItem = { file: 'fw1/etc/rc.conf', line: 2, column: 1, endLine: 2, endColumn: 5, severity: 'error', code: 'rc/syntax', message: 'bad', related: [] };
const base: SarifOptions = { version: '1.2.3', help: {}, errors: [] };
const sarif = (items: ReportItem[], options: Partial<SarifOptions> = {}): Log => JSON.parse(formatSarif(items, { ...base, ...options })) as Log;

describe('formatSarif', () => {
  test('without a homepage there is no helpUri or informationUri, and nothing points at a local file', () => {
    const text = formatSarif([item], base);
    const driver = (JSON.parse(text) as Log).runs[0].tool.driver;
    assert.equal(driver.informationUri, undefined);
    assert.ok(driver.rules!.every((r) => r.helpUri === undefined));
    assert.doesNotMatch(text, /file:/);
  });

  test('with a homepage, links go to the README anchor of each code', () => {
    const driver = sarif([item], { homepage: 'https://example.org/freebsd-conf' }).runs[0].tool.driver;
    assert.equal(driver.informationUri, 'https://example.org/freebsd-conf');
    assert.equal(driver.rules!.find((r) => r.id === 'carp/missing-pass')!.helpUri, 'https://example.org/freebsd-conf#carpmissing-pass');
  });

  test('help carries the markdown and a plain-text version; a rule without help has no help object', () => {
    const rules = sarif([item], { help: { 'rc/syntax': '*error.* A `sh` error.' } }).runs[0].tool.driver.rules!;
    assert.deepEqual(rules.find((r) => r.id === 'rc/syntax')!.help, { text: 'error. A sh error.', markdown: '*error.* A `sh` error.' });
    assert.equal(rules.find((r) => r.id === 'rc/unknown-variable')!.help, undefined);
  });

  test('a clean run is successful; PATHs that could not be checked make it unsuccessful, with a notification each', () => {
    assert.deepEqual(sarif([]).runs[0].invocations, [{ executionSuccessful: true }]);
    assert.deepEqual(sarif([item], { errors: ['/nope: no such file or directory'] }).runs[0].invocations, [
      { executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: '/nope: no such file or directory' } }] },
    ]);
  });

  test('results point at their rule by index', () => {
    const log = sarif([item]);
    const r = log.runs[0].results![0];
    assert.equal(log.runs[0].tool.driver.rules![r.ruleIndex!].id, 'rc/syntax');
    assert.equal(r.relatedLocations, undefined);
  });
});

describe('publicHomepage', () => {
  test('http(s) addresses count, without their fragment; anything else does not', () => {
    assert.equal(publicHomepage('https://github.com/o/freebsd-conf#readme'), 'https://github.com/o/freebsd-conf');
    assert.equal(publicHomepage('http://example.org/x'), 'http://example.org/x');
    for (const no of [undefined, '', 'file:///home/me/README.md', 'README.md', 'https://', 42]) assert.equal(publicHomepage(no), undefined, String(no));
  });
});
