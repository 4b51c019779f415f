import * as fs from "node:fs";

/** An access key the emulator accepts, and the account it belongs to. */
export interface AccountKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** The account's UID: keys with one UID (a main account and its RAM users) see the same studios. */
  uid: string;
  /** A disabled key answers InvalidAccessKeyId.Inactive. */
  active?: boolean;
}

/** The one account the emulator has when no --accounts file is given; the README names it. */
export const DEMO_ACCOUNT: AccountKey = {
  accessKeyId: "emulator-demo-key",
  accessKeySecret: "emulator-demo-secret",
  uid: "1000000000000001",
};

export function loadAccountsFile(file: string): AccountKey[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new Error(`${file} must hold a non-empty JSON array of {"accessKeyId", "accessKeySecret", "uid"}.`);
  }
  return parsed.map((entry, index) => {
    const where = `${file}[${index}]`;
    for (const field of ["accessKeyId", "accessKeySecret", "uid"] as const) {
      if (typeof entry?.[field] !== "string" || entry[field] === "") {
        throw new Error(`${where}.${field} must be a non-empty string.`);
      }
    }
    if (entry.active !== undefined && typeof entry.active !== "boolean") {
      throw new Error(`${where}.active must be true or false.`);
    }
    return entry as AccountKey;
  });
}
