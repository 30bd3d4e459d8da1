import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { SettingsWarnings, didYouMean, validateSettings } from '../../server/src/settings-validation';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { ALL_CODES } from '../../server/src/checks/codes';

const cli = (raw: unknown): string[] => validateSettings(raw, { prefix: '' }).map((p) => p.message);
const editor = (raw: unknown): string[] => validateSettings(raw, { prefix: 'freebsdConf.' }).map((p) => p.message);

describe('validateSettings', () => {
  test('valid settings, the defaults and "nothing sent" have no problems', () => {
    assert.deepEqual(cli(DEFAULT_SETTINGS), []);
    assert.deepEqual(cli({ severity: Object.fromEntries(ALL_CODES.map((c) => [c, 'off'])), maxFiles: 1, showPasswords: true, trace: { server: 'verbose' } }), []);
    assert.deepEqual(editor(undefined), []);
    assert.deepEqual(editor(null), []);
  });

  test('an unknown code gets the closest codes; a code written without its prefix gets every match', () => {
    const [typo] = validateSettings({ severity: { 'rc/sytax': 'off' } }, { prefix: '' });
    assert.deepEqual(typo, { path: ['severity', 'rc/sytax'], at: 'key', message: 'unknown diagnostic code "rc/sytax" in severity; did you mean "rc/syntax"?' });
    assert.deepEqual(cli({ severity: { 'missing-pass': 'off' } }), ['unknown diagnostic code "missing-pass" in severity; did you mean "carp/missing-pass"?']);
    assert.deepEqual(cli({ severity: { syntax: 'off' } }), [
      'unknown diagnostic code "syntax" in severity; did you mean "rc/syntax", "loader/syntax", "sysctl/syntax" or "pf/syntax"?',
    ]);
    assert.deepEqual(cli({ severity: { 'no/such-thing-at-all': 'off' } }), ['unknown diagnostic code "no/such-thing-at-all" in severity']);
  });

  test('a severity that is not one of the five is named, with a suggestion when one is close', () => {
    const [loud] = validateSettings({ severity: { 'rc/syntax': 'loud' } }, { prefix: '' });
    assert.deepEqual(loud, { path: ['severity', 'rc/syntax'], at: 'value', message: 'severity["rc/syntax"] must be one of error, warning, information, hint or off, not the string "loud"' });
    assert.match(cli({ severity: { 'rc/syntax': 'warn' } })[0], /; did you mean "warning"\?$/);
    assert.match(cli({ severity: { 'rc/syntax': 'info' } })[0], /; did you mean "information"\?$/);
    assert.match(cli({ severity: { 'rc/syntax': 'Error' } })[0], /; did you mean "error"\?$/);
    assert.match(cli({ severity: { 'rc/syntax': 3 } })[0], /must be one of error, .* or off, not 3$/);
    for (const ok of ['error', 'warning', 'information', 'hint', 'off']) assert.deepEqual(cli({ severity: { 'rc/syntax': ok } }), [], ok);
  });

  test('wrong types: each key says what it wants and what it got', () => {
    assert.deepEqual(cli({ severity: ['rc/syntax'] }), ['severity must be an object, not an array']);
    assert.deepEqual(cli({ maxFiles: '5000' }), ['maxFiles must be a number, not the string "5000"']);
    assert.deepEqual(cli({ showPasswords: 'yes' }), ['showPasswords must be true or false, not the string "yes"']);
    assert.deepEqual(cli({ trace: 'verbose' }), ['trace must be an object, not the string "verbose"']);
    assert.deepEqual(cli({ trace: { server: 'all' } }), ['trace.server must be one of off, messages or verbose, not the string "all"']);
    assert.deepEqual(cli([]), ['the settings must be an object, not an array']);
  });

  test('maxFiles: 1 is the least allowed, 0 is not', () => {
    assert.deepEqual(cli({ maxFiles: 1 }), []);
    assert.deepEqual(cli({ maxFiles: 0 }), ['maxFiles must be at least 1, not 0']);
  });

  test('unknown keys at every level, with a suggestion or the list of known keys', () => {
    assert.deepEqual(cli({ showPassword: true }), ['unknown setting "showPassword"; did you mean "showPasswords"?']);
    assert.deepEqual(cli({ colour: 'red' }), ['unknown setting "colour" (known: severity, maxFiles, showPasswords, trace, codeLens)']);
    assert.deepEqual(cli({ trace: { servre: 'off' } }), ['unknown setting "servre" in trace; did you mean "server"?']);
    // names an object has by inheritance are not settings
    assert.deepEqual(cli(JSON.parse('{"constructor": 1, "severity": {"toString": "off"}, "__proto__": {}}')), [
      'unknown setting "constructor" (known: severity, maxFiles, showPasswords, trace, codeLens)',
      'unknown diagnostic code "toString" in severity',
      'unknown setting "__proto__" (known: severity, maxFiles, showPasswords, trace, codeLens)',
    ]);
  });

  test("VS Code's key names in a CLI file are explained, not just called unknown", () => {
    assert.deepEqual(cli({ 'freebsdConf.severity': {} }), ['"freebsdConf.severity" is the VS Code name of this setting; in this file write "severity" without the "freebsdConf." prefix']);
    assert.deepEqual(cli({ 'freebsdConf.trace.server': 'off' }), ['"freebsdConf.trace.server" is the VS Code name of this setting; in this file write {"trace": {"server": …}} without the "freebsdConf." prefix']);
    assert.deepEqual(cli({ freebsdConf: { severity: {} } }), ['write the settings at the top level of this file ({"severity": …}), without the enclosing "freebsdConf"']);
    // not a known setting under the prefix: an ordinary unknown key
    assert.deepEqual(cli({ 'freebsdConf.colour': 1 }), ['unknown setting "freebsdConf.colour" (known: severity, maxFiles, showPasswords, trace, codeLens)']);
  });

  test('in the editor, messages use the freebsdConf. names users see in settings.json', () => {
    assert.deepEqual(editor({ severity: { 'rc/sytax': 'off' } }), ['unknown diagnostic code "rc/sytax" in freebsdConf.severity; did you mean "rc/syntax"?']);
    assert.deepEqual(editor({ maxFiles: 0 }), ['freebsdConf.maxFiles must be at least 1, not 0']);
  });
});

