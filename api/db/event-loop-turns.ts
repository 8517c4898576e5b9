// Gives other work a turn between the statements of a long operation.
// better-sqlite3 runs every statement synchronously, and Prisma chains one request's
// statements with promises only (microtasks), so an operation of many statements held the
// event loop from its first statement to its last: a 15-alias voucher search over 200,000
// rows blocked every other request, /healthz included, for over a second, and the
// OPERATION_TIMEOUT_MS timer could not fire until it was over (tests/integration/
// security-timeout.test.ts). Before each statement: once the current turn of the event loop
// has run statements for SLICE_MS, wait for the next turn (setImmediate: after pending I/O).

/** How long statements may run in one turn of the event loop before others get a turn. */
export const SLICE_MS = 20;

let sliceStart = 0;
let marked = false;

/** Resolves at once in a fresh turn; in a turn that has already run SLICE_MS of statements, on the next one. */
export function statementTurn(): Promise<void> | undefined {
  const now = performance.now();
  if (!marked) {
    // No marker pending: the loop has turned since the last statement, a new slice begins.
    marked = true;
    sliceStart = now;
    setImmediate(() => (marked = false));
    return undefined;
  }
  if (now - sliceStart < SLICE_MS) return undefined;
  return new Promise((resolve) => setImmediate(resolve));
}
