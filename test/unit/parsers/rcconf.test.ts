import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseRcConf, type RcAssignment } from '../../../server/src/parsers/rcconf';

/** name → value of the assignments, in order. */
const values = (text: string): [string, string][] => parseRcConf(text).assignments.map((a) => [a.name, a.value]);
const only = (text: string): RcAssignment => {
  const r = parseRcConf(text);
  assert.equal(r.assignments.length, 1, JSON.stringify(r));
  return r.assignments[0];
};
const errorsOf = (text: string): [number, string][] => parseRcConf(text).errors.map((e) => [e.start, text.slice(e.start, e.end)]);
/** The source text each value character came from: proves valueOffsets. */
const sourceChars = (text: string, a: RcAssignment): string[] => a.valueOffsets.slice(0, -1).map((o) => text[o]);

describe('rc.conf parser: words and quoting', () => {
  test('double, single and unquoted parts concatenate, with exact offsets', () => {
    const text = `a="x"'y'z\n`;
    const a = only(text);
    assert.equal(a.value, 'xyz');
    assert.deepEqual(a.valueOffsets, [3, 6, 8, 9]);
    assert.deepEqual([a.nameStart, a.nameEnd, a.valueStart, a.valueEnd, a.start, a.end], [0, 1, 2, 9, 0, 9]);
  });

  test('a quoted CARP alias keeps every character mapped to the source', () => {
    const text = '# carp\nifconfig_em0_alias0="inet vhid 1 pass s3cret alias 192.0.2.50/32"\n';
    const a = only(text);
    assert.equal(a.value, 'inet vhid 1 pass s3cret alias 192.0.2.50/32');
    const pass = a.value.indexOf('s3cret');
    assert.equal(text.slice(a.valueOffsets[pass], a.valueOffsets[pass + 6]), 's3cret');
    assert.equal(a.valueOffsets[a.value.length], text.indexOf('"\n'), 'the end entry is just before the closing quote');
  });

  test('empty values map their end inside the quotes', () => {
    const text = 'a=""\nb=\'\'\nc=\n';
    const [a, b, c] = parseRcConf(text).assignments;
    assert.deepEqual([a.value, a.valueOffsets], ['', [3]]);
    assert.deepEqual([b.value, b.valueOffsets], ['', [8]]);
    assert.deepEqual([c.value, c.valueOffsets], ['', [12]]);
  });

  test('backslashes: escapes outside quotes, only $ ` " \\ and newline inside double quotes, none inside single quotes', () => {
    const text = 'a=x\\ y\nb="\\$HOME \\"q\\" \\\\ \\z"\nc=\'\\n\\\'\n';
    assert.deepEqual(values(text), [
      ['a', 'x y'],
      ['b', '$HOME "q" \\ \\z'],
      ['c', '\\n\\'],
    ]);
    const a = parseRcConf(text).assignments[0];
    assert.equal(a.valueOffsets[1], 3, 'an escaped character maps to its backslash');
    assert.deepEqual(parseRcConf(text).assignments[1].references, [], 'an escaped $ is not a reference');
  });

  test('backslash-newline continues a line inside and outside double quotes, not inside single quotes', () => {
    const text = 'a="in\\\nside"\nb=out\\\nside\nc=\'lit\\\neral\'\n';
    assert.deepEqual(values(text), [
      ['a', 'inside'],
      ['b', 'outside'],
      ['c', 'lit\\\neral'],
    ]);
    const b = parseRcConf(text).assignments[1];
    assert.deepEqual(sourceChars(text, b), [...'outside']);
  });

  test('a continuation between statements joins the lines', () => {
    assert.deepEqual(values('a=1 \\\n  b=2\n'), [
      ['a', '1'],
      ['b', '2'],
    ]);
  });

  test('CRLF line ends and a BOM', () => {
    const text = '\uFEFFhostname="fw1"\r\nsshd_enable=YES\r\n# note\r\n';
    const r = parseRcConf(text);
    assert.deepEqual(r.assignments.map((a) => [a.name, a.value, a.nameStart]), [
      ['hostname', 'fw1', 1],
      ['sshd_enable', 'YES', 17],
    ]);
    assert.deepEqual(r.comments.map((c) => c.text), [' note']);
    assert.deepEqual(r.errors, []);
  });
});

