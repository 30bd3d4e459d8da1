import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';

/**
 * What every handler of the server goes through, so that no message an
 * editor (or an attacker's file) sends can take the process down, and so
 * that the protocol's shutdown rule holds for every request: after
 * `shutdown`, requests get InvalidRequest instead of answers.
 *
 * vscode-jsonrpc already turns an exception thrown by a request handler into
 * an error response, and one thrown synchronously by a notification handler
 * into a log line; a promise rejected by an async notification handler,
 * though, would reach Node's unhandled-rejection handler, which ends the
 * process. `notification` catches both kinds.
 */
export class Lifecycle {
  private shutDown = false;

  constructor(private readonly warn: (message: string) => void) {}

  /** Called for `shutdown`: true the first time, false when it was already received. */
  shutdown(): boolean {
    if (this.shutDown) return false;
    this.shutDown = true;
    return true;
  }

  get isShutDown(): boolean {
    return this.shutDown;
  }

  /** A request handler that answers InvalidRequest once the server is shut down. */
  request<P, R, T extends unknown[]>(handler: (params: P, ...rest: T) => R): (params: P, ...rest: T) => R | ResponseError<void> {
    return (params, ...rest) => (this.shutDown ? new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down') : handler(params, ...rest));
  }

  /**
   * A notification handler that cannot fail the process: errors, thrown or
   * rejected, are logged as warnings with the method's name. Ignored after
   * shutdown (only `exit` matters then, and the library handles it).
   */
  notification<P>(method: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      if (this.shutDown) return;
      this.run(method, () => handler(params));
    };
  }

  /** Runs work started outside any handler (the initial scan) with the same guarantee. */
  run(what: string, work: () => void | Promise<void>): void {
    try {
      const done = work();
      if (done) done.catch((error: unknown) => this.warn(`${what} failed: ${describe(error)}`));
    } catch (error) {
      this.warn(`${what} failed: ${describe(error)}`);
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
