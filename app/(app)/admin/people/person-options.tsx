export type PersonOption = { id: string; name: string; team?: string };

/* <option>s for a person picker, with the team when there is one to tell namesakes apart. */
export function PersonOptions({ people, withTeam = false }: { people: PersonOption[]; withTeam?: boolean }) {
  return (
    <>
      {people.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
          {withTeam && p.team ? ` (${p.team})` : ""}
        </option>
      ))}
    </>
  );
}
