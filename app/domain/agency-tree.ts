/** Agencies form a tree (a ministry, its directions…): display order and cycle checks. Pure. */

export interface AgencyNode {
  id: number;
  parentId: number | null;
  nameFr: string;
}

/** Parents then their children (by French name), with each one's depth (0 for a root). */
export function treeOrder<T extends AgencyNode>(agencies: readonly T[]): (T & { depth: number })[] {
  const byName = (a: T, b: T) => a.nameFr.localeCompare(b.nameFr, "fr");
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<number | null, T[]>();
  for (const agency of agencies) {
    const parent = agency.parentId !== null && ids.has(agency.parentId) ? agency.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), agency]);
  }
  const out: (T & { depth: number })[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number) => {
    for (const agency of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(agency.id)) continue;
      seen.add(agency.id);
      out.push({ ...agency, depth });
      visit(agency.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The ids of every agency under `id` (children, grandchildren…). */
export function descendantIds(agencies: readonly AgencyNode[], id: number): Set<number> {
  const found = new Set<number>();
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const agency of agencies) {
      if (agency.parentId === current && !found.has(agency.id) && agency.id !== id) {
        found.add(agency.id);
        queue.push(agency.id);
      }
    }
  }
  return found;
}

/** Whether `parentId` may become the parent of `id`: not itself, not one of its descendants. */
export function isAllowedParent(agencies: readonly AgencyNode[], id: number, parentId: number | null): boolean {
  if (parentId === null) return true;
  return parentId !== id && !descendantIds(agencies, id).has(parentId);
}
