import { API_VERSION } from "../../model/live-api";
import RPCClient from "@alicloud/pop-core";

export interface PopReply {
  status: number;
  body: Record<string, any>;
}

/**
 * pop-core as a user would use it, answering with the status and body instead of throwing.
 * `keepNames`: the names as given, where pop-core would capitalize them (`isBatchMode`).
 */
export function popClient(endpoint: string, accessKeyId = "emulator-demo-key", accessKeySecret = "emulator-demo-secret", options: { keepNames?: boolean } = {}) {
  const client = new RPCClient({ endpoint, apiVersion: API_VERSION, accessKeyId, accessKeySecret });
  return async (action: string, params: Record<string, unknown> = {}): Promise<PopReply> => {
    try {
      // pop-core would send undefined as the text "undefined".
      const defined = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
      const body = (await client.request(action, defined, { method: "POST", ...(options.keepNames ? { formatParams: false } : {}) })) as Record<string, any>;
      return { status: 200, body };
    } catch (error) {
      const failure = error as { data?: Record<string, any>; entry?: { response?: { statusCode?: number } } };
      if (!failure.data) throw error;
      return { status: failure.entry?.response?.statusCode ?? 0, body: failure.data };
    }
  };
}
