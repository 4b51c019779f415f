import { isUtcZone, lengthPhrase, momentPhrase, spanList, spanPhrase, zonedParts, zoneOffset } from "./words";

/** The schedule's times in words, shared by validate, diff and render. */

const utc = (text: string) => Date.parse(`${text}Z`);

describe("times in the file's zone and in UTC", () => {
  test("a span: the zone's date once, UTC's date only where it differs", () => {
    expect(spanPhrase(utc("2030-12-24T12:00:00"), utc("2030-12-24T13:00:00"), "Asia/Shanghai")).toBe("2030-12-24 20:00–21:00 Asia/Shanghai (12:00–13:00 UTC)");
    expect(spanPhrase(utc("2030-12-24T18:00:00"), utc("2030-12-24T19:00:00"), "Asia/Shanghai")).toBe("2030-12-25 02:00–03:00 Asia/Shanghai (2030-12-24 18:00–19:00 UTC)");
    expect(spanList(utc("2030-12-24T12:00:00"), utc("2030-12-24T13:00:00"), "Asia/Shanghai")).toBe("2030-12-24 20:00–21:00 Asia/Shanghai, 12:00–13:00 UTC");
  });

  test("a span across midnight gives the end's date; seconds only when there are any", () => {
    expect(spanPhrase(utc("2030-12-24T15:30:00"), utc("2030-12-24T16:30:00"), "Asia/Shanghai")).toBe("2030-12-24 23:30–2030-12-25 00:30 Asia/Shanghai (15:30–16:30 UTC)");
    expect(spanPhrase(utc("2030-12-24T12:00:30"), utc("2030-12-24T13:00:00"))).toBe("2030-12-24 12:00:30–13:00 UTC");
  });

  test("no zone, or a name of UTC, gives UTC once", () => {
    for (const zone of [undefined, "UTC", "Etc/UTC", "etc/utc", "GMT"]) {
      expect(isUtcZone(zone)).toBe(true);
      expect(momentPhrase(utc("2030-12-24T12:00:00"), zone)).toBe("2030-12-24 12:00 UTC");
    }
    expect(isUtcZone("Europe/London")).toBe(false);
  });

  test("a zone's own offset at that moment: summer time, and half hours", () => {
    expect(momentPhrase(utc("2030-07-01T12:00:00"), "Europe/Berlin")).toBe("2030-07-01 14:00 Europe/Berlin (12:00 UTC)");
    expect(momentPhrase(utc("2030-12-01T12:00:00"), "Europe/Berlin")).toBe("2030-12-01 13:00 Europe/Berlin (12:00 UTC)");
    expect(zonedParts(utc("2030-12-24T12:00:00"), "Asia/Kolkata")).toEqual({ date: "2030-12-24", time: "17:30" });
    expect(zoneOffset(utc("2030-12-24T12:00:00"), "Asia/Kolkata")).toBe(5.5 * 3_600_000);
    expect(zoneOffset(utc("2030-12-24T12:00:00"), "America/New_York")).toBe(-5 * 3_600_000);
    expect(zoneOffset(utc("2030-12-24T12:00:00"))).toBe(0);
  });

  test("a length of time in words", () => {
    expect(lengthPhrase(30 * 60_000)).toBe("30 minutes");
    expect(lengthPhrase(-15 * 60_000)).toBe("15 minutes");
    expect(lengthPhrase(60 * 60_000)).toBe("1 hour");
    expect(lengthPhrase(75 * 60_000)).toBe("1 hour 15 minutes");
    expect(lengthPhrase(2 * 86_400_000 + 3_600_000)).toBe("2 days 1 hour");
    expect(lengthPhrase(45_000)).toBe("45 seconds");
  });
});
