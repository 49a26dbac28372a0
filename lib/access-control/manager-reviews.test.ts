import { runRows } from "@/lib/test/access-dal/harness";
import { managerReviewRows, setupManagerReviews } from "@/lib/test/access-dal/manager-reviews";

/* Access control of manager reviews, private notes, the team's reviews, calibration and rating history: the rows in lib/test/access-dal/manager-reviews.ts, on a database of this file's own. */
runRows(managerReviewRows, setupManagerReviews);
