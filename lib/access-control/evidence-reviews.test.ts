import { runRows } from "@/lib/test/access-dal/harness";
import { evidenceReviewRows, setupEvidenceReviews } from "@/lib/test/access-dal/evidence-reviews";

/* Access control of evidence, review cycles, self-assessments and org settings: the rows in lib/test/access-dal/evidence-reviews.ts, on a database of this file's own. */
runRows(evidenceReviewRows, setupEvidenceReviews);
