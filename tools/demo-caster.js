#!/usr/bin/env node
// Creates (or finds again: CreateCaster is idempotent by ClientToken) the demo studio on the
// endpoint given as the first argument, with the demo account, and prints its CasterId.
const { LiveClient } = require("pulumi-alicloud-caster/provider");

const [endpoint] = process.argv.slice(2);
const client = new LiveClient({
  endpoint,
  regionId: "cn-shanghai",
  timeoutMs: 10000,
  credentials: { accessKeyId: "emulator-demo-key", accessKeySecret: "emulator-demo-secret" },
});
client
  .call("CreateCaster", { ClientToken: "caster-demo-studio", NormType: 1, ChargeType: "PostPaid", CasterName: "Demo studio" })
  .then((reply) => console.log(reply.CasterId))
  .catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
