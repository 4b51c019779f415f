import { Action, pagingOf } from "../../model/live-api";
import { LiveApiError } from "../client/errors";
import { LiveClient, ParamsOf, ReplyOf } from "../client/live-client";
import { clientScope, listingCache, sessionMap } from "../runtime";
import { addOnce, BEFORE_LISTING_REUSE_MS } from "./add-once";
import { CoalescedReader } from "./coalesced-reader";

/** How old a listing a refresh (a read) may take: a refresh of 99 layouts of one studio lists them once, not 99 times. */
export const REFRESH_LISTING_REUSE_MS = 5_000;

/**
 * Which listing will do. `latest`: one requested after this process's last change to the studio's
 * objects (or now). `refresh`: up to REFRESH_LISTING_REUSE_MS old. `before-create`: any that came
 * back up to BEFORE_LISTING_REUSE_MS before, changes or not: what was there before a create.
 */
export type Reuse = "latest" | "refresh" | "before-create";

/** What a kind whose objects live in a studio says about them; everything else is the same for every such kind. */
export interface StudioListingSpec<A extends Action, Item> {
  /** The Describe operation that lists a studio's objects, by its CasterId (page by page where model/live-api.ts PAGING says it pages). */
  describe: A;
  /** The objects in one reply (one page). */
  items(reply: ReplyOf<A>): Item[];
  idOf(item: Item): string;
  /** What one object is called in messages: "layout". */
  noun: string;
}

/** A listing of `key` as fresh as `reuse` asks: one of `listings`, or `fetch`ed. */
export function readListing<T>(listings: CoalescedReader<T>, key: string, reuse: Reuse, fetch: () => Promise<T>): Promise<T> {
  const now = listings.moment();
  const requestedAfter = reuse === "refresh" ? now - REFRESH_LISTING_REUSE_MS : reuse === "before-create" ? now - BEFORE_LISTING_REUSE_MS : now;
  return listings.read(key, requestedAfter, fetch, { evenIfChangedSince: reuse === "before-create" });
}

/** Any other parameters of the Describe operation than the studio (DescribeCasterProgram's RegionId). */
type DescribeParams<A extends Action> = Partial<ParamsOf<A>>;

/** What keeps one studio's listings apart from another's, and from another connection's. */
export function studioKey(client: LiveClient, casterId: string): string {
  return `${clientScope(client)} ${casterId}`;
}

/** That the studio is not there: the API's "no such studio", whatever the operation. */
function studioGone(error: unknown): boolean {
  return error instanceof LiveApiError && error.code === "InvalidCaster.NotFound";
}

/** What `work` gives, or undefined when the API says the studio it looks in does not exist. */
export async function unlessStudioGone<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (studioGone(error)) return undefined;
    throw error;
  }
}

/** Every item of a Describe operation: every page, at the largest size, where it pages; its one reply where it does not. */
export async function describeAll<A extends Action, Item>(client: LiveClient, action: A, params: ParamsOf<A>, items: (reply: ReplyOf<A>) => Item[]): Promise<Item[]> {
  const paging = pagingOf(action);
  if (!paging) return items(await client.call(action, params));
  const all: Item[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const reply = await client.call(action, { ...params, [paging.pageNumber]: pageNumber, [paging.pageSize]: paging.maxPageSize });
    const page = items(reply);
    all.push(...page);
    // A short page is the last; so is the one that reaches the total, where the reply gives it.
    const total = (reply as Record<string, unknown>)[paging.total] as number | undefined;
    if (page.length < paging.maxPageSize || (total !== undefined && pageNumber * paging.maxPageSize >= total)) return all;
  }
}

/**
 * The objects of one kind in a studio, as every kind that lives in a studio lists, finds, claims,
 * changes and reads back its objects: listed once for many readers (a CoalescedReader per process,
 * dropped with the session), the listing marked stale by every change this process sends, a
 * studio the API does not have read as no objects, and each object taken by at most one resource
 * of the session.
 */
