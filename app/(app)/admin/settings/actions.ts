"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { saveOrgTimeZone } from "@/lib/dal/org-settings";

const schema = z.object({
  timeZone: z.string().trim().min(1, "Choose a time zone"),
  version: z.coerce.number().int().min(0),
});

export const saveTimeZoneAction = formAction(schema, ({ timeZone, version }, { viewer }) => {
  const result = saveOrgTimeZone(viewer, timeZone, version);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, version: result.value, message: `Saved. Today, due dates and overdue now follow ${timeZone}.` };
});