describe('rc.conf parser: statements', () => {
  test('several assignments per line, ; separators, export and readonly', () => {
    assert.deepEqual(values('a=1 b=2; c=3\nexport d=4\nreadonly e=5 f=6\n'), [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
      ['d', '4'],
      ['e', '5'],
      ['f', '6'],
    ]);
  });

  test('assignments before a command are a command prefix, not settings', () => {
    const r = parseRcConf('LC_ALL=C sort file\nfoo=bar\n');
    assert.deepEqual(r.assignments.map((a) => a.name), ['foo']);
    assert.deepEqual(r.commands.map((c) => [c.word, c.start, c.end]), [['sort', 0, 18]]);
  });

  test('comments only at the start of a word', () => {
    const r = parseRcConf('a=b#c # real\n  # own line\n');
    assert.equal(r.assignments[0].value, 'b#c');
    assert.deepEqual(r.comments.map((c) => [c.start, c.end, c.text, c.ownLine]), [
      [6, 12, ' real', false],
      [15, 25, ' own line', true],
    ]);
  });

  test('references are recorded, not evaluated; substitutions are skipped whole', () => {
    const text = 'a="${b}/x $c ${d:-$e}"\nf=$(echo "a)b" $(date))\ng=`hostname -s`\nh=$((1+(2*3)))\n: ${_localbase:=/usr/local}\n';
    const r = parseRcConf(text);
    assert.deepEqual(r.assignments.map((a) => [a.name, a.value]), [
      ['a', '${b}/x $c ${d:-$e}'],
      ['f', '$(echo "a)b" $(date))'],
      ['g', '`hostname -s`'],
      ['h', '$((1+(2*3)))'],
    ]);
    assert.deepEqual(r.assignments[0].references.map((x) => [x.name, text.slice(x.start, x.end)]), [
      ['b', '${b'],
      ['c', '$c'],
      ['d', '${d'],
      ['e', '$e'],
    ]);
    assert.deepEqual(r.references.map((x) => x.name), ['b', 'c', 'd', 'e', '_localbase']);
    assert.deepEqual(r.errors, []);
  });

  test('if/elif/else, case, loops, functions and subshells: inner assignments are conditional', () => {
    const text = [
      'if [ -f /etc/rc.conf.local ]; then',
      '  a=1',
      'elif true; then b=2',
      'else c=3',
      'fi',
      'case "$(hostname)" in',
      '  fw1|fw1.*) d=4 ;;',
      '  (fw2) e=5;;',
      '  *) ;;',
      'esac',
      'for i in em0 em1; do f=$i; done',
      'while read l; do :; done < /etc/hosts',
      'setup() {',
      '  g=7',
      '}',
      '( h=8 )',
      '{ i=9; }',
      'true && j=10 || k=11',
      'l=12 | cat',
      'top=13',
      '',
    ].join('\n');
    const r = parseRcConf(text);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.assignments.map((a) => `${a.name}${a.conditional ? '?' : ''}`),
      ['a?', 'b?', 'c?', 'd?', 'e?', 'f?', 'g?', 'h?', 'i?', 'j?', 'k?', 'l?', 'top'],
    );
    assert.deepEqual(
      r.commands.map((c) => c.word),
      ['if', '[', 'true', 'case', 'for', 'while', 'read', ':', 'setup', '{', '(', '{', 'true', 'cat'],
    );
  });

  test('an assignment before && runs; one after it may not', () => {
    const [a, b] = parseRcConf('a=1 &&\n  b=2\nc=3\n').assignments;
    assert.deepEqual([a.conditional, b.conditional], [false, true]);
    assert.equal(parseRcConf('a=1 &&\n  b=2\nc=3\n').assignments[2].conditional, false);
  });

  test('here-documents are skipped, including <<- and quoted delimiters; dot includes are commands', () => {
    const text = 'cat <<EOF >/tmp/x\na=1 "\nEOF\nb=2\ncat <<-\'END\'\n\tc=3\n\tEND\n. /etc/rc.conf.site\nd=4\n';
    const r = parseRcConf(text);
    assert.deepEqual(r.assignments.map((a) => a.name), ['b', 'd']);
    assert.deepEqual(r.commands.map((c) => c.word), ['cat', 'cat', '.']);
    assert.deepEqual(r.errors, []);
  });

  test('redirections with file descriptors do not start commands', () => {
    const r = parseRcConf('echo hi 2>&1 >/dev/null\na=1\n');
    assert.deepEqual(r.commands.map((c) => c.word), ['echo']);
    assert.deepEqual(r.errors, []);
  });
});

