import { sessionMap } from "../runtime";

/**
 * What one resource of a session may declare and no other (a studio layout's name in its studio, a
 * studio's playlist), where the API takes it twice and a listing cannot tell: the listing a create
 * checks in may be from before the other resource's add, shared by creates side by side.
 */
export function sessionDeclarations() {
  const declared = sessionMap<string, true>();

  /** Takes `key` for this session; throws `refusal()` when another resource has it. */
  function declare(key: string, refusal: () => Error): void {
    if (declared.has(key)) throw refusal();
    declared.set(key, true);
  }

  return {
    declare,

    /** Runs `work` with `key` declared; a create that fails (refused, or sent and failed) gives the key back. */
    async during<T>(key: string, refusal: () => Error, work: () => Promise<T>): Promise<T> {
      declare(key, refusal);
      try {
        return await work();
      } catch (error) {
        declared.delete(key);
        throw error;
      }
    },

    /** The object is deleted: a later declaration of this session may take the key. */
    release(key: string): void {
      declared.delete(key);
    },
  };
}
