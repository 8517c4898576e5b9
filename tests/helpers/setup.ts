// A file's setup (start the server, seed, sign in) whose failure fails one test of its own.
// When a beforeAll throws, vitest skips every test of the file, and a mutation run
// (npm run mutation) counts skipped tests as "survived": a mutant that breaks the server's
// start would look like a gap in the tests instead of a bug they caught.
import { beforeAll, it } from "vitest";

export function setUpFile(setup: () => Promise<void>, name = "the test server starts"): void {
  let failure: unknown = null;
  beforeAll(async () => {
    try {
      await setup();
    } catch (err) {
      failure = err;
    }
  });
  it(name, () => {
    if (failure) throw failure;
  });
}
