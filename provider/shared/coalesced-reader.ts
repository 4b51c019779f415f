import { performance } from "node:perf_hooks";

interface Listing<T> {
  requestedAt: number;
  result: Promise<T>;
}

export interface ReadOptions {
  /**
   * A listing requested after `requestedAfter` will do, though this process added or modified
   * objects of the key since: for a reader that needs what was there at a moment, not the latest
   * (the objects that were there before a create: one listing serves a burst of creates). Not one
   * from before a removal: it still shows the object removed, which a create of the same name or
   * content (a replacement) would take for one already there.
   */
  evenIfChangedSince?: boolean;
}

/**
 * Serves many readers of one listing (a studio's video sources, its program) with as few API
 * calls as freshness allows. A reader says how fresh the listing must be: requested after a
 * given moment (say, after its own change returned). It joins a listing already requested since
 * then, or starts a new one. Changes made by this process mark the key, so no reader gets a
 * listing older than them.
 */
export class CoalescedReader<T> {
  private readonly latest = new Map<string, Listing<T>>();
  private readonly changedAt = new Map<string, number>();
  private readonly removedAt = new Map<string, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The current moment on this reader's clock, for `requestedAfter`. */
  moment(): number {
    return this.now();
  }

  /**
   * A listing of `key` requested after `requestedAfter` (and, unless `evenIfChangedSince`, after
   * this process's last change to `key`), fetching a new one when there is none.
   */
  read(key: string, requestedAfter: number, fetch: () => Promise<T>, options: ReadOptions = {}): Promise<T> {
    const lastChange = (options.evenIfChangedSince ? this.removedAt : this.changedAt).get(key) ?? -Infinity;
    const notBefore = Math.max(requestedAfter, lastChange);
    const listing = this.latest.get(key);
    if (listing && listing.requestedAt >= notBefore) return listing.result;
    const fresh: Listing<T> = { requestedAt: this.now(), result: fetch() };
    this.latest.set(key, fresh);
    // A failed listing is not kept: the next reader asks again.
    fresh.result.catch(() => {
      if (this.latest.get(key) === fresh) this.latest.delete(key);
    });
    return fresh.result;
  }

  /** Drops every listing, for a new session. */
  forget(): void {
    this.latest.clear();
    this.changedAt.clear();
    this.removedAt.clear();
  }

  /**
   * This process changed `key` (or may have): listings requested before now are out of date.
   * `addedOrModified`: the change only added or modified objects (an Add, a Modify), so a listing
   * from before it still says what was there before (ReadOptions.evenIfChangedSince); any other
   * change (a delete) may have removed an object.
   */
  changed(key: string, options: { addedOrModified?: boolean } = {}): void {
    const now = this.now();
    this.changedAt.set(key, now);
    if (!options.addedOrModified) this.removedAt.set(key, now);
  }
}
