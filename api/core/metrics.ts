// Prometheus text metrics at /metrics: counters kept in memory by the request plugin,
// gauges read when scraped. No client library: the format is a few lines of text.
import type { Services } from "./context.js";

type Labels = Record<string, string>;
const key = (name: string, labels: Labels) =>
  `${name}{${Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}`;

export class Metrics {
  private counters = new Map<string, number>();
  private help = new Map<string, string>();

  inc(name: string, help: string, labels: Labels = {}, by = 1): void {
    this.help.set(name, help);
    const k = key(name, labels);
    this.counters.set(k, (this.counters.get(k) ?? 0) + by);
  }

  render(gauges: { name: string; help: string; value: number }[]): string {
    const lines: string[] = [];
    const byName = new Map<string, string[]>();
    for (const [k, v] of this.counters) {
      const name = k.slice(0, k.indexOf("{"));
      byName.set(name, [...(byName.get(name) ?? []), `${k} ${v}`]);
    }
    for (const [name, rows] of byName) lines.push(`# HELP ${name} ${this.help.get(name)}`, `# TYPE ${name} counter`, ...rows);
    for (const g of gauges) lines.push(`# HELP ${g.name} ${g.help}`, `# TYPE ${g.name} gauge`, `${g.name} ${g.value}`);
    return `${lines.join("\n")}\n`;
  }
}

export function gaugesOf(services: Services) {
  const mem = process.memoryUsage();
  return [
    { name: "chillzone_subscribers", help: "Live subscription listeners in this process", value: services.hub.bus.subscriberCount },
    { name: "chillzone_change_feed_sequence", help: "Last log sequence this process published", value: services.feed.lastPublished },
    { name: "chillzone_process_resident_bytes", help: "Resident set size", value: mem.rss },
    { name: "chillzone_process_heap_used_bytes", help: "V8 heap in use", value: mem.heapUsed },
    { name: "chillzone_uptime_seconds", help: "Seconds since the process started", value: Math.round(process.uptime()) },
  ];
}
