import { runRows } from "@/lib/test/access-dal/harness";
import { accountRows, setupAccount } from "@/lib/test/access-dal/account";

/* Access control of what everyone does for themselves (password, sessions, own claim and evidence), notifications and the data export: the rows in lib/test/access-dal/account.ts, on a database of this file's own. */
runRows(accountRows, setupAccount);
