// Resolves a connection's credentials the way the provider process does (dist/provider/client),
// in a process of its own: its environment (HOME, NODE_EXTRA_CA_CERTS, ALIBABA_CLOUD_*) is read
// when the process starts, as in a real run. With an endpoint, makes one call as them.
// Prints what the test compares: never the secret or the token themselves.
const path = require("node:path");
const root = path.resolve(__dirname, "../..");
const { resolveSettings } = require(path.join(root, "dist/provider/client/settings"));
const { LiveClient } = require(path.join(root, "dist/provider/client/live-client"));

async function main() {
  const connection = process.argv[2] ? JSON.parse(process.argv[2]) : undefined;
  const settings = resolveSettings(undefined, process.env, connection);
  try {
    const found = await settings.credentials.getCredentials();
    let created;
    if (process.env.CREATE_STUDIO_NAMED) {
      const client = new LiveClient(settings);
      created = (await client.call("CreateCaster", { ClientToken: `${process.env.CREATE_STUDIO_NAMED}-${Date.now()}`, NormType: 1, ChargeType: "PostPaid", CasterName: process.env.CREATE_STUDIO_NAMED })).CasterId;
    }
    process.stdout.write(JSON.stringify({
      accessKeyId: found.accessKeyId,
      hasSecret: Boolean(found.accessKeySecret),
      hasToken: Boolean(found.securityToken),
      regionId: settings.regionId,
      endpoint: settings.endpoint,
      created,
    }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: error.message, name: error.name }));
  }
}
main();