describe('didYouMean', () => {
  test('close words are suggested, far ones are not', () => {
    assert.equal(didYouMean('severty', ['severity', 'maxFiles']), '; did you mean "severity"?');
    assert.equal(didYouMean('MAXFILES', ['severity', 'maxFiles']), '; did you mean "maxFiles"?');
    assert.equal(didYouMean('colour', ['severity', 'maxFiles']), '');
    assert.equal(didYouMean('wa', ['warning']), '', 'two letters are too few to count as the start of a word');
  });
});

describe('SettingsWarnings (the language server tells of mistakes once)', () => {
  test('the same problems are shown once; new ones again; after a fix the same mistake is shown again', () => {
    const shown: string[] = [];
    const w = new SettingsWarnings((m) => shown.push(m));
    const bad = { severity: { 'rc/sytax': 'off' } };
    w.report(bad);
    w.report(bad);
    w.report(structuredClone(bad));
    assert.equal(shown.length, 1);
    assert.equal(shown[0], 'FreeBSD conf: invalid settings, ignored: unknown diagnostic code "rc/sytax" in freebsdConf.severity; did you mean "rc/syntax"?.');
    w.report({ ...bad, maxFiles: 0 });
    assert.equal(shown.length, 2);
    w.report(DEFAULT_SETTINGS);
    assert.equal(shown.length, 2, 'valid settings show nothing');
    w.report(bad);
    assert.equal(shown.length, 3);
  });

  test('a long list is cut after five problems', () => {
    const shown: string[] = [];
    new SettingsWarnings((m) => shown.push(m)).report({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1, g: 1 });
    assert.match(shown[0], /"e" \(known: .*\); and 2 more\.$/);
  });
});
