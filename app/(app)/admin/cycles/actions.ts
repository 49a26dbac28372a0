"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { closeCycle, openCycle } from "@/lib/dal/review-cycles";
import { isoDate } from "@/lib/people/person-schema";

const openSchema = z.object({
  name: z.string().trim().min(1, "Name the cycle, like 2026 H1").max(80, "Use at most 80 characters"),
  selfDueOn: isoDate,
  managerDueOn: isoDate,
});

export const openCycleAction = formAction(openSchema, (input, { viewer }) => {
  const result = openCycle(viewer, input);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: `Opened ${input.name}: ${result.value.enrolled} people have a self-assessment to write.` };
});

export const closeCycleAction = formAction(z.object({ cycleId: z.string().min(1), version: z.coerce.number().int() }), ({ cycleId, version }, { viewer }) => {
  const result = closeCycle(viewer, cycleId, version);
  if (result.ok) revalidatePath("/", "layout");
  return result;
});
