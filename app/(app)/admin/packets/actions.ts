"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { savePacketSettings } from "@/lib/dal/packet-settings";
import { readinessRuleInWords } from "@/lib/packets/readiness";

const schema = z
  .object({
    minimumRating: z.enum(["meets", "exceeds"], { error: "Choose the lowest rating that counts" }),
    gaps: z.enum(["any", "none", "limit"], { error: "Choose how justified gaps count" }),
    maxJustifiedGaps: z.string().trim().optional(),
    version: z.coerce.number().int().min(0),
  })
  .transform((input, ctx) => {
    if (input.gaps !== "limit") return { ...input, max: input.gaps === "none" ? 0 : null };
    const max = Number(input.maxJustifiedGaps);
    if (!input.maxJustifiedGaps || !Number.isInteger(max) || max < 1 || max > 99) {
      ctx.addIssue({ code: "custom", path: ["maxJustifiedGaps"], message: "Enter a whole number from 1 to 99" });
      return z.NEVER;
    }
    return { ...input, max };
  });

export const savePacketSettingsAction = formAction(schema, ({ minimumRating, max, version }, { viewer }) => {
  const rule = { minimumRating, maxJustifiedGaps: max };
  const result = savePacketSettings(viewer, rule, version);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, version: result.value, message: `Saved. ${readinessRuleInWords(rule)}` };
});
