import RPCClient from "@alicloud/pop-core";
import { Credentials } from "./settings";

/** STS's API version, and its public endpoint (https://www.alibabacloud.com/help/en/ram/developer-reference/api-sts-2015-04-01-endpoint). */
const STS_VERSION = "2015-04-01";
const PUBLIC_STS_ENDPOINT = "https://sts.aliyuncs.com";

/**
 * The API's QPS limits are an account's: "per user" counts a main account and its RAM users
 * together (model/live-api.ts, qps). Several access keys of one account, and the temporary keys
 * of STS sessions (a new AccessKeyId at every renewal), all draw from that one budget, so the
 * shared limiter is keyed by the account's UID, which STS's GetCallerIdentity answers for any
 * signed key (the official SDK's sts-20150401 GetCallerIdentityResponseBody: AccountId).
 */
const accounts = new Map<string, Promise<string>>();

/**
 * The UID of the account the credentials act in, asked once per STS endpoint and access key
 * ID. STS is asked where the credential chain asks it (`stsEndpoint`: a connection's, or
 * ALICLOUD_CASTER_STS_ENDPOINT); else, for Alibaba Cloud's own Live endpoints, at STS's public
 * endpoint; else at the Live endpoint itself, as the emulator serves STS beside the Live API.
 * When STS cannot say, the access key ID stands for the account, and the budget is that key's.
 */
export function accountBehind(credentials: Credentials, where: { endpoint: string; stsEndpoint?: string; timeoutMs: number }): Promise<string> {
  const endpoint = stsEndpointFor(where.endpoint, where.stsEndpoint);
  const cacheKey = `${endpoint}\u0000${credentials.accessKeyId}`;
  let account = accounts.get(cacheKey);
  if (!account) {
    const sts = new RPCClient({ endpoint, apiVersion: STS_VERSION, ...credentials, opts: { timeout: where.timeoutMs } } as unknown as RPCClient.Config);
    account = sts.request("GetCallerIdentity", {}, { method: "POST" })
      .then((reply) => (reply as { AccountId?: string }).AccountId || `key:${credentials.accessKeyId}`)
      .catch(() => `key:${credentials.accessKeyId}`);
    accounts.set(cacheKey, account);
  }
  return account;
}

export function stsEndpointFor(liveEndpoint: string, stsEndpoint: string | undefined): string {
  if (stsEndpoint) return /^https?:\/\//i.test(stsEndpoint) ? stsEndpoint : `https://${stsEndpoint}`;
  const url = new URL(liveEndpoint);
  return url.hostname.endsWith(".aliyuncs.com") ? PUBLIC_STS_ENDPOINT : url.origin;
}
