// SMS over an Arkesel-style HTTP API (Ghana): POST JSON {sender, message,
// recipients: ["233XXXXXXXXX"]} with an `api-key` header; success is
// {status: "success", data: [{recipient, id}]}.
import { DeliveryError, type SmsSender } from "./types.js";

export type HttpSmsOptions = { url: string; apiKey: string; sender: string; timeoutMs?: number; fetch?: typeof fetch };

/** 0XXXXXXXXX | 233XXXXXXXXX | +233 XX XXX XXXX -> 233XXXXXXXXX, or undefined. */
export function toInternationalGh(phone: string): string | undefined {
  const digits = phone.replace(/[\s\-()]/g, "").replace(/^\+/, "");
  if (/^0\d{9}$/.test(digits)) return `233${digits.slice(1)}`;
  if (/^233\d{9}$/.test(digits)) return digits;
  return undefined;
}

export function createHttpSmsSender(opts: HttpSmsOptions): SmsSender {
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;

  return {
    async send(to, text, sendOpts) {
      const recipient = toInternationalGh(to);
      if (!recipient) throw new DeliveryError(`sms: not a Ghana phone number: ${to}`, false);
      let res: Response;
      try {
        res = await doFetch(opts.url, {
          method: "POST",
          headers: { "api-key": opts.apiKey, "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({ sender: sendOpts?.sender || opts.sender, message: text, recipients: [recipient] }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const reason = err instanceof Error && err.name === "TimeoutError" ? `timed out after ${timeoutMs} ms` : String(err);
        throw new DeliveryError(`sms: ${reason}`, true);
      }
      const raw = await res.text().catch(() => "");
      let body: { status?: unknown; message?: unknown; data?: unknown } | undefined;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        body = undefined;
      }
      const message = typeof body?.message === "string" ? body.message : raw.slice(0, 200) || res.statusText;
      // 429 (rate limited) and 408 behave like an outage: later, the same request works.
      if (res.status >= 500 || res.status === 429 || res.status === 408) {
        throw new DeliveryError(`sms: provider ${res.status} ${message}`, true);
      }
      if (!res.ok) throw new DeliveryError(`sms: rejected (${res.status}) ${message}`, false);
      if (body?.status !== "success") throw new DeliveryError(`sms: not accepted: ${message}`, false);
      const entries = Array.isArray(body.data) ? (body.data as Array<Record<string, unknown>>) : [];
      const mine = entries.find((e) => e?.recipient === recipient) ?? entries.find((e) => typeof e?.id === "string");
      return { providerMessageId: typeof mine?.id === "string" ? mine.id : undefined };
    },
  };
}
