import { LiveClient } from "../../provider/client/live-client";

/**
 * A new studio as one in use is: with a streaming domain of its own, which a new studio lacks
 * until SetCasterConfig gives it one (CreateCaster takes none). StartCaster needs it, and so does
 * an episode group, which plays on its studio's domain; one of its own keeps its groups out of the
 * other studios' programs. The tests' fixture and the benchmark make their studios with it.
 */
export async function createStudioInUse(client: LiveClient, name: string, clientToken: string): Promise<string> {
  const reply = await client.call("CreateCaster", { ClientToken: clientToken, NormType: 1, ChargeType: "PostPaid", CasterName: name });
  const casterId = reply.CasterId!;
  // SetCasterConfig sets the whole configuration: the callback and template go with the domain.
  await client.call("SetCasterConfig", {
    CasterId: casterId,
    CasterName: name,
    DomainName: `${casterId.split("-").pop()!.toLowerCase()}.live.example.com`,
    CallbackUrl: "http://callback.example.com/caster",
    TranscodeConfig: JSON.stringify({ CasterTemplate: "lp_sd" }),
  });
  return casterId;
}
