import { writeFileSync } from "node:fs";
import { Output } from "../../common/cli-output";
import { LiveApiError, UserFacingError } from "../client/errors";
import { LiveClient } from "../client/live-client";
import { closeLimiters } from "../client/rate-limiter";
import { ClientSettings, ConfigSource, ENDPOINT_CONFIG_KEY, resolveSettings } from "../client/settings";
import { exportStudio, StudioExport } from "./export";
import { StudioNotFound } from "./read";
import { count, UnrepresentableStudio } from "./studio";

/**
 * `caster-studio export CASTER_ID [--out FILE] [--zone ZONE] [--region REGION] [--endpoint URL]`:
 * the studio file of an existing studio. Credentials, region and endpoint as the provider takes
 * them (provider/client/settings.ts), with the flags in place of stack config: a command line has
 * none. The file goes to FILE or stdout; warnings, and the commands that set the stack secrets the
 * file refers to, go to stderr, so a redirected stdout holds the file alone.
 */

export interface ExportRequest {
  casterId: string;
  out?: string;
  zone?: string;
  region?: string;
  endpoint?: string;
  /** The moment the schedule is checked against. @default Date.now() */
  now?: number;
}

/** An interactive command gives up on an unreachable endpoint sooner than `pulumi up` does. */
const RETRY_BUDGET_MS = 30_000;

/** Runs the export; returns the exit status: 0 written (warnings alone do not fail), 1 an error, 2 a file that cannot be written. */
export async function runExport(request: ExportRequest, output: Output, command: string): Promise<number> {
  try {
    return await exportAndWrite(request, output, command);
  } finally {
    // With ALICLOUD_CASTER_RATE_LIMIT_REDIS_URL the shared limiter's Redis connection would keep
    // the command running after its work is done.
    await closeLimiters();
  }
}

async function exportAndWrite(request: ExportRequest, output: Output, command: string): Promise<number> {
  const name = `${command} export`;
  let result: StudioExport;
  let settings: ClientSettings | undefined;
  try {
    settings = resolveSettings(flagsAsConfig(request));
    result = await exportStudio(new LiveClient(settings, { retry: { budgetMs: RETRY_BUDGET_MS } }), request.casterId, { zone: request.zone, now: request.now });
  } catch (error) {
    const known = explain(error, request, settings);
    if (known === undefined) throw error;
    output.err(`${name}: ${known}`);
    return 1;
  }

  if (request.out !== undefined) {
    try {
      writeFileSync(request.out, result.text);
    } catch (error) {
      output.err(`${name}: cannot write ${request.out}: ${(error as Error).message}`);
      return 2;
    }
  } else {
    output.out(result.text.trimEnd());
  }
  for (const warning of result.warnings) output.err(`${name}: warning: ${warning}`);
  if (result.secrets.length > 0) {
    output.err(
      `The file refers to ${count(result.secrets.length, "stack secret")} (${result.secrets.length === 1 ? "a signed URL" : "signed URLs"}, never written in it). ` +
        "Set them in each stack that applies it:",
    );
    for (const secret of result.secrets) output.err(`  pulumi config set --secret ${secret.key} ${shellQuote(secret.url)}`);
  }
  if (result.problems.length > 0) {
    output.err(`${name}: the file written does not pass \`caster-studio validate\`; fix these by hand:`);
    for (const problem of result.problems) output.err(`  ${problem}`);
    return 1;
  }
  // On stdout with --out; without it, stdout is the studio file itself (redirected to a file), so
  // the line goes where the warnings and the secrets' commands go.
  if (request.out === undefined) output.err(`exported studio ${request.casterId} (${result.contents})`);
  else output.out(`wrote ${request.out}: studio ${request.casterId} (${result.contents})`);
  return 0;
}

/** The flags where the provider reads stack config: --region as alicloud:region, --endpoint as alicloud-caster:endpoint. */
function flagsAsConfig(request: ExportRequest): ConfigSource {
  const values: Record<string, string | undefined> = { "alicloud:region": request.region, [ENDPOINT_CONFIG_KEY]: request.endpoint };
  return { get: (key) => values[key], keys: () => [] };
}

const KEY_VARIABLES = "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY)";

/** An error the user can act on, in words: which setting to check. Undefined for a defect, which is thrown. */
function explain(error: unknown, request: ExportRequest, settings: ClientSettings | undefined): string | undefined {
  const where = () => `region ${settings?.regionId} at ${settings?.endpoint}`;
  if (error instanceof StudioNotFound) {
    return `studio ${error.casterId} does not exist in ${where()} (InvalidCaster.NotFound: DescribeCasters does not list it). ` +
      "Check the ID (the console lists a region's production studios), and the region: --region, or ALIBABA_CLOUD_REGION_ID.";
  }
  if (error instanceof UnrepresentableStudio) return error.message;
  if (error instanceof LiveApiError) {
    const credentials = credentialProblem(error.code, error.action);
    if (credentials) return `the credentials cannot read studio ${request.casterId} in ${where()}: ${credentials}\n  (${error.message})`;
    if (error.code === "InvalidCasterId.Malformed") return `${request.casterId} is not a studio ID the API takes: ${error.message}`;
    return error.message;
  }
  // No credentials found, a misspelled setting: their messages say what to set.
  if (error instanceof UserFacingError) return error.message;
  return undefined;
}

/** What to check for an answer that refuses the key or what it may do; undefined for any other answer. */
function credentialProblem(code: string, action: string): string | undefined {
  if (code === "InvalidAccessKeyId.NotFound") return `the API does not know the access key: check ${KEY_VARIABLES}.`;
  if (code === "InvalidAccessKeyId.Inactive") return `the access key is disabled: enable it in the RAM console, or set another in ${KEY_VARIABLES}.`;
  if (code === "SignatureDoesNotMatch" || code === "IncompleteSignature") {
    return `the access key secret does not match the key: check ALIBABA_CLOUD_ACCESS_KEY_SECRET (or ALICLOUD_SECRET_KEY) against ALIBABA_CLOUD_ACCESS_KEY_ID.`;
  }
  if (/^InvalidSecurityToken/.test(code)) return "the STS token is not valid (it expires): renew ALIBABA_CLOUD_SECURITY_TOKEN with its key pair.";
  if (/^Forbidden/.test(code) || code === "NoPermission") {
    return `the key's RAM user or role may not call ${action}: give it the Live API's Describe operations ` +
      `(live:DescribeCaster*, e.g. the system policy AliyunLiveReadOnlyAccess), or use another key in ${KEY_VARIABLES}.`;
  }
  return undefined;
}

/** A word for a POSIX shell, in single quotes. */
function shellQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}
