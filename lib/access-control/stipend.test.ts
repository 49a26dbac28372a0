import { runRows } from "@/lib/test/access-dal/harness";
import { setupStipend, stipendRows } from "@/lib/test/access-dal/stipend";

/* Access control of the stipend (team claims, claims, receipts, settings, the report): the rows in lib/test/access-dal/stipend.ts, on a database of this file's own. */
runRows(stipendRows, setupStipend);
