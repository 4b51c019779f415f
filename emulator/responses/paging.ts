import { PAGING, PagedAction } from "../../model/live-api";
import { errors } from "../errors";

type Paging<A extends PagedAction> = (typeof PAGING)[A];

/** A page of a paged reply, in the fields PAGING names: `{ Total, Episodes: { Episode: [...] } }`, or `{ Total, ProgramList: [...] }`. */
export type PageReply<A extends PagedAction, T> = { [K in Paging<A>["total"]]: number } & ListOf<Paging<A>["list"], T>;
type ListOf<L, T> = L extends readonly [infer Plural extends string, infer Singular extends string]
  ? { [K in Plural]: { [I in Singular]: T[] } }
  : L extends readonly [infer Plural extends string]
    ? { [K in Plural]: T[] }
    : never;

/** What a page is read from: the operation's parameters (its RequestParams), by PAGING's names for them. */
interface PageParams<A extends PagedAction> {
  optionalInteger(name: Paging<A>["pageNumber"] | Paging<A>["pageSize"]): number | undefined;
}

/**
 * The page a call of a paged operation asks for, by PAGING's parameters and sizes; refused, before
 * anything is looked up, when it cannot be. `of` cuts it out of every item the filters let through.
 */
export function requestedPage<A extends PagedAction>(action: A, params: PageParams<A>) {
  const paging: Paging<A> = PAGING[action];
  const pageNumber = params.optionalInteger(paging.pageNumber) ?? 1;
  const pageSize = params.optionalInteger(paging.pageSize) ?? paging.defaultPageSize;
  if (pageNumber < 1 || pageSize < 1 || pageSize > paging.maxPageSize) {
    throw errors.invalidParameter(`${paging.pageNumber} must be 1 or more and ${paging.pageSize} 1 to ${paging.maxPageSize}`);
  }
  return {
    of<Item, T>(items: Item[], describe: (item: Item) => T): PageReply<A, T> {
      const [plural, singular] = paging.list as readonly string[];
      const page = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(describe);
      return { [paging.total]: items.length, [plural]: singular === undefined ? page : { [singular]: page } } as unknown as PageReply<A, T>;
    },
  };
}
