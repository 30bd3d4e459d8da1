/**
 * Expands a VS Code snippet body with its default values, as VS Code's
 * SnippetParser (src/vs/editor/contrib/snippet/browser/snippetParser.ts) would
 * insert it when the user accepts every default:
 *
 * - `$1`, `${1}`: a tab stop; `${1:default}`: a placeholder, whose default may
 *   hold text, other placeholders, tab stops and variables.
 * - All tab stops and placeholders of one index show the value of the *first*
 *   of them (document order, outer before inner) that has a default; the
 *   others' own defaults are ignored, as VS Code's "fill in incomplete
 *   placeholders" step does. An index nobody gives a default is empty.
 * - `${1|a,b|}`: a choice, inserted as its first option (`\,` `\|` `\\` escape
 *   inside options).
 * - `$NAME`, `${NAME}`, `${NAME:default}`: a variable from `variables`; an
 *   unknown one gives its default, else its own name (VS Code turns it into a
 *   placeholder holding the name), so a `$macro` someone forgot to escape in a
 *   pf.conf snippet loses its `$` here exactly as it does in the editor.
 * - `\$`, `\}` and `\\` are escapes; a backslash before anything else stays.
 *   A `}` outside any placeholder is text.
 *
 * VS Code inserts malformed constructs (`${1:foo` unterminated, an empty
 * choice) as literal text, and supports transforms (`${1/re/fmt/}`); neither
 * belongs in our snippet files, so both throw here with the offset, and the
 * test expanding every snippet fails on them. VS Code also re-indents the body
 * to the insertion line and may turn `\t` into spaces; that is the editor's
 * job, not the syntax's, and is not done here.
 */
export interface Expansion {
  text: string;
  /** Where the cursor ends: the start of `$0` (or `${0:…}`), else the end of the text. */
  finalOffset: number;
  /** Variables not in `variables`, in order of use: in our files, a `$macro` someone forgot to escape. */
  unknownVariables: string[];
}

type Marker =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: Marker[] | undefined }
  | { kind: 'variable'; name: string; children: Marker[] | undefined };

const INT = /^[0-9]+/;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

class SnippetSyntaxError extends Error {}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  /** The whole body: markers until the end of the input. */
  parseAll(): Marker[] {
    const out = this.parseUntil(false);
    if (this.pos < this.src.length) this.fail('unexpected input');
    return out;
  }

  private fail(what: string, at = this.pos): never {
    throw new SnippetSyntaxError(`${what} at offset ${at} of ${JSON.stringify(this.src)}`);
  }

  /** Markers up to the end of input, or (inPlaceholder) up to and not including an unescaped `}`. */
  private parseUntil(inPlaceholder: boolean): Marker[] {
    const out: Marker[] = [];
    let text = '';
    const flush = (): void => {
      if (text) out.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\') {
        const next = this.src[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '}' && inPlaceholder) {
        break;
      } else if (c === '$') {
        const marker = this.parseDollar();
        if (marker) {
          flush();
          out.push(marker);
        } else {
          text += c;
          this.pos++;
        }
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  /** A `$…` construct at pos, or undefined when the `$` is plain text. */
  private parseDollar(): Marker | undefined {
    const start = this.pos;
    const rest = this.src.slice(start + 1);
    const int = INT.exec(rest);
    if (int) {
      this.pos = start + 1 + int[0].length;
      return { kind: 'tabstop', index: Number(int[0]), children: undefined };
    }
    const name = NAME.exec(rest);
    if (name) {
      this.pos = start + 1 + name[0].length;
      return { kind: 'variable', name: name[0], children: undefined };
    }
    if (rest[0] !== '{') return undefined;
    const inner = rest.slice(1);
    const id = INT.exec(inner) ?? NAME.exec(inner);
    if (!id) return undefined;
    this.pos = start + 2 + id[0].length;
    const isIndex = INT.test(id[0]);
    const base = isIndex ? ({ kind: 'tabstop', index: Number(id[0]) } as const) : ({ kind: 'variable', name: id[0] } as const);
    const c = this.src[this.pos];
    if (c === '}') {
      this.pos++;
      return { ...base, children: undefined };
    }
    if (c === ':') {
      this.pos++;
      const children = this.parseUntil(true);
      if (this.src[this.pos] !== '}') this.fail(`unterminated \${${id[0]}:`, start);
      this.pos++;
      return { ...base, children };
    }
    if (c === '|' && isIndex) {
      this.pos++;
      const options = this.parseChoice(start);
      return { ...base, children: [{ kind: 'text', value: options[0] }] };
    }
    if (c === '/') this.fail(`transforms are not supported (\${${id[0]}/…)`, start);
    return this.fail(`malformed \${${id[0]}`, start);
  }

  /** The options of `${N|a,b|}`, pos just after the first `|`; leaves pos after the closing `}`. */
  private parseChoice(start: number): string[] {
    const options: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && [',', '|', '\\'].includes(this.src[this.pos + 1])) {
        current += this.src[this.pos + 1];
        this.pos += 2;
      } else if (c === ',' || c === '|') {
        if (!current) this.fail('empty choice option', start);
        options.push(current);
        current = '';
        this.pos++;
        if (c === '|') {
          if (this.src[this.pos] !== '}') this.fail('a choice must end with |}', start);
          this.pos++;
          return options;
        }
      } else {
        current += c;
        this.pos++;
      }
    }
    return this.fail('unterminated choice', start);
  }
}

/** Expands a snippet body (its `body`: one string or lines joined with `\n`) with every default accepted. */
export function expandSnippet(body: string | readonly string[], variables: Readonly<Record<string, string>> = {}): Expansion {
  const source = typeof body === 'string' ? body : body.join('\n');
  const markers = new Parser(source).parseAll();

  // The first placeholder of each index with a default defines the value of them all.
  const defining = new Map<number, Marker[]>();
  const walk = (list: readonly Marker[]): void => {
    for (const m of list) {
      if (m.kind === 'text') continue;
      if (m.kind === 'tabstop' && m.children && m.children.length > 0 && !defining.has(m.index)) defining.set(m.index, m.children);
      if (m.children) walk(m.children);
    }
  };
  walk(markers);

  let text = '';
  let finalOffset: number | undefined;
  const unknownVariables: string[] = [];
  const render = (list: readonly Marker[], expanding: ReadonlySet<number>): void => {
    for (const m of list) {
      if (m.kind === 'text') {
        text += m.value;
      } else if (m.kind === 'variable') {
        if (Object.prototype.hasOwnProperty.call(variables, m.name)) {
          text += variables[m.name];
          continue;
        }
        unknownVariables.push(m.name);
        if (m.children) render(m.children, expanding);
        else text += m.name;
      } else {
        if (m.index === 0 && finalOffset === undefined) finalOffset = text.length;
        // A placeholder inside its own default (`${1:a${1:b}}`) would recurse forever; VS Code stops there too.
        if (expanding.has(m.index)) continue;
        const value = defining.get(m.index);
        if (value) render(value, new Set([...expanding, m.index]));
      }
    }
  };
  render(markers, new Set());
  return { text, finalOffset: finalOffset ?? text.length, unknownVariables };
}
