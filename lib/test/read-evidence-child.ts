/* Reads a person's evidence log through the DAL from whatever database the environment names, as the app would after a restore, and prints it as JSON. */
import { listEvidence } from "@/lib/dal/evidence";
import { getViewerById } from "@/lib/dal/people";

const personId = process.argv[2]!;
const viewer = getViewerById(personId);
process.stdout.write(JSON.stringify(viewer ? listEvidence(viewer, personId).map((e) => e.title) : null));
