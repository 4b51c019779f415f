import { Connection, connectionKey } from "../../model/fields/connection";
export { describeConnection, describeConnections } from "../../model/fields/connection";

/** Whether two connections reach Alibaba Cloud the same way (the same settings, in any order). */
export function sameConnection(a: Connection | undefined, b: Connection | undefined): boolean {
  return connectionKey(a) === connectionKey(b);
}
