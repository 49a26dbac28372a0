import { z } from "zod";
import { ROLES } from "@/lib/domain/enums";

/* Field rules for a person, shared by the add/edit forms and the CSV import. */
export const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-01-31")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "That date does not exist");

export const personFields = {
  name: z.string().trim().min(1, "Enter a name").max(120, "Use at most 120 characters"),
  email: z.string().trim().toLowerCase().min(1, "Enter an email address").max(320).pipe(z.email("Enter an email address like name@company.com")),
  role: z.enum(ROLES, { error: "Choose engineer, manager or admin" }),
  team: z.string().trim().max(80, "Use at most 80 characters"),
  startDate: isoDate,
};