export function studioListing<A extends Action, Item>(spec: StudioListingSpec<A, Item>) {
  const listings = listingCache<Item[]>();
  /**
   * The objects resources of this session have made or adopted: two identical declarations never
   * take one object. Kept for the session, not the process: a new configuration is a new program,
   * whose resources may take what the last one had.
   */
  const claimed = sessionMap<string, true>();

  /** The studio's objects, freshly described, with no listing shared. */
  function describe(client: LiveClient, casterId: string, params: DescribeParams<A> = {}): Promise<Item[]> {
    // Every studio listing takes the studio's CasterId; TypeScript cannot see that of an A not yet known.
    return describeAll(client, spec.describe, { ...params, CasterId: casterId } as ParamsOf<A>, spec.items);
  }

  function list(client: LiveClient, casterId: string, reuse: Reuse = "latest", params?: DescribeParams<A>): Promise<Item[]> {
    return readListing(listings, studioKey(client, casterId), reuse, () => describe(client, casterId, params));
  }

  /** The studio's objects; undefined when the studio does not exist. */
  function listOrNone(client: LiveClient, casterId: string, reuse?: Reuse, params?: DescribeParams<A>): Promise<Item[] | undefined> {
    return unlessStudioGone(() => list(client, casterId, reuse, params));
  }

  /** The object, or undefined when the API says that it, or its studio, does not exist. */
  async function find(client: LiveClient, casterId: string, id: string, reuse?: Reuse): Promise<Item | undefined> {
    return (await listOrNone(client, casterId, reuse))?.find((item) => spec.idOf(item) === id);
  }

  /** This process changed (or may have changed) the studio's objects, a delete among them: no listing from before serves again. */
  function changed(client: LiveClient, casterId: string): void {
    listings.changed(studioKey(client, casterId));
  }

  /** Records that a resource of this session has the object; false when another one already has it. */
  function claim(client: LiveClient, casterId: string, id: string): boolean {
    const key = `${studioKey(client, casterId)} ${id}`;
    if (claimed.has(key)) return false;
    claimed.set(key, true);
    return true;
  }

  return {
    spec,
    describe,
    list,
    listOrNone,
    find,
    changed,
    claim,

    /**
     * Sends a change to the studio's objects (an Add or Modify, or a Set that binds one); listings
     * of the studio from before it are not used again, but as what was there before a create.
     */
    async change<C extends Action>(client: LiveClient, casterId: string, action: C, params: ParamsOf<C>): Promise<ReplyOf<C>> {
      try {
        return await client.call(action, params);
      } finally {
        listings.changed(studioKey(client, casterId), { addedOrModified: true });
      }
    },

    /** The object as listed right after this process made or changed it. */
    async readBack(client: LiveClient, casterId: string, id: string): Promise<Item> {
      const item = await find(client, casterId, id);
      if (!item) throw new Error(`${spec.noun} ${id} was accepted by studio ${casterId} but is not listed by ${spec.describe}; run pulumi refresh and try again.`);
      return item;
    },

    /**
     * Adds an object with an operation that has no ClientToken, exactly once (see addOnce): after a
     * lost reply, an object new since the "before" listing that `matches` and no other resource has
     * claimed is the one this add made.
     */
    add(client: LiveClient, casterId: string, steps: {
      matches: (item: Item) => boolean;
      add: () => Promise<string>;
      /**
       * For a kind known only by its content: the refusal when the studio already has an object of
       * exactly that content that no resource of this program has, which another stack or the
       * console made. Adding it again would be a silent duplicate on air; the refusal names the
       * importId that takes it over. It costs no call: the "before" listing is read anyway.
       */
      twin?: (existing: Item) => Error;
    }): Promise<string> {
      const twin = steps.twin;
      return addOnce({
        refuseExisting: twin && ((before) => {
          const existing = before.find((item) => steps.matches(item) && !claimed.has(`${studioKey(client, casterId)} ${spec.idOf(item)}`));
          if (existing) throw twin(existing);
        }),
        scope: studioKey(client, casterId),
        listBefore: () => list(client, casterId, "before-create"),
        list: () => list(client, casterId),
        idOf: spec.idOf,
        matches: steps.matches,
        add: steps.add,
        claim: (id) => claim(client, casterId, id),
      });
    },
  };
}

export type StudioListing<A extends Action, Item> = ReturnType<typeof studioListing<A, Item>>;
