import { randomBytes, randomUUID } from "node:crypto";

const ALPHANUMERIC = "0123456789abcdefghijklmnopqrstuvwxyz";

export function newRequestId(): string {
  return randomUUID().toUpperCase();
}

/** Shaped like the console's IDs: `LIVEPRODUCER_POST-cn-0pp1czt3x0b`. */
export function newCasterId(regionId: string): string {
  const bytes = randomBytes(11);
  const suffix = Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join("");
  const regionShort = regionId.split("-")[0] || "cn";
  return `LIVEPRODUCER_POST-${regionShort}-${suffix}`;
}

export function newResourceId(): string {
  return randomUUID();
}

/** The API's time format: UTC, seconds, `Z`. */
export { toApiTime as apiTime } from "../../model/api-facts";
