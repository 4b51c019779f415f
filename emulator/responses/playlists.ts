import {
  addPlaylistItems, deletePlaylist, deletePlaylistItems, editPlaylist, itemIdList, itemIdsToDelete, ItemsResult, listPlaylistItems, listPlaylists,
  parseProgramConfig, parseProgramItems, startPlaylist, stopPlaylist,
} from "../models/playlists";
import { PlaylistRecord } from "../models/state";
import { OperationContext, OperationHandler } from "./operation";
import { requestedPage } from "./paging";

/** Playlists of lightweight carousel studios (emulator/models/playlists.ts). */

export const AddPlaylistItems: OperationHandler<"AddPlaylistItems"> = (call) => {
  const p = call.params;
  const casterId = p.required("CasterId");
  const programId = p.optional("ProgramId");
  const input = { ...parseProgramItems(p.required("ProgramItems")), config: parseProgramConfig(p.optional("ProgramConfig")) };
  const result = call.backend.change(call.uid, (account) => addPlaylistItems(account, casterId, programId, input));
  return { ProgramId: result.playlist.programId, Items: itemsReply(result) };
};

export const EditPlaylist: OperationHandler<"EditPlaylist"> = (call) => {
  const p = call.params;
  const programId = p.required("ProgramId");
  const input = { ...parseProgramItems(p.required("ProgramItems")), config: parseProgramConfig(p.optional("ProgramConfig")) };
  const result = call.backend.change(call.uid, (account) => editPlaylist(account, programId, input));
  return { CasterId: result.playlist.casterId, ProgramId: programId, Items: itemsReply(result) };
};

export const DeletePlaylistItems: OperationHandler<"DeletePlaylistItems"> = (call) => {
  const programId = call.params.required("ProgramId");
  const itemIds = itemIdsToDelete(call.params.required("ProgramItemIds"));
  call.backend.change(call.uid, (account) => deletePlaylistItems(account, programId, itemIds));
  return { ProgramId: programId };
};

export const DeletePlaylist: OperationHandler<"DeletePlaylist"> = (call) => {
  const programId = call.params.required("ProgramId");
  call.backend.change(call.uid, (account) => deletePlaylist(account, programId));
  return { ProgramId: programId };
};

export const ListPlaylist: OperationHandler<"ListPlaylist"> = (call) => {
  const page = requestedPage("ListPlaylist", call.params);
  const programId = call.params.optional("ProgramId");
  const playlists = call.backend.read(call.uid, (account) => listPlaylists(account, programId).map((playlist) => ({ playlist, domainName: account.casters[playlist.casterId].config.domainName })));
  return page.of(playlists, ({ playlist, domainName }) => ({
    ProgramId: playlist.programId,
    ProgramName: playlist.programName,
    CasterId: playlist.casterId,
    DomainName: domainName,
    RepeatNumber: playlist.repeatNumber,
    Status: playlist.status,
  }));
};

export const ListPlaylistItems: OperationHandler<"ListPlaylistItems"> = (call) => {
  const programId = call.params.required("ProgramId");
  const named = call.params.optional("ProgramItemIds");
  const items = call.backend.read(call.uid, (account) => listPlaylistItems(account, programId, named === undefined ? undefined : itemIdList(named)));
  return {
    Total: items.length,
    ProgramItems: items.map(({ item, index }) => ({
      ProgramId: programId,
      ProgramItemId: item.itemId,
      ProgramItemName: item.itemName,
      ResourceType: item.resourceType,
      ResourceValue: item.resourceValue,
      // The playing order, from 0: the page's examples are not stored.
      Index: index,
    })),
  };
};

export const StartPlaylist: OperationHandler<"StartPlaylist"> = (call) => {
  const p = call.params;
  const programId = p.required("ProgramId");
  const input = { resumeMode: p.optional("ResumeMode"), startItemId: p.optional("StartItemId"), offset: p.optionalInteger("Offset") };
  const { playlist, domainName } = call.backend.change(call.uid, (account) => {
    const started = startPlaylist(account, programId, input);
    return { playlist: started, domainName: account.casters[started.casterId].config.domainName };
  });
  return { ProgramId: programId, StreamInfo: streamInfo(call, playlist, domainName) };
};

export const StopPlaylist: OperationHandler<"StopPlaylist"> = (call) => {
  const programId = call.params.required("ProgramId");
  call.backend.change(call.uid, (account) => stopPlaylist(account, programId));
  return { ProgramId: programId };
};

function itemsReply(result: ItemsResult) {
  return {
    SuccessItems: result.added.map((item) => ({ ItemId: item.itemId, ItemName: item.itemName })),
    FailedItems: result.failed.map((item) => ({ ItemId: "", ItemName: item.itemName })),
  };
}

/** The list's output, on the studio's domain (the SDK's example: app `caster`, URLs in FLV, M3U8 and RTMP, quality original). */
function streamInfo(call: OperationContext, playlist: PlaylistRecord, studioDomain: string) {
  const domainName = studioDomain || call.casterDefaults.domainName;
  const appName = "caster";
  const streamName = playlist.programId;
  return {
    AppName: appName,
    DomainName: domainName,
    StreamName: streamName,
    Streams: {
      Stream: [{
        Quality: "original",
        PullFlvUrl: `http://${domainName}/${appName}/${streamName}.flv`,
        PullM3U8Url: `http://${domainName}/${appName}/${streamName}.m3u8`,
        PullRtmpUrl: `rtmp://${domainName}/${appName}/${streamName}`,
      }],
    },
  };
}
