import { EOF, NEWLINE, Scanner, WORD, type Word } from './rcconf-scanner';
import type { RcAssignment, RcFile } from './rcconf';
import { CLOSER, CLOSES, FrameParser, RESERVED } from './rcconf-frames';
import { spacedAssignment, spacedEqError, type SpacedEq } from './rcconf-spaced';

/** A simple command being read: prefix assignments, the command word, its arguments. */
interface SimpleCommand {
  start: number;
  end: number;
  assigns: Word[];
  command?: Word;
  args: number;
  /** `export a=b` / `readonly a=b`: these arguments assign too. */
  declAssigns: Word[];
  spaceEq?: SpacedEq & { bare: boolean };
  conditional: boolean;
}

const DECLARATIONS = new Set(['export', 'readonly', 'local']);
/** Commands where `x = y` arguments are normal (`test a = b`), so `cmd = y` is not a typo'd assignment. */
const EQ_ARG_COMMANDS = new Set(['test', 'echo', 'printf', 'expr', 'eval', 'exec', 'command', 'set', 'true', 'false', 'alias', 'let']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The grammar half of the rc.conf parser: a small state machine over the
 * scanner's tokens that knows sh's compound commands well enough to tell a
 * top-level assignment (which always runs) from one inside if/case/loops or
 * after `&&`/`||` (which may not), and to report unbalanced keywords.
 */
export class RcParser extends FrameParser {
  private cmd?: SimpleCommand;
  /** The one SimpleCommand object, reused: a command is finished before the next starts, and rc.conf is mostly one-word commands. */
  private readonly spare: SimpleCommand = { start: 0, end: 0, assigns: [], command: undefined, args: 0, declAssigns: [], spaceEq: undefined, conditional: false };
  private andOr = false;
  private piped = false;
  private lastWasJoin = false;
  private redirect?: 'file' | 'heredoc' | 'heredoc-dash';
  private heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private readonly assignments: RcAssignment[] = [];
  private readonly spaced: RcAssignment[] = [];

  constructor(readonly text: string) {
    super(new Scanner(text));
  }

  parse(): RcFile {
    const s = this.s;
    for (;;) {
      const type = s.next();
      if (type === EOF) break;
      if (type === WORD) this.onWord(s.tokWord as Word);
      else if (type === NEWLINE) this.onNewline();
      else this.onOp(s.tokOp, s.tokStart, s.tokEnd);
    }
    this.endCommand('eof');
    if (!s.stopped) {
      for (const f of this.frames) {
        s.error(`\`${f.keyword}\` is never closed: sh expects \`${CLOSER[f.kind]}\` before the end of the file and rejects the whole file.`, f.start, f.end);
      }
    }
    s.errors.sort((a, b) => a.start - b.start);
    return { assignments: this.assignments, spacedAssignments: this.spaced, comments: s.comments, commands: this.commands, errors: s.errors, references: s.references };
  }

  private onWord(w: Word): void {
    this.lastWasJoin = false;
    if (w.failed) {
      // The scanner resumed at a line start after an unterminated construct: start afresh there.
      this.cmd = undefined;
      this.redirect = undefined;
      this.heredocs = [];
      this.andOr = false;
      this.piped = false;
      if (this.mode !== 'case-pattern-start') this.mode = 'command';
      return;
    }
    if (this.redirect) {
      if (this.redirect !== 'file') this.heredocs.push({ delimiter: w.value, stripTabs: this.redirect === 'heredoc-dash' });
      this.redirect = undefined;
      if (this.cmd) this.cmd.end = w.end;
      return;
    }
    if (w.ioNumber) return;
    // Reserved words never contain `=`, so an assignment word is never one (and its value need not be read).
    const reserved = w.plain && !this.cmd && w.eq < 0 ? w.value : '';
    switch (this.mode) {
      case 'for-name':
        this.mode = 'for-in';
        return;
      case 'for-in':
        if (reserved === 'in') this.mode = 'for-words';
        else if (reserved === 'do') this.beginBody();
        else this.unexpected(w, 'a `for` loop needs `in` or `do` after its variable');
        return;
      case 'for-words':
        return;
      case 'for-do':
        if (reserved === 'do') this.beginBody();
        else this.unexpected(w, 'a `for` loop needs `do` after its word list');
        return;
      case 'case-word':
        this.mode = 'case-in';
        return;
      case 'case-in':
        if (reserved === 'in') this.mode = 'case-pattern-start';
        else this.unexpected(w, '`case WORD` must be followed by `in`');
        return;
      case 'case-pattern-start':
        // `fi`/`done`/`}` here is an outer closer written before `esac`; close() reports the open case.
        if (Object.prototype.hasOwnProperty.call(CLOSES, reserved)) this.close(CLOSES[reserved], w);
        else this.mode = 'case-pattern';
        return;
      case 'case-pattern':
      case 'after':
        return;
      case 'func-paren':
        this.unexpected(w, 'a function name must be followed by `()`');
        return;
      default:
        break;
    }
    this.mode = 'command';
    if (RESERVED.has(reserved)) {
      this.keyword(w);
      return;
    }
    const cmd = (this.cmd ??= this.newCommand(w.start, w.end));
    cmd.end = w.end;
    if (!cmd.command) {
      if (w.eq >= 0) cmd.assigns.push(w);
      else cmd.command = w;
      return;
    }
    cmd.args++;
    const name = cmd.command.value;
    if (cmd.args === 1 && cmd.assigns.length === 0 && cmd.command.plain && NAME.test(name) && !EQ_ARG_COMMANDS.has(name) && this.text[w.start] === '=') {
      cmd.spaceEq = { start: cmd.command.start, end: w.end, name, valueStart: w.start + 1, bare: w.value === '=' };
    } else if (cmd.args === 2 && cmd.spaceEq?.bare) {
      cmd.spaceEq.end = w.end;
      cmd.spaceEq.valueStart = w.start;
    }
    if (w.eq >= 0 && cmd.command.plain && DECLARATIONS.has(name)) cmd.declAssigns.push(w);
  }

  private onNewline(): void {
    const ended = this.endCommand('newline');
    if (this.heredocs.length > 0) {
      for (const h of this.heredocs) this.s.skipHereDoc(h.delimiter, h.stripTabs);
      this.heredocs = [];
    }
    this.redirect = undefined;
    if (ended || !this.lastWasJoin) {
      this.andOr = false;
      this.piped = false;
    }
    if (this.mode === 'for-words') this.mode = 'for-do';
    else if (this.mode === 'after') this.mode = 'command';
  }

  private onOp(op: string, start: number, end: number): void {
    const joins = op === '&&' || op === '||' || op === '|';
    switch (op) {
      case ';':
      case '&':
        this.endCommand(op);
        this.andOr = false;
        this.piped = false;
        if (this.mode === 'for-in' || this.mode === 'for-words') this.mode = 'for-do';
        else if (!this.mode.startsWith('case-')) this.mode = 'command';
        break;
      case '&&':
      case '||':
      case '|':
        if (this.mode === 'case-pattern') break;
        this.endCommand(op);
        if (op === '|') this.piped = true;
        else this.andOr = true;
        this.mode = 'command';
        break;
      case ';;':
      case ';&':
        this.endCommand(op);
        if (this.top?.kind === 'case' && this.top.phase === 'body') {
          this.top.phase = 'patterns';
          this.mode = 'case-pattern-start';
        } else this.s.error(`\`${op}\` outside a \`case\`: sh rejects the whole file with a syntax error.`, start, end);
        break;
      case '(':
        this.onOpenParen(start, end);
        break;
      case ')':
        this.onCloseParen(start, end);
        break;
      default:
        // Redirections: the next word is their target (or a here-document's delimiter).
        this.redirect = op === '<<' ? 'heredoc' : op === '<<-' ? 'heredoc-dash' : 'file';
        this.cmd ??= this.newCommand(start, end);
        if (this.mode === 'after' || this.mode === 'func-body') break;
        this.mode = 'command';
        break;
    }
    this.lastWasJoin = joins;
  }

  private onOpenParen(start: number, end: number): void {
    const cmd = this.cmd;
    if (this.mode === 'case-pattern-start') {
      this.mode = 'case-pattern';
    } else if (cmd?.command && cmd.args === 0 && cmd.assigns.length === 0) {
      // `name() compound-command`: a function definition; its body only runs when called.
      this.commands.push({ word: cmd.command.value, start: cmd.start, end });
      this.cmd = undefined;
      this.mode = 'func-paren';
    } else if (!cmd && (this.mode === 'command' || this.mode === 'func-body')) {
      this.push('paren', { value: '(', start, end }, 'body');
      this.mode = 'command';
    } else {
      this.s.error('Unexpected `(`: sh rejects the whole file with a syntax error. Quote it if it is part of a value.', start, end);
    }
  }

  private onCloseParen(start: number, end: number): void {
    if (this.mode === 'case-pattern') {
      if (this.top) this.top.phase = 'body';
      this.mode = 'command';
      return;
    }
    if (this.mode === 'func-paren') {
      this.mode = 'func-body';
      return;
    }
    this.endCommand(')');
    if (this.top?.kind === 'paren') {
      this.frames.pop();
      this.mode = 'after';
    } else {
      this.s.error('Unexpected `)`: sh rejects the whole file with a syntax error. Quote it if it is part of a value.', start, end);
    }
  }

  private newCommand(start: number, end: number): SimpleCommand {
    const c = this.spare;
    c.start = start;
    c.end = end;
    c.assigns.length = 0;
    c.command = undefined;
    c.args = 0;
    c.declAssigns.length = 0;
    c.spaceEq = undefined;
    c.conditional = this.andOr || this.piped;
    return c;
  }

  /** Finishes the simple command being read; returns whether there was one. */
  private endCommand(terminator: string): boolean {
    const c = this.cmd;
    this.cmd = undefined;
    if (!c) return false;
    if (c.spaceEq) {
      const { message, quotes } = spacedEqError(this.text, c.spaceEq);
      this.s.error(message, c.spaceEq.start, c.spaceEq.end, quotes);
      const meant = spacedAssignment(this.text, c.spaceEq);
      if (meant) this.spaced.push(meant);
    }
    const conditional = this.frames.length > 0 || c.conditional || terminator === '|' || terminator === '&';
    const decl = c.command?.plain && DECLARATIONS.has(c.command.value);
    if (!c.command) for (const w of c.assigns) this.assignments.push(toAssignment(w, conditional));
    else if (decl && c.declAssigns.length > 0) for (const w of c.declAssigns) this.assignments.push(toAssignment(w, conditional));
    else this.commands.push({ word: c.command.value, start: c.start, end: c.end });
    return true;
  }
}

/** An assignment word (already split at its `=` by the scanner) in the Setting shape. */
function toAssignment(w: Word, conditional: boolean): RcAssignment {
  return {
    name: w.name,
    nameStart: w.start,
    nameEnd: w.nameEnd,
    value: w.rest,
    valueStart: w.valueStart,
    valueEnd: w.end,
    valueOffsets: w.offsets,
    start: w.start,
    end: w.end,
    references: w.refs,
    conditional,
  };
}
