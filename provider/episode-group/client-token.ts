import { createHash } from "node:crypto";
import { CREATE_PROPERTIES, EpisodeGroupInputs, MAX_CLIENT_TOKEN_LENGTH } from "./schema";

/**
 * The ClientToken of one creation: derived from what identifies it (project, stack and resource
 * name, in `scope`) and a hash of the inputs that decide what is created. A retry and a re-run
 * after an interrupted `pulumi up` derive the same token, so the API returns the same program
 * instead of adding a second one; changed inputs (a replacement) derive a new one.
 *
 * Shape: `<readable name>-<40 hex digits>`, printable ASCII, at most 61 characters.
 */
export function deriveClientToken(scope: string, inputs: EpisodeGroupInputs): string {
  const createInputs: Record<string, unknown> = Object.fromEntries(CREATE_PROPERTIES.map((name) => [name, inputs[name] ?? null]));
  // Key order of the caller's objects must not change the token.
  createInputs.items = inputs.items.map((item) => ({ itemName: item.itemName, vodUrl: item.vodUrl }));
  const digest = createHash("sha256").update(JSON.stringify({ scope, createInputs })).digest("hex").slice(0, 40);
  const name = (scope.split("/").pop() ?? "").replace(/[^A-Za-z0-9-]/g, "-").slice(0, 20) || "group";
  const token = `${name}-${digest}`;
  if (token.length > MAX_CLIENT_TOKEN_LENGTH) throw new Error(`derived ClientToken is ${token.length} characters`);
  return token;
}
