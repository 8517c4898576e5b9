// A database of N vouchers (plus the app's other tables, empty) for the backup and restore
// benchmarks: migrated and with triggers as the app opens it, the rows inserted directly.
import Database from "better-sqlite3";

export async function seedVouchers(dbFile: string, n: number) {
  const { openDatabase } = await import("../api/db/client.js");
  const db = await openDatabase(dbFile, "bench-seed"); // migrations and triggers
  await db.close();
  const s = new Database(dbFile);
  s.pragma("journal_mode = WAL");
  s.pragma("synchronous = OFF");
  // Seeded rows carry no log entries: the triggers come back when the app opens the file.
  for (const t of s.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cz\\_%' ESCAPE '\\'`).pluck().all() as string[]) s.exec(`DROP TRIGGER "${t}"`);
  const now = new Date().toISOString().replace("Z", "+00:00");
  s.prepare(`INSERT INTO Allocation (id, code, name, priceMinor, dataLimitMb, active, updatedAt) VALUES ('alloc1', '1_GHS__1GB', 'Daily 1 GB', 100, 1024, 1, ?)`).run(now);
  const ins = s.prepare(`INSERT INTO Voucher (id, username, password, allocationId, status, uptimeLimit, usageBytesIn, createdAt, updatedAt) VALUES (?, ?, ?, 'alloc1', ?, ?, ?, ?, ?)`);
  const batch = s.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      ins.run(`cbench${String(i).padStart(18, "0")}`, `u${i.toString(36)}`, `p${(i * 7919).toString(36)}`, i % 3 ? "AVAILABLE" : "SOLD", i % 2 ? "1d" : null, i % 3 ? null : i * 1048.5, now, now);
    }
  });
  for (let i = 0; i < n; i += 50_000) batch(i, Math.min(n, i + 50_000));
  s.pragma("wal_checkpoint(TRUNCATE)");
  s.close();
}