describe('rc.conf parser: errors and recovery', () => {
  test('an unterminated double quote is reported at the quote; the next lines still parse', () => {
    const text = 'hostname="fw1\nsshd_enable="YES"\npf_enable="YES"\n';
    const r = parseRcConf(text);
    assert.deepEqual(errorsOf(text), [[9, '"fw1']]);
    assert.match(r.errors[0].message, /Unterminated double quote/);
    assert.deepEqual(r.assignments.map((a) => [a.name, a.value]), [
      ['sshd_enable', 'YES'],
      ['pf_enable', 'YES'],
    ]);
  });

  test('an unterminated single quote at the end of the file', () => {
    const text = "a=1\nb='oops\nc=2\n";
    assert.deepEqual(errorsOf(text), [[6, "'oops"]]);
    assert.deepEqual(values(text), [
      ['a', '1'],
      ['c', '2'],
    ]);
  });

  test('a legitimate multi-line quoted value is not an error', () => {
    const text = 'jail_list="\n  www\n  db"\nb=1\n';
    assert.deepEqual(values(text), [
      ['jail_list', '\n  www\n  db'],
      ['b', '1'],
    ]);
    assert.deepEqual(errorsOf(text), []);
  });

  test('unterminated ${, $( and backquote; bad substitution', () => {
    assert.deepEqual(errorsOf('a=${foo\nb=1\n'), [[2, '${foo']]);
    assert.deepEqual(errorsOf('a="${foo"\n'), [[3, '${foo"']]);
    assert.deepEqual(errorsOf('a=$(hostname\n'), [[2, '$(hostname']]);
    assert.deepEqual(errorsOf('a=`hostname\n'), [[2, '`hostname']]);
    assert.deepEqual(values('a=${foo\nb=1\n'), [['b', '1']]);
  });

  test('spaces around = run a command: reported with the fix in the message', () => {
    const text = 'sshd_enable = "YES"\nb =2\nc= d\ntest "$x" = y\n';
    const r = parseRcConf(text);
    assert.deepEqual(errorsOf(text), [
      [0, 'sshd_enable = "YES"'],
      [20, 'b =2'],
    ]);
    assert.equal(r.errors[0].message, '`sshd_enable = "YES"` runs a command named sshd_enable instead of setting it; write sshd_enable="YES" without spaces around =.');
    assert.deepEqual(r.assignments, [], 'c= d sets c only for the command d');
  });

  test('unbalanced keywords: stray closers and missing fi/done/esac/}', () => {
    assert.deepEqual(errorsOf('fi\ndone\nesac\n}\n'), [
      [0, 'fi'],
      [3, 'done'],
      [8, 'esac'],
      [13, '}'],
    ]);
    assert.deepEqual(errorsOf('if true; then\n  a=1\n'), [[0, 'if']]);
    assert.deepEqual(errorsOf('while true; do\n  case x in\n  a) ;;\ndone\n'), [[17, 'case']]);
    assert.deepEqual(errorsOf('f() {\n  a=1\n'), [[4, '{']]);
    assert.deepEqual(errorsOf('then\nb=1 ;;\n)\n'), [
      [0, 'then'],
      [9, ';;'],
      [12, ')'],
    ]);
  });

  test('never throws on hostile input (its speed on these inputs is in npm run bench)', () => {
    const inputs = [
      'a="' + 'x'.repeat(100_000),
      'a=' + 'x'.repeat(100_000) + '\n',
      '$('.repeat(50_000),
      '${x:-'.repeat(50_000),
      "a='\n".repeat(200_000),
      'if x; then\n'.repeat(50_000),
      '\\'.repeat(100_001),
      '\0\u0001\uFFFD"\'`$'.repeat(10_000),
    ];
    for (const text of inputs) {
      const r = parseRcConf(text);
      assert.ok(r.errors.length <= 201);
    }
  });

  test('a 5 MB realistic file parses completely (its speed is measured in npm run bench)', () => {
    const line = 'ifconfig_em0_alias0="inet vhid 1 advskew 100 pass testpass alias 192.168.1.50/32" # comment\n';
    const text = line.repeat(Math.ceil(5_000_000 / line.length));
    const r = parseRcConf(text);
    assert.equal(r.assignments.length, Math.ceil(5_000_000 / line.length));
  });
});

describe('rc.conf parser: properties', () => {
  test('a backslash-newline inside a name joins it, as sh does; the name spans both halves', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = `ab\\${eol}cd="1"\n`;
      const [a] = parseRcConf(text).assignments;
      assert.deepEqual([a.name, a.nameStart, a.nameEnd, a.value], ['abcd', 0, 5 + eol.length, '1']);
    }
  });

  test('on any mix of shell syntax it never throws and keeps offsets consistent', () => {
    const piece = fc.constantFrom(
      'a=', 'sshd_enable=', '"', "'", '\\', '\n', '\r\n', ' ', '\t', '#', '$', '${x', '}', '$(', ')', '(', '`',
      ';', ';;', '&&', '|', '<<E', 'E', 'if', 'then', 'fi', 'case', 'in', 'esac', 'do', 'done', '{', 'YES', '=', 'x', '\uFEFF',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const r = parseRcConf(text);
        for (const a of r.assignments) {
          assert.equal(a.valueOffsets.length, a.value.length + 1);
          assert.ok(a.nameStart < a.nameEnd && a.nameEnd < a.valueStart && a.valueStart <= a.valueEnd && a.valueEnd <= text.length);
          // A backslash-newline inside a name joins its halves, as in sh (`ab\<newline>cd=1`
          // assigns abcd): the name is its span without continuations.
          assert.equal(text.slice(a.nameStart, a.nameEnd).replace(/\\(\r\n|\n|\r)/g, ''), a.name);
          for (let i = 0; i < a.valueOffsets.length; i++) {
            assert.ok(a.valueOffsets[i] >= a.valueStart && a.valueOffsets[i] <= a.valueEnd);
            if (i > 0) assert.ok(a.valueOffsets[i] > a.valueOffsets[i - 1]);
          }
        }
        for (const e of r.errors) assert.ok(e.start >= 0 && e.start < e.end && e.start <= text.length);
        for (const c of r.comments) assert.equal(text.slice(c.start + 1, c.end), c.text);
      }),
      { numRuns: 2000 },
    );
  });
});
