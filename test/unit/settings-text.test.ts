import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkSettingsText, lineColumn } from '../../server/src/settings-text';

/** Each problem as `line:column message`, the way the CLI prints it. */
function problems(text: string): string[] {
  const r = checkSettingsText(text);
  if (r.ok) return [];
  return r.problems.map((p) => {
    const { line, column } = lineColumn(text, p.offset);
    return `${line}:${column} ${p.message}`;
  });
}

describe('checkSettingsText', () => {
  test('valid JSON with comments and a trailing comma (as in settings.json) gives the value', () => {
    const r = checkSettingsText('// CI settings\n{\n  "severity": { "rc/syntax": "off", },\n  /* more */ "maxFiles": 10,\n}\n');
    assert.ok(r.ok);
    assert.deepEqual(JSON.parse(JSON.stringify(r.value)), { severity: { 'rc/syntax': 'off' }, maxFiles: 10 });
  });

  test('a byte-order mark is not an error, and columns still count from the first character', () => {
    const r = checkSettingsText('\uFEFF{"maxFiles": 2}');
    assert.ok(r.ok);
    assert.deepEqual({ ...(r.value as object) }, { maxFiles: 2 });
    assert.deepEqual(problems('\uFEFF{"maxFiles": 0}'), ['1:15 maxFiles must be at least 1, not 0']);
  });

  test('an unknown key is placed on the key, a wrong value on the value', () => {
    const text = '{\n  "severity": {\n    "rc/sytax": "off",\n    "pf/syntax": "loud"\n  }\n}\n';
    assert.deepEqual(problems(text), [
      '3:5 unknown diagnostic code "rc/sytax" in severity; did you mean "rc/syntax"?',
      '4:18 severity["pf/syntax"] must be one of error, warning, information, hint or off, not the string "loud"',
    ]);
  });

  test('a VS Code-style key is placed on the key', () => {
    assert.deepEqual(problems('{\n\t"freebsdConf.severity": {}\n}'), ['2:2 "freebsdConf.severity" is the VS Code name of this setting; in this file write "severity" without the "freebsdConf." prefix']);
  });

  test('bad JSON: the first error, where it is and what was expected; nothing else is judged', () => {
    assert.deepEqual(problems('{\n  "maxFiles": 0\n  "showPasswords": true\n}'), ['3:3 invalid JSON: expected ","']);
    assert.deepEqual(problems('{"severity": {'), ['1:15 invalid JSON: expected "}" before the end of the file']);
    // The parser goes on after an error and finds more that follow from the first; only the first is shown.
    assert.deepEqual(problems("{'maxFiles': 5}"), ['1:2 invalid JSON: unexpected character']);
  });

  test('an empty file and a root that is not an object are named as such', () => {
    assert.deepEqual(problems(''), ['1:1 the file is empty; write {} for no settings']);
    assert.deepEqual(problems('  \n'), ['1:1 the file is empty; write {} for no settings']);
    assert.deepEqual(problems('\n["rc/syntax"]'), ['2:1 the settings must be a JSON object ({"severity": {…}}), not an array']);
    assert.deepEqual(problems('null'), ['1:1 the settings must be a JSON object ({"severity": {…}}), not a null']);
    assert.deepEqual(problems('{}'), []);
  });

  test('a key given twice is reported at the second one (JSON keeps only the last)', () => {
    assert.deepEqual(problems('{"severity": {"rc/syntax": "off", "rc/syntax": "error"}}'), ['1:35 duplicate key "rc/syntax": only this last one counts']);
    assert.deepEqual(problems('{"a": {"x": 1}, "b": {"x": 1}}').filter((p) => p.includes('duplicate')), [], 'the same key in two objects is fine');
  });
});

describe('lineColumn', () => {
  test('1-based, on both sides of a line end', () => {
    assert.deepEqual(lineColumn('ab\ncd', 0), { line: 1, column: 1 });
    assert.deepEqual(lineColumn('ab\ncd', 2), { line: 1, column: 3 });
    assert.deepEqual(lineColumn('ab\ncd', 3), { line: 2, column: 1 });
    assert.deepEqual(lineColumn('ab\r\ncd', 4), { line: 2, column: 1 });
  });
});
