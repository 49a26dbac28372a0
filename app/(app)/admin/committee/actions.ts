"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { setCommitteeMember } from "@/lib/dal/committee";

const schema = z.object({ personId: z.string().min(1, "Choose a person"), member: z.enum(["true", "false"]) });

export const setCommitteeMemberAction = formAction(schema, ({ personId, member }, { viewer }) => {
  const result = setCommitteeMember(viewer, personId, member === "true");
  if (result.ok) revalidatePath("/admin/committee");
  return result;
});
