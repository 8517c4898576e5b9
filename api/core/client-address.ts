// The client's address as the limits see it, and the network it belongs to (/24 for IPv4,
// /48 for IPv6): a hoarder rotating addresses inside one network is counted as one.
export function normalizeAddress(ip: string | null | undefined): string | null {
  if (!ip) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return (mapped ? mapped[1]! : ip).toLowerCase();
}

export function networkOf(ip: string | null | undefined): string | null {
  const a = normalizeAddress(ip);
  if (!a) return null;
  const v4 = /^(\d+)\.(\d+)\.(\d+)\.\d+$/.exec(a);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (!a.includes(":")) return a;
  // Expand "::" so the first three groups are the real first three.
  const [head = "", tail = ""] = a.split("::");
  const h = head ? head.split(":") : [];
  const t = a.includes("::") ? (tail ? tail.split(":") : []) : [];
  const full = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t];
  return `${full.slice(0, 3).map((x) => x || "0").join(":")}::/48`;
}

/**
 * Who is asking and whether they reached us over TLS. X-Forwarded-For and X-Forwarded-Proto
 * count only when the connection comes from one of TRUSTED_PROXIES (anyone else could send
 * them): then the client is the last address in the chain that is not itself a proxy.
 */
export function requestOrigin(
  socket: { remoteAddress?: string; encrypted?: boolean } | undefined,
  headers: { get(name: string): string | null },
  trustedProxies: string[],
): { ip: string | null; secure: boolean } {
  const peer = normalizeAddress(socket?.remoteAddress);
  const tls = Boolean(socket?.encrypted);
  if (!peer || !trustedProxies.includes(peer)) return { ip: peer, secure: tls };
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => normalizeAddress(s.trim())).filter((s): s is string => Boolean(s));
  let ip = peer;
  for (let i = chain.length - 1; i >= 0; i--) {
    ip = chain[i]!;
    if (!trustedProxies.includes(ip)) break;
  }
  const proto = (headers.get("x-forwarded-proto") ?? "").split(",")[0]!.trim().toLowerCase();
  return { ip, secure: tls || proto === "https" };
}

export const isLoopback = (ip: string | null) => Boolean(ip && (ip === "::1" || /^127\./.test(ip)));
