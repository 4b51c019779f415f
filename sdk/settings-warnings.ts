import * as pulumi from "@pulumi/pulumi";
import { IGNORED_CREDENTIAL_CONFIG_KEYS } from "../provider/client/settings";

let warned = false;

/**
 * Says once per program that credentials in stack config are not used by this package, and why,
 * so that a user who kept them there (as @pulumi/alicloud's docs show) learns it in the preview,
 * not from a failed refresh after a key rotation.
 */
export function warnAboutCredentialsInConfig(): void {
  if (warned) return;
  warned = true;
  const present = IGNORED_CREDENTIAL_CONFIG_KEYS.filter((qualified) => {
    const [namespace, key] = qualified.split(":");
    return new pulumi.Config(namespace).get(key) !== undefined;
  });
  if (present.length === 0) return;
  void pulumi.log.warn(
    `pulumi-alicloud-caster does not read ${present.join(", ")} from stack config: the engine stores stack config in the state, ` +
      "and refresh and destroy would sign with that stored copy after a key rotation. It takes credentials from the " +
      "environment (ALIBABA_CLOUD_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET), an Alibaba Cloud CLI profile or a RAM role. " +
      `Unless another provider of this stack needs them, run ${present.map((key) => `\`pulumi config rm ${key}\``).join(" and ")}.`,
  );
}
