import { z } from "zod";
import { MAX_CLIENT_TOKEN_LENGTH } from "../api-facts";

/** A ClientToken as the API takes it: printable ASCII, at most 64 characters. */
export const clientTokenSchema = z
  .string()
  .regex(/^[\x20-\x7e]+$/, { error: "use printable ASCII only." })
  .max(MAX_CLIENT_TOKEN_LENGTH, { error: `shorten it to at most ${MAX_CLIENT_TOKEN_LENGTH} characters, or leave it out to have one derived.` })
  .optional()
  .describe(`the ClientToken of the creation, printable ASCII, at most ${MAX_CLIENT_TOKEN_LENGTH} characters`);

/** The project, stack and resource name a ClientToken is derived from: the SDK sets it, the user never does. */
export const clientTokenScopeField = {
  schema: z.string().optional(),
  doc: "The project, stack and resource name the ClientToken is derived from; the SDK sets it.",
  onChange: "ignore",
  internal: true,
} as const;
