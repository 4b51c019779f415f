import RPCClient from "@alicloud/pop-core";
import { toLiveApiError } from "./errors";
import { ClientSettings } from "./settings";

export const API_VERSION = "2016-11-01";

/** A parameter value as the provider builds it; undefined and null are left out of the request. */
export type ParamValue = string | number | boolean | undefined | null;

/**
 * The one place that talks to the Live API. Every call is a POST, so no credential, signature
 * or parameter is ever part of a URL; every failure becomes a LiveApiError.
 */
export class LiveClient {
  private readonly rpc: RPCClient;

  constructor(readonly settings: ClientSettings) {
    const { credentials } = settings;
    this.rpc = new RPCClient({
      endpoint: settings.endpoint,
      apiVersion: API_VERSION,
      credentialsProvider: { getCredentials: async () => credentials },
      opts: { timeout: settings.timeoutMs },
    } as unknown as RPCClient.Config);
  }

  async call<T extends object>(action: string, params: Record<string, ParamValue>): Promise<T & { RequestId: string }> {
    const body: Record<string, string | number | boolean> = { RegionId: this.settings.regionId };
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null) body[key] = value;
    }
    try {
      return (await this.rpc.request(action, body, { method: "POST", timeout: this.settings.timeoutMs })) as T & {
        RequestId: string;
      };
    } catch (caught) {
      throw toLiveApiError(action, caught);
    }
  }
}
