import { z } from "zod";
import { ROLE_ARN_PATTERN, ROLE_SESSION_NAME_PATTERN, STS_DURATION_SECONDS } from "../api-facts";
import { FieldSpec } from "../kinds/kind";

/**
 * How one resource reaches Alibaba Cloud: which credentials, which region, which endpoint. It
 * names where credentials are (a profile, a role to assume), never holds them: a resource's inputs
 * are stored in the state, in plain text unless marked secret, and a connection is compared on
 * every diff. The shape follows @pulumi/alicloud's provider arguments (`profile`, `region`,
 * `assumeRole { roleArn, sessionName, externalId, sessionExpiration }`) so that a team's settings
 * read the same in both.
 */

export const CONNECTION_KEYS = ["profile", "region", "endpoint", "assumeRole", "stsEndpoint"] as const;
export const ASSUME_ROLE_KEYS = ["roleArn", "sessionName", "externalId", "sessionExpiration"] as const;

/** A profile's name in ~/.aliyun/config.json (`aliyun configure --profile`) or the credentials file (`[name]`). */
const PROFILE_NAME = /^[A-Za-z0-9_.@-]{1,64}$/;
/** cn-shanghai, ap-southeast-1, cn-hangzhou-finance. */
const REGION_ID = /^[a-z]{2,}(-[a-z0-9]+)+$/;
/** ExternalId: 2 to 1,224 letters, digits, `=,.@:/-_` (the AssumeRole page). */
const EXTERNAL_ID = /^[\w=,.@:/-]{2,1224}$/;
/** An STS host as @alicloud/credentials takes it: `host` or `host:port`, always called over https. */
const HOST_AND_PORT = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;

/** Names that say a credential is being put where none belongs. */
const SECRET_NAMES = /key|secret|token|password|credential/i;

/**
 * The keys of an object that are not among `known`, each as a problem whose value is not quoted:
 * a key the user added here may well be a secret (`accessKeySecret`), and the message must not
 * carry it to the console, the log or a CI transcript.
 */
function unknownKeys(value: Record<string, unknown>, known: readonly string[], where: string, ctx: { issues: unknown[] }): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const likely = known.find((name) => name.toLowerCase() === key.toLowerCase());
    const message = SECRET_NAMES.test(key)
      ? `a connection holds no credentials, since inputs are stored in the state: put the key in a profile (\`aliyun configure --profile <name>\`, or a [<name>] section of the credentials file) and set profile: "<name>", or set assumeRole.`
      : likely
        ? `${key} is not a setting of ${where}: use ${likely}.`
        : `${key} is not a setting of ${where}; use ${known.join(", ")}.`;
    // continue: a problem here must not hide the others of the same connection.
    (ctx.issues as object[]).push({ code: "custom", message, path: [key], input: undefined, params: { conceal: true }, continue: true });
  }
}

const assumeRoleSchema = z
  .looseObject({
    roleArn: z.string().regex(ROLE_ARN_PATTERN, { error: "use the role's ARN, acs:ram::<account UID>:role/<role name>, as the RAM console shows it." }),
    sessionName: z.string().regex(ROLE_SESSION_NAME_PATTERN, { error: "use 2 to 64 letters, digits, '.', '@', '-' or '_'." }).optional(),
    // A custom check, so that a refused value is not quoted (common/check.ts: conceal): an external
    // ID is the secret the role's trust policy asks for. Its meta gives an editor the same form.
    externalId: z
      .custom<string>((value) => typeof value === "string" && EXTERNAL_ID.test(value), {
        error: (issue) =>
          typeof issue.input === "string"
            ? `an external ID of ${issue.input.length} characters was given (not quoted: it is a secret of the role's trust policy); use 2 to 1,224 letters, digits or =,.@:/-_, as the trust policy names it.`
            : `an external ID must be text (not quoted: it is a secret of the role's trust policy); use 2 to 1,224 letters, digits or =,.@:/-_, as the trust policy names it.`,
        params: { conceal: true },
        // Not the end of the check: the connection's unknown keys are still said, all at once.
        abort: false,
      })
      .meta({ type: "string", pattern: EXTERNAL_ID.source, patternErrorMessage: "use 2 to 1,224 letters, digits or =,.@:/-_, as the role's trust policy names it." })
      .optional(),
    sessionExpiration: z
      .number()
      .int()
      .min(STS_DURATION_SECONDS.min, { error: `use at least ${STS_DURATION_SECONDS.min} seconds (15 minutes), the least STS issues.` })
      .max(STS_DURATION_SECONDS.max, { error: `use at most ${STS_DURATION_SECONDS.max} seconds (12 hours), and no more than the role's MaxSessionDuration.` })
      .optional(),
  })
  .check((ctx) => unknownKeys(ctx.value, ASSUME_ROLE_KEYS, "assumeRole", ctx))
  // Loose only so that the check above sees (and words) an unknown key; an editor refuses it too.
  .meta({ additionalProperties: false });

