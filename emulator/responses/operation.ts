import { CasterDefaults } from "../models/casters";
import { LiveBackend } from "../models/live-backend";
import { RequestParams } from "./params";

/** What an operation sees of an authenticated call. */
export interface OperationContext {
  params: RequestParams;
  /** The calling account: RAM users of one main account share it. */
  uid: string;
  regionId: string;
  backend: LiveBackend;
  casterDefaults: CasterDefaults;
  nowMs: number;
}

/** Reads the parameters, calls the models, and shapes the reply (RequestId is added by the server). */
export type OperationHandler = (call: OperationContext) => Record<string, unknown>;
