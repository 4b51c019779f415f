import { Action, ReplyOf } from "../../model/live-api";
import { CasterDefaults } from "../models/casters";
import { LiveBackend } from "../models/live-backend";
import { RequestParams } from "./params";

/** What an operation sees of an authenticated call: its parameters, read by the names its spec declares. */
export interface OperationContext<A extends Action = Action> {
  params: RequestParams<A>;
  /** The calling account: RAM users of one main account share it. */
  uid: string;
  regionId: string;
  backend: LiveBackend;
  casterDefaults: CasterDefaults;
  nowMs: number;
}

/**
 * Reads the parameters, calls the models, and shapes the reply (RequestId is added by the server):
 * typed from the spec, so a field of the wrong type, or a reply with none of the operation's fields,
 * does not compile. (An extra field beside right ones does: TypeScript checks no excess property
 * in a returned object literal against a contextual function type.)
 */
export type OperationHandler<A extends Action> = (call: OperationContext<A>) => ReplyOf<A>;
