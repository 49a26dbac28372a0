"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { moveToManager } from "@/lib/dal/people-admin";

const schema = z.object({
  personId: z.string().min(1, "Choose who moves"),
  managerId: z.string().transform((v) => v || null),
});

export const movePersonAction = formAction(schema, ({ personId, managerId }, { viewer }) => {
  const result = moveToManager(viewer, personId, managerId);
  if (!result.ok) return result;
  revalidatePath("/admin/org");
  return { ...result, message: "Moved." };
});
