// The words every page uses for a bundle (ui/src/lib/bundle-text.ts).
import { describe, expect, it } from "vitest";
import { bundleSummary, bundleTerms, dataText, durationText, onlineText, validityText } from "../../ui/src/lib/bundle-text.js";

describe("bundle words", () => {
  it("reads as people speak", () => {
    expect(bundleSummary({ dataLimitMb: 1024, validityHours: 168, uptimeLimit: "2h" })).toBe("1 GB · valid 7 days · 2 h online time");
    expect(bundleSummary({ dataLimitMb: 100, validityHours: 24, uptimeLimit: "1d" })).toBe("100 MB · valid 1 day · 1 day online time");
    expect(bundleSummary({ dataLimitMb: null, validityHours: 12, uptimeLimit: null })).toBe("Unlimited data · valid 12 hours");
    expect(bundleSummary({ dataLimitMb: 1536, validityHours: null, uptimeLimit: "1h30m" })).toBe("1.5 GB · no expiry · 1 h 30 min online time");
    expect(bundleTerms({ dataLimitMb: 2048, validityHours: 48, uptimeLimit: "3h" })).toBe("Valid 2 days · 3 h online time");
  });

  it("turns RouterOS durations into words", () => {
    expect(durationText("30m")).toBe("30 min");
    expect(durationText("1w")).toBe("7 days");
    expect(durationText("1d2h")).toBe("26 h");
    expect(durationText("01:30:00")).toBe("1 h 30 min");
    expect(durationText("90s")).toBe("1 min 30 s");
    expect(onlineText(null)).toBeNull();
    // Not a duration (an imported router value): shown as the router wrote it.
    expect(durationText("unlimited")).toBe("unlimited");
  });

  it("sizes and validity", () => {
    expect(dataText(500)).toBe("500 MB");
    expect(dataText(5120)).toBe("5 GB");
    expect(dataText(1100)).toBe("1.1 GB");
    expect(validityText(1)).toBe("valid 1 hour");
    expect(validityText(720)).toBe("valid 30 days");
  });
});
