import { runRows } from "@/lib/test/access-dal/harness";
import { committeeRows, setupCommittee } from "@/lib/test/access-dal/committee";

/* Access control of endorsements and the committee (requests, answers, the committee's view, votes, decisions, reopening): the rows in lib/test/access-dal/committee.ts, on a database of this file's own. */
runRows(committeeRows, setupCommittee);
