import { describe, expect, it } from "vitest";
import { ENDORSEMENT_REQUEST_STATUSES, PACKET_STATUSES } from "@/lib/domain/enums";
import type { PolicyViewer, Relationship } from "./core";
import { canAnswerEndorsementRequest, canAskForEndorsements, canCancelEndorsementRequest, canDeclineEndorsementRequest, canReadEndorsementRequest } from "./endorsements";

const ROLES: Record<string, [PolicyViewer, Relationship]> = {
  author: [{ id: "a", role: "engineer" }, "self"],
  "direct manager": [{ id: "m", role: "manager" }, "direct-report"],
  "manager above": [{ id: "d", role: "manager" }, "indirect-report"],
  admin: [{ id: "x", role: "admin" }, "none"],
  endorser: [{ id: "e", role: "engineer" }, "none"],
  "peer not asked": [{ id: "p", role: "engineer" }, "none"],
};
const OPEN = ["draft", "submitted", "endorsed"];

describe("endorsement requests, for every role, request status and packet status", () => {
  it("only the author asks, while the packet is a draft or with the manager", () => {
    for (const [name, [viewer, rel]] of Object.entries(ROLES))
      for (const status of PACKET_STATUSES) expect(canAskForEndorsements(viewer, rel, status), `${name} ${status}`).toBe(name === "author" && (status === "draft" || status === "submitted"));
  });

  it("only the author cancels, a request still pending on an open packet", () => {
    for (const [name, [viewer, rel]] of Object.entries(ROLES))
      for (const requestStatus of ENDORSEMENT_REQUEST_STATUSES)
        for (const status of PACKET_STATUSES)
          expect(canCancelEndorsementRequest(viewer, rel, { endorserId: "e", status: requestStatus }, status), `${name} ${requestStatus} ${status}`).toBe(name === "author" && requestStatus === "pending" && OPEN.includes(status));
  });

  it("only the endorser opens the request (until it is cancelled), answers it while the packet is open, and declines it while it is pending", () => {
    for (const [name, [viewer]] of Object.entries(ROLES))
      for (const requestStatus of ENDORSEMENT_REQUEST_STATUSES) {
        const request = { endorserId: "e", status: requestStatus };
        expect(canReadEndorsementRequest(viewer, request), `${name} reads ${requestStatus}`).toBe(name === "endorser" && requestStatus !== "cancelled");
        for (const status of PACKET_STATUSES) {
          expect(canAnswerEndorsementRequest(viewer, request, status), `${name} answers ${requestStatus} ${status}`).toBe(name === "endorser" && (requestStatus === "pending" || requestStatus === "answered") && OPEN.includes(status));
          expect(canDeclineEndorsementRequest(viewer, request, status), `${name} declines ${requestStatus} ${status}`).toBe(name === "endorser" && requestStatus === "pending" && OPEN.includes(status));
        }
      }
  });
});
