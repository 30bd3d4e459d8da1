import type { Scanner, Word } from './rcconf-scanner';
import type { RcCommand } from './rcconf';

export type FrameKind = 'if' | 'loop' | 'case' | 'brace' | 'paren';

/** An open compound command; `phase` tracks which keyword may come next. */
export interface Frame {
  kind: FrameKind;
  keyword: string;
  start: number;
  end: number;
  phase: 'cond' | 'then' | 'else' | 'header' | 'body' | 'patterns';
}

/** Where the parser is in sh's grammar: which kind of word the next token may be. */
export type Mode =
  | 'command'
  | 'after'
  | 'for-name'
  | 'for-in'
  | 'for-words'
  | 'for-do'
  | 'case-word'
  | 'case-in'
  | 'case-pattern-start'
  | 'case-pattern'
  | 'func-paren'
  | 'func-body';

/** Reserved word that closes each frame kind, and the frame kind each closer ends. */
export const CLOSES: Record<string, FrameKind> = { fi: 'if', done: 'loop', esac: 'case', '}': 'brace' };
export const CLOSER: Record<FrameKind, string> = { if: 'fi', loop: 'done', case: 'esac', brace: '}', paren: ')' };
export const RESERVED = new Set(['if', 'then', 'elif', 'else', 'fi', 'while', 'until', 'for', 'do', 'done', 'case', 'esac', '{', '}', '!', 'in']);

/**
 * The compound-command half of the grammar: a stack of open if/loop/case/
 * brace/subshell frames, the reserved words that open, advance and close
 * them, and the errors for keywords out of place. Anything on the stack
 * makes an assignment conditional.
 */
export class FrameParser {
  protected readonly frames: Frame[] = [];
  protected mode: Mode = 'command';
  protected readonly commands: RcCommand[] = [];

  constructor(protected readonly s: Scanner) {}

  protected get top(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  protected beginBody(): void {
    const f = this.top;
    if (f) f.phase = 'body';
    this.mode = 'command';
  }

  protected unexpected(w: Word, why: string): void {
    this.s.error(`Syntax error at \`${w.value.slice(0, 40)}\`: ${why}.`, w.start, w.end);
    this.mode = 'command';
  }

  protected push(kind: FrameKind, w: { value: string; start: number; end: number }, phase: Frame['phase']): void {
    this.frames.push({ kind, keyword: w.value, start: w.start, end: w.end, phase });
    this.commands.push({ word: w.value, start: w.start, end: w.end });
  }

  protected keyword(w: Word): void {
    const top = this.top;
    const misplaced = (expected: string): void => {
      this.s.error(`\`${w.value}\` without ${expected}: sh rejects the whole file with a syntax error.`, w.start, w.end);
    };
    switch (w.value) {
      case 'if':
        return this.push('if', w, 'cond');
      case 'then':
        if (top?.kind === 'if' && top.phase === 'cond') top.phase = 'then';
        else misplaced('a matching `if` or `elif`');
        return;
      case 'elif':
      case 'else':
        if (top?.kind === 'if' && top.phase === 'then') top.phase = w.value === 'elif' ? 'cond' : 'else';
        else misplaced('a matching `if ... then`');
        return;
      case 'while':
      case 'until':
        return this.push('loop', w, 'cond');
      case 'for':
        this.push('loop', w, 'header');
        this.mode = 'for-name';
        return;
      case 'do':
        if (top?.kind === 'loop' && top.phase === 'cond') top.phase = 'body';
        else misplaced('a matching `while`, `until` or `for`');
        return;
      case 'case':
        this.push('case', w, 'header');
        this.mode = 'case-word';
        return;
      case '{':
        return this.push('brace', w, 'body');
      case '!':
        return;
      case 'in':
        return misplaced('a `for` or `case` before it');
      default:
        return this.close(CLOSES[w.value], w);
    }
  }

  /** Closes the innermost frame of `kind`, reporting frames left open inside it. */
  protected close(kind: FrameKind, w: { value: string; start: number; end: number }): void {
    let idx = this.frames.length - 1;
    while (idx >= 0 && this.frames[idx].kind !== kind) idx--;
    this.mode = 'after';
    if (idx < 0) {
      const opener = { if: '`if`', loop: '`while`, `until` or `for`', case: '`case`', brace: '`{`', paren: '`(`' }[kind];
      this.s.error(`\`${w.value}\` without a matching ${opener}: sh rejects the whole file with a syntax error.`, w.start, w.end);
      return;
    }
    for (const f of this.frames.slice(idx + 1)) {
      this.s.error(`\`${f.keyword}\` is not closed: sh expects \`${CLOSER[f.kind]}\` before this \`${w.value}\`.`, f.start, f.end);
    }
    const f = this.frames[idx];
    if (f.kind === 'if' && f.phase === 'cond') {
      this.s.error('`fi` before `then`: an `if` needs `then` and at least one command.', w.start, w.end);
    } else if (f.kind === 'loop' && f.phase !== 'body') {
      this.s.error('`done` before `do`: a loop needs `do` and at least one command.', w.start, w.end);
    }
    this.frames.length = idx;
  }
}
