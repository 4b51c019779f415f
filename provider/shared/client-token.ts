import { createHash } from "node:crypto";
import { MAX_CLIENT_TOKEN_LENGTH } from "../../model/api-facts";
import { CREATE_PROPERTIES, EpisodeGroupInputs } from "../../model/kinds/caster-episode-group";

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
  return clientTokenFor(scope, createInputs, "group");
}

/** `<readable name>-<40 hex digits>` from the scope and the inputs that decide the creation (their key order fixed by the caller). */
export function clientTokenFor(scope: string, createInputs: Record<string, unknown>, fallbackName: string): string {
  const digest = createHash("sha256").update(JSON.stringify({ scope, createInputs })).digest("hex").slice(0, 40);
  const name = (scope.split("/").pop() ?? "").replace(/[^A-Za-z0-9-]/g, "-").slice(0, 20) || fallbackName;
  const token = `${name}-${digest}`;
  if (token.length > MAX_CLIENT_TOKEN_LENGTH) throw new Error(`derived ClientToken is ${token.length} characters`);
  return token;
}
