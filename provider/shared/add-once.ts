import { LiveApiError } from "../client/errors";

/** How often a create whose reply was lost is looked up and sent again. */
const MAX_ADD_ATTEMPTS = 5;

/**
 * Adds an object with an operation that has no ClientToken, exactly once. A create whose reply was
 * lost may or may not have happened; the studio's objects are listed before the first attempt,
 * so after a lost reply an object that was not there before and has exactly the declared content
 * is the one this create made, and is taken; when there is none, the request never landed and is
 * sent again. `claim` keeps two identical declarations of one program from taking one object.
 */
export async function addOnce<T>(steps: {
  list: () => Promise<T[]>;
  idOf: (item: T) => string;
  matches: (item: T) => boolean;
  add: () => Promise<string>;
  claim: (id: string) => boolean;
}): Promise<string> {
  const before = new Set((await steps.list()).map(steps.idOf));
  for (let attempt = 1; ; attempt++) {
    try {
      const id = await steps.add();
      steps.claim(id);
      return id;
    } catch (error) {
      if (!(error instanceof LiveApiError && error.outcomeUnknown && attempt < MAX_ADD_ATTEMPTS)) throw error;
      const made = (await steps.list()).find((item) => !before.has(steps.idOf(item)) && steps.matches(item) && steps.claim(steps.idOf(item)));
      if (made) return steps.idOf(made);
      // Nothing new with this content: the lost request never landed.
    }
  }
}

/** Claims `key` in this session's `claimed` map: true the first time, false once another resource holds it. */
export function claimOnce(claimed: Map<string, true>, key: string): boolean {
  if (claimed.has(key)) return false;
  claimed.set(key, true);
  return true;
}
