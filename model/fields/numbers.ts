import { z } from "zod";

/** A whole number in a range, every problem answered with the same words of what is allowed. */
export function wholeNumber(min: number | undefined, max: number | undefined, allowed: string) {
  let schema = z.number().int({ error: allowed });
  if (min !== undefined) schema = schema.min(min, { error: allowed });
  if (max !== undefined) schema = schema.max(max, { error: allowed });
  return schema;
}
