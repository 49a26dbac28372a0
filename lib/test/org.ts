import { db } from "@/db";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { getViewerById } from "@/lib/dal/people";
import type { Viewer } from "@/lib/domain/viewer";
import { insertPerson, type NewPerson } from "./factory";

/*
 * A small org for access-control tests:
 *   admin (no manager)
 *   director -> manager -> engineer, peer
 *   outsider (another branch, reports to the director's peer)
 */
export function buildOrg() {
  installDefaultFramework(db());
  const make = (o: NewPerson) => insertPerson(db(), o);
  const admin = make({ role: "admin", trackKey: "mgmt", levelKey: "m4", name: "Ada Admin" });
  const director = make({ role: "manager", trackKey: "mgmt", levelKey: "m3", name: "Dee Director" });
  const manager = make({ role: "manager", trackKey: "mgmt", levelKey: "m1", managerId: director.id, name: "Max Manager" });
  const engineer = make({ managerId: manager.id, name: "Eve Engineer" });
  const peer = make({ managerId: manager.id, name: "Pat Peer" });
  const otherManager = make({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: "Olga Other" });
  const outsider = make({ managerId: otherManager.id, name: "Oscar Outsider" });
  const viewer = (id: string): Viewer => getViewerById(id)!;
  return {
    people: { admin, director, manager, engineer, peer, otherManager, outsider },
    as: {
      admin: viewer(admin.id),
      director: viewer(director.id),
      manager: viewer(manager.id),
      engineer: viewer(engineer.id),
      peer: viewer(peer.id),
      otherManager: viewer(otherManager.id),
      outsider: viewer(outsider.id),
    },
  };
}

export type Org = ReturnType<typeof buildOrg>;
export type Actor = keyof Org["as"];

/* Someone new, signed in: for tests whose balances and limits must start at zero. */
export function newViewer(overrides: NewPerson = {}) {
  const person = insertPerson(db(), overrides);
  return { person, viewer: getViewerById(person.id)! };
}
