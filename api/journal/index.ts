// What the rest of the app may use of the journal besides the writer app.ts wires in: the
// reader that proves a journal directory and replays it in order (the restore reads it).
export { verifyJournal, readFrames, type Verification } from "./read.js";
export type { Frame as JournalFrame, SegmentHeader } from "./format.js";
