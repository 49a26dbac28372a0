import { runRows } from "@/lib/test/access-dal/harness";
import { frameworkRows, setupFramework } from "@/lib/test/access-dal/framework";

/* Access control of the framework (published and draft versions, the framework editor): the rows in lib/test/access-dal/framework.ts, on a database of this file's own. */
runRows(frameworkRows, setupFramework);
