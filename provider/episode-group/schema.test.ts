import { checkInputs } from "../shared/check";
import { UNKNOWN } from "../shared/unknowns";
import { episodeGroupSpec } from "./schema";

const valid = {
  casterId: "LIVEPRODUCER_POST-cn-0pp1czt1234",
  startTime: "2030-01-01T20:00:00Z",
  repeatNum: -1,
  items: [{ itemName: "Opening", vodUrl: "https://media.example.com/opening.mp4" }],
};
const check = (inputs: Record<string, unknown>) => checkInputs(episodeGroupSpec, inputs);

describe("episode group inputs", () => {
  test.each([
    ["a studio and a loop", {}],
    ["a local time with its zone", { startTime: "2030-01-02T04:00:00+08:00" }],
    ["a past time (allowed, the SDK warns)", { startTime: "2001-01-01T00:00:00Z" }],
    ["a domain and callback instead of a studio", { casterId: undefined, domainName: "live.example.com", callbackUrl: "https://cb.example.com/x?auth_key=1" }],
    ["a user's own token of 64 characters", { clientToken: "t".repeat(64) }],
  ])("%s is valid", (_case, change) => {
    expect(check({ ...valid, ...change })).toEqual([]);
  });

  test.each([
    ["startTime", { startTime: "2030-01-01 20:00" }, /startTime "2030-01-01 20:00" is not allowed: use an ISO 8601 time with its zone/],
    ["startTime", { startTime: "2030-01-01T20:00:00" }, /with its zone/],
    ["startTime", { startTime: "2030-13-45T99:00:00Z" }, /with its zone/],
    ["items", { items: [] }, /give at least one item/],
    ["items", { items: undefined }, /items is required/],
    ["items", { items: [{ itemName: "A", vodUrl: "https://m.example.com/a.mkv" }] }, /items\[0\].vodUrl "https:\/\/m.example.com\/a.mkv" is not allowed: .*MP4, FLV or TS/],
    ["items", { items: [{ vodUrl: "https://m.example.com/a.mp4" }] }, /^items\[0\].itemName is required: give every entry of items its itemName.$/],
    ["items", { items: "a.mp4" }, /items must be an array, got string "a.mp4"/],
    ["repeatNum", { repeatNum: 2 }, /use 0 to play the list once or -1 to loop it/],
    ["clientToken", { clientToken: "t".repeat(65) }, /at most 64 characters/],
    ["clientToken", { clientToken: "令牌" }, /printable ASCII/],
    ["domainName", { casterId: undefined, callbackUrl: "https://cb.example.com" }, /domainName is needed when casterId is not given/],
    ["callbackUrl", { casterId: undefined, domainName: "live.example.com" }, /callbackUrl is needed when casterId is not given/],
    ["domainName", { domainName: "not a domain" }, /main streaming domain/],
  ])("%s: %j is reported", (property, change, reason) => {
    const failures = check({ ...valid, ...change });
    expect(failures.map((failure) => failure.property)).toEqual([property]);
    expect(failures[0].reason).toMatch(reason);
  });

  test("unknown values during preview are never errors", () => {
    expect(check({ ...valid, casterId: UNKNOWN, startTime: UNKNOWN, items: UNKNOWN })).toEqual([]);
    expect(check({ ...valid, items: [{ itemName: "A", vodUrl: UNKNOWN }] })).toEqual([]);
    expect(check({ ...valid, casterId: undefined, domainName: UNKNOWN, callbackUrl: UNKNOWN })).toEqual([]);
  });
});