const endpointSchema = z.string().check((ctx) => {
  const problem = endpointProblem(ctx.value);
  // continue: without it, zod skips the connection's own check (its unknown keys) after this one.
  if (problem) ctx.issues.push({ code: "custom", message: problem, input: ctx.value, continue: true });
});

/** What is wrong with a Live API endpoint; undefined when nothing is. */
function endpointProblem(value: string): string | undefined {
  const fix = "use the Live API's base URL, e.g. https://live.aliyuncs.com, or the emulator's http://127.0.0.1:<port>.";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fix;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return fix;
  // A password in a URL would be stored in the state; a path or a query is not where the API is.
  if (url.username || url.password) return `it carries a user name or password, which would be stored in the state; ${fix}`;
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash) return `it has a path, query or fragment; ${fix}`;
  return undefined;
}

export const connectionSchema = z
  .looseObject({
    profile: z
      .string()
      .regex(PROFILE_NAME, { error: "use a profile's name, 1 to 64 letters, digits, '.', '@', '-' or '_', as in `aliyun configure --profile <name>` or a [<name>] section of the credentials file." })
      .optional(),
    region: z.string().regex(REGION_ID, { error: "use a region ID such as cn-shanghai, cn-beijing or ap-southeast-1." }).optional(),
    endpoint: endpointSchema.optional(),
    assumeRole: assumeRoleSchema.optional(),
    stsEndpoint: z
      .string()
      .regex(HOST_AND_PORT, { error: "use the STS host, e.g. sts.cn-shanghai.aliyuncs.com, or host:port, without https:// (Alibaba's credential library always calls STS over https)." })
      .optional(),
  })
  .check((ctx) => unknownKeys(ctx.value, CONNECTION_KEYS, "connection", ctx))
  .meta({ additionalProperties: false })
  .optional()
  .describe("a connection: { profile?, region?, endpoint?, assumeRole?: { roleArn, sessionName?, externalId?, sessionExpiration? }, stsEndpoint? }");

export type Connection = {
  profile?: string;
  region?: string;
  endpoint?: string;
  assumeRole?: { roleArn: string; sessionName?: string; externalId?: string; sessionExpiration?: number };
  stsEndpoint?: string;
};

/** The `connection` property every kind has. */
export const connectionField = {
  schema: connectionSchema,
  doc:
    "How this object is reached, when not with the stack's settings: `profile` (a profile of `~/.aliyun/config.json` or of the credentials file, `ALIBABA_CLOUD_CREDENTIALS_FILE` or `~/.alibabacloud/credentials`), " +
    "`assumeRole` (`{ roleArn, sessionName?, externalId?, sessionExpiration? }`, assumed with the profile's or the environment's credentials), `region`, `endpoint` (the Live API's URL) and `stsEndpoint` (the STS host for `assumeRole`). " +
    "Names where credentials are, never holds them: a key, secret or token here is refused, because inputs are stored in the state.",
  default: "the stack's settings: `alicloud:region`, `alicloud-caster:endpoint` and the credentials of the environment",
  onChange: "update",
  onChangeNote: "the object is not moved: the preview and the update check that it is found through the new connection, and fail if not",
} as const satisfies FieldSpec;

/** One text per distinct connection ("" for none): the same settings in another key order are the same connection. */
export function connectionKey(connection: Connection | undefined): string {
  if (!connection) return "";
  const sorted = (value: unknown): unknown =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, sorted(inner)]))
      : value;
  const text = JSON.stringify(sorted(connection));
  return text === "{}" ? "" : text;
}

/** How an external ID shows in a message: it is a shared secret of the role's trust policy. */
const MASKED = "***";

/**
 * A connection in a message: what it names, or the stack's settings. A connection holds no key,
 * but `assumeRole.externalId` is the secret the role's trust policy asks for (it guards against a
 * confused deputy), so it is masked, as it is in a studio file's diff.
 */
export function describeConnection(connection: Connection | undefined): string {
  const externalId = connection?.assumeRole?.externalId;
  const shown = externalId === undefined ? connection : { ...connection, assumeRole: { ...connection?.assumeRole, externalId: MASKED } };
  const key = connectionKey(shown as Connection | undefined);
  return key === "" ? "none (the stack's settings)" : key;
}

/**
 * Two connections in one message ("from ... to ..."): where they differ only in the masked
 * external ID, the new one says so, so that the message does not read as "from A to A".
 */
export function describeConnections(before: Connection | undefined, after: Connection | undefined): { before: string; after: string } {
  const shown = { before: describeConnection(before), after: describeConnection(after) };
  if (shown.before === shown.after && connectionKey(before) !== connectionKey(after)) shown.after += " (another assumeRole.externalId)";
  return shown;
}
