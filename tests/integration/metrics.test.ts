// /metrics in Prometheus text format through prom-client: operations by name and outcome,
// errors by code, live subscriptions, change-feed lag, outbox depth, process defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { waitFor } from "../helpers/wait.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop());

const scrape = async () => {
  const r = await fetch(`${server.url}/metrics`);
  expect(r.headers.get("content-type")).toContain("text/plain");
  return r.text();
};
const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe("/metrics", () => {
  it("counts operations per name and outcome, errors by code, and live subscriptions", async () => {
    await server.gql(`query Bundles { allocations { id } }`, {}, { token: server.adminToken });
    await server.gql(`query Bundles { allocations { id } }`, {}, { token: server.adminToken });
    await server.gql(`query Staff { users { id } }`);
    const client = server.ws({ authorization: server.adminToken });
    let subscribed = false;
    const stop = client.subscribe({ query: `subscription { logAdded { sequence } }` }, { next: () => {}, error: () => {}, complete: () => {} });
    client.on("connected", () => (subscribed = true));
    await waitFor(async () => subscribed && value(await scrape(), "chillzone_live_subscriptions")! >= 1, { what: "the subscription in /metrics" });

    const text = await scrape();
    expect(value(text, `chillzone_graphql_operation_duration_seconds_count{type="query",operation="Bundles",outcome="ok"}`)).toBe(2);
    expect(value(text, `chillzone_graphql_operation_duration_seconds_count{type="query",operation="Staff",outcome="rejected"}`)).toBe(1);
    expect(value(text, `chillzone_graphql_errors_total{code="UNAUTHENTICATED",type="query"}`)).toBeGreaterThanOrEqual(1);
    expect(text).toContain("# TYPE chillzone_graphql_operation_duration_seconds histogram");
    for (const name of ["chillzone_change_feed_lag_entries", "chillzone_change_feed_sequence", "chillzone_process_cpu_seconds_total", "chillzone_nodejs_eventloop_lag_seconds", "chillzone_process_resident_memory_bytes"]) {
      expect(value(text, name), name).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain("# TYPE chillzone_outbox_depth gauge");
    stop();
  });

  it("shows a waiting SMS in the outbox depth", async () => {
    await server.app.services.prisma.outboxMessage.create({ data: { channel: "SMS", recipient: "0241234567", body: "test", nextAttemptAt: new Date(Date.now() + 3_600_000) } });
    expect(value(await scrape(), `chillzone_outbox_depth{channel="SMS"}`)).toBe(1);
  });

  it("counts the router provisioning queue: vouchers waiting and failed", async () => {
    expect(value(await scrape(), `chillzone_provisioning_queue_depth{state="PENDING"}`)).toBe(0);
    const a = await server.app.services.prisma.allocation.create({ data: { code: "PROV_Q", name: "Queue", priceMinor: 1 } });
    await server.app.services.prisma.voucher.createMany({
      data: [
        { username: "q1", password: "x", allocationId: a.id, provisioning: "PENDING" },
        { username: "q2", password: "x", allocationId: a.id, provisioning: "PENDING" },
        { username: "q3", password: "x", allocationId: a.id, provisioning: "FAILED" },
        { username: "q4", password: "x", allocationId: a.id, provisioning: "PROVISIONED" },
      ],
    });
    const text = await scrape();
    expect(value(text, `chillzone_provisioning_queue_depth{state="PENDING"}`)).toBe(2);
    expect(value(text, `chillzone_provisioning_queue_depth{state="FAILED"}`)).toBe(1);
  });

  it("keeps client-chosen operation names from growing the label set without bound", async () => {
    for (let i = 0; i < 210; i++) await server.gql(`query Probe${i} { __typename }`);
    await server.gql(`query ${"x".repeat(100)} { __typename }`);
    const text = await scrape();
    const probes = text.split("\n").filter((l) => l.startsWith("chillzone_graphql_operation_duration_seconds_count") && l.includes('operation="Probe'));
    expect(probes.length).toBeLessThan(200);
    expect(value(text, `chillzone_graphql_operation_duration_seconds_count{type="query",operation="other",outcome="ok"}`)).toBeGreaterThanOrEqual(11);
  });
});
