// Polls a condition until it holds; the deadline only turns a hang into a failure.
export async function waitFor<T>(check: () => Promise<T | false> | T | false, opts: { timeoutMs?: number; what?: string; everyMs?: number } = {}): Promise<T> {
  const until = Date.now() + (opts.timeoutMs ?? 20_000);
  for (;;) {
    const v = await check();
    if (v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${opts.what ?? "a condition"}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 50));
  }
}
