import { PAGING, PagedAction } from "../../model/live-api";
import { errors } from "../errors";
import { RequestParams } from "./params";

type Paging<A extends PagedAction> = (typeof PAGING)[A];

/** A page of a paged reply, in the fields PAGING names: `{ Total, Episodes: { Episode: [...] } }`. */
export type PageReply<A extends PagedAction, T> = { [K in Paging<A>["total"]]: number } & {
  [K in Paging<A>["list"][0]]: { [I in Paging<A>["list"][1]]: T[] };
};

/**
 * The page a call of a paged operation asks for, by PAGING's parameters and sizes; refused, before
 * anything is looked up, when it cannot be. `of` cuts it out of every item the filters let through.
 */
export function requestedPage<A extends PagedAction>(action: A, params: RequestParams<PagedAction>) {
  const paging: Paging<A> = PAGING[action];
  const pageNumber = params.optionalInteger(paging.pageNumber) ?? 1;
  const pageSize = params.optionalInteger(paging.pageSize) ?? paging.defaultPageSize;
  if (pageNumber < 1 || pageSize < 1 || pageSize > paging.maxPageSize) {
    throw errors.invalidParameter(`${paging.pageNumber} must be 1 or more and ${paging.pageSize} 1 to ${paging.maxPageSize}`);
  }
  return {
    of<Item, T>(items: Item[], describe: (item: Item) => T): PageReply<A, T> {
      const [plural, singular] = paging.list;
      const page = items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(describe);
      return { [paging.total]: items.length, [plural]: { [singular]: page } } as PageReply<A, T>;
    },
  };
}
