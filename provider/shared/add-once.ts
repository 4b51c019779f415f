import { LiveApiError } from "../client/errors";

/** How often a create whose reply was lost is looked up and sent again. */
const MAX_ADD_ATTEMPTS = 5;

/**
 * How old a listing may be to serve as "before" a create. Any listing that came back before the
 * create was sent holds only objects the create did not make, so creates side by side share one
 * (a studio of 99 layouts lists its layouts a few times, not 99 times before the adds); the limit
 * keeps short the window in which an identical object made elsewhere could be taken for this
 * create's after a lost reply.
 */
export const BEFORE_LISTING_REUSE_MS = 5_000;

/**
 * Adds an object with an operation that has no ClientToken, exactly once. A create whose reply was
 * lost may or may not have happened; the studio's objects are listed before the first attempt
 * (`listBefore`: a listing that came back before it, see {@link BEFORE_LISTING_REUSE_MS}), so
 * after a lost reply an object that was not there before and has exactly the declared content is
 * the one this create made, and is taken; when there is none, the request never landed and is
 * sent again. `claim` keeps two identical declarations of one program from taking one object.
 */
export async function addOnce<T>(steps: {
  /** What the objects are listed in (a studio through one connection): adds in one scope wait for each other's replies after a lost one. */
  scope: string;
  /** The studio's objects, as recently as a listing that came back before the add may be. */
  listBefore: () => Promise<T[]>;
  /** The studio's objects now: after every change this process made. */
  list: () => Promise<T[]>;
  idOf: (item: T) => string;
  matches: (item: T) => boolean;
  add: () => Promise<string>;
  claim: (id: string) => boolean;
  /** Refuses the add, before it is sent, for what the studio already has (throws); see StudioListing.add's `twin`. */
  refuseExisting?: (before: T[]) => void;
}): Promise<string> {
  const listedBefore = await steps.listBefore();
  steps.refuseExisting?.(listedBefore);
  const before = new Set(listedBefore.map(steps.idOf));
  for (let attempt = 1; ; attempt++) {
    // Claimed as soon as its reply is in, before any other add's lost-reply search can run.
    const adding = steps.add().then((id) => {
      steps.claim(id);
      return id;
    });
    try {
      return await whileInFlight(steps.scope, adding);
    } catch (error) {
      if (!(error instanceof LiveApiError && error.outcomeUnknown && attempt < MAX_ADD_ATTEMPTS)) throw error;
      // Another add of this process in the scope may have landed and not yet answered: an object of
      // its is new since the "before" listing and may match. Its reply (and its claim) comes first.
      await othersSettled(steps.scope, adding);
      const made = (await steps.list()).find((item) => !before.has(steps.idOf(item)) && steps.matches(item) && steps.claim(steps.idOf(item)));
      if (made) return steps.idOf(made);
      // Nothing new with this content: the lost request never landed.
    }
  }
}

/** The adds of this process under way, by scope. */
const inFlight = new Map<string, Set<Promise<unknown>>>();

async function whileInFlight<T>(scope: string, adding: Promise<T>): Promise<T> {
  const adds = inFlight.get(scope) ?? new Set();
  inFlight.set(scope, adds.add(adding));
  try {
    return await adding;
  } finally {
    adds.delete(adding);
    if (adds.size === 0 && inFlight.get(scope) === adds) inFlight.delete(scope);
  }
}

/** Waits until every add of the scope that was under way, but `own`, has its reply (or has failed). */
async function othersSettled(scope: string, own: Promise<unknown>): Promise<void> {
  const others = [...(inFlight.get(scope) ?? [])].filter((add) => add !== own);
  await Promise.allSettled(others);
}
