import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { expandSnippet } from '../../helpers/snippet-expand';

const text = (body: string | string[], variables?: Record<string, string>): string => expandSnippet(body, variables).text;

/** The expander the snippet tests rely on, on the corners of VS Code's snippet syntax. */
describe('snippet expander (VS Code snippet syntax, defaults accepted)', () => {
  test('text without any construct is kept, lines joined with \\n, tabs kept', () => {
    assert.equal(text(['a = "b"', '\tc']), 'a = "b"\n\tc');
  });

  test('tab stops without a default are empty; placeholders give their default', () => {
    assert.equal(text('x$1y${2}z'), 'xyz');
    assert.equal(text('ifconfig_${1:em0}_alias${2:0}'), 'ifconfig_em0_alias0');
    assert.equal(text('${1:}'), '');
  });

  test('every occurrence of an index shows the first default in document order, even one before it', () => {
    assert.equal(text('${1:em0} $1 ${1}'), 'em0 em0 em0');
    assert.equal(text('$1 <- ${1:em0}'), 'em0 <- em0');
    assert.equal(text('${1:first} ${1:second}'), 'first first');
  });

  test('nested placeholders expand, and a nested index can be mirrored elsewhere', () => {
    assert.equal(text('table <t> persist${2: { ${3:192.0.2.0/24} \\}}'), 'table <t> persist { 192.0.2.0/24 }');
    assert.equal(text('${1:a ${2:b} c} / $2'), 'a b c / b');
    assert.equal(text('table <${1:name}> file "${2:/etc/pf.$1}"'), 'table <name> file "/etc/pf.name"');
  });

  test('a placeholder inside its own default does not loop', () => {
    assert.equal(text('${1:a${1:b}}'), 'a');
  });

  test('a choice gives its first option, also to its mirrors; \\, \\| and \\\\ escape inside options', () => {
    assert.equal(text('set block-policy ${5|drop,return|} # $5'), 'set block-policy drop # drop');
    assert.equal(text('${1|a\\,b,c|}'), 'a,b');
    assert.equal(text('${1|x\\|y|}'), 'x|y');
    assert.equal(text('${1|c\\\\d,e|}'), 'c\\d');
  });

  test('\\$, \\} and \\\\ are escapes; any other backslash stays, and so does a } outside a placeholder', () => {
    assert.equal(text('set loginterface \\$ext_if'), 'set loginterface $ext_if');
    assert.equal(text('${1:a\\}b}'), 'a}b');
    assert.equal(text('keep state \\\\'), 'keep state \\');
    assert.equal(text('\\\\$1x'), '\\x');
    assert.equal(text('a\\nb \\t'), 'a\\nb \\t');
    assert.equal(text('{ a }'), '{ a }');
  });

  test('a $ that starts no construct is text', () => {
    assert.equal(text('cost $ 5 ${ x $'), 'cost $ 5 ${ x $');
  });

  test('variables: a known value (even empty), else the default, else the name (as VS Code inserts an unknown one)', () => {
    const vars = { TM_FILENAME: 'rc.conf', EMPTY: '' };
    assert.equal(text('# $TM_FILENAME ${TM_FILENAME}', vars), '# rc.conf rc.conf');
    assert.equal(text('[$EMPTY]', vars), '[]');
    assert.equal(text('${UNKNOWN:fallback ${1:x}}', vars), 'fallback x');
    assert.equal(text('pass on $ext_if'), 'pass on ext_if');
    assert.deepEqual(expandSnippet('$TM_FILENAME $ext_if ${UNKNOWN:x}', vars).unknownVariables, ['ext_if', 'UNKNOWN']);
    assert.equal(text('$1abc $abc1'), 'abc abc1');
  });

  test('the final tab stop: where $0 starts, its default kept, else the end', () => {
    const at = (body: string | string[]): [string, number] => [expandSnippet(body).text, expandSnippet(body).finalOffset];
    assert.deepEqual(at(['a', '$0', 'b']), ['a\n\nb', 2]);
    assert.deepEqual(at('{\n\t${0:pass}\n}'), ['{\n\tpass\n}', 3]);
    assert.deepEqual(at('${1:x}y'), ['xy', 2]);
  });

  test('what VS Code would insert literally, and transforms, are refused with the place', () => {
    assert.throws(() => expandSnippet('a ${1:foo'), /unterminated \$\{1: at offset 2/);
    assert.throws(() => expandSnippet('${1|a,,b|}'), /empty choice option/);
    assert.throws(() => expandSnippet('${1|a,b|'), /a choice must end with \|\}/);
    assert.throws(() => expandSnippet('${1|a,b'), /unterminated choice/);
    assert.throws(() => expandSnippet('${1/(.*)/$1/}'), /transforms are not supported/);
    assert.throws(() => expandSnippet('${TM_FILENAME/(.*)/$1/}'), /transforms are not supported/);
    assert.throws(() => expandSnippet('${1#}'), /malformed/);
  });
});
