import { runRows } from "@/lib/test/access-dal/harness";
import { packetRows, setupPackets } from "@/lib/test/access-dal/packets";

/* Access control of promotion packets (reading, documents, starting, the case, the manager's review, notes, the readiness rule): the rows in lib/test/access-dal/packets.ts, on a database of this file's own. */
runRows(packetRows, setupPackets);
