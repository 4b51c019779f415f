import { checkInputs } from "../../common/check";
import { UNKNOWN } from "../../common/unknowns";
import { casterEpisodeGroup } from "./caster-episode-group";
import { inputSchemas } from "./kind";

const episodeGroupSpec = { fields: inputSchemas(casterEpisodeGroup), rules: casterEpisodeGroup.rules };

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
    // One pattern with the emulator (model/api-facts.ts DOMAIN_NAME_PATTERN): a DNS label neither starts nor ends with a hyphen.
    ["domainName", { domainName: "-live.example.com" }, /main streaming domain/],
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

describe("episode group inputs: what the API cannot take (issue 10)", () => {
  test.each([
    ["2031-02-30T20:00:00Z", /startTime "2031-02-30T20:00:00Z" is not allowed: February 2031 has 28 days, so day 30 does not exist; use an ISO 8601 time with its zone/],
    ["2032-02-30T20:00:00Z", /February 2032 has 29 days, so day 30 does not exist/],
    ["2031-02-29T20:00:00Z", /February 2031 has 28 days, so day 29 does not exist/],
    ["2031-04-31T20:00:00+08:00", /April 2031 has 30 days, so day 31 does not exist/],
    ["2031-01-00T20:00:00Z", /day 00 does not exist/],
    ["2031-00-10T20:00:00Z", /month 00 does not exist/],
    ["2031-13-01T20:00:00Z", /month 13 does not exist \(months run from 01 to 12\); use an ISO 8601 time with its zone/],
    ["2031-01-01T24:00:00Z", /hour 24 does not exist \(hours run from 00 to 23; midnight is 00:00 of the next day\)/],
    ["2031-01-01T24:00Z", /hour 24 does not exist/],
    ["2031-01-01T20:60:00Z", /minute 60 does not exist/],
    ["2031-01-01T20:00:60Z", /second 60 does not exist/],
    ["2031-01-01T20:00:00+14:30", /zone offset \+14:30 is beyond ±14:00/],
    ["2031-01-01T20:00:00-15:00", /zone offset -15:00 is beyond ±14:00/],
    ["2031-01-01T20:00:00+0960", /zone offset \+0960 has minute 60/],
  ])("%s is refused, saying which field is out of range", (startTime, reason) => {
    const failures = check({ ...valid, startTime });
    expect(failures.map((failure) => failure.property)).toEqual(["startTime"]);
    expect(failures[0].reason).toMatch(reason);
  });

  test.each([
    "2032-02-29T20:00:00Z", "2000-02-29T00:00:00Z", "2031-12-31T23:59:59Z", "2031-01-01T00:00Z", "2031-01-01T20:00:00.999Z",
    "2031-01-01T20:00:00+14:00", "2031-01-01T20:00:00-12:00", "2031-01-01T20:00:00+0545", "2031-01-01T20:00:00-00:00",
  ])("%s is valid", (startTime) => {
    expect(check({ ...valid, startTime })).toEqual([]);
  });

  test("1900 and 2100 are not leap years; 2000 is", () => {
    expect(check({ ...valid, startTime: "2100-02-29T00:00:00Z" })[0].reason).toMatch(/February 2100 has 28 days/);
    expect(check({ ...valid, startTime: "1900-02-29T00:00:00Z" })[0].reason).toMatch(/February 1900 has 28 days/);
  });

  test.each([
    ["a line break", "Opening\ntitles", /items\[0\].itemName "Opening\\ntitles" is not allowed: it holds a line break \(U\+000A\) at character 8; use/],
    ["a BEL", "\u0007", /items\[0\].itemName "\\u0007" is not allowed: it holds a bell \(BEL, U\+0007\)/],
    ["an ANSI escape", "Opening \u001b[2J", /it holds an escape \(ESC, U\+001B\)/],
    ["only spaces", "   ", /items\[0\].itemName "   " is not allowed: it is only whitespace; give the item a name/],
  ])("an item name with %s is refused", (_case, itemName, reason) => {
    const failures = check({ ...valid, items: [{ itemName, vodUrl: "https://media.example.com/a.mp4" }] });
    expect(failures.map((failure) => failure.property)).toEqual(["items"]);
    expect(failures[0].path).toEqual(["items", 0, "itemName"]);
    expect(failures[0].reason).toMatch(reason);
  });

  test.each([
    ["an item URL with a space", { items: [{ itemName: "A", vodUrl: "https://media.example.com/my reel.mp4" }] }, "items", /items\[0\].vodUrl .* it holds a space at character 29/],
    ["an item URL without a host", { items: [{ itemName: "A", vodUrl: "https:///reel.mp4" }] }, "items", /items\[0\].vodUrl "https:\/\/\/reel.mp4" is not allowed: it has no host/],
    ["a callback URL with a line break", { callbackUrl: "https://cb.example.com/x\n" }, "callbackUrl", /it holds a line break/],
    ["an output URL without a host", { sideOutputUrl: "rtmp://" }, "sideOutputUrl", /sideOutputUrl "rtmp:\/\/" is not allowed: it has no host/],
  ])("%s is refused", (_case, change, property, reason) => {
    const failures = check({ ...valid, ...change });
    expect(failures.map((failure) => failure.property)).toEqual([property]);
    expect(failures[0].reason).toMatch(reason);
  });

  const items = (count: number) =>
    Array.from({ length: count }, (_, index) => ({ itemName: `Episode ${index + 1}`, vodUrl: `https://media.example.com/${index + 1}.mp4` }));

  test("a group of 100 items is valid; 101 and 1000 are refused with the count and the fix", () => {
    expect(check({ ...valid, items: items(100) })).toEqual([]);
    for (const count of [101, 1000]) {
      const failures = check({ ...valid, items: items(count) });
      expect(failures.map((failure) => failure.property)).toEqual(["items"]);
      expect(failures[0].reason).toMatch(new RegExp(`^items \\[.* is not allowed: ${count} items are more than the 100 a group takes; use at most 100, and split a longer schedule into groups that each start when the one before ends\\.$`));
    }
  });
});
