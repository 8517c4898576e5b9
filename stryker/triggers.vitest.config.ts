import { testsFor } from "./tests-for.js";

// The change-stream triggers (api/events/triggers.ts).
export default testsFor(["tests/integration/change-stream.test.ts"]);
