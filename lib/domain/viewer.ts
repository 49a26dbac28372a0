import type { Role } from "./enums";

/* The signed-in person, as every page and action sees them. */
export type Viewer = {
  id: string;
  name: string;
  email: string;
  role: Role;
  trackKey: string;
  levelKey: string;
  managerId: string | null;
  team: string;
  hasPassword: boolean;
  hasReports: boolean;
};
