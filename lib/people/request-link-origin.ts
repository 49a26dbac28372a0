import "server-only";
import { headers } from "next/headers";
import { config } from "@/lib/config";
import { chooseLinkOrigin, type LinkOrigin } from "./link-origin";

/* The link origin for the request being served, so the admin page and the action that issues links agree. */
export async function requestLinkOrigin(): Promise<LinkOrigin> {
  return chooseLinkOrigin(config(), await headers());
}
