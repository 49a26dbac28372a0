import { runRows } from "@/lib/test/access-dal/harness";
import { peopleRows, setupPeople } from "@/lib/test/access-dal/people";

/* Access control of people administration, profiles and sessions: the rows in lib/test/access-dal/people.ts, on a database of this file's own. */
runRows(peopleRows, setupPeople);
