// The legacy CSV reader and the credential generator, without a server.
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseCsv, readVoucherCsv } from "../../api/modules/vouchers/csv.js";
import { newPassword, newUsername, VOUCHER_ALPHABET } from "../../api/modules/vouchers/credentials.js";
import { newId } from "../../api/modules/vouchers/insert.js";

function failure(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    expect((e as GraphQLError).extensions.code).toBe("BAD_USER_INPUT");
    return e as GraphQLError;
  }
  throw new Error("expected a BAD_USER_INPUT error");
}

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and keeps each record's first line", () => {
    const text = '\uFEFFa,b\r\n"x,1","say ""hi""\nthere"\r\n\r\nplain , spaced \n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["x,1", 'say "hi"\nthere'] },
      { line: 5, fields: ["plain", "spaced"] },
    ]);
  });

  it("keeps empty fields and a last line without a newline", () => {
    expect(parseCsv("a,,c\n,,\nlast,1")).toEqual([
      { line: 1, fields: ["a", "", "c"] },
      { line: 2, fields: ["", "", ""] },
      { line: 3, fields: ["last", "1"] },
    ]);
  });

  it("names the line of a quote left open or misplaced", () => {
    expect(failure(() => parseCsv('a\n"open\n\n')).message).toMatch(/^Line 2/);
    expect(failure(() => parseCsv('a\nab"c\n')).message).toMatch(/^Line 2/);
    expect(failure(() => parseCsv('a\n"ab"c\n')).message).toMatch(/^Line 2/);
  });
});

describe("readVoucherCsv", () => {
  it("maps columns by header name in any order and case; Uptime Limit is optional", () => {
    expect(readVoucherCsv("PASSWORD,uptime  LIMIT,Login\np1,1h,u1\n")).toEqual([{ line: 2, username: "u1", password: "p1", uptimeLimit: "1h" }]);
    expect(readVoucherCsv("Login,Password\nu2,p2\n")).toEqual([{ line: 2, username: "u2", password: "p2", uptimeLimit: null }]);
  });

  it("accepts RouterOS durations and rejects anything else by line", () => {
    expect(readVoucherCsv("Login,Password,Uptime Limit\na,b,1w2d3h\nc,d,01:30:00\n").map((r) => r.uptimeLimit)).toEqual(["1w2d3h", "01:30:00"]);
    expect(failure(() => readVoucherCsv("Login,Password,Uptime Limit\na,b,1h\nc,d,2 days\n")).message).toMatch(/^Line 3: "2 days"/);
  });

  it("requires a header with Login and Password and no unknown columns", () => {
    expect(failure(() => readVoucherCsv("")).message).toMatch(/empty/);
    expect(failure(() => readVoucherCsv("Login,Uptime Limit\na,1h\n")).message).toMatch(/Login and Password/);
    expect(failure(() => readVoucherCsv("Login,Password,Comment\na,b,c\n")).message).toMatch(/unknown column "Comment"/);
    expect(failure(() => readVoucherCsv("Login,Password,login\na,b,c\n")).message).toMatch(/twice/);
  });

  it("refuses more than the maximum number of lines", () => {
    const csv = `Login,Password\n${Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `u${i},p`).join("\n")}`;
    expect(failure(() => readVoucherCsv(csv)).message).toMatch(/at most 10,000/);
  });
});

describe("credentials", () => {
  it("draws 8-character usernames and passwords from the look-alike-free alphabet", () => {
    expect(VOUCHER_ALPHABET).toHaveLength(32);
    expect(VOUCHER_ALPHABET).not.toMatch(/[01oOlI]/);
    const names = Array.from({ length: 2000 }, newUsername);
    expect(new Set(names).size).toBe(2000);
    for (const s of [...names, ...Array.from({ length: 200 }, newPassword)]) expect(s).toMatch(/^[23456789abcdefghijkmnpqrstuvwxyz]{8}$/);
    // Every symbol turns up: the draw is over the whole alphabet.
    expect(new Set(names.join("")).size).toBe(32);
  });

  it("makes unique ids that pass the raw-id check", () => {
    const ids = Array.from({ length: 500 }, newId);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]{25}$/);
    expect(new Set(ids).size).toBe(500);
  });
});
