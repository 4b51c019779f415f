import { CoalescedReader } from "./coalesced-reader";

describe("CoalescedReader", () => {
  let now = 0;
  const reader = () => new CoalescedReader<number>(() => now);
  const deferred = () => {
    let resolve!: (value: number) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<number>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };

  test("readers that accept a listing requested since then share one fetch", async () => {
    const listings = reader();
    let fetches = 0;
    const fetch = async () => ++fetches;
    now = 100;
    const results = await Promise.all(Array.from({ length: 99 }, () => listings.read("studio", 50, fetch)));
    expect(new Set(results)).toEqual(new Set([1]));
    expect(fetches).toBe(1);
  });

  test("a reader of what was there at a moment takes a listing older than a change; a reader of the latest does not", async () => {
    const listings = reader();
    let fetches = 0;
    const fetch = async () => ++fetches;
    now = 10;
    expect(await listings.read("studio", 10, fetch)).toBe(1);
    now = 20;
    listings.changed("studio", { addedOrModified: true });
    expect(await listings.read("studio", 5, fetch, { evenIfChangedSince: true })).toBe(1);
    expect(await listings.read("studio", 5, fetch)).toBe(2);
    // Older than asked for is no listing for either.
    now = 30;
    expect(await listings.read("studio", 25, fetch, { evenIfChangedSince: true })).toBe(3);
  });

  test("a removal makes earlier listings unusable even to a reader of what was there before: they still show what was removed", async () => {
    const listings = reader();
    let fetches = 0;
    const fetch = async () => ++fetches;
    now = 10;
    expect(await listings.read("studio", 10, fetch)).toBe(1);
    now = 20;
    listings.changed("studio");
    expect(await listings.read("studio", 5, fetch, { evenIfChangedSince: true })).toBe(2);
    // A later add leaves the listing from after the removal to the readers of what was there before.
    now = 30;
    listings.changed("studio", { addedOrModified: true });
    expect(await listings.read("studio", 5, fetch, { evenIfChangedSince: true })).toBe(2);
  });

  test("a reader that needs a newer listing than the one in flight starts its own", async () => {
    const listings = reader();
    const first = deferred();
    const second = deferred();
    const fetches = [first, second];
    now = 10;
    const early = listings.read("studio", 0, () => fetches.shift()!.promise);
    now = 20;
    const late = listings.read("studio", 15, () => fetches.shift()!.promise);
    first.resolve(1);
    second.resolve(2);
    expect(await early).toBe(1);
    expect(await late).toBe(2);
  });

  test("a change by this process makes earlier listings unusable", async () => {
    const listings = reader();
    let fetches = 0;
    now = 10;
    await listings.read("studio", 0, async () => ++fetches);
    now = 20;
    listings.changed("studio");
    now = 30;
    expect(await listings.read("studio", 0, async () => ++fetches)).toBe(2);
    expect(await listings.read("other", 0, async () => ++fetches)).toBe(3);
  });

  test("a failed listing is not reused", async () => {
    const listings = reader();
    now = 10;
    await expect(listings.read("studio", 0, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await listings.read("studio", 0, async () => 7)).toBe(7);
  });
});
